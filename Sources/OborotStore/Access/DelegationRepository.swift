public import OborotDomain
public import Foundation
import SQLKit

/// Reads and writes delegations (an assistant acting for a head).
public struct DelegationRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    struct Row: Codable, Sendable {
        var id: String
        var principalUserId: String
        var assistantUserId: String
        var validFrom: Int64
        var validUntil: Int64?
        var revokedAt: Int64?
        var createdAt: Int64

        init(_ delegation: Delegation, createdAt: Date) {
            id = delegation.id.lowercasedString
            principalUserId = delegation.principalUserID.lowercasedString
            assistantUserId = delegation.assistantUserID.lowercasedString
            validFrom = delegation.validFrom.unixMilliseconds
            validUntil = delegation.validUntil?.unixMilliseconds
            revokedAt = delegation.revokedAt?.unixMilliseconds
            self.createdAt = createdAt.unixMilliseconds
        }

        func delegation() throws -> Delegation {
            Delegation(
                id: try UUID.stored(id), principalUserID: try UUID.stored(principalUserId),
                assistantUserID: try UUID.stored(assistantUserId), validFrom: Date(unixMilliseconds: validFrom),
                validUntil: validUntil.map(Date.init(unixMilliseconds:)),
                revokedAt: revokedAt.map(Date.init(unixMilliseconds:)))
        }
    }

    public func find(_ id: UUID) async throws -> Delegation? {
        try await db.sql.select().column("*").from("delegations").where("id", .equal, id.lowercasedString)
            .row(Row.self)?.delegation()
    }

    /// Delegations where the user is the head or the assistant, newest first.
    public func list(involving userID: UUID) async throws -> [Delegation] {
        let id = userID.lowercasedString
        return try await db.sql.select().column("*").from("delegations")
            .where("principal_user_id", .equal, id).orWhere("assistant_user_id", .equal, id)
            .orderBy("created_at", .descending)
            .rows(Row.self).map { try $0.delegation() }
    }

    /// The delegation that lets `assistant` act for `principal` at `instant`, if one is active.
    public func active(principal: UUID, assistant: UUID, at instant: Date) async throws -> Delegation? {
        try await db.sql.select().column("*").from("delegations")
            .where("principal_user_id", .equal, principal.lowercasedString)
            .where("assistant_user_id", .equal, assistant.lowercasedString)
            .where(SQLColumn("revoked_at"), .is, SQLLiteral.null)
            .rows(Row.self).map { try $0.delegation() }
            .first { $0.isActive(at: instant) }
    }

    public func insert(_ delegation: Delegation) async throws {
        try await db.sql.insert(into: "delegations").rows([Row(delegation, createdAt: db.now)]).run()
    }

    public func revoke(_ id: UUID) async throws {
        try await db.sql.update("delegations").set("revoked_at", to: db.now.unixMilliseconds)
            .where("id", .equal, id.lowercasedString).run()
    }
}
