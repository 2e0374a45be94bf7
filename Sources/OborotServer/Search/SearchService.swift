import Foundation
import OborotDomain
import OborotStore

/// Search for people: a query, filters and an order in; a page of results with snippets, the facet counts and the
/// names the facets need out. Everything is narrowed to what the caller may see.
struct SearchService: Sendable {
    /// A result's snippet is cut from this much of each file's text at most: enough for the first match of almost
    /// every search, and a bounded cost per page.
    static let snippetSourceCharacters = 65_536

    let database: any Database

    struct Request: Sendable {
        var text: String = ""
        var filter = DocumentFilter()
        /// Only this organisation and its subtree.
        var organizationID: UUID?
        /// Only documents with open assignments past their deadline (as of the caller's today).
        var onlyOverdue = false
        var sortByDate = false
        var cursor: String?
        var limit = 20
        var withFacets = true
    }

    struct Hit: Sendable {
        var item: DocumentListItem
        var snippet: SearchSnippet?
        var notice: String?
    }

    struct Result: Sendable {
        var hits: [Hit]
        var nextCursor: String?
        var facets: SearchFacets?
        var organizationNames: [UUID: String] = [:]
        var journalNames: [UUID: String] = [:]
        /// Set while indexing lags behind: the newest changes may not be found yet.
        var indexNotice: String?
        /// Something was typed, but only stop words or separators: the latest documents are shown instead.
        var onlyStopWords = false
    }

    func search(_ caller: Caller, _ request: Request) async throws -> Result {
        let query = try SearchQuery.parse(request.text)
        let order = try SearchCursor.order(request.cursor, byDate: request.sortByDate || query.isEmpty)
        return try await database.read { db in
            let repository = SearchRepository(db)
            // Today in the caller's zone, read only when the overdue filter or facet needs it.
            func today() async throws -> CalendarDate {
                try await OrganizationRepository(db).get(caller.actor.principal.organizationID).date(at: db.now)
            }
            var filter = request.filter
            if let id = request.organizationID {
                guard let organization = try await OrganizationRepository(db).find(id) else { throw OborotError.notFound(.organization) }
                filter.organizationScope = organization.path
            }
            if request.onlyOverdue { filter.overdueAssignmentsOn = try await today() }
            let found = try await repository.search(
                query, visibleTo: caller.actor, filter: filter, order: order, limit: request.limit + 1)
            let page = Array(found.prefix(request.limit))
            let next = found.count > request.limit ? page.last.map { SearchCursor.encode(after: $0, order: order) } : nil
            var result = Result(hits: try await hits(page, query: query, db: db), nextCursor: next)
            // Facets of "everything" would count the whole archive on every visit; an empty query without filters
            // just lists the newest documents.
            if request.withFacets && (!query.isEmpty || filter != DocumentFilter()) {
                let day = if let asked = filter.overdueAssignmentsOn { asked } else { try await today() }
                let facets = try await repository.facets(query, visibleTo: caller.actor, filter: filter, today: day)
                result.facets = facets
                result.organizationNames = Dictionary(
                    uniqueKeysWithValues: try await OrganizationRepository(db).findMany(Array(facets.organizations.keys))
                        .map { ($0.id, $0.shortName) })
                result.journalNames = Dictionary(
                    uniqueKeysWithValues: try await JournalRepository(db).findMany(Array(facets.journals.keys)).map { ($0.id, $0.name) })
            }
            // The region-wide queue is not the caller's business; only that the newest changes may be missing.
            if try await SearchIndexRepository(db).isBehind() { result.indexNotice = SearchPageTexts.indexing }
            result.onlyStopWords = query.isEmpty && !request.text.allSatisfy(\.isWhitespace)
            return result
        }
    }

    /// Results with snippets: from the card when it matches, else from the first matching file text.
    private func hits(_ found: [SearchHit], query: SearchQuery, db: DatabaseHandle) async throws -> [Hit] {
        guard !query.isEmpty else { return found.map { Hit(item: $0.item, snippet: nil, notice: $0.notice) } }
        var snippets: [UUID: SearchSnippet] = [:]
        for hit in found {
            if let card = hit.cardText, let snippet = SearchSnippet.make(from: card, for: query) { snippets[hit.item.id] = snippet }
        }
        let needFiles = found.map(\.item.id).filter { snippets[$0] == nil }
        let texts = try await SearchRepository(db).fileTexts(of: needFiles, characters: Self.snippetSourceCharacters)
        for id in needFiles {
            for text in texts[id] ?? [] {
                if let snippet = SearchSnippet.make(from: text, for: query) {
                    snippets[id] = snippet
                    break
                }
            }
        }
        return found.map { Hit(item: $0.item, snippet: snippets[$0.item.id], notice: $0.notice) }
    }

    /// Numbers and correspondents starting with what is typed, for the search box.
    func suggest(_ caller: Caller, _ text: String, limit: Int) async throws -> [SearchSuggestion] {
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard typed.count >= 2, typed.count <= 100 else { return [] }
        return try await database.read { db in
            var suggestions: [SearchSuggestion] = []
            let key = SearchTerms.words(in: typed).joined()
            if SearchTerms.isNumber(key) {
                suggestions += try await SearchRepository(db).numberSuggestions(key, visibleTo: caller.actor, limit: limit)
            }
            let names = try await CorrespondentRepository(db).search(typed, limit: limit - suggestions.count)
            suggestions += names.map { SearchSuggestion(kind: .correspondent, text: $0.name, documentID: nil) }
            return suggestions
        }
    }
}

/// The opaque cursor of search pages.
enum SearchCursor {
    static func encode(after hit: SearchHit, order: SearchOrder) -> String {
        switch order {
        case .relevance: OpaqueCursor.encode("s:\(hit.score.bitPattern):\(hit.item.id.lowercasedString)")
        case .date: OpaqueCursor.encode("d:\(hit.item.createdAt.unixMilliseconds):\(hit.item.id.lowercasedString)")
        }
    }

    static func order(_ cursor: String?, byDate: Bool) throws -> SearchOrder {
        guard let cursor, !cursor.isEmpty else { return byDate ? .date(after: nil) : .relevance(after: nil) }
        guard let text = OpaqueCursor.decode(cursor) else { throw DocumentCursor.invalid }
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 3, let id = UUID(uuidString: parts[2]) else { throw DocumentCursor.invalid }
        switch (parts[0], byDate) {
        case ("s", false):
            guard let bits = UInt64(parts[1]) else { throw DocumentCursor.invalid }
            return .relevance(after: (Double(bitPattern: bits), id))
        case ("d", true):
            guard let millis = Int64(parts[1]) else { throw DocumentCursor.invalid }
            return .date(after: (Date(unixMilliseconds: millis), id))
        default:
            throw DocumentCursor.invalid
        }
    }
}

/// Russian wording of the search page and API.
enum SearchPageTexts {
    static let indexing = "Идёт индексирование — самые свежие изменения могут найтись чуть позже."
    static let onlyStopWords =
        "В запросе только служебные слова и знаки (например, «и», «в», «на»): по ним не ищут. Показаны последние документы."
}
