public import Foundation
public import OborotDomain
import SQLKit

/// One resident's sign-in through the identity provider: pending (its secrets) until the callback, then verified
/// (the identity) until one submission uses it.
public struct IdentitySignIn: Sendable, Equatable {
    public var id: UUID
    public var request: AuthorizationRequest
    public var organizationID: UUID?
    public var createdAt: Date
    public var identity: VerifiedIdentity?
    public var usedAt: Date?

    public init(id: UUID, request: AuthorizationRequest, organizationID: UUID?, createdAt: Date, identity: VerifiedIdentity?, usedAt: Date?) {
        self.id = id
        self.request = request
        self.organizationID = organizationID
        self.createdAt = createdAt
        self.identity = identity
        self.usedAt = usedAt
    }
}

public struct IdentitySignInRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    struct Row: Codable, Sendable {
        var id: String
        var browserKeyHash: String
        var state: String
        var nonce: String
        var codeVerifier: String
        var organizationId: String?
        var createdAt: Int64
        var identity: String?
        var verifiedAt: Int64?
        var usedAt: Int64?

        func signIn() throws -> IdentitySignIn {
            IdentitySignIn(
                id: try UUID.stored(id), request: AuthorizationRequest(state: state, nonce: nonce, codeVerifier: codeVerifier),
                organizationID: try organizationId.map(UUID.stored), createdAt: Date(unixMilliseconds: createdAt),
                identity: try identity.map { try JSONColumn.value(VerifiedIdentity.self, $0, "identity sign-in \(id)") },
                usedAt: usedAt.map(Date.init(unixMilliseconds:)))
        }
    }

    public func insert(_ signIn: IdentitySignIn, browserKeyHash: String) async throws {
        try await db.sql.insert(into: "identity_sign_ins").rows([
            Row(
                id: signIn.id.lowercasedString, browserKeyHash: browserKeyHash, state: signIn.request.state, nonce: signIn.request.nonce,
                codeVerifier: signIn.request.codeVerifier, organizationId: signIn.organizationID?.lowercasedString,
                createdAt: signIn.createdAt.unixMilliseconds, identity: nil, verifiedAt: nil, usedAt: nil)
        ]).run()
    }

    /// The pending sign-in of this browser with this state: both must match, so a callback forged for another
    /// browser finds nothing.
    public func pending(state: String, browserKeyHash: String) async throws -> IdentitySignIn? {
        try await db.sql.select().column("*").from("identity_sign_ins")
            .where("state", .equal, state).where("browser_key_hash", .equal, browserKeyHash)
            .where("verified_at", .is, SQLLiteral.null).row(Row.self)?.signIn()
    }

    public func find(browserKeyHash: String) async throws -> IdentitySignIn? {
        try await db.sql.select().column("*").from("identity_sign_ins").where("browser_key_hash", .equal, browserKeyHash).row(Row.self)?.signIn()
    }

    /// Records the verified identity; false when the sign-in was already completed (a replayed callback).
    public func verify(_ id: UUID, identity: VerifiedIdentity) async throws -> Bool {
        !(try await db.sql.update("identity_sign_ins")
            .set("identity", to: try JSONColumn.text(identity))
            .set("verified_at", to: db.now.unixMilliseconds)
            .where("id", .equal, id.lowercasedString).where("verified_at", .is, SQLLiteral.null)
            .returning("id").all()).isEmpty
    }

    /// Spends the identity on a submission; false when another submission used it first.
    public func use(_ id: UUID) async throws -> Bool {
        !(try await db.sql.update("identity_sign_ins").set("used_at", to: db.now.unixMilliseconds)
            .where("id", .equal, id.lowercasedString).where("used_at", .is, SQLLiteral.null).where("verified_at", .isNot, SQLLiteral.null)
            .returning("id").all()).isEmpty
    }

    public func delete(browserKeyHash: String) async throws {
        try await db.sql.delete(from: "identity_sign_ins").where("browser_key_hash", .equal, browserKeyHash).run()
    }

    /// Forgets sign-ins older than the cutoff: nothing in them is needed once the identity has moved to a message.
    public func deleteOlder(than cutoff: Date) async throws {
        try await db.sql.delete(from: "identity_sign_ins").where("created_at", .lessThan, cutoff.unixMilliseconds).run()
    }
}
