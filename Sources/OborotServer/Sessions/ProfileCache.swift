import Foundation
import NIOCore
import Synchronization

/// Recently built profiles, dropped after `lifetime` or when the authenticator forgets their user.
final class ProfileCache: Sendable {
    struct Key: Hashable, Sendable {
        var performer: UUID
        var principal: UUID
    }

    static let lifetime: TimeInterval = 10
    static let maxEntries = 20_000

    private struct Entry {
        var profile: ProfileService.Profile
        /// The `/me` body, encoded on first use.
        var encodedMe: ByteBuffer?
        var validUntil: Date
    }

    private let entries = Mutex<[Key: Entry]>([:])

    func profile(for key: Key, now: Date = Date()) -> ProfileService.Profile? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.validUntil > now else { return nil }
            return entry.profile
        }
    }

    func encodedMe(for key: Key, now: Date = Date()) -> ByteBuffer? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.validUntil > now else { return nil }
            return entry.encodedMe
        }
    }

    func store(_ profile: ProfileService.Profile, for key: Key, now: Date = Date()) {
        entries.withLock { entries in
            if entries.count >= Self.maxEntries { entries = entries.filter { $0.value.validUntil > now } }
            if entries.count >= Self.maxEntries { entries.removeAll() }
            entries[key] = Entry(profile: profile, encodedMe: nil, validUntil: now.addingTimeInterval(Self.lifetime))
        }
    }

    /// Keeps the encoded `/me` body beside a still-cached profile.
    func store(encodedMe body: ByteBuffer, for key: Key) {
        entries.withLock { entries in entries[key]?.encodedMe = body }
    }

    /// Drops every profile the user appears in, as performer or principal.
    func forget(userID: UUID) {
        entries.withLock { entries in
            entries = entries.filter { $0.key.performer != userID && $0.key.principal != userID }
        }
    }
}
