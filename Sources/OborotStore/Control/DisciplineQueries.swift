public import Foundation
public import OborotDomain
import SQLKit

/// The figures behind execution-discipline reports, counted by the database in one pass over a period's assignments.
public struct DisciplineQueries: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    public struct Period: Sendable {
        public var from: CalendarDate
        public var through: CalendarDate
        /// "Overdue now" is judged on this day.
        public var today: CalendarDate
        /// Only resolutions under this control category (the governor's, the government's).
        public var category: ControlCategory?

        public init(from: CalendarDate, through: CalendarDate, today: CalendarDate, category: ControlCategory?) {
            self.from = from
            self.through = through
            self.today = today
            self.category = category
        }
    }

    /// Figures per executing organisation (people count in their organisation), not yet rolled up.
    public func byOrganization(_ period: Period) async throws -> [UUID: DisciplineCounts] {
        var result: [UUID: DisciplineCounts] = [:]
        for row in try await db.sql.raw(Self.aggregate(period, groupBy: "a.executor_organization_id")).all() {
            result[try UUID.stored(row.decode(column: "group_key", as: String.self))] = try Self.counts(row)
        }
        return result
    }

    /// Figures per person executor among the organisations given.
    public func byPerson(_ period: Period, organizationIDs: [UUID]) async throws -> [(userID: UUID, organizationID: UUID, counts: DisciplineCounts)] {
        guard !organizationIDs.isEmpty else { return [] }
        let sql = Self.aggregate(
            period, groupBy: "a.executor_user_id, a.executor_organization_id",
            extra: SQLQueryString(" AND a.executor_user_id IS NOT NULL AND a.executor_organization_id IN (")
                + organizationIDs.map { SQLQueryString("\(bind: $0.lowercasedString)") }.joined(separator: ", ") + ")")
        return try await db.sql.raw(sql).all().map { row in
            (
                try UUID.stored(row.decode(column: "group_key", as: String.self)),
                try UUID.stored(row.decode(column: "executor_organization_id", as: String.self)), try Self.counts(row)
            )
        }
    }

    /// Where every organisation sits in the tree, for rolling figures up.
    public func organizationPaths() async throws -> [UUID: OrganizationPath] {
        var paths: [UUID: OrganizationPath] = [:]
        for row in try await db.sql.raw("SELECT id, path FROM organizations").all() {
            paths[try UUID.stored(row.decode(column: "id", as: String.self))] = OrganizationPath(
                rawValue: try row.decode(column: "path", as: String.self))
        }
        return paths
    }

    private static func aggregate(_ period: Period, groupBy: String, extra: SQLQueryString? = nil) -> SQLQueryString {
        let key = groupBy.split(separator: ",").first.map(String.init) ?? groupBy
        func sum(_ outcome: DisciplineOutcome, as column: String) -> SQLQueryString {
            SQLQueryString("SUM(CASE WHEN ") + condition(outcome, today: period.today)
                + SQLQueryString(" THEN 1 ELSE 0 END) AS \(unsafeRaw: column)")
        }
        var sql = SQLQueryString(
            "SELECT \(unsafeRaw: key) AS group_key, \(unsafeRaw: groupBy.contains(",") ? "a.executor_organization_id," : "") COUNT(*) AS issued, ")
        sql += [
            sum(.doneOnTime, as: "done_on_time"), sum(.doneLate, as: "done_late"), sum(.overdueNow, as: "overdue"),
            sum(.inProgress, as: "in_progress"),
        ].joined(separator: ", ")
        sql += " FROM assignments a"
        if period.category != nil { sql += " JOIN resolutions r ON r.id = a.resolution_id" }
        sql += SQLQueryString(" WHERE a.issued_on >= \(bind: period.from.iso) AND a.issued_on <= \(bind: period.through.iso)")
        sql += " AND a.state NOT IN ('draft', 'cancelled')"
        if let category = period.category { sql += SQLQueryString(" AND r.control_category = \(bind: category.rawValue)") }
        if let extra { sql += extra }
        sql += SQLQueryString(" GROUP BY \(unsafeRaw: groupBy)")
        return sql
    }

    /// Which assignments (`assignments a`) have `outcome`, as `ExecutionDiscipline.outcome` decides it: the report's
    /// figures and its drill-down lists both use this, so a figure always matches its list.
    static func condition(_ outcome: DisciplineOutcome, today: CalendarDate) -> SQLQueryString {
        switch outcome {
        case .doneOnTime: "(a.state = 'done' AND (a.completed_on IS NULL OR a.deadline IS NULL OR a.completed_on <= a.deadline))"
        case .doneLate: "(a.state = 'done' AND a.completed_on > a.deadline)"
        case .overdueNow: SQLQueryString("(a.is_open = \(bind: true) AND a.deadline < \(bind: today.iso))")
        case .inProgress: SQLQueryString("(a.is_open = \(bind: true) AND (a.deadline IS NULL OR a.deadline >= \(bind: today.iso)))")
        case .notCounted: "a.state IN ('draft', 'cancelled')"
        }
    }

    private static func counts(_ row: any SQLRow) throws -> DisciplineCounts {
        DisciplineCounts(
            issued: try row.decode(column: "issued", as: Int.self),
            doneOnTime: try row.decode(column: "done_on_time", as: Int?.self) ?? 0,
            doneLate: try row.decode(column: "done_late", as: Int?.self) ?? 0,
            overdueNow: try row.decode(column: "overdue", as: Int?.self) ?? 0,
            inProgress: try row.decode(column: "in_progress", as: Int?.self) ?? 0)
    }
}
