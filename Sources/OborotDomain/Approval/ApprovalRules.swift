public import Foundation

/// The approval route as pure functions: starting, deciding, restarting and withdrawing a route, and whether a
/// draft may be signed. Every function returns the whole new route or throws and changes nothing.
public enum ApprovalRules {
    /// The customary time an approver has: three working days from the start of the stage.
    public static let defaultWorkingDays = 3
    static let maxStages = 20
    static let maxApprovers = 60
    static let maxWorkingDays = 60
    static let maxCommentLength = 4000

    /// Everything wrong with a plan, as field problems (`stages[i][j]`).
    public static func problems(_ plan: ApprovalPlan) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if plan.stages.isEmpty || plan.stages.allSatisfy(\.isEmpty) {
            return [FieldProblem(field: "stages", code: "required", message: ApprovalTexts.noApprovers)]
        }
        if plan.stages.count > maxStages {
            problems.append(FieldProblem(field: "stages", code: "too_many", message: ApprovalTexts.tooManyStages(maxStages)))
        }
        if plan.stages.joined().count > maxApprovers {
            problems.append(FieldProblem(field: "stages", code: "too_many", message: ApprovalTexts.tooManyApprovers(maxApprovers)))
        }
        var seen: Set<UUID> = []
        for (stageIndex, stage) in plan.stages.enumerated() {
            if stage.isEmpty {
                problems.append(FieldProblem(field: "stages[\(stageIndex)]", code: "empty_stage", message: ApprovalTexts.emptyStage(stageIndex)))
            }
            for (index, approver) in stage.enumerated() {
                let field = "stages[\(stageIndex)][\(index)]"
                if !seen.insert(approver.employeeID).inserted {
                    problems.append(FieldProblem(field: field, code: "duplicate_approver", message: ApprovalTexts.duplicateApprover))
                }
                if !(1...maxWorkingDays).contains(approver.workingDays) {
                    problems.append(FieldProblem(field: field, code: "invalid_days", message: ApprovalTexts.badDays(maxWorkingDays)))
                }
            }
        }
        return problems
    }

    /// The clock and the calendar a change is made with.
    public struct Moment: Sendable {
        public var now: Date
        /// Today in the document organisation's time zone.
        public var today: CalendarDate
        public var calendar: WorkCalendar

        public init(now: Date, today: CalendarDate, calendar: WorkCalendar) {
            self.now = now
            self.today = today
            self.calendar = calendar
        }
    }

    /// A new route in progress: the first stage deciding, the others waiting.
    public static func start(
        _ plan: ApprovalPlan, id: UUID, documentID: UUID, restartMode: ApprovalRestartMode, createdBy: UUID,
        at moment: Moment, newID: () -> UUID
    ) throws(OborotError) -> ApprovalRoute {
        try OborotError.throwIfInvalidTyped(problems(plan))
        var steps: [ApprovalStep] = []
        for (stageIndex, stage) in plan.stages.filter({ !$0.isEmpty }).enumerated() {
            for (position, approver) in stage.enumerated() {
                steps.append(
                    ApprovalStep(
                        id: newID(), round: 1, stage: stageIndex, position: position, approverEmployeeID: approver.employeeID,
                        approverUserID: approver.userID, state: .waiting, workingDays: approver.workingDays))
            }
        }
        var route = ApprovalRoute(
            id: id, documentID: documentID, state: .inProgress, round: 1, restartMode: restartMode, createdByUserID: createdBy,
            createdAt: moment.now, version: 1, steps: steps)
        activate(stage: 0, of: &route, at: moment)
        return route
    }

    /// Records `userID`'s decision on their active step. A refusal ends the round (the route is not approved); the
    /// last approval of a stage starts the next one, and of the last stage approves the route.
    public static func decide(
        _ route: ApprovalRoute, by userID: UUID, decision: ApprovalDecision, comment: String?, at moment: Moment
    ) throws(OborotError) -> ApprovalRoute {
        guard route.state == .inProgress else { throw ApprovalTexts.notInProgress(route.state) }
        guard let index = route.steps.firstIndex(where: { $0.round == route.round && $0.approverUserID == userID }) else {
            throw ApprovalTexts.notAnApprover
        }
        let step = route.steps[index]
        guard step.state == .active else { throw ApprovalTexts.stepNotActive(step.state) }
        let comment = comment.nonBlank
        if decision != .approved, comment == nil {
            throw OborotError.validation([FieldProblem(field: "comment", code: "required", message: ApprovalTexts.commentRequired(decision))])
        }
        if let comment, comment.count > maxCommentLength {
            throw OborotError.validation([FieldProblem(field: "comment", code: "too_long", message: ApprovalTexts.commentTooLong(maxCommentLength))])
        }
        var route = route
        route.steps[index].state = decision.resultingState
        route.steps[index].decidedAt = moment.now
        route.steps[index].comment = comment
        if decision == .rejected {
            skipUndecided(of: &route)
            route.state = .rejected
        } else if !route.steps.contains(where: { $0.round == route.round && $0.stage == step.stage && $0.state == .active }) {
            if step.stage + 1 < route.stageCount {
                activate(stage: step.stage + 1, of: &route, at: moment)
            } else {
                route.state = .approved
            }
        }
        route.version += 1
        return route
    }

    /// A new round after the draft changed or was refused: the whole route from the first stage, or only the stage
    /// that was deciding (earlier stages' approvals carry over). A withdrawn route does not restart.
    public static func restart(
        _ route: ApprovalRoute, mode: ApprovalRestartMode, at moment: Moment, newID: () -> UUID
    ) throws(OborotError) -> ApprovalRoute {
        guard route.state != .cancelled else { throw ApprovalTexts.notInProgress(route.state) }
        let current = route.currentSteps
        // The stage to restart from: the one deciding, the one that refused, or — for an approved route — the last.
        let restartStage: Int
        switch mode {
        case .route: restartStage = 0
        case .stage:
            restartStage = current.first { $0.state == .active || $0.state == .rejected }?.stage ?? max(route.stageCount - 1, 0)
        }
        var route = route
        skipUndecided(of: &route)
        let nextRound = route.round + 1
        for step in current {
            var copy = step
            copy.id = newID()
            copy.round = nextRound
            if step.stage < restartStage {
                copy.carriedOver = true
            } else {
                copy.state = .waiting
                copy.deadline = nil
                copy.activatedAt = nil
                copy.decidedAt = nil
                copy.comment = nil
                copy.carriedOver = false
            }
            route.steps.append(copy)
        }
        route.round = nextRound
        route.state = .inProgress
        activate(stage: restartStage, of: &route, at: moment)
        route.version += 1
        return route
    }

    /// The author withdraws the route; undecided steps are no longer needed.
    public static func cancel(_ route: ApprovalRoute) throws(OborotError) -> ApprovalRoute {
        guard route.state == .inProgress || route.state == .rejected else { throw ApprovalTexts.notInProgress(route.state) }
        var route = route
        skipUndecided(of: &route)
        route.state = .cancelled
        route.version += 1
        return route
    }

    /// Whether a draft with this route (nil: none) may be signed: a route, once started, must end approved —
    /// withdrawing a refused route must not be a way around the refusal; a new round has to be approved.
    public static func checkSigningAllowed(_ route: ApprovalRoute?) throws(OborotError) {
        guard let route else { return }
        guard route.state == .approved else { throw ApprovalTexts.notApprovedYet(route.state) }
    }

    private static func activate(stage: Int, of route: inout ApprovalRoute, at moment: Moment) {
        for index in route.steps.indices where route.steps[index].round == route.round && route.steps[index].stage == stage {
            route.steps[index].state = .active
            route.steps[index].activatedAt = moment.now
            route.steps[index].deadline = moment.calendar.adding(workingDays: route.steps[index].workingDays, to: moment.today)
        }
    }

    private static func skipUndecided(of route: inout ApprovalRoute) {
        for index in route.steps.indices where route.steps[index].round == route.round {
            if route.steps[index].state == .active || route.steps[index].state == .waiting {
                route.steps[index].state = .skipped
            }
        }
    }
}

extension OborotError {
    /// `throwIfInvalid` for typed-throws callers.
    static func throwIfInvalidTyped(_ problems: [FieldProblem]) throws(OborotError) {
        if !problems.isEmpty { throw OborotError.validation(problems) }
    }
}
