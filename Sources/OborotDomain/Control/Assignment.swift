public import Foundation

/// One executor's part of a resolution (поручение). The responsible executor's assignment is the one whose
/// accepted report completes the resolution's task; co-executors report to the same author.
///
/// An executor may pass the work down by a sub-assignment: its `parentID` is the executor's own assignment, its
/// author the executor. The tree grows down the hierarchy; the parent shows the state of its children.
public struct Assignment: Sendable, Hashable, Identifiable {
    public let id: UUID
    public let resolutionID: UUID
    public let documentID: UUID
    public var parentID: UUID?
    /// Who issued it: the head for a resolution's assignments, the executor above for a sub-assignment.
    public var authorUserID: UUID
    public var executor: Executor
    public var responsible: Bool
    public var text: String
    public var deadline: CalendarDate?
    /// The deadline it was issued with; extensions never change it.
    public var initialDeadline: CalendarDate?
    public var deadlineExplanation: String?
    public var state: AssignmentState
    public var controlOfficerUserID: UUID?
    public var issuedAt: Date
    /// The day it was issued and the day it was completed, in the executor's time zone: discipline reports compare
    /// them with the deadline.
    public var issuedOn: CalendarDate
    public var completedAt: Date?
    public var completedOn: CalendarDate?
    public var version: Int

    public init(
        id: UUID, resolutionID: UUID, documentID: UUID, parentID: UUID?, authorUserID: UUID, executor: Executor,
        responsible: Bool, text: String, deadline: CalendarDate?, deadlineExplanation: String?, state: AssignmentState,
        controlOfficerUserID: UUID?, issuedAt: Date, issuedOn: CalendarDate, completedAt: Date? = nil,
        completedOn: CalendarDate? = nil, initialDeadline: CalendarDate? = nil, version: Int = 1
    ) {
        self.id = id
        self.resolutionID = resolutionID
        self.documentID = documentID
        self.parentID = parentID
        self.authorUserID = authorUserID
        self.executor = executor
        self.responsible = responsible
        self.text = text
        self.deadline = deadline
        self.initialDeadline = initialDeadline ?? deadline
        self.deadlineExplanation = deadlineExplanation
        self.state = state
        self.controlOfficerUserID = controlOfficerUserID
        self.issuedAt = issuedAt
        self.issuedOn = issuedOn
        self.completedAt = completedAt
        self.completedOn = completedOn
        self.version = version
    }

    /// Overdue once its last day has ended in the executor's time zone and it is still open.
    public func isOverdue(today: CalendarDate) -> Bool {
        guard let deadline, state.isOpen else { return false }
        return today > deadline
    }
}

/// Who executes: a person (a user) or an organisation (its head receives it).
public enum Executor: Sendable, Hashable {
    case person(userID: UUID, organizationID: UUID)
    case organization(UUID)

    /// The organisation the work belongs to: the person's, or the organisation itself.
    public var organizationID: UUID {
        switch self {
        case .person(_, let organizationID): organizationID
        case .organization(let id): id
        }
    }

    public var userID: UUID? {
        if case .person(let userID, _) = self { return userID }
        return nil
    }

    /// A person as a request names them, before their organisation is looked up from their employee record (the
    /// service resolves it when issuing). Two of these are equal exactly when they name the same person.
    public static func personToResolve(_ userID: UUID) -> Executor {
        .person(userID: userID, organizationID: userID)
    }
}
