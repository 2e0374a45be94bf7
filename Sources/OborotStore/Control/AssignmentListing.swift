public import Foundation
public import OborotDomain
import SQLKit

/// An assignment as a list shows it: with the document, the author and the executor named.
public struct AssignmentListItem: Sendable, Hashable {
    public var assignment: Assignment
    public var documentNumber: String?
    public var documentTitle: String
    public var authorName: String
    public var executorName: String
}

/// The folders people expect (records-and-control.md): to do, under my control, issued by me.
public enum AssignmentInbox: String, Sendable, CaseIterable {
    /// «На исполнение»: open assignments where I am the executor, or a head of the executing organisation.
    case toDo = "todo"
    /// «На контроле»: open assignments I control.
    case controlling = "control"
    /// «Отправленные»: open assignments I issued.
    case issued
}

/// Narrows an inbox to what is late or about to be.
public enum AssignmentInboxFilter: String, Sendable, CaseIterable {
    case all
    /// The last day has passed.
    case overdue
    /// Due today or within the next few working days.
    case dueSoon = "due_soon"
}

public struct AssignmentInboxQuery: Sendable {
    public var inbox: AssignmentInbox
    public var userID: UUID
    /// Organisations whose assignments reach this person as their head.
    public var headOrganizationIDs: [UUID]
    public var filter: AssignmentInboxFilter
    public var today: CalendarDate
    /// The last day that counts as "due soon".
    public var dueSoonUntil: CalendarDate
    /// Keyset paging: the (deadline, id) of the last row of the previous page.
    public var after: (deadline: String, id: String)?
    public var limit: Int

    public init(
        inbox: AssignmentInbox, userID: UUID, headOrganizationIDs: [UUID], filter: AssignmentInboxFilter,
        today: CalendarDate, dueSoonUntil: CalendarDate, after: (deadline: String, id: String)? = nil, limit: Int = 50
    ) {
        self.inbox = inbox
        self.userID = userID
        self.headOrganizationIDs = headOrganizationIDs
        self.filter = filter
        self.today = today
        self.dueSoonUntil = dueSoonUntil
        self.after = after
        self.limit = limit
    }
}

/// Reads the inboxes: open assignments by deadline (the most urgent first), paged by keyset so a page costs the
/// same however deep it is.
public struct AssignmentListing: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    public func page(_ query: AssignmentInboxQuery) async throws -> [AssignmentListItem] {
        var condition = SQLQueryString("a.is_open = \(bind: true) AND ") + Self.ownership(query)
        switch query.filter {
        case .all: break
        case .overdue: condition += SQLQueryString(" AND a.deadline < \(bind: query.today.iso)")
        case .dueSoon:
            condition += SQLQueryString(
                " AND a.deadline >= \(bind: query.today.iso) AND a.deadline <= \(bind: query.dueSoonUntil.iso)")
        }
        if let after = query.after {
            condition += SQLQueryString(
                " AND (a.deadline > \(bind: after.deadline) OR (a.deadline = \(bind: after.deadline) AND a.id > \(bind: after.id)))")
        }
        return try await items(where: condition, limit: query.limit)
    }

    /// The assignments behind one cell of a discipline report: issued in the period to the organisations given,
    /// with the outcome asked for.
    public func drillDown(
        organizationIDs: [UUID], outcome: DisciplineOutcome, period: DisciplineQueries.Period, limit: Int
    ) async throws -> [AssignmentListItem] {
        guard !organizationIDs.isEmpty else { return [] }
        var condition = SQLQueryString(
            "a.issued_on >= \(bind: period.from.iso) AND a.issued_on <= \(bind: period.through.iso) AND a.executor_organization_id IN (")
            + organizationIDs.map { SQLQueryString("\(bind: $0.lowercasedString)") }.joined(separator: ", ") + ")"
        condition += " AND " + DisciplineQueries.condition(outcome, today: period.today)
        if let category = period.category {
            condition += SQLQueryString(
                " AND a.resolution_id IN (SELECT id FROM resolutions WHERE control_category = \(bind: category.rawValue))")
        }
        return try await items(where: condition, limit: limit)
    }

    /// The page is chosen from the assignments alone and only its rows are joined to names: otherwise PostgreSQL
    /// plans hash joins over whole tables for a 50-row page.
    private func items(where condition: SQLQueryString, limit: Int) async throws -> [AssignmentListItem] {
        let sql = SQLQueryString(
            """
            SELECT a.*, d.registration_number AS document_number, d.title AS document_title,
                ae.surname AS author_surname, ae.given_name AS author_given_name, ae.patronymic AS author_patronymic,
                xe.surname AS executor_surname, xe.given_name AS executor_given_name,
                xe.patronymic AS executor_patronymic, xo.short_name AS executor_organization_name
            FROM (SELECT * FROM assignments a WHERE
            """) + " " + condition + SQLQueryString(
                """
                 ORDER BY a.deadline, a.id LIMIT \(literal: limit)) a
                JOIN documents d ON d.id = a.document_id
                JOIN users au ON au.id = a.author_user_id
                JOIN employees ae ON ae.id = au.employee_id
                LEFT JOIN users xu ON xu.id = a.executor_user_id
                LEFT JOIN employees xe ON xe.id = xu.employee_id
                JOIN organizations xo ON xo.id = a.executor_organization_id
                ORDER BY a.deadline, a.id
                """)
        return try await db.sql.raw(sql).all().map(Self.item)
    }

    /// How many open assignments each inbox holds, and how many of the to-do ones are overdue or due soon.
    public func counts(
        userID: UUID, headOrganizationIDs: [UUID], today: CalendarDate, dueSoonUntil: CalendarDate
    ) async throws -> (toDo: Int, controlling: Int, issued: Int, overdue: Int, dueSoon: Int) {
        func count(_ inbox: AssignmentInbox, _ extra: SQLQueryString? = nil) async throws -> Int {
            let query = AssignmentInboxQuery(
                inbox: inbox, userID: userID, headOrganizationIDs: headOrganizationIDs, filter: .all, today: today,
                dueSoonUntil: dueSoonUntil)
            var sql = SQLQueryString("SELECT COUNT(*) AS n FROM assignments a WHERE a.is_open = \(bind: true) AND ")
            sql = sql + Self.ownership(query)
            if let extra { sql = sql + extra }
            return try await db.sql.raw(sql).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return (
            try await count(.toDo), try await count(.controlling), try await count(.issued),
            try await count(.toDo, SQLQueryString(" AND a.deadline < \(bind: today.iso)")),
            try await count(
                .toDo,
                SQLQueryString(" AND a.deadline >= \(bind: today.iso) AND a.deadline <= \(bind: dueSoonUntil.iso)"))
        )
    }

    private static func ownership(_ query: AssignmentInboxQuery) -> SQLQueryString {
        let me = query.userID.lowercasedString
        switch query.inbox {
        case .controlling: return SQLQueryString("a.control_officer_user_id = \(bind: me)")
        case .issued: return SQLQueryString("a.author_user_id = \(bind: me)")
        case .toDo:
            guard !query.headOrganizationIDs.isEmpty else { return SQLQueryString("a.executor_user_id = \(bind: me)") }
            let organizations = query.headOrganizationIDs.map { SQLQueryString("\(bind: $0.lowercasedString)") }
                .joined(separator: ", ")
            return SQLQueryString(
                "(a.executor_user_id = \(bind: me) OR (a.executor_user_id IS NULL AND a.executor_organization_id IN (")
                + organizations + SQLQueryString(")))")
        }
    }

    private static func item(_ row: any SQLRow) throws -> AssignmentListItem {
        let assignment = try row.decode(model: AssignmentRow.self, with: StorageCoding.decoder).assignment()
        func name(_ prefix: String) throws -> String? {
            guard let surname = try row.decode(column: "\(prefix)_surname", as: String?.self) else { return nil }
            return PersonName(
                surname: surname, givenName: try row.decode(column: "\(prefix)_given_name", as: String.self),
                patronymic: try row.decode(column: "\(prefix)_patronymic", as: String?.self)
            ).withInitials
        }
        let organization = try row.decode(column: "executor_organization_name", as: String.self)
        return AssignmentListItem(
            assignment: assignment, documentNumber: try row.decode(column: "document_number", as: String?.self),
            documentTitle: try row.decode(column: "document_title", as: String.self),
            authorName: try name("author") ?? "",
            executorName: try name("executor").map { "\($0) (\(organization))" } ?? organization)
    }
}

/// Names for the people and organisations a resolution's tree mentions, in one query each.
public struct ControlNames: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    /// «Фамилия И. О.» by user id.
    public func people(_ userIDs: Set<UUID>) async throws -> [UUID: String] {
        guard !userIDs.isEmpty else { return [:] }
        let rows = try await db.sql.raw(
            """
            SELECT u.id AS id, e.surname AS surname, e.given_name AS given_name, e.patronymic AS patronymic
            FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.id IN \(SQLBind.group(userIDs.map(\.lowercasedString)))
            """
        ).all()
        var names: [UUID: String] = [:]
        for row in rows {
            names[try UUID.stored(row.decode(column: "id", as: String.self))] = PersonName(
                surname: try row.decode(column: "surname", as: String.self),
                givenName: try row.decode(column: "given_name", as: String.self),
                patronymic: try row.decode(column: "patronymic", as: String?.self)
            ).withInitials
        }
        return names
    }

    /// Short names by organisation id.
    public func organizations(_ ids: Set<UUID>) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.sql.select().column("id").column("short_name").from("organizations")
            .where(SQLColumn("id"), .in, SQLBind.group(ids.map(\.lowercasedString))).all()
        var names: [UUID: String] = [:]
        for row in rows {
            names[try UUID.stored(row.decode(column: "id", as: String.self))] = try row.decode(column: "short_name", as: String.self)
        }
        return names
    }

    /// The organisation a user works in (their employee's), for person executors.
    public func organizationOf(userIDs: Set<UUID>) async throws -> [UUID: UUID] {
        guard !userIDs.isEmpty else { return [:] }
        let rows = try await db.sql.raw(
            """
            SELECT u.id AS id, e.organization_id AS organization_id FROM users u JOIN employees e ON e.id = u.employee_id
            WHERE u.active = \(bind: true) AND u.id IN \(SQLBind.group(userIDs.map(\.lowercasedString)))
            """
        ).all()
        var organizations: [UUID: UUID] = [:]
        for row in rows {
            organizations[try UUID.stored(row.decode(column: "id", as: String.self))] = try UUID.stored(
                row.decode(column: "organization_id", as: String.self))
        }
        return organizations
    }

    /// The users holding `role` in exactly this organisation (an organisation executor's heads).
    public func holders(of role: Role, in organizationID: UUID) async throws -> [UUID] {
        try await db.sql.select().column("user_id").from("role_grants")
            .where("organization_id", .equal, organizationID.lowercasedString).where("role", .equal, role.rawValue).all()
            .map { try UUID.stored($0.decode(column: "user_id", as: String.self)) }
    }
}

/// A person who can be named as an executor: an active account with its employee's name and organisation.
public struct ExecutorCandidate: Sendable, Hashable {
    public var userID: UUID
    public var name: String
    public var organizationID: UUID
    public var organizationName: String
}

extension ControlNames {
    /// People of one organisation, or people anywhere whose names match `text`, by surname.
    public func candidates(organizationID: UUID?, text: String?, limit: Int) async throws -> [ExecutorCandidate] {
        var query = db.sql.select()
            .column(SQLColumn("id", table: "u")).column(SQLColumn("surname", table: "e"))
            .column(SQLColumn("given_name", table: "e")).column(SQLColumn("patronymic", table: "e"))
            .column(SQLColumn("id", table: "o"), as: "organization_id").column(SQLColumn("short_name", table: "o"))
            .from(SQLAlias(SQLIdentifier("users"), as: SQLIdentifier("u")))
            .join(SQLAlias(SQLIdentifier("employees"), as: SQLIdentifier("e")), on: SQLRaw("e.id = u.employee_id"))
            .join(SQLAlias(SQLIdentifier("organizations"), as: SQLIdentifier("o")), on: SQLRaw("o.id = e.organization_id"))
            .where(SQLColumn("active", table: "u"), .equal, SQLBind(true))
        if let organizationID { query = query.where(SQLColumn("organization_id", table: "e"), .equal, SQLBind(organizationID.lowercasedString)) }
        if let needle = text.map(SearchText.normalize), !needle.isEmpty {
            query = query.where(containsText(needle, column: "e.search_text"))
        }
        return try await query.orderBy(SQLColumn("surname", table: "e")).orderBy(SQLColumn("given_name", table: "e")).limit(limit)
            .all().map { row in
                ExecutorCandidate(
                    userID: try UUID.stored(row.decode(column: "id", as: String.self)),
                    name: PersonName(
                        surname: try row.decode(column: "surname", as: String.self),
                        givenName: try row.decode(column: "given_name", as: String.self),
                        patronymic: try row.decode(column: "patronymic", as: String?.self)
                    ).withInitials,
                    organizationID: try UUID.stored(row.decode(column: "organization_id", as: String.self)),
                    organizationName: try row.decode(column: "short_name", as: String.self))
            }
    }
}
