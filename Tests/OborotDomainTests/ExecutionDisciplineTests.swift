import Foundation
import OborotDomain
import Testing

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

@Suite("Исполнительская дисциплина")
struct ExecutionDisciplineTests {
    @Test("outcomes: on time includes the last day; open past it is overdue; drafts and cancelled do not count")
    func outcomes() {
        let today = day("2026-11-23")
        let deadline = day("2026-11-20")
        #expect(ExecutionDiscipline.outcome(state: .done, deadline: deadline, completedOn: deadline, today: today) == .doneOnTime)
        #expect(ExecutionDiscipline.outcome(state: .done, deadline: deadline, completedOn: day("2026-11-21"), today: today) == .doneLate)
        #expect(ExecutionDiscipline.outcome(state: .accepted, deadline: deadline, completedOn: nil, today: today) == .overdueNow)
        #expect(ExecutionDiscipline.outcome(state: .reportSubmitted, deadline: today, completedOn: nil, today: today) == .inProgress)
        #expect(ExecutionDiscipline.outcome(state: .returned, deadline: deadline, completedOn: nil, today: day("2026-11-20")) == .inProgress)
        #expect(ExecutionDiscipline.outcome(state: .cancelled, deadline: deadline, completedOn: nil, today: today) == .notCounted)
        #expect(ExecutionDiscipline.outcome(state: .draft, deadline: deadline, completedOn: nil, today: today) == .notCounted)
    }

    @Test("the on-time share counts only tested deadlines and is absent when none were")
    func share() {
        #expect(DisciplineCounts(issued: 5, inProgress: 5).onTimeShare == nil)
        #expect(DisciplineCounts(issued: 4, doneOnTime: 3, overdueNow: 1).onTimeShare == 0.75)
        #expect(DisciplineCounts(issued: 10, doneOnTime: 1, doneLate: 1, inProgress: 8).onTimeShare == 0.5)
    }

    @Test("roll-up adds every organisation's figures to itself and all its ancestors")
    func rollUp() {
        let (region, ministry, department, district) = (UUID(), UUID(), UUID(), UUID())
        let paths: [UUID: OrganizationPath] = [
            region: .root(region), ministry: OrganizationPath.root(region).child(ministry),
            department: OrganizationPath.root(region).child(ministry).child(department),
            district: OrganizationPath.root(region).child(district),
        ]
        let total = ExecutionDiscipline.rollUp(
            [
                ministry: DisciplineCounts(issued: 2, doneOnTime: 2),
                department: DisciplineCounts(issued: 3, overdueNow: 1, inProgress: 2),
                district: DisciplineCounts(issued: 1, doneLate: 1),
            ], paths: paths)
        #expect(total[department] == DisciplineCounts(issued: 3, overdueNow: 1, inProgress: 2))
        #expect(total[ministry] == DisciplineCounts(issued: 5, doneOnTime: 2, overdueNow: 1, inProgress: 2))
        #expect(total[region] == DisciplineCounts(issued: 6, doneOnTime: 2, doneLate: 1, overdueNow: 1, inProgress: 2))
        #expect(total[district]?.onTimeShare == 0)
    }
}
