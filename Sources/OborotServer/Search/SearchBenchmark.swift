public import Foundation
public import OborotStore
public import OborotDomain

/// What `oborot bench search` measures: the whole search a person makes (results, snippets, facets, index status),
/// in-process, as a given user.
public struct SearchBenchmark: Sendable {
    let service: SearchService
    let caller: Caller

    /// A searcher acting as `userID`; nil when there is no such active user.
    public init?(database: any Database, userID: UUID) async throws {
        guard let actor = try await database.read({ try await ActorRepository($0).actor(userID: userID) }) else { return nil }
        service = SearchService(database: database)
        caller = Caller(actor: actor, clientAddress: nil)
    }

    /// One search; returns the number of results on the page and the total the facets counted.
    public func search(_ text: String, kind: DocumentKind? = nil, byDate: Bool = false) async throws -> (page: Int, total: Int?) {
        var request = SearchService.Request()
        request.text = text
        request.sortByDate = byDate
        if let kind { request.filter.kinds = [kind] }
        let result = try await service.search(caller, request)
        return (result.hits.count, result.facets?.total)
    }
}
