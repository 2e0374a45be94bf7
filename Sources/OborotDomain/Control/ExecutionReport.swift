public import Foundation

/// An executor's report on an assignment; the control officer or the author accepts it or returns it with a comment.
public struct ExecutionReport: Sendable, Hashable, Identifiable {
    public enum Decision: String, Sendable, Hashable, Codable {
        case accepted
        case returned
    }

    public let id: UUID
    public let assignmentID: UUID
    /// The executor the report speaks for.
    public let authorUserID: UUID
    /// An assistant who submitted it for the executor.
    public let actingUserID: UUID?
    public let text: String
    public let submittedAt: Date
    public var decision: Decision?
    public var decidedByUserID: UUID?
    public var decidedAt: Date?
    public var comment: String?

    public init(
        id: UUID, assignmentID: UUID, authorUserID: UUID, actingUserID: UUID?, text: String, submittedAt: Date,
        decision: Decision? = nil, decidedByUserID: UUID? = nil, decidedAt: Date? = nil, comment: String? = nil
    ) {
        self.id = id
        self.assignmentID = assignmentID
        self.authorUserID = authorUserID
        self.actingUserID = actingUserID
        self.text = text
        self.submittedAt = submittedAt
        self.decision = decision
        self.decidedByUserID = decidedByUserID
        self.decidedAt = decidedAt
        self.comment = comment
    }
}
