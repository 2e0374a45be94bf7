import Foundation
import OborotDomain
import Testing

@Suite("Жизненный цикл поручения")
struct AssignmentLifecycleTests {
    @Test("the legal moves", arguments: [
        (AssignmentState.issued, AssignmentEvent.accept, AssignmentState.accepted),
        (.issued, .submitReport, .reportSubmitted), (.accepted, .submitReport, .reportSubmitted),
        (.reportSubmitted, .acceptReport, .done), (.reportSubmitted, .returnReport, .returned),
        (.returned, .submitReport, .reportSubmitted), (.returned, .accept, .accepted),
        (.issued, .cancel, .cancelled), (.reportSubmitted, .cancel, .cancelled),
    ])
    func legal(_ from: AssignmentState, _ event: AssignmentEvent, _ to: AssignmentState) throws {
        #expect(try AssignmentLifecycle.next(from, on: event) == to)
        #expect(AssignmentLifecycle.events(from: from).contains(event))
    }

    @Test("every other move is refused with 409 in Russian")
    func illegal() {
        let legal: Set<String> = [
            "issued.accept", "issued.submit_report", "accepted.submit_report", "report_submitted.accept_report",
            "report_submitted.return_report", "returned.submit_report", "returned.accept", "issued.cancel",
            "accepted.cancel", "report_submitted.cancel", "returned.cancel",
        ]
        for state in AssignmentState.allCases {
            for event in AssignmentEvent.allCases where !legal.contains("\(state.rawValue).\(event.rawValue)") {
                do {
                    _ = try AssignmentLifecycle.next(state, on: event)
                    Issue.record("\(state) → \(event) allowed")
                } catch {
                    #expect(error.kind == .conflict)
                    #expect(error.code == "illegal_transition")
                    #expect(error.detail.contains(state.russianName))
                }
            }
        }
        #expect(AssignmentLifecycle.events(from: .done).isEmpty)
        #expect(AssignmentLifecycle.events(from: .draft).isEmpty)
    }

    @Test("the responsible executor is the one marked, else the first; deadlines come from the resolution or their own")
    func planning() throws {
        let calendar = try WorkCalendar.shipped()
        let today = CalendarDate(iso: "2026-11-23")!
        let (first, second) = (Executor.organization(UUID()), Executor.organization(UUID()))
        let plan = try ResolutionRules.plan(
            ResolutionDraft(
                text: " Рассмотреть ", deadline: .period(.urgent), controlled: true, controlOfficerUserID: nil,
                controlCategory: .governor,
                executors: [ExecutorDraft(executor: first), ExecutorDraft(executor: second, deadline: .period(.operative))]),
            date: today, calendar: calendar, lastDay: .previous)
        #expect(plan.map(\.responsible) == [true, false])
        #expect(plan.map(\.deadline.date.iso) == ["2026-11-26", "2026-12-03"])
        #expect(plan.first?.text == "Рассмотреть")
        let marked = try ResolutionRules.plan(
            ResolutionDraft(
                text: "x", deadline: nil, controlled: false, controlOfficerUserID: nil, controlCategory: nil,
                executors: [ExecutorDraft(executor: first), ExecutorDraft(executor: second, responsible: true)]),
            date: today, calendar: calendar, lastDay: .previous)
        #expect(marked.map(\.responsible) == [false, true])
        #expect(marked.first?.deadline.date.iso == "2026-12-23")
    }

    @Test("a draft with every problem at once")
    func problems() throws {
        let calendar = try WorkCalendar.shipped()
        let executor = Executor.organization(UUID())
        do {
            _ = try ResolutionRules.plan(
                ResolutionDraft(
                    text: "", deadline: .date(CalendarDate(iso: "2026-01-01")!), controlled: false, controlOfficerUserID: nil,
                    controlCategory: nil,
                    executors: [ExecutorDraft(executor: executor, responsible: true), ExecutorDraft(executor: executor, responsible: true)]),
                date: CalendarDate(iso: "2026-11-23")!, calendar: calendar, lastDay: .previous)
            Issue.record("accepted")
        } catch {
            #expect(Set(error.fieldProblems.map(\.code)) == ["required", "duplicate", "two_responsible", "deadline_in_past"])
        }
    }
}
