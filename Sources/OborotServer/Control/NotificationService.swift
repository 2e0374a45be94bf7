import Foundation
import OborotDomain
import OborotStore

/// A person's notification feed: only their own, read and marked by themselves.
struct NotificationService: Sendable {
    let database: any Database

    func feed(_ caller: Caller, unreadOnly: Bool, limit: Int) async throws -> (unread: Int, items: [AppNotification]) {
        try caller.actor.require(.signedIn)
        return try await database.read { db in
            let repository = NotificationRepository(db)
            let me = caller.actor.principal.userID
            return (try await repository.unreadCount(userID: me), try await repository.list(userID: me, unreadOnly: unreadOnly, limit: limit))
        }
    }

    func markRead(_ caller: Caller, keys: [String]?) async throws {
        try caller.actor.require(.signedIn)
        try await database.write { db in
            try await NotificationRepository(db).markRead(userID: caller.actor.principal.userID, keys: keys)
        }
    }
}
