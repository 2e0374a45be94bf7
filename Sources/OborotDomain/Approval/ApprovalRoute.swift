public import Foundation

/// An approval route (лист согласования) of a draft: stages that run one after another, the approvers of a stage
/// in parallel. A sequential route has one approver per stage, a parallel one a single stage, a mixed one both.
///
/// Each restart after a new version or a refusal opens a new `round`; the steps of earlier rounds stay as they
/// were decided, for the approval sheet.
public struct ApprovalRoute: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var documentID: UUID
    public var state: ApprovalRouteState
    public var round: Int
    /// What a new version of the draft's files restarts: the whole route or only the current stage.
    public var restartMode: ApprovalRestartMode
    public var createdByUserID: UUID
    public var createdAt: Date
    public var version: Int
    /// Every step of every round, ordered by round, stage and position.
    public var steps: [ApprovalStep]

    public init(
        id: UUID, documentID: UUID, state: ApprovalRouteState, round: Int, restartMode: ApprovalRestartMode,
        createdByUserID: UUID, createdAt: Date, version: Int, steps: [ApprovalStep]
    ) {
        self.id = id
        self.documentID = documentID
        self.state = state
        self.round = round
        self.restartMode = restartMode
        self.createdByUserID = createdByUserID
        self.createdAt = createdAt
        self.version = version
        self.steps = steps
    }

    /// The steps of the current round.
    public var currentSteps: [ApprovalStep] { steps.filter { $0.round == round } }

    /// The stage whose approvers are deciding now (nil once the round is over).
    public var activeStage: Int? { currentSteps.first { $0.state == .active }?.stage }

    /// The number of stages of the current round.
    public var stageCount: Int { (currentSteps.map(\.stage).max() ?? -1) + 1 }
}

/// Where a route is.
public enum ApprovalRouteState: String, Sendable, CaseIterable, Codable {
    /// Approvers are deciding.
    case inProgress = "in_progress"
    /// Every approver of every stage agreed: the draft may be signed.
    case approved
    /// An approver refused; the author revises the draft and restarts the route.
    case rejected
    /// The author withdrew the route.
    case cancelled

    public var russianName: String {
        switch self {
        case .inProgress: "На согласовании"
        case .approved: "Согласовано"
        case .rejected: "Не согласовано"
        case .cancelled: "Согласование отозвано"
        }
    }
}

/// What restarts when the draft changes after approvers have decided.
public enum ApprovalRestartMode: String, Sendable, CaseIterable, Codable {
    /// Every stage again from the first.
    case route
    /// Only the stage that was deciding (or refused); earlier stages' approvals carry over.
    case stage

    public var russianName: String {
        switch self {
        case .route: "весь маршрут заново"
        case .stage: "только текущий этап"
        }
    }
}

/// One approver's part in one round of a route.
public struct ApprovalStep: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var round: Int
    /// 0-based stage; stages run in order, the steps of one stage in parallel.
    public var stage: Int
    /// Order within the stage, for display.
    public var position: Int
    public var approverEmployeeID: UUID
    public var approverUserID: UUID
    public var state: ApprovalStepState
    /// Working days the approver has once the stage starts.
    public var workingDays: Int
    /// Set when the stage starts.
    public var deadline: CalendarDate?
    public var activatedAt: Date?
    public var decidedAt: Date?
    public var comment: String?
    /// The decision was carried over from an earlier round (a restart of a later stage only).
    public var carriedOver: Bool

    public init(
        id: UUID, round: Int, stage: Int, position: Int, approverEmployeeID: UUID, approverUserID: UUID,
        state: ApprovalStepState, workingDays: Int, deadline: CalendarDate? = nil, activatedAt: Date? = nil,
        decidedAt: Date? = nil, comment: String? = nil, carriedOver: Bool = false
    ) {
        self.id = id
        self.round = round
        self.stage = stage
        self.position = position
        self.approverEmployeeID = approverEmployeeID
        self.approverUserID = approverUserID
        self.state = state
        self.workingDays = workingDays
        self.deadline = deadline
        self.activatedAt = activatedAt
        self.decidedAt = decidedAt
        self.comment = comment
        self.carriedOver = carriedOver
    }

    /// Past its deadline and still undecided, as seen on `today` in the organisation's zone.
    public func isOverdue(today: CalendarDate) -> Bool {
        state == .active && deadline.map { today > $0 } == true
    }
}

/// Where one approver's step is.
public enum ApprovalStepState: String, Sendable, CaseIterable, Codable {
    /// An earlier stage is still deciding.
    case waiting
    /// The approver is to decide now.
    case active
    case approved
    case approvedWithRemarks = "approved_with_remarks"
    case rejected
    /// Not needed any more: another approver refused, or the route was restarted or withdrawn first.
    case skipped

    public var isPositive: Bool { self == .approved || self == .approvedWithRemarks }

    public var russianName: String {
        switch self {
        case .waiting: "Ожидает"
        case .active: "На согласовании"
        case .approved: "Согласовано"
        case .approvedWithRemarks: "Согласовано с замечаниями"
        case .rejected: "Не согласовано"
        case .skipped: "Не потребовалось"
        }
    }
}

/// An approver's decision.
public enum ApprovalDecision: String, Sendable, CaseIterable, Codable {
    case approved
    case approvedWithRemarks = "approved_with_remarks"
    case rejected

    var resultingState: ApprovalStepState {
        switch self {
        case .approved: .approved
        case .approvedWithRemarks: .approvedWithRemarks
        case .rejected: .rejected
        }
    }
}

/// The approvers a route asks for, stage by stage, before any step exists.
public struct ApprovalPlan: Sendable, Equatable {
    public struct Approver: Sendable, Equatable {
        public var employeeID: UUID
        public var userID: UUID
        public var workingDays: Int

        public init(employeeID: UUID, userID: UUID, workingDays: Int = ApprovalRules.defaultWorkingDays) {
            self.employeeID = employeeID
            self.userID = userID
            self.workingDays = workingDays
        }
    }

    public var stages: [[Approver]]

    public init(stages: [[Approver]]) { self.stages = stages }
}
