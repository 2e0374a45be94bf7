import Foundation
import OborotDomain
import OborotStore
import Synchronization

/// Turns a presented secret into an `Authentication`, with a short-lived cache so most requests touch no database.
///
/// Revocation on this instance is immediate (`forget`); other instances notice within `cacheLifetime`.
final class Authenticator: Sendable {
    /// How long a resolved actor is trusted without asking the database again.
    static let cacheLifetime: TimeInterval = 10
    /// How often `last_seen_at` is written for a busy session (it only needs to beat the idle timeout).
    static let touchInterval: TimeInterval = 300
    static let maxCachedEntries = 50_000

    private struct Entry {
        var authentication: Authentication
        var validUntil: Date
    }

    private struct Key: Hashable {
        var tokenHash: String
        var actingFor: UUID?
    }

    private let database: any Database
    private let cache = Mutex<[Key: Entry]>([:])
    /// Cached profiles, forgotten together with the user's sessions.
    let profiles = ProfileCache()

    init(database: any Database) {
        self.database = database
    }

    /// The authentication for `secret`, acting for `actingFor` when given; nil when the secret is unknown,
    /// revoked or expired. Throws `forbidden` when the delegation to act for someone does not exist.
    func authenticate(secret: String, actingFor: UUID?, viaCookie: Bool, now: Date = Date()) async throws
        -> Authentication?
    {
        let key = Key(tokenHash: SessionToken.hash(secret), actingFor: actingFor)
        if let entry = cache.withLock({ $0[key] }), entry.validUntil > now {
            var authentication = entry.authentication
            authentication.viaCookie = viaCookie
            return authentication
        }
        guard let authentication = try await load(key: key, viaCookie: viaCookie, now: now) else {
            cache.withLock { _ = $0.removeValue(forKey: key) }
            return nil
        }
        cache.withLock { cache in
            if cache.count >= Self.maxCachedEntries {
                cache = cache.filter { $0.value.validUntil > now }
                if cache.count >= Self.maxCachedEntries { cache.removeAll() }
            }
            cache[key] = Entry(authentication: authentication, validUntil: now.addingTimeInterval(Self.cacheLifetime))
        }
        return authentication
    }

    private func load(key: Key, viaCookie: Bool, now: Date) async throws -> Authentication? {
        let loaded: (StoredSession, Actor)? = try await database.read { db in
            guard let session = try await SessionRepository(db).find(tokenHash: key.tokenHash),
                session.revokedAt == nil,
                session.kind == .apiToken
                    || SessionPolicy.isAlive(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now)
            else { return nil }
            if let principal = key.actingFor, principal != session.userID {
                guard try await DelegationRepository(db).active(principal: principal, assistant: session.userID, at: now)
                    != nil
                else { throw OborotError.forbidden(AccessTexts.actingForPolicyName) }
            }
            guard let actor = try await ActorRepository(db).actor(userID: session.userID, actingFor: key.actingFor)
            else { return nil }
            return (session, actor)
        }
        guard let (session, actor) = loaded else { return nil }
        if now.timeIntervalSince(session.lastSeenAt) > Self.touchInterval {
            // Bookkeeping, not a change of business state: no audit event.
            try await database.write { try await SessionRepository($0).touch(tokenHash: key.tokenHash) }
        }
        return Authentication(
            actor: actor, sessionID: session.id, tokenHash: key.tokenHash, kind: session.kind, viaCookie: viaCookie)
    }

    /// Drops cached entries of one secret (logout, token revoked).
    func forget(tokenHash: String) {
        cache.withLock { cache in cache = cache.filter { $0.key.tokenHash != tokenHash } }
    }

    /// Drops cached entries of a user, as principal or performer (deactivated, roles changed).
    func forget(userID: UUID) {
        profiles.forget(userID: userID)
        cache.withLock { cache in
            cache = cache.filter {
                $0.value.authentication.actor.principal.userID != userID
                    && $0.value.authentication.actor.performer?.userID != userID
            }
        }
    }
}
