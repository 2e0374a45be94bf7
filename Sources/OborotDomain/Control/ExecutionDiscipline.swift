public import Foundation

/// Execution-discipline figures for an organisation or a person over a period: what was issued and how it went.
public struct DisciplineCounts: Sendable, Hashable {
    public var issued = 0
    public var doneOnTime = 0
    public var doneLate = 0
    public var overdueNow = 0
    public var inProgress = 0

    public init(issued: Int = 0, doneOnTime: Int = 0, doneLate: Int = 0, overdueNow: Int = 0, inProgress: Int = 0) {
        self.issued = issued
        self.doneOnTime = doneOnTime
        self.doneLate = doneLate
        self.overdueNow = overdueNow
        self.inProgress = inProgress
    }

    /// Done on time among everything whose deadline has been tested: done (on time or late) or overdue now;
    /// nil when nothing has been tested yet (no share beats a misleading 100 %).
    public var onTimeShare: Double? {
        let tested = doneOnTime + doneLate + overdueNow
        return tested == 0 ? nil : Double(doneOnTime) / Double(tested)
    }

    public static func + (lhs: DisciplineCounts, rhs: DisciplineCounts) -> DisciplineCounts {
        DisciplineCounts(
            issued: lhs.issued + rhs.issued, doneOnTime: lhs.doneOnTime + rhs.doneOnTime, doneLate: lhs.doneLate + rhs.doneLate,
            overdueNow: lhs.overdueNow + rhs.overdueNow, inProgress: lhs.inProgress + rhs.inProgress)
    }

    public static func += (lhs: inout DisciplineCounts, rhs: DisciplineCounts) { lhs = lhs + rhs }
}

/// How one assignment counts in the discipline report.
public enum DisciplineOutcome: String, Sendable, Hashable, CaseIterable {
    case doneOnTime = "done_on_time"
    case doneLate = "done_late"
    case overdueNow = "overdue"
    case inProgress = "in_progress"
    /// Drafts and cancelled assignments are not counted at all.
    case notCounted = "not_counted"
}

public enum ExecutionDiscipline {
    /// Done on or before the last day is on time; open past the last day (as of `today`) is overdue.
    public static func outcome(
        state: AssignmentState, deadline: CalendarDate?, completedOn: CalendarDate?, today: CalendarDate
    ) -> DisciplineOutcome {
        switch state {
        case .draft, .cancelled: return .notCounted
        case .done:
            guard let deadline, let completedOn else { return .doneOnTime }
            return completedOn <= deadline ? .doneOnTime : .doneLate
        default:
            guard let deadline else { return .inProgress }
            return today > deadline ? .overdueNow : .inProgress
        }
    }

    /// Each organisation's figures with everything below it added: `direct` holds what was assigned to each
    /// organisation itself (its people included), `paths` where each organisation sits in the tree.
    public static func rollUp(_ direct: [UUID: DisciplineCounts], paths: [UUID: OrganizationPath]) -> [UUID: DisciplineCounts] {
        var total: [UUID: DisciplineCounts] = [:]
        for (organizationID, counts) in direct {
            let chain = paths[organizationID]?.ids ?? [organizationID]
            for ancestor in chain { total[ancestor, default: DisciplineCounts()] += counts }
        }
        return total
    }
}
