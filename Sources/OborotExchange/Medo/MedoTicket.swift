public import Foundation

/// A delivery ticket («Квитанция», `acknowledgment`): whether a message reached its recipient.
public struct MedoTicket: Sendable, Equatable {
    /// The uid of the message (its header uid) the ticket is about.
    public var messageUID: String
    public var time: Date
    /// True when the message was delivered; false when the operator could not deliver it.
    public var accepted: Bool
    public var comment: String?

    public init(messageUID: String, time: Date, accepted: Bool, comment: String? = nil) {
        self.messageUID = messageUID
        self.time = time
        self.accepted = accepted
        self.comment = comment
    }
}
