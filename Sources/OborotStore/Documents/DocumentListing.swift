public import OborotDomain
public import Foundation
import SQLKit

/// What a list of documents may be narrowed by.
public struct DocumentFilter: Sendable, Equatable {
    public var kinds: [DocumentKind] = []
    public var states: [DocumentState] = []
    public var journalID: UUID?
    public var numberingYear: Int?
    /// Only documents of this organisation and its subtree.
    public var organizationScope: OrganizationPath?
    public var registeredFrom: CalendarDate?
    public var registeredTo: CalendarDate?
    public var correspondentID: UUID?
    public var accessMark: AccessMark?
    public var caseFileID: UUID?
    /// Words of the number, title, correspondent's number or notes (a simple substring match; full-text search is
    /// the search area's job).
    public var text: String?
    /// Only documents with an open assignment whose deadline passed before this day.
    public var overdueAssignmentsOn: CalendarDate?

    public init() {}
}

/// The order of a list and the position to continue after (keyset pagination: stable under inserts).
public enum DocumentOrder: Sendable, Equatable {
    /// Newest cards first.
    case newest(after: (createdAt: Date, id: UUID)?)
    /// A journal's register: highest number first.
    case register(after: (year: Int, sequence: Int)?)

    public static func == (lhs: DocumentOrder, rhs: DocumentOrder) -> Bool {
        switch (lhs, rhs) {
        case (.newest(let a), .newest(let b)): a?.createdAt == b?.createdAt && a?.id == b?.id
        case (.register(let a), .register(let b)): a?.year == b?.year && a?.sequence == b?.sequence
        default: false
        }
    }
}

/// One line of a document list.
public struct DocumentListItem: Sendable, Equatable {
    public var id: UUID
    public var organizationID: UUID
    public var kind: DocumentKind
    public var state: DocumentState
    public var title: String
    public var registrationNumber: String?
    public var registrationDate: CalendarDate?
    public var numberingYear: Int?
    public var sequence: Int?
    public var correspondentName: String?
    public var correspondentNumber: String?
    public var accessMark: AccessMark
    public var pages: Int?
    public var createdAt: Date
}

extension DocumentRepository {
    struct ListRow: RowReadable {
        /// The columns a list line reads from the documents table aliased `table` (the correspondent's name comes
        /// from a join, as `correspondent_name`).
        static func documentColumns(of table: String) -> [any SQLExpression] {
            ["id", "organization_id", "kind", "state", "title", "registration_number", "registration_date", "numbering_year",
             "sequence", "correspondent_number", "access_mark", "pages", "created_at"].map { SQLColumn($0, table: table) }
        }

        var id: String
        var organizationId: String
        var kind: String
        var state: String
        var title: String
        var registrationNumber: String?
        var registrationDate: String?
        var numberingYear: Int?
        var sequence: Int?
        var correspondentName: String?
        var correspondentNumber: String?
        var accessMark: String
        var pages: Int?
        var createdAt: Int64

        init(row: any SQLRow) throws {
            id = try row.decode(column: "id", as: String.self)
            organizationId = try row.decode(column: "organization_id", as: String.self)
            kind = try row.decode(column: "kind", as: String.self)
            state = try row.decode(column: "state", as: String.self)
            title = try row.decode(column: "title", as: String.self)
            registrationNumber = try row.decode(column: "registration_number", as: String?.self)
            registrationDate = try row.decode(column: "registration_date", as: String?.self)
            numberingYear = try row.decode(column: "numbering_year", as: Int?.self)
            sequence = try row.decode(column: "sequence", as: Int?.self)
            correspondentName = try row.decode(column: "correspondent_name", as: String?.self)
            correspondentNumber = try row.decode(column: "correspondent_number", as: String?.self)
            accessMark = try row.decode(column: "access_mark", as: String.self)
            pages = try row.decode(column: "pages", as: Int?.self)
            createdAt = try row.decode(column: "created_at", as: Int64.self)
        }

        func item() throws -> DocumentListItem {
            DocumentListItem(
                id: try UUID.stored(id), organizationID: try UUID.stored(organizationId),
                kind: DocumentKind(rawValue: kind) ?? .internal, state: DocumentState(rawValue: state) ?? .draft,
                title: title, registrationNumber: registrationNumber,
                registrationDate: registrationDate.flatMap(CalendarDate.init(iso:)), numberingYear: numberingYear,
                sequence: sequence, correspondentName: correspondentName, correspondentNumber: correspondentNumber,
                accessMark: AccessMark(rawValue: accessMark) ?? .restricted, pages: pages, createdAt: Date(unixMilliseconds: createdAt))
        }
    }

    /// A page of documents `actor` may see, filtered and ordered; ask for the next page with the last item.
    public func list(
        visibleTo actor: Actor, filter: DocumentFilter, order: DocumentOrder, limit: Int
    ) async throws -> [DocumentListItem] {
        var query = db.sql.select()
            .columns(ListRow.documentColumns(of: "d"))
            .column(SQLColumn("name", table: "c"), as: "correspondent_name")
            .from(SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("d")))
            .join(
                SQLAlias(SQLIdentifier("correspondents"), as: SQLIdentifier("c")), method: SQLJoinMethod.left,
                on: SQLRaw("c.id = d.correspondent_id"))
            .where(DocumentVisibility.condition(for: actor))
        query = Self.apply(filter, to: query)
        switch order {
        case .newest(let after):
            if let after {
                query = query.where(
                    SQLQueryString(
                        "(d.created_at < \(bind: after.createdAt.unixMilliseconds) OR (d.created_at = \(bind: after.createdAt.unixMilliseconds) AND d.id < \(bind: after.id.lowercasedString)))"))
            }
            query = query.orderBy(SQLRaw("d.created_at DESC")).orderBy(SQLRaw("d.id DESC"))
        case .register(let after):
            query = query.where(SQLQueryString("d.sequence IS NOT NULL"))
            if let after {
                query = query.where(
                    SQLQueryString(
                        "(d.numbering_year < \(bind: after.year) OR (d.numbering_year = \(bind: after.year) AND d.sequence < \(bind: after.sequence)))"))
            }
            query = query.orderBy(SQLRaw("d.numbering_year DESC")).orderBy(SQLRaw("d.sequence DESC"))
        }
        return try await query.limit(limit).readRows(ListRow.self).map { try $0.item() }
    }

    static func apply(_ filter: DocumentFilter, to query: SQLSelectBuilder) -> SQLSelectBuilder {
        var query = query
        if !filter.kinds.isEmpty {
            query = query.where(SQLColumn("kind", table: "d"), .in, SQLBind.group(filter.kinds.map(\.rawValue)))
        }
        if !filter.states.isEmpty {
            query = query.where(SQLColumn("state", table: "d"), .in, SQLBind.group(filter.states.map(\.rawValue)))
        }
        if let journal = filter.journalID {
            query = query.where(SQLColumn("journal_id", table: "d"), .equal, SQLBind(journal.lowercasedString))
        }
        if let year = filter.numberingYear {
            query = query.where(SQLColumn("numbering_year", table: "d"), .equal, SQLBind(year))
        }
        if let scope = filter.organizationScope {
            query = query.where(OrganizationRepository.pathRange(scope, column: SQLColumn("organization_path", table: "d")))
        }
        if let from = filter.registeredFrom {
            query = query.where(SQLColumn("registration_date", table: "d"), .greaterThanOrEqual, SQLBind(from.iso))
        }
        if let to = filter.registeredTo {
            query = query.where(SQLColumn("registration_date", table: "d"), .lessThanOrEqual, SQLBind(to.iso))
        }
        if let correspondent = filter.correspondentID {
            query = query.where(SQLColumn("correspondent_id", table: "d"), .equal, SQLBind(correspondent.lowercasedString))
        }
        if let mark = filter.accessMark {
            query = query.where(SQLColumn("access_mark", table: "d"), .equal, SQLBind(mark.rawValue))
        }
        if let caseFile = filter.caseFileID {
            query = query.where(SQLColumn("case_file_id", table: "d"), .equal, SQLBind(caseFile.lowercasedString))
        }
        if let text = filter.text.map(SearchText.normalize), !text.isEmpty {
            query = query.where(containsText(text, column: "d.search_text"))
        }
        if let today = filter.overdueAssignmentsOn {
            query = query.where(
                SQLQueryString(
                    "EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = d.id AND a.is_open = \(bind: true) AND a.deadline < \(bind: today.iso))"))
        }
        return query
    }
}
