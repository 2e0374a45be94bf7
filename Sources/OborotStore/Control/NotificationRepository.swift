public import Foundation
public import OborotDomain
import SQLKit

/// A notification in a person's feed.
public struct AppNotification: Sendable, Hashable {
    public var key: String
    public var userID: UUID
    public var assignmentID: UUID?
    /// Set for notifications about a document rather than an assignment (approval and signing).
    public var documentID: UUID?
    public var kind: NotificationKind
    public var text: String
    public var createdAt: Date
    public var readAt: Date?

    public init(
        key: String, userID: UUID, assignmentID: UUID?, documentID: UUID? = nil, kind: NotificationKind, text: String,
        createdAt: Date, readAt: Date? = nil
    ) {
        self.key = key
        self.userID = userID
        self.assignmentID = assignmentID
        self.documentID = documentID
        self.kind = kind
        self.text = text
        self.createdAt = createdAt
        self.readAt = readAt
    }
}

/// The in-app notification feed. Every row has a key naming what it is about, so writing the same notification
/// twice (two instances running the reminder job, a retried request) leaves one row.
public struct NotificationRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    public func insert(_ notifications: [AppNotification]) async throws {
        for notification in notifications {
            try await db.sql.insert(into: "notifications")
                .columns("notification_key", "user_id", "assignment_id", "document_id", "kind", "text", "created_at")
                .values(
                    SQLBind(notification.key), SQLBind(notification.userID.lowercasedString),
                    SQLBind(notification.assignmentID?.lowercasedString), SQLBind(notification.documentID?.lowercasedString),
                    SQLBind(notification.kind.rawValue),
                    SQLBind(notification.text), SQLBind(notification.createdAt.unixMilliseconds)
                )
                .ignoringConflicts(with: ["notification_key"]).run()
        }
    }

    /// Writes the reminders due `today` for every open assignment in one statement per kind: to person executors
    /// and to the heads of executing organisations. Returns how many new reminders were written.
    public func insertReminders(today: CalendarDate) async throws -> Int {
        var written = 0
        let kinds: [(NotificationKind, String, SQLQueryString)] = [
            (.dueSoon, "Через 3 дня истекает срок поручения", SQLQueryString("a.deadline = \(bind: today.adding(days: ReminderRules.daysBefore).iso)")),
            (.dueToday, "Сегодня истекает срок поручения", SQLQueryString("a.deadline = \(bind: today.iso)")),
            (.overdue, "Нарушен срок поручения", SQLQueryString("a.deadline < \(bind: today.iso)")),
        ]
        for (kind, prefix, condition) in kinds {
            for recipient in ["a.executor_user_id", "g.user_id"] {
                let join = recipient == "g.user_id"
                    ? " JOIN role_grants g ON g.organization_id = a.executor_organization_id AND g.role = 'head' AND a.executor_user_id IS NULL"
                    : ""
                let filter = recipient == "a.executor_user_id" ? " AND a.executor_user_id IS NOT NULL" : ""
                var sql = SQLQueryString(
                    """
                    INSERT INTO notifications (notification_key, user_id, assignment_id, kind, text, created_at)
                    SELECT \(bind: kind.rawValue + ":") || a.id || ':' || a.deadline || ':' || \(unsafeRaw: recipient),
                        \(unsafeRaw: recipient), a.id, \(bind: kind.rawValue),
                        \(bind: prefix + " ") || substr(a.deadline, 9, 2) || '.' || substr(a.deadline, 6, 2) || '.'
                            || substr(a.deadline, 1, 4) || ': ' || substr(a.text, 1, 300),
                        \(bind: db.now.unixMilliseconds)
                    FROM assignments a
                    """)
                sql += SQLQueryString("\(unsafeRaw: join) WHERE a.is_open = \(bind: true) AND ") + condition
                sql += SQLQueryString("\(unsafeRaw: filter) ON CONFLICT (notification_key) DO NOTHING RETURNING notification_key")
                written += try await db.sql.raw(sql).all().count
            }
        }
        return written
    }

    /// Writes the approval reminders due `today` — on a step's last day and once it has passed — to the approvers
    /// of active steps of unsigned drafts, once per step, kind and deadline, one statement per kind. Returns how
    /// many were written.
    public func insertApprovalReminders(today: CalendarDate) async throws -> Int {
        let kinds: [(NotificationKind, String, String)] = [
            (.approvalDueToday, ApprovalTexts.dueTodayReminderPrefix, "="),
            (.approvalOverdue, ApprovalTexts.overdueReminderPrefix, "<"),
        ]
        var written = 0
        for (kind, prefix, comparison) in kinds {
            written += try await db.sql.raw(
                """
                INSERT INTO notifications (notification_key, user_id, document_id, kind, text, created_at)
                SELECT \(bind: kind.rawValue + ":") || s.id || ':' || s.deadline, s.approver_user_id,
                    s.document_id, \(bind: kind.rawValue),
                    \(bind: prefix) || substr(s.deadline, 9, 2) || '.' || substr(s.deadline, 6, 2) || '.'
                        || substr(s.deadline, 1, 4) || ': ' || substr(d.title, 1, 300),
                    \(bind: db.now.unixMilliseconds)
                FROM approval_steps s JOIN documents d ON d.id = s.document_id
                WHERE s.state = 'active' AND s.deadline \(unsafeRaw: comparison) \(bind: today.iso)
                  AND d.state = 'draft' AND d.signed_at IS NULL
                ON CONFLICT (notification_key) DO NOTHING RETURNING notification_key
                """
            ).all().count
        }
        return written
    }

    public func list(userID: UUID, unreadOnly: Bool, limit: Int) async throws -> [AppNotification] {
        var query = db.sql.select().column("*").from("notifications").where("user_id", .equal, userID.lowercasedString)
        if unreadOnly { query = query.where(SQLColumn("read_at"), .is, SQLLiteral.null) }
        return try await query.orderBy("created_at", .descending).orderBy("notification_key").limit(limit).all().map { row in
            AppNotification(
                key: try row.decode(column: "notification_key", as: String.self),
                userID: try UUID.stored(row.decode(column: "user_id", as: String.self)),
                assignmentID: try row.decode(column: "assignment_id", as: String?.self).map(UUID.stored),
                documentID: try row.decode(column: "document_id", as: String?.self).map(UUID.stored),
                kind: NotificationKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .issued,
                text: try row.decode(column: "text", as: String.self),
                createdAt: Date(unixMilliseconds: try row.decode(column: "created_at", as: Int64.self)),
                readAt: try row.decode(column: "read_at", as: Int64?.self).map(Date.init(unixMilliseconds:)))
        }
    }

    public func unreadCount(userID: UUID) async throws -> Int {
        try await db.sql.raw(
            "SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: userID.lowercasedString) AND read_at IS NULL"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Marks the person's notifications read: the keys given, or all of them.
    public func markRead(userID: UUID, keys: [String]?) async throws {
        var query = db.sql.update("notifications").set("read_at", to: db.now.unixMilliseconds)
            .where("user_id", .equal, userID.lowercasedString).where(SQLColumn("read_at"), .is, SQLLiteral.null)
        if let keys {
            guard !keys.isEmpty else { return }
            query = query.where(SQLColumn("notification_key"), .in, SQLBind.group(keys))
        }
        try await query.run()
    }
}
