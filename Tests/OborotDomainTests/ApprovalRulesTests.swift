import Foundation
import OborotDomain
import Testing

@Suite("Маршруты согласования (правила)")
struct ApprovalRulesTests {
    let author = UUID()
    let people = (0..<5).map { _ in (employee: UUID(), user: UUID()) }
    /// Friday 27 November 2026: three working days later is Wednesday 2 December.
    let moment = ApprovalRules.Moment(
        now: Date(timeIntervalSince1970: 1_795_000_000), today: CalendarDate(year: 2026, month: 11, day: 27)!,
        calendar: try! WorkCalendar.shipped())

    func approver(_ index: Int, days: Int = ApprovalRules.defaultWorkingDays) -> ApprovalPlan.Approver {
        ApprovalPlan.Approver(employeeID: people[index].employee, userID: people[index].user, workingDays: days)
    }

    /// Stage 1: person 0; stage 2: persons 1 and 2 in parallel; stage 3: person 3.
    func mixed() throws -> ApprovalRoute {
        try ApprovalRules.start(
            ApprovalPlan(stages: [[approver(0)], [approver(1), approver(2)], [approver(3)]]), id: UUID(),
            documentID: UUID(), restartMode: .route, createdBy: author, at: moment, newID: { UUID() })
    }

    func decide(_ route: ApprovalRoute, _ person: Int, _ decision: ApprovalDecision = .approved, comment: String? = nil) throws -> ApprovalRoute {
        try ApprovalRules.decide(route, by: people[person].user, decision: decision, comment: comment, at: moment)
    }

    func states(_ route: ApprovalRoute) -> [ApprovalStepState] { route.currentSteps.map(\.state) }

    @Test("a mixed route: the first stage decides, then the parallel stage, then the last; approved at the end")
    func mixedRouteRunsStageByStage() throws {
        var route = try mixed()
        #expect(route.state == .inProgress)
        #expect(states(route) == [.active, .waiting, .waiting, .waiting])
        #expect(route.currentSteps[0].deadline == CalendarDate(year: 2026, month: 12, day: 2))
        route = try decide(route, 0)
        #expect(states(route) == [.approved, .active, .active, .waiting])
        route = try decide(route, 2, .approvedWithRemarks, comment: "Уточнить сумму")
        #expect(states(route) == [.approved, .active, .approvedWithRemarks, .waiting], "the stage waits for every parallel approver")
        route = try decide(route, 1)
        #expect(states(route) == [.approved, .approved, .approvedWithRemarks, .active])
        #expect(route.state == .inProgress)
        #expect(throws: OborotError.self) { try ApprovalRules.checkSigningAllowed(route) }
        route = try decide(route, 3)
        #expect(route.state == .approved)
        try ApprovalRules.checkSigningAllowed(route)
        #expect(route.version == 5)
    }

    @Test("deciding out of turn, twice, or as a stranger is refused and changes nothing")
    func outOfTurn() throws {
        let route = try mixed()
        #expect(throws: ApprovalTexts.stepNotActive(.waiting)) { try decide(route, 1) }
        #expect(throws: OborotError.self) { try ApprovalRules.decide(route, by: UUID(), decision: .approved, comment: nil, at: moment) }
        let once = try decide(route, 0)
        #expect(throws: ApprovalTexts.stepNotActive(.approved)) { try decide(once, 0) }
    }

    @Test("a refusal needs a reason and ends the round; remarks need text too")
    func refusal() throws {
        let route = try decide(try mixed(), 0)
        #expect((try? decide(route, 1, .rejected)) == nil)
        #expect((try? decide(route, 1, .approvedWithRemarks, comment: "   ")) == nil)
        let refused = try decide(route, 1, .rejected, comment: "Нет обоснования")
        #expect(refused.state == .rejected)
        #expect(states(refused) == [.approved, .rejected, .skipped, .skipped])
        #expect(throws: ApprovalTexts.notApprovedYet(.rejected)) { try ApprovalRules.checkSigningAllowed(refused) }
        #expect(throws: ApprovalTexts.notInProgress(.rejected)) { try decide(refused, 2) }
    }

    @Test("restarting the whole route opens a new round from the first stage; the old round is kept")
    func restartWholeRoute() throws {
        let refused = try decide(try decide(try mixed(), 0), 1, .rejected, comment: "Нет обоснования")
        let restarted = try ApprovalRules.restart(refused, mode: .route, at: moment, newID: { UUID() })
        #expect(restarted.round == 2)
        #expect(restarted.state == .inProgress)
        #expect(states(restarted) == [.active, .waiting, .waiting, .waiting])
        #expect(restarted.steps.filter { $0.round == 1 }.map(\.state) == [.approved, .rejected, .skipped, .skipped])
        #expect(restarted.currentSteps.allSatisfy { !$0.carriedOver })
    }

    @Test("restarting only the current stage carries earlier approvals over")
    func restartCurrentStage() throws {
        let refused = try decide(try decide(try mixed(), 0), 1, .rejected, comment: "Нет обоснования")
        let restarted = try ApprovalRules.restart(refused, mode: .stage, at: moment, newID: { UUID() })
        #expect(states(restarted) == [.approved, .active, .active, .waiting])
        #expect(restarted.currentSteps[0].carriedOver)
        // An approved route restarted after a new version goes back to its last stage.
        var approved = try mixed()
        for person in [0, 1, 2, 3] { approved = try decide(approved, person) }
        let again = try ApprovalRules.restart(approved, mode: .stage, at: moment, newID: { UUID() })
        #expect(states(again) == [.approved, .approved, .approved, .active])
        #expect(again.state == .inProgress)
    }

    @Test("a withdrawn route can be neither decided nor restarted, and still blocks signing until a new round is approved")
    func withdrawn() throws {
        let cancelled = try ApprovalRules.cancel(try mixed())
        #expect(cancelled.state == .cancelled)
        #expect(states(cancelled) == [.skipped, .skipped, .skipped, .skipped])
        #expect(throws: OborotError.self) { try ApprovalRules.restart(cancelled, mode: .route, at: moment, newID: { UUID() }) }
        #expect(throws: OborotError.self) { try ApprovalRules.cancel(cancelled) }
        #expect(throws: ApprovalTexts.notApprovedYet(.cancelled)) { try ApprovalRules.checkSigningAllowed(cancelled) }
        // Refused, then withdrawn: still no way to sign around the refusal.
        let refused = try decide(try decide(try mixed(), 0), 1, .rejected, comment: "Нет")
        #expect(throws: OborotError.self) { try ApprovalRules.checkSigningAllowed(try ApprovalRules.cancel(refused)) }
        try ApprovalRules.checkSigningAllowed(nil)
    }

    @Test("plans: empty, empty stage, duplicates and bad days are listed field by field")
    func planProblems() {
        #expect(ApprovalRules.problems(ApprovalPlan(stages: [])).map(\.code) == ["required"])
        #expect(ApprovalRules.problems(ApprovalPlan(stages: [[approver(0)], []])).map(\.field) == ["stages[1]"])
        #expect(ApprovalRules.problems(ApprovalPlan(stages: [[approver(0)], [approver(0)]])).map(\.code) == ["duplicate_approver"])
        #expect(ApprovalRules.problems(ApprovalPlan(stages: [[approver(0, days: 0)]])).map(\.code) == ["invalid_days"])
        #expect(ApprovalRules.problems(ApprovalPlan(stages: [[approver(0)], [approver(1), approver(2)]])).isEmpty)
    }

    @Test("deadlines count working days from the start of the stage, skipping the weekend")
    func deadlines() throws {
        let route = try ApprovalRules.start(
            ApprovalPlan(stages: [[approver(0, days: 1)], [approver(1, days: 5)]]), id: UUID(), documentID: UUID(),
            restartMode: .route, createdBy: author, at: moment, newID: { UUID() })
        #expect(route.currentSteps[0].deadline == CalendarDate(year: 2026, month: 11, day: 30))
        #expect(route.currentSteps[1].deadline == nil)
        #expect(route.currentSteps[0].isOverdue(today: CalendarDate(year: 2026, month: 12, day: 1)!))
        #expect(!route.currentSteps[0].isOverdue(today: CalendarDate(year: 2026, month: 11, day: 30)!))
    }
}
