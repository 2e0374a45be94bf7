public import OborotDomain
public import Foundation
import SQLKit

/// Reads and writes organisations. No rules here: callers validate with `OrganizationRules` first.
public struct OrganizationRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    private static let nodeColumns =
        "o.*, (SELECT COUNT(*) FROM organizations c WHERE c.parent_id = o.id) AS child_count"

    public func find(_ id: UUID) async throws -> Organization? {
        try await db.sql.raw("SELECT * FROM organizations WHERE id = \(bind: id.lowercasedString)")
            .row(OrganizationRow.self)?.organization()
    }

    /// The organisation, or `notFound`.
    public func get(_ id: UUID) async throws -> Organization {
        guard let organization = try await find(id) else { throw OborotError.notFound(.organization) }
        return organization
    }

    public func findMany(_ ids: [UUID]) async throws -> [Organization] {
        guard !ids.isEmpty else { return [] }
        return try await db.sql.select().column("*").from("organizations")
            .where(SQLColumn("id"), .in, SQLBind.group(ids.map(\.lowercasedString)))
            .rows(OrganizationRow.self).map { try $0.organization() }
    }

    /// Direct children of `parentID` (roots when nil), by short name, with their own child counts.
    /// Organisations of these kinds, for pages that list every body of a kind (the public appeal form).
    /// The ids of the organisation at `path` and every one under it.
    public func subtreeIDs(under path: OrganizationPath) async throws -> [UUID] {
        try await db.sql.select().column("id").from("organizations").where(Self.pathRange(path, column: SQLColumn("path"))).all()
            .map { try UUID.stored($0.decode(column: "id", as: String.self)) }
    }

    public func all(kinds: [OrganizationKind]) async throws -> [Organization] {
        try await db.sql.select().column("*").from("organizations").where("kind", .in, kinds.map(\.rawValue))
            .rows(OrganizationRow.self).map { try $0.organization() }
    }

    public func children(of parentID: UUID?, limit: Int = 1000) async throws -> [OrganizationNode] {
        var query = db.sql.select().column(SQLRaw(Self.nodeColumns))
            .from(SQLAlias(SQLIdentifier("organizations"), as: SQLIdentifier("o")))
        if let parentID {
            query = query.where(SQLColumn("parent_id", table: "o"), .equal, SQLBind(parentID.lowercasedString))
        } else {
            query = query.where(SQLColumn("parent_id", table: "o"), .is, SQLLiteral.null)
        }
        return try await query.orderBy(SQLColumn("short_name", table: "o")).limit(limit)
            .rows(OrganizationNodeRow.self)
            .map { OrganizationNode(organization: try $0.row.organization(), childCount: $0.childCount) }
    }

    /// Organisations whose names or INN contain `text`, optionally only inside `scope`, best matches first.
    public func search(
        _ text: String, within scope: OrganizationPath? = nil, kinds: [OrganizationKind] = [], limit: Int = 50
    ) async throws -> [OrganizationNode] {
        let needle = SearchText.normalize(text)
        var query = db.sql.select().column(SQLRaw(Self.nodeColumns))
            .from(SQLAlias(SQLIdentifier("organizations"), as: SQLIdentifier("o")))
        if !needle.isEmpty {
            query = query.where(containsText(needle, column: "o.search_text"))
        }
        if let scope {
            query = query.where(pathWithin(scope, column: SQLColumn("path", table: "o")))
        }
        if !kinds.isEmpty {
            query = query.where(SQLColumn("kind", table: "o"), .in, SQLBind.group(kinds.map(\.rawValue)))
        }
        if !needle.isEmpty {
            // Names that start with the text, or have a word that does, come before mere substring matches.
            let prefix = SearchText.likePrefixPattern(needle)
            query = query.orderBy(
                SQLQueryString(
                    "CASE WHEN o.search_text LIKE \(bind: prefix) ESCAPE '\\' OR o.search_text LIKE \(bind: "% " + prefix) ESCAPE '\\' THEN 0 ELSE 1 END"))
        }
        return try await query.orderBy(SQLColumn("depth", table: "o")).orderBy(SQLColumn("short_name", table: "o"))
            .limit(limit)
            .rows(OrganizationNodeRow.self)
            .map { OrganizationNode(organization: try $0.row.organization(), childCount: $0.childCount) }
    }

    func pathWithin(_ scope: OrganizationPath, column: any SQLExpression) -> any SQLExpression {
        Self.pathRange(scope, column: column)
    }

    /// A range condition equivalent to `path LIKE 'prefix%'` that both databases answer from a path index.
    ///
    /// Paths are ids and slashes; every path below `/a/` sorts between `/a/` and `/a0` because '0' follows '/'.
    static func pathRange(_ scope: OrganizationPath, column: any SQLExpression) -> any SQLExpression {
        let lower = scope.rawValue
        let upper = String(lower.dropLast()) + "0"
        return SQLBinaryExpression(
            SQLBinaryExpression(column, .greaterThanOrEqual, SQLBind(lower)), .and,
            SQLBinaryExpression(column, .lessThan, SQLBind(upper)))
    }

    public func childCount(of id: UUID) async throws -> Int {
        try await db.sql.raw("SELECT COUNT(*) AS n FROM organizations WHERE parent_id = \(bind: id.lowercasedString)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public func count() async throws -> Int {
        try await db.sql.raw("SELECT COUNT(*) AS n FROM organizations").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public func insert(_ organizations: [Organization]) async throws {
        for chunk in organizations.chunked(into: StorageLimits.rowsPerInsert(columns: 14)) {
            try await db.sql.insert(into: "organizations").rows(chunk.map(OrganizationRow.init)).run()
        }
    }

    /// Saves an edited organisation if nobody saved another version first; moves its subtree when the path changed.
    public func update(_ organization: Organization, expectedVersion: Int, previousPath: OrganizationPath) async throws {
        var row = OrganizationRow(organization)
        row.version = expectedVersion + 1
        let updated = try await db.sql.update("organizations")
            .set(model: row, with: StorageCoding.encoder)
            .where("id", .equal, row.id).where("version", .equal, expectedVersion)
            .returning("version")
            .all()
        guard !updated.isEmpty else {
            let current = try await find(organization.id)
            guard let current else { throw OborotError.notFound(.organization) }
            throw OborotError.staleVersion(.organization, expected: expectedVersion, actual: current.version)
        }
        if previousPath != organization.path {
            try await movePaths(from: previousPath, to: organization.path)
        }
    }

    private func movePaths(from old: OrganizationPath, to new: OrganizationPath) async throws {
        let depthChange = new.depth - old.depth
        // Documents carry their organisation's path for visibility checks; they move with it.
        try await db.sql.update("documents")
            .set("organization_path", to: SQLQueryString("\(bind: new.rawValue) || substr(organization_path, CAST(\(bind: old.rawValue.count + 1) AS INTEGER))"))
            .where(pathWithin(old, column: SQLColumn("organization_path")))
            .run()
        try await db.sql.update("organizations")
            .set("path", to: SQLQueryString("\(bind: new.rawValue) || substr(path, CAST(\(bind: old.rawValue.count + 1) AS INTEGER))"))
            .set("depth", to: SQLQueryString("depth + CAST(\(bind: depthChange) AS INTEGER)"))
            .where(pathWithin(old, column: SQLColumn("path")))
            .where("path", .notEqual, new.rawValue)
            .run()
    }
}
