public import OborotDomain
public import Foundation
import SQLKit

/// Reads and writes role grants, always with the organisation's path so policies can check subtrees.
public struct RoleGrantRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    private func grants(where column: String, equals value: String) async throws -> [RoleGrant] {
        let rows = try await db.sql.raw(
            """
            SELECT g.id, g.user_id, g.organization_id, g.role, o.path
            FROM role_grants g JOIN organizations o ON o.id = g.organization_id
            WHERE g.\(unsafeRaw: column) = \(bind: value) ORDER BY o.depth, g.role
            """
        ).all()
        return try rows.map { row in
            let role = try row.decode(column: "role", as: String.self)
            guard let parsed = Role(rawValue: role) else { throw CorruptRowError(detail: "unknown role \(role)") }
            return RoleGrant(
                id: try UUID.stored(row.decode(column: "id", as: String.self)),
                userID: try UUID.stored(row.decode(column: "user_id", as: String.self)),
                organizationID: try UUID.stored(row.decode(column: "organization_id", as: String.self)),
                organizationPath: OrganizationPath(rawValue: try row.decode(column: "path", as: String.self)),
                role: parsed)
        }
    }

    public func grants(userID: UUID) async throws -> [RoleGrant] {
        try await grants(where: "user_id", equals: userID.lowercasedString)
    }

    public func find(_ id: UUID) async throws -> RoleGrant? {
        try await grants(where: "id", equals: id.lowercasedString).first
    }

    /// Stores grants; a grant that already exists is left as it is.
    public func insert(_ grants: [RoleGrant]) async throws {
        for chunk in grants.chunked(into: StorageLimits.rowsPerInsert(columns: 5)) {
            var insert = db.sql.insert(into: "role_grants").columns("id", "user_id", "organization_id", "role", "created_at")
            for grant in chunk {
                insert = insert.values(
                    SQLBind(grant.id.lowercasedString), SQLBind(grant.userID.lowercasedString),
                    SQLBind(grant.organizationID.lowercasedString), SQLBind(grant.role.rawValue),
                    SQLBind(db.now.unixMilliseconds))
            }
            try await insert.ignoringConflicts(with: ["user_id", "organization_id", "role"]).run()
        }
    }

    public func delete(_ id: UUID) async throws {
        try await db.sql.delete(from: "role_grants").where("id", .equal, id.lowercasedString).run()
    }
}
