public import Foundation
public import OborotDomain
import SQLKit

/// The thematic classifier of appeals. Nodes are never deleted: a load adds and renames, and marks obsolete what the
/// file marks; a node missing from a later file stays as it was (old appeals keep their codes).
public struct TopicRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    public struct LoadResult: Sendable, Equatable {
        public var added: Int
        public var changed: Int
        public var unchanged: Int
    }

    public func load(_ nodes: [TopicNode]) async throws -> LoadResult {
        let existing = try await all()
        let known = Dictionary(existing.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var result = LoadResult(added: 0, changed: 0, unchanged: 0)
        let now = db.now.unixMilliseconds
        var fresh: [TopicNode] = []
        for node in nodes {
            switch known[node.code] {
            case nil:
                fresh.append(node)
                result.added += 1
            case let old? where old.name == node.name && old.obsolete == node.obsolete:
                result.unchanged += 1
            case _?:
                try await db.sql.update("appeal_topics").set("name", to: node.name).set("obsolete", to: node.obsolete)
                    .set("updated_at", to: now).where("code", .equal, node.code.description).run()
                result.changed += 1
            }
        }
        for chunk in fresh.chunked(into: StorageLimits.rowsPerInsert(columns: 5)) {
            var insert = db.sql.insert(into: "appeal_topics").columns("code", "name", "obsolete", "level", "updated_at")
            for node in chunk {
                insert = insert.values(SQLBind(node.code.description), SQLBind(node.name), SQLBind(node.obsolete), SQLBind(node.code.level), SQLBind(now))
            }
            try await insert.run()
        }
        return result
    }

    public func all() async throws -> [TopicNode] {
        try await db.sql.select().column("code").column("name").column("obsolete").from("appeal_topics").orderBy("code").all()
            .compactMap { row in
                guard let code = TopicCode(try row.decode(column: "code", as: String.self)) else { return nil }
                return TopicNode(code: code, name: try row.decode(column: "name", as: String.self), obsolete: try row.decode(column: "obsolete", as: Bool.self))
            }
    }

    public func find(_ codes: Set<TopicCode>) async throws -> [TopicCode: TopicNode] {
        guard !codes.isEmpty else { return [:] }
        let rows = try await db.sql.select().column("code").column("name").column("obsolete").from("appeal_topics")
            .where("code", .in, codes.map(\.description)).all()
        var found: [TopicCode: TopicNode] = [:]
        for row in rows {
            guard let code = TopicCode(try row.decode(column: "code", as: String.self)) else { continue }
            found[code] = TopicNode(code: code, name: try row.decode(column: "name", as: String.self), obsolete: try row.decode(column: "obsolete", as: Bool.self))
        }
        return found
    }

    public func isEmpty() async throws -> Bool {
        try await db.sql.select().column("code").from("appeal_topics").limit(1).first() == nil
    }
}
