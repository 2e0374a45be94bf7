public import Foundation

/// One МЭДО packet as it arrives in (or leaves through) a transport folder: the envelope and what it carries.
///
/// The same value describes every generation (2.2–2.6, 2.7, 2.7.1); `version` says which one it came in.
public struct MedoPacket: Sendable, Equatable {
    /// The format version of the envelope, as written in it: "2.2" … "2.7.1".
    public var version: String
    public var header: MedoHeader
    public var content: MedoContent

    public init(version: String, header: MedoHeader, content: MedoContent) {
        self.version = version
        self.header = header
        self.content = content
    }
}

/// What a packet carries: a document, a notification about a document, or a delivery ticket.
public enum MedoContent: Sendable, Equatable {
    case document(MedoDocument)
    case notification(MedoNotification)
    case ticket(MedoTicket)
}

/// The envelope header: what kind of message this is, its uid and who sent it.
public struct MedoHeader: Sendable, Equatable {
    public var type: MedoMessageType
    /// The message's own uid; a ticket refers to it, and re-delivery of the same uid is the same packet.
    public var uid: String
    public var created: Date
    /// The sender's МЭДО participant uid.
    public var sourceUID: String
    public var sourceOrganization: String

    public init(type: MedoMessageType, uid: String, created: Date, sourceUID: String, sourceOrganization: String) {
        self.type = type
        self.uid = uid
        self.created = created
        self.sourceUID = sourceUID
        self.sourceOrganization = sourceOrganization
    }
}

/// `header@type`: the message types the exchange knows, by their Russian labels in the format.
public enum MedoMessageType: String, Sendable, Equatable, CaseIterable {
    case document = "Документ"
    case notification = "Уведомление"
    case ticket = "Квитанция"
    /// 2.7: the document travels in a zip container described by `passport.xml`.
    case transportContainer = "Транспортный контейнер"
}
