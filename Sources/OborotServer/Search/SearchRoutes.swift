import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// Search, by hand (`openapi.yaml`, tag `search`).
///
/// | route | what |
/// |---|---|
/// | `GET /api/v1/search` | results with snippets and facet counts (parameters: `SearchParameters`) |
/// | `GET /api/v1/search/suggestions?q=` | registration numbers and correspondents starting with the typed text |
/// | `GET /api/v1/search/status` | how far indexing has got (queue, files waiting for text, failures) |
enum SearchRoutes {
    static func add(to router: Router<AppRequestContext>, services: AppServices) {
        router.get("/api/v1/search") { request, _ in
            let caller = try RequestScope.current.requireCaller()
            let parameters = try SearchParameters.parse(try queryValues(request))
            let result = try await services.search.search(caller, parameters)
            return try FileRoutes.jsonResponse(status: .ok, SearchResultJSON(result))
        }
        router.get("/api/v1/search/suggestions") { request, _ in
            let caller = try RequestScope.current.requireCaller()
            let values = try queryValues(request)
            let limit = try RequestValues.integer(values["limit"]?.first.map { Substring($0) }, field: "limit") ?? 8
            let suggestions = try await services.search.suggest(caller, values["q"]?.first ?? "", limit: min(max(limit, 1), 20))
            return try FileRoutes.jsonResponse(status: .ok, suggestions.map(SuggestionJSON.init))
        }
        router.get("/api/v1/search/status") { _, _ in
            // Region-wide figures (ДСП cards included): for administrators.
            let caller = try RequestScope.current.requireCaller()
            guard caller.actor.holdsAnywhere(.admin) else { throw OborotError.forbidden(SearchPageTexts.statusPolicy) }
            return try FileRoutes.jsonResponse(status: .ok, StatusJSON(try await services.searchIndexer.status()))
        }
    }

    static func queryValues(_ request: Request) throws -> [String: [String]] {
        SearchParameters.values(try WebForms.pairs(urlencoded: request.uri.query ?? ""))
    }
}

extension SearchPageTexts {
    static let statusPolicy = "администратор"
}

struct SearchResultJSON: Encodable {
    struct Fragment: Encodable {
        var text: String
        var match: Bool
    }

    struct Item: Encodable {
        var id: String
        var organizationId: String
        var kind: String
        var state: String
        var title: String
        var registrationNumber: String?
        var registrationDate: String?
        var correspondentName: String?
        var accessMark: String
        /// The text around the first match, matching words marked; never the whole text.
        var snippet: [Fragment]?
        /// Files whose text could not be read, with the reason.
        var notice: String?
    }

    struct Count: Encodable {
        var value: String
        var label: String
        var count: Int
    }

    struct Facets: Encodable {
        var total: Int
        var kinds: [Count]
        var states: [Count]
        var organizations: [Count]
        var journals: [Count]
        var withOverdueAssignments: Int
    }

    var items: [Item]
    var nextCursor: String?
    var facets: Facets?
    var indexNotice: String?
    /// Only stop words were typed: the latest documents are listed.
    var onlyStopWords: Bool

    init(_ result: SearchService.Result) {
        onlyStopWords = result.onlyStopWords
        items = result.hits.map { hit in
            Item(
                id: hit.item.id.lowercasedString, organizationId: hit.item.organizationID.lowercasedString,
                kind: hit.item.kind.rawValue, state: hit.item.state.rawValue, title: hit.item.title,
                registrationNumber: hit.item.registrationNumber, registrationDate: hit.item.registrationDate?.iso,
                correspondentName: hit.item.correspondentName, accessMark: hit.item.accessMark.rawValue,
                snippet: hit.snippet?.fragments.map { Fragment(text: $0.text, match: $0.isMatch) }, notice: hit.notice)
        }
        nextCursor = result.nextCursor
        indexNotice = result.indexNotice
        facets = result.facets.map { facets in
            Facets(
                total: facets.total,
                kinds: SearchFacetList.kinds(facets).map { Count(value: $0.value.rawValue, label: $0.label, count: $0.count) },
                states: SearchFacetList.states(facets).map { Count(value: $0.value.rawValue, label: $0.label, count: $0.count) },
                organizations: SearchFacetList.named(facets.organizations, result.organizationNames)
                    .map { Count(value: $0.value.lowercasedString, label: $0.label, count: $0.count) },
                journals: SearchFacetList.named(facets.journals, result.journalNames)
                    .map { Count(value: $0.value.lowercasedString, label: $0.label, count: $0.count) },
                withOverdueAssignments: facets.withOverdueAssignments)
        }
    }
}

/// One facet value with its label and count.
struct FacetCount<Value: Sendable>: Sendable {
    var value: Value
    var label: String
    var count: Int
}

/// Facet counts in the order people read them: the biggest first, ties by label.
enum SearchFacetList {
    static func kinds(_ facets: SearchFacets) -> [FacetCount<DocumentKind>] {
        ordered(facets.kinds.map { FacetCount(value: $0.key, label: $0.key.russianName, count: $0.value) })
    }

    static func states(_ facets: SearchFacets) -> [FacetCount<DocumentState>] {
        ordered(facets.states.map { FacetCount(value: $0.key, label: $0.key.russianName, count: $0.value) })
    }

    /// At most `limit` entries: a region has hundreds of organisations.
    static func named(_ counts: [UUID: Int], _ names: [UUID: String], limit: Int = 30) -> [FacetCount<UUID>] {
        let entries: [FacetCount<UUID>] = counts.map { FacetCount(value: $0.key, label: names[$0.key] ?? "—", count: $0.value) }
        return Array(ordered(entries).prefix(limit))
    }

    private static func ordered<Value>(_ entries: [FacetCount<Value>]) -> [FacetCount<Value>] {
        entries.sorted { $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label }
    }
}

struct SuggestionJSON: Encodable {
    var kind: String
    var text: String
    /// The same as `text`, under the name the pages' autocomplete reads.
    var name: String
    var documentId: String?

    init(_ suggestion: SearchSuggestion) {
        kind = suggestion.kind.rawValue
        text = suggestion.text
        name = suggestion.text
        documentId = suggestion.documentID?.lowercasedString
    }
}

struct StatusJSON: Encodable {
    var queuedDocuments: Int
    var indexedDocuments: Int
    var pendingFiles: Int
    var failedFiles: Int
    var filesWaitingForTool: Int
    var extractedTextBytes: Int64
    var pdfToolInstalled: Bool

    init(_ status: SearchIndexStatus) {
        queuedDocuments = status.queuedDocuments
        indexedDocuments = status.indexedDocuments
        pendingFiles = status.pendingTexts
        failedFiles = status.failedTexts
        filesWaitingForTool = status.unavailableTexts
        extractedTextBytes = status.extractedTextBytes
        pdfToolInstalled = TextExtraction.pdfToolInstalled
    }
}
