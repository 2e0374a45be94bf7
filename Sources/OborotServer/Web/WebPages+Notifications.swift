import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// The person's notification feed: new assignments, reports to check, deadline reminders.
extension WebPages {
    struct NotificationsModel {
        struct Item {
            var kindName: String
            var text: String
            var when: String
            var href: String?
            var unread: Bool
            var warning: Bool
        }

        var items: [Item]
        var hasItems: Bool
        var unread: Int
        var hasUnread: Bool
    }

    func addNotificationRoutes(to router: Router<AppRequestContext>) {
        router.get("/notifications") { request, _ in
            let caller = try signedIn(request)
            let feed = try await services.notifications.feed(caller, unreadOnly: false, limit: 100)
            let model = NotificationsModel(
                items: feed.items.map {
                    .init(
                        kindName: $0.kind.russianName, text: $0.text,
                        when: WebTexts.dateTime($0.createdAt, timeZone: OrganizationRules.defaultTimeZone),
                        href: $0.assignmentID.map { "/assignments/\($0.lowercasedString)" }
                            ?? $0.documentID.map { "/documents/\($0.lowercasedString)#approval" },
                        unread: $0.readAt == nil,
                        warning: [.overdue, .dueToday, .approvalDueToday, .approvalOverdue, .approvalRejected].contains($0.kind))
                },
                hasItems: !feed.items.isEmpty, unread: feed.unread, hasUnread: feed.unread > 0)
            return page("notifications", title: "Уведомления", model: model, caller: caller, path: "/notifications")
        }
        router.post("/notifications/read") { request, _ in
            let caller = try signedIn(request)
            _ = try await WebForms.pairs(from: request)
            try await services.notifications.markRead(caller, keys: nil)
            return WebRedirect(location: "/notifications").response
        }
    }
}
