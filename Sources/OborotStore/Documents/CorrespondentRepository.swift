public import OborotDomain
public import Foundation
import SQLKit

/// The correspondents directory, deduplicated by ИНН or by name and address.
public struct CorrespondentRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    struct Row: Codable, Sendable {
        var id: String
        var kind: String
        var name: String
        var searchText: String
        var inn: String?
        var address: String?
        var email: String?
        var phone: String?
        var organizationId: String?
        var deduplicationKey: String
        var version: Int
        var createdAt: Int64
        var updatedAt: Int64

        init(_ correspondent: Correspondent, now: Date) {
            id = correspondent.id.lowercasedString
            kind = correspondent.kind.rawValue
            name = correspondent.name
            searchText = SearchText.combine(correspondent.name, correspondent.inn, correspondent.address)
            inn = correspondent.inn
            address = correspondent.address
            email = correspondent.email
            phone = correspondent.phone
            organizationId = correspondent.organizationID?.lowercasedString
            deduplicationKey = CorrespondentRules.deduplicationKey(
                name: correspondent.name, inn: correspondent.inn, address: correspondent.address)
            version = correspondent.version
            createdAt = now.unixMilliseconds
            updatedAt = now.unixMilliseconds
        }

        func correspondent() throws -> Correspondent {
            Correspondent(
                id: try UUID.stored(id), kind: Correspondent.Kind(rawValue: kind) ?? .organization, name: name, inn: inn,
                address: address, email: email, phone: phone, organizationID: try organizationId.map(UUID.stored),
                version: version)
        }
    }

    public func find(_ id: UUID) async throws -> Correspondent? {
        try await db.sql.select().column("*").from("correspondents").where("id", .equal, id.lowercasedString)
            .row(Row.self)?.correspondent()
    }

    public func get(_ id: UUID) async throws -> Correspondent {
        guard let correspondent = try await find(id) else { throw OborotError.notFound(.correspondent) }
        return correspondent
    }

    public func findMany(_ ids: [UUID]) async throws -> [Correspondent] {
        guard !ids.isEmpty else { return [] }
        return try await db.sql.select().column("*").from("correspondents")
            .where(SQLColumn("id"), .in, SQLBind.group(ids.map(\.lowercasedString)))
            .rows(Row.self).map { try $0.correspondent() }
    }

    /// The entry already stored under the same deduplication key, if any.
    public func find(deduplicationKey key: String) async throws -> Correspondent? {
        try await db.sql.select().column("*").from("correspondents").where("deduplication_key", .equal, key)
            .row(Row.self)?.correspondent()
    }

    /// Entries whose name, ИНН or address contain `text`, names starting with it first (for autocomplete).
    public func search(_ text: String, limit: Int) async throws -> [Correspondent] {
        let needle = SearchText.normalize(text)
        var query = db.sql.select().column("*").from("correspondents")
        if !needle.isEmpty {
            query = query.where(containsText(needle, column: "search_text"))
                .orderBy(SQLQueryString("CASE WHEN search_text LIKE \(bind: SearchText.likePrefixPattern(needle)) ESCAPE '\\' THEN 0 ELSE 1 END"))
        }
        return try await query.orderBy("name").limit(limit).rows(Row.self).map { try $0.correspondent() }
    }

    /// The entry under the correspondent's deduplication key: the one stored, or this one added. Safe when two
    /// transactions add the same body at once (two packets from a new sender): the loser reads the winner's row.
    public func findOrInsert(_ correspondent: Correspondent) async throws -> UUID {
        let row = Row(correspondent, now: db.now)
        try await db.sql.insert(into: "correspondents").rows([row]).ignoringConflicts(with: ["deduplication_key"]).run()
        return try await find(deduplicationKey: row.deduplicationKey)?.id ?? correspondent.id
    }

    public func insert(_ correspondent: Correspondent) async throws {
        try await db.sql.insert(into: "correspondents").rows([Row(correspondent, now: db.now)]).run()
    }
}
