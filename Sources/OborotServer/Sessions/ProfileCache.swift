import Foundation
import Synchronization

/// Recently built profiles, dropped after `lifetime` or when the authenticator forgets their user.
final class ProfileCache: Sendable {
    struct Key: Hashable, Sendable {
        var performer: UUID
        var principal: UUID
    }

    static let lifetime: TimeInterval = 10
    static let maxEntries = 20_000

    private let entries = Mutex<[Key: (profile: ProfileService.Profile, validUntil: Date)]>([:])

    func profile(for key: Key, now: Date = Date()) -> ProfileService.Profile? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.validUntil > now else { return nil }
            return entry.profile
        }
    }

    func store(_ profile: ProfileService.Profile, for key: Key, now: Date = Date()) {
        entries.withLock { entries in
            if entries.count >= Self.maxEntries { entries = entries.filter { $0.value.validUntil > now } }
            if entries.count >= Self.maxEntries { entries.removeAll() }
            entries[key] = (profile, now.addingTimeInterval(Self.lifetime))
        }
    }

    /// Drops every profile the user appears in, as performer or principal.
    func forget(userID: UUID) {
        entries.withLock { entries in
            entries = entries.filter { $0.key.performer != userID && $0.key.principal != userID }
        }
    }
}
