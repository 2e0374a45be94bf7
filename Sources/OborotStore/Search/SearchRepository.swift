public import Foundation
public import OborotDomain
import SQLKit

/// The order of search results, and where the next page continues.
public enum SearchOrder: Sendable, Equatable {
    /// Best match first (for an empty query: newest first). `score` grows as relevance falls.
    case relevance(after: (score: Double, id: UUID)?)
    /// Newest card first.
    case date(after: (createdAt: Date, id: UUID)?)

    public static func == (lhs: SearchOrder, rhs: SearchOrder) -> Bool {
        switch (lhs, rhs) {
        case (.relevance(let a), .relevance(let b)): a?.score == b?.score && a?.id == b?.id
        case (.date(let a), .date(let b)): a?.createdAt == b?.createdAt && a?.id == b?.id
        default: false
        }
    }
}

/// One result: the list line, how well it matched, and the texts a snippet is cut from.
public struct SearchHit: Sendable, Equatable {
    public var item: DocumentListItem
    public var score: Double
    public var cardText: String?
    public var notice: String?
}

/// Counts of the whole result set (only what the actor may see) by each facet.
public struct SearchFacets: Sendable, Equatable {
    public var total = 0
    public var kinds: [DocumentKind: Int] = [:]
    public var states: [DocumentState: Int] = [:]
    public var organizations: [UUID: Int] = [:]
    public var journals: [UUID: Int] = [:]
    public var withOverdueAssignments = 0

    public init() {}
}

/// A suggestion for the search box.
public struct SearchSuggestion: Sendable, Equatable {
    public enum Kind: String, Sendable { case number, correspondent }
    public var kind: Kind
    public var text: String
    public var documentID: UUID?

    public init(kind: Kind, text: String, documentID: UUID?) {
        self.kind = kind
        self.text = text
        self.documentID = documentID
    }
}

/// Full-text queries, always narrowed by what the actor may see, so neither results nor counts reveal hidden
/// documents. The dialect-specific SQL of search lives here and in `SearchIndexRepository`.
public struct SearchRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    /// A page of results. Matching, filtering, visibility and order work on the search entries (`d`, which carry
    /// the card's filter and access columns); only the page's rows are read from the documents table.
    public func search(
        _ query: SearchQuery, visibleTo actor: Actor, filter: DocumentFilter, order: SearchOrder, limit: Int
    ) async throws -> [SearchHit] {
        let match = matchSource(query)
        let shown = match == nil ? "d" : "doc"
        var select = db.sql.select()
            .columns(DocumentRepository.ListRow.documentColumns(of: shown))
            .column(SQLColumn("name", table: "c"), as: "correspondent_name")
            .column(match.map { _ in SQLColumn("card_text", table: "d") as any SQLExpression } ?? SQLRaw("NULL"), as: "card_text")
            .column(match.map { _ in SQLColumn("notice", table: "d") as any SQLExpression } ?? SQLRaw("NULL"), as: "notice")
            .column(match?.score ?? SQLRaw("CAST(0 AS DOUBLE PRECISION)"), as: "score")
        select = from(select, match)
        if match != nil {
            select = select.join(SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("doc")), on: SQLRaw("doc.id = d.id"))
        }
        select = select
            .join(
                SQLAlias(SQLIdentifier("correspondents"), as: SQLIdentifier("c")), method: SQLJoinMethod.left,
                on: SQLRaw("c.id = \(shown).correspondent_id"))
            .where(DocumentVisibility.condition(for: actor))
        select = DocumentRepository.apply(filter, to: select)
        switch order {
        case .relevance(let after) where match != nil:
            let score = match!.score
            if let after {
                select = select.where(
                    SQLQueryString(
                        "(\(score) > \(bind: after.score) OR (\(score) = \(bind: after.score) AND d.id > \(bind: after.id.lowercasedString)))"))
            }
            select = select.orderBy(SQLRaw("score")).orderBy(SQLRaw("d.id"))
        case .relevance, .date:
            if case .date(let after?) = order {
                select = select.where(
                    SQLQueryString(
                        "(d.created_at < \(bind: after.createdAt.unixMilliseconds) OR (d.created_at = \(bind: after.createdAt.unixMilliseconds) AND d.id < \(bind: after.id.lowercasedString)))"))
            }
            select = select.orderBy(SQLRaw("d.created_at DESC")).orderBy(SQLRaw("d.id DESC"))
        }
        return try await select.limit(limit).all().map { row in
            SearchHit(
                item: try DocumentRepository.ListRow(row: row).item(),
                score: try row.decode(column: "score", as: Double.self),
                cardText: try row.decode(column: "card_text", as: String?.self),
                notice: try row.decode(column: "notice", as: String?.self))
        }
    }

    /// Counts of every result the actor may see, by kind, state, organisation, journal and overdue assignments, in
    /// one pass over the matching entries.
    public func facets(_ query: SearchQuery, visibleTo actor: Actor, filter: DocumentFilter, today: CalendarDate) async throws -> SearchFacets {
        // Uncorrelated, so both databases evaluate it once (a hashed set), not once per matching row.
        let overdue = SQLQueryString(
            "CASE WHEN d.id IN (SELECT document_id FROM assignments WHERE is_open = \(bind: true) AND deadline < \(bind: today.iso)) THEN 1 ELSE 0 END")
        var select = db.sql.select()
            .column(SQLColumn("kind", table: "d")).column(SQLColumn("state", table: "d"))
            .column(SQLColumn("organization_id", table: "d")).column(SQLColumn("journal_id", table: "d"))
            .column(overdue, as: "overdue")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
        select = from(select, matchSource(query))
            .where(DocumentVisibility.condition(for: actor))
        select = DocumentRepository.apply(filter, to: select)
            .groupBy(SQLRaw("d.kind")).groupBy(SQLRaw("d.state")).groupBy(SQLRaw("d.organization_id"))
            .groupBy(SQLRaw("d.journal_id")).groupBy(SQLRaw("overdue"))
        var facets = SearchFacets()
        for row in try await select.all() {
            let count = try row.decode(column: "n", as: Int.self)
            facets.total += count
            if let kind = DocumentKind(rawValue: try row.decode(column: "kind", as: String.self)) { facets.kinds[kind, default: 0] += count }
            if let state = DocumentState(rawValue: try row.decode(column: "state", as: String.self)) { facets.states[state, default: 0] += count }
            facets.organizations[try UUID.stored(try row.decode(column: "organization_id", as: String.self)), default: 0] += count
            if let journal = try row.decode(column: "journal_id", as: String?.self) {
                facets.journals[try UUID.stored(journal), default: 0] += count
            }
            if try row.decode(column: "overdue", as: Int.self) == 1 { facets.withOverdueAssignments += count }
        }
        return facets
    }

    /// Registration numbers starting with a typed fragment, among documents the actor may see.
    public func numberSuggestions(_ prefix: String, visibleTo actor: Actor, limit: Int) async throws -> [SearchSuggestion] {
        let query = SearchQuery(stems: [], words: [], numberPrefixes: [prefix])
        guard let match = matchSource(query) else { return [] }
        let select = from(
            db.sql.select().column(SQLColumn("id", table: "d")).column(SQLColumn("registration_number", table: "doc")), match
        )
        .join(SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("doc")), on: SQLRaw("doc.id = d.id"))
        .where(DocumentVisibility.condition(for: actor))
        .where(SQLRaw("doc.registration_number IS NOT NULL"))
        .orderBy(SQLRaw("d.created_at DESC"))
        .limit(limit * 3)
        // The match also finds number words in titles and texts; suggest only numbers that really start so.
        return try await select.all().compactMap { row -> SearchSuggestion? in
            let number = try row.decode(column: "registration_number", as: String.self)
            guard SearchTerms.numberKeys(number).contains(where: { $0.hasPrefix(prefix) }) else { return nil }
            return SearchSuggestion(kind: .number, text: number, documentID: try UUID.stored(try row.decode(column: "id", as: String.self)))
        }.prefix(limit).map { $0 }
    }

    /// The snippet sources of files: the first `characters` of each extracted current file text of `documentIDs`.
    public func fileTexts(of documentIDs: [UUID], characters: Int) async throws -> [UUID: [String]] {
        guard !documentIDs.isEmpty else { return [:] }
        let rows = try await db.sql.raw(
            """
            SELECT a.document_id, substr(e.text, 1, \(unsafeRaw: String(characters))) AS text
            FROM attachments a
            JOIN attachment_versions v ON v.attachment_id = a.id AND v.number = a.current_version
            JOIN extracted_texts e ON e.sha256 = v.sha256
            WHERE a.document_id IN \(SQLBind.group(documentIDs.map(\.lowercasedString))) AND e.state = 'done'
            ORDER BY a.created_at, a.id
            """
        ).all()
        var texts: [UUID: [String]] = [:]
        for row in rows {
            guard let text = try row.decode(column: "text", as: String?.self) else { continue }
            texts[try UUID.stored(try row.decode(column: "document_id", as: String.self)), default: []].append(text)
        }
        return texts
    }

    // MARK: Dialects

    /// The matching entries of a non-empty query: a FROM source and the score expression (lower is better).
    struct Match {
        var source: any SQLExpression
        /// What the rows of `source` must satisfy to match (PostgreSQL), nil when the source only yields matches.
        var condition: (any SQLExpression)? = nil
        var score: any SQLExpression
    }

    private func matchSource(_ query: SearchQuery) -> Match? {
        guard !query.isEmpty else { return nil }
        switch db.dialect {
        case .sqlite:
            // Every term quoted: nothing typed is FTS5 syntax. Numbers match by prefix.
            let expression = (query.stems.map { "\"\($0)\"" } + query.numberPrefixes.map { "\"\($0)\"*" }).joined(separator: " ")
            return Match(
                source: SQLQueryString(
                    "(SELECT rowid AS entry_id, rank AS score FROM search_terms WHERE search_terms MATCH \(bind: expression)) m JOIN search_entries d ON d.entry_id = m.entry_id"),
                score: SQLRaw("m.score"))
        case .postgres:
            let tsquery = postgresQuery(query)
            return Match(
                source: SQLQueryString("search_entries d"),
                condition: SQLQueryString("d.vector @@ \(tsquery)"),
                score: SQLQueryString("(-ts_rank(d.vector, \(tsquery))::float8)"))
        }
    }

    /// `plainto_tsquery('russian', …)` of the Cyrillic words (PostgreSQL stems them with the same Snowball algorithm),
    /// and the exact words and number prefixes against the entry's `simple` terms, which carry weight A so that
    /// nothing the `russian` parser made of the same text can answer for them.
    private func postgresQuery(_ query: SearchQuery) -> SQLQueryString {
        var parts: [SQLQueryString] = []
        if !query.words.isEmpty {
            parts.append(SQLQueryString("plainto_tsquery('russian', \(bind: query.words.joined(separator: " ")))"))
        }
        // Terms hold letters and digits only, so quoting them cannot be escaped from.
        let exact = query.exactWords.map { "'\($0)':A" } + query.numberPrefixes.map { "'\($0)':*A" }
        if !exact.isEmpty {
            parts.append(SQLQueryString("to_tsquery('simple', \(bind: exact.joined(separator: " & ")))"))
        }
        return SQLQueryString("(") + parts.joined(separator: " && ") + SQLQueryString(")")
    }

    private func from(_ select: SQLSelectBuilder, _ match: Match?) -> SQLSelectBuilder {
        guard let match else { return select.from(SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("d"))) }
        let source = select.from(match.source)
        return match.condition.map { source.where($0) } ?? source
    }
}
