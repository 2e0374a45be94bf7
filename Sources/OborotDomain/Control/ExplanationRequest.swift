public import Foundation

/// A request for an explanation of a missed deadline (МЭДО event 008), and the executor's answer.
public struct ExplanationRequest: Sendable, Hashable, Identifiable {
    public let id: UUID
    public let assignmentID: UUID
    public let requestedByUserID: UUID
    public let question: String
    public let requestedAt: Date
    public var answer: String?
    public var answeredByUserID: UUID?
    public var answeredAt: Date?

    public init(
        id: UUID, assignmentID: UUID, requestedByUserID: UUID, question: String, requestedAt: Date, answer: String? = nil,
        answeredByUserID: UUID? = nil, answeredAt: Date? = nil
    ) {
        self.id = id
        self.assignmentID = assignmentID
        self.requestedByUserID = requestedByUserID
        self.question = question
        self.requestedAt = requestedAt
        self.answer = answer
        self.answeredByUserID = answeredByUserID
        self.answeredAt = answeredAt
    }
}
