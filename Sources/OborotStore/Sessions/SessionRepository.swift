import OborotDomain
public import Foundation
import SQLKit

/// A browser session or a personal API token, as stored (the secret itself is never stored).
public struct StoredSession: Sendable, Equatable {
    public enum Kind: String, Sendable { case browser, apiToken = "api" }

    public var id: UUID
    public var userID: UUID
    public var kind: Kind
    public var name: String?
    public var createdAt: Date
    public var lastSeenAt: Date
    public var revokedAt: Date?
}

/// Reads and writes sessions and personal API tokens by the SHA-256 of their secret.
public struct SessionRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    struct Row: Codable, Sendable {
        var tokenHash: String
        var id: String
        var userId: String
        var kind: String
        var name: String?
        var createdAt: Int64
        var lastSeenAt: Int64
        var revokedAt: Int64?
        var clientAddress: String?

        func session() throws -> StoredSession {
            StoredSession(
                id: try UUID.stored(id), userID: try UUID.stored(userId), kind: StoredSession.Kind(rawValue: kind) ?? .browser,
                name: name, createdAt: Date(unixMilliseconds: createdAt), lastSeenAt: Date(unixMilliseconds: lastSeenAt),
                revokedAt: revokedAt.map(Date.init(unixMilliseconds:)))
        }
    }

    /// Stores a new session for `userID` under the hash of its secret.
    @discardableResult
    public func create(
        tokenHash: String, userID: UUID, kind: StoredSession.Kind, name: String?, clientAddress: String?
    ) async throws -> StoredSession {
        let row = Row(
            tokenHash: tokenHash, id: UUID().lowercasedString, userId: userID.lowercasedString, kind: kind.rawValue,
            name: name, createdAt: db.now.unixMilliseconds, lastSeenAt: db.now.unixMilliseconds, revokedAt: nil,
            clientAddress: clientAddress)
        try await db.sql.insert(into: "sessions").rows([row]).run()
        return try row.session()
    }

    public func find(tokenHash: String) async throws -> StoredSession? {
        try await db.sql.select().column("*").from("sessions").where("token_hash", .equal, tokenHash)
            .row(Row.self)?.session()
    }

    /// A user's personal API tokens, newest first (revoked ones included, marked).
    public func apiTokens(userID: UUID) async throws -> [StoredSession] {
        try await db.sql.select().column("*").from("sessions")
            .where("user_id", .equal, userID.lowercasedString).where("kind", .equal, StoredSession.Kind.apiToken.rawValue)
            .orderBy("created_at", .descending)
            .rows(Row.self).map { try $0.session() }
    }

    public func find(id: UUID) async throws -> StoredSession? {
        try await db.sql.select().column("*").from("sessions").where("id", .equal, id.lowercasedString)
            .row(Row.self)?.session()
    }

    /// Marks a session revoked; returns the hash of its secret so caches can forget it.
    @discardableResult
    public func revoke(id: UUID) async throws -> String? {
        let rows = try await db.sql.update("sessions").set("revoked_at", to: db.now.unixMilliseconds)
            .where("id", .equal, id.lowercasedString).where(SQLColumn("revoked_at"), .is, SQLLiteral.null)
            .returning("token_hash").all()
        return try rows.first?.decode(column: "token_hash", as: String.self)
    }

    /// Revokes every live session and token of a user (deactivated account, password reset), except one.
    public func revokeAll(userID: UUID, except kept: UUID? = nil) async throws -> [String] {
        var update = db.sql.update("sessions").set("revoked_at", to: db.now.unixMilliseconds)
            .where("user_id", .equal, userID.lowercasedString).where(SQLColumn("revoked_at"), .is, SQLLiteral.null)
        if let kept { update = update.where("id", .notEqual, kept.lowercasedString) }
        return try await update.returning("token_hash").all()
            .map { try $0.decode(column: "token_hash", as: String.self) }
    }

    /// Records use of a session, so idle ones expire.
    public func touch(tokenHash: String) async throws {
        try await db.sql.update("sessions").set("last_seen_at", to: db.now.unixMilliseconds)
            .where("token_hash", .equal, tokenHash).run()
    }
}
