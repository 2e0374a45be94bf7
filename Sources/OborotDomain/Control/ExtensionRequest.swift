public import Foundation

/// An executor's request to move an assignment's deadline, and its way to the author, who alone decides.
///
/// A co-executor's request goes first to the responsible executor, then to the control officer, then to the
/// author; a responsible executor's starts at the control officer. Stages nobody holds (no control officer, or the
/// control officer is the author) are skipped.
public struct ExtensionRequest: Sendable, Hashable, Identifiable {
    public enum Stage: String, Sendable, Hashable, Codable, CaseIterable {
        case responsibleExecutor = "responsible_executor"
        case controlOfficer = "control_officer"
        case author

        public var russianName: String {
            switch self {
            case .responsibleExecutor: "у ответственного исполнителя"
            case .controlOfficer: "у контролёра"
            case .author: "у автора поручения"
            }
        }
    }

    public enum State: String, Sendable, Hashable, Codable {
        case pending
        case approved
        case refused

        public var russianName: String {
            switch self {
            case .pending: "На рассмотрении"
            case .approved: "Срок продлён"
            case .refused: "Отказано"
            }
        }
    }

    public let id: UUID
    public let assignmentID: UUID
    /// Numbered per assignment: 1, 2, 3…
    public let number: Int
    public let requestedByUserID: UUID
    public let proposedDate: CalendarDate
    public let reason: String
    public var stage: Stage
    public var state: State
    /// The new deadline the author set (may differ from the proposed one).
    public var decidedDate: CalendarDate?
    public var decidedByUserID: UUID?
    public var decidedAt: Date?
    public var comment: String?
    public let createdAt: Date

    public init(
        id: UUID, assignmentID: UUID, number: Int, requestedByUserID: UUID, proposedDate: CalendarDate, reason: String,
        stage: Stage, state: State = .pending, decidedDate: CalendarDate? = nil, decidedByUserID: UUID? = nil,
        decidedAt: Date? = nil, comment: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.assignmentID = assignmentID
        self.number = number
        self.requestedByUserID = requestedByUserID
        self.proposedDate = proposedDate
        self.reason = reason
        self.stage = stage
        self.state = state
        self.decidedDate = decidedDate
        self.decidedByUserID = decidedByUserID
        self.decidedAt = decidedAt
        self.comment = comment
        self.createdAt = createdAt
    }
}

/// The route of an extension request and the checks on it, as pure functions.
public enum ExtensionRules {
    /// Who is asked at each stage, and where a request starts.
    public struct Route: Sendable, Hashable {
        /// The responsible executor's user, for a co-executor's request.
        public var responsibleExecutor: UUID?
        public var controlOfficer: UUID?
        public var author: UUID

        public init(responsibleExecutor: UUID?, controlOfficer: UUID?, author: UUID) {
            self.responsibleExecutor = responsibleExecutor
            self.controlOfficer = controlOfficer
            self.author = author
        }

        /// The stages in order, leaving out those nobody (else) holds.
        public var stages: [ExtensionRequest.Stage] {
            var stages: [ExtensionRequest.Stage] = []
            if responsibleExecutor != nil { stages.append(.responsibleExecutor) }
            if let controlOfficer, controlOfficer != author { stages.append(.controlOfficer) }
            stages.append(.author)
            return stages
        }

        public func holder(of stage: ExtensionRequest.Stage) -> UUID? {
            switch stage {
            case .responsibleExecutor: responsibleExecutor
            case .controlOfficer: controlOfficer
            case .author: author
            }
        }

        /// The stage after `stage`, or nil when it was the author's.
        public func stage(after stage: ExtensionRequest.Stage) -> ExtensionRequest.Stage? {
            guard let index = stages.firstIndex(of: stage), index + 1 < stages.count else { return nil }
            return stages[index + 1]
        }
    }

    /// A proposed or decided date: later than the current deadline, not in the past, within a year.
    public static func problems(
        date: CalendarDate, currentDeadline: CalendarDate?, today: CalendarDate, field: String
    ) -> [FieldProblem] {
        var problems = DeadlinePolicy.problems(deadline: date, today: today, field: field)
        if problems.isEmpty, let currentDeadline, date <= currentDeadline {
            problems.append(
                FieldProblem(
                    field: field, code: "not_later",
                    message: "Новый срок должен быть позже текущего (\(currentDeadline.russian))."))
        }
        return problems
    }
}
