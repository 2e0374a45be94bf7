import Foundation
import OborotDomain
import OborotStore

/// Execution-discipline reports: per organisation with its subtree rolled up, or per person, for a period.
///
/// | action | policy |
/// |---|---|
/// | the report for X, its drill-down, CSV and chart | `readsDiscipline(X)` |
struct DisciplineService: Sendable {
    let database: any Database

    enum Grouping: String, Sendable {
        case organization
        case person
    }

    struct Row: Sendable {
        var id: UUID
        var name: String
        var isPerson: Bool
        var counts: DisciplineCounts
    }

    struct Report: Sendable {
        var organization: Organization
        var period: DisciplineQueries.Period
        var grouping: Grouping
        /// The organisation's own figures with its whole subtree.
        var total: DisciplineCounts
        /// Its child organisations (each with its subtree), or the people of the subtree.
        var rows: [Row]
    }

    func report(
        _ caller: Caller, organizationID: UUID?, from: String?, through: String?, category: String?, grouping: Grouping
    ) async throws -> Report {
        try await database.read { db in
            let organization = try await scope(caller, organizationID: organizationID, db: db)
            let period = try Self.period(from: from, through: through, category: category, organization: organization, now: db.now)
            let queries = DisciplineQueries(db)
            let direct = try await queries.byOrganization(period)
            let paths = try await queries.organizationPaths()
            let rolled = ExecutionDiscipline.rollUp(direct, paths: paths)
            let total = rolled[organization.id] ?? DisciplineCounts()
            var rows: [Row] = []
            switch grouping {
            case .organization:
                let children = try await OrganizationRepository(db).children(of: organization.id, limit: 5000)
                rows = children.map { node in
                    Row(id: node.organization.id, name: node.organization.shortName, isPerson: false, counts: rolled[node.organization.id] ?? DisciplineCounts())
                }
                // What was assigned to the organisation itself (not below it) gets its own row.
                if let own = direct[organization.id] {
                    rows.insert(Row(id: organization.id, name: DisciplineTexts.ownRow(organization.shortName), isPerson: false, counts: own), at: 0)
                }
            case .person:
                let subtree = paths.filter { $0.value.isWithin(organization.path) }.map(\.key)
                let people = try await queries.byPerson(period, organizationIDs: subtree)
                let names = try await ControlNames(db).people(Set(people.map(\.userID)))
                rows = people.map { Row(id: $0.userID, name: names[$0.userID] ?? "", isPerson: true, counts: $0.counts) }
            }
            rows.sort { ($0.counts.onTimeShare ?? 2, $0.name) < ($1.counts.onTimeShare ?? 2, $1.name) }
            return Report(organization: organization, period: period, grouping: grouping, total: total, rows: rows)
        }
    }

    /// The assignments behind a figure: an organisation's subtree and one outcome.
    func drillDown(
        _ caller: Caller, organizationID: UUID?, outcome: String, from: String?, through: String?, category: String?, limit: Int
    ) async throws -> (items: [AssignmentListItem], today: CalendarDate) {
        guard let outcome = DisciplineOutcome(rawValue: outcome), outcome != .notCounted else {
            throw OborotError.validation([FieldProblem(field: "outcome", code: "invalid_outcome", message: DisciplineTexts.badOutcome)])
        }
        return try await database.read { db in
            let organization = try await scope(caller, organizationID: organizationID, db: db)
            let period = try Self.period(from: from, through: through, category: category, organization: organization, now: db.now)
            let subtree = try await DisciplineQueries(db).organizationPaths().filter { $0.value.isWithin(organization.path) }.map(\.key)
            let items = try await AssignmentListing(db).drillDown(
                organizationIDs: subtree, outcome: outcome, period: period, limit: limit)
            return (items, period.today)
        }
    }

    /// The organisation asked for, or the widest one the caller may read.
    private func scope(_ caller: Caller, organizationID: UUID?, db: DatabaseHandle) async throws -> Organization {
        let organizations = OrganizationRepository(db)
        if let organizationID {
            let organization = try await organizations.get(organizationID)
            try caller.actor.require(.readsDiscipline(of: organization.path))
            return organization
        }
        let scopes = [Role.analyst, .controlOfficer, .head, .admin].flatMap { caller.actor.scopes(for: $0) }
        guard let widest = scopes.min(by: { $0.depth < $1.depth }), let id = widest.ids.last else {
            throw OborotError.forbidden(DisciplineTexts.policyName)
        }
        return try await organizations.get(id)
    }

    static func period(
        from: String?, through: String?, category: String?, organization: Organization, now: Date
    ) throws -> DisciplineQueries.Period {
        let today = organization.date(at: now)
        var problems: [FieldProblem] = []
        let start = from.nonBlank.map { CalendarDate(iso: $0) } ?? CalendarDate(year: today.year, month: 1, day: 1)
        let end = through.nonBlank.map { CalendarDate(iso: $0) } ?? today
        if start == nil { problems.append(FieldProblem(field: "from", code: "invalid_date", message: DisciplineTexts.badDate)) }
        if end == nil { problems.append(FieldProblem(field: "to", code: "invalid_date", message: DisciplineTexts.badDate)) }
        if let start, let end, start > end {
            problems.append(FieldProblem(field: "to", code: "period_reversed", message: DisciplineTexts.reversed))
        }
        let parsedCategory = category.nonBlank.map { ControlCategory(rawValue: $0) }
        if case .some(nil) = parsedCategory {
            problems.append(FieldProblem(field: "category", code: "invalid_category", message: DisciplineTexts.badCategory))
        }
        try OborotError.throwIfInvalid(problems)
        return DisciplineQueries.Period(from: start!, through: end!, today: today, category: parsedCategory ?? nil)
    }
}

enum DisciplineTexts {
    static let policyName = "аналитик, контролёр или руководитель организации"
    static let badDate = "Дата периода указывается в формате ГГГГ-ММ-ДД."
    static let reversed = "Конец периода раньше его начала."
    static let badCategory = "Категория контроля: governor, government или head."
    static let badOutcome = "outcome: done_on_time, done_late, overdue или in_progress."
    static func ownRow(_ name: String) -> String { "\(name) (непосредственно)" }

    static func share(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%.1f %%", value * 100).replacingOccurrences(of: ".", with: ",")
    }
}
