import Foundation
import OborotDomain
import OborotStore

/// The in-app notifications execution control writes as things happen (the reminders are written by `ReminderJob`).
enum ControlNotifications {
    /// The people who act for an executor: the person, or the heads of the executing organisation.
    static func executorUsers(_ assignment: Assignment, db: DatabaseHandle) async throws -> [UUID] {
        if let user = assignment.executor.userID { return [user] }
        return try await ControlNames(db).holders(of: .head, in: assignment.executor.organizationID)
    }

    static func issued(_ assignments: [Assignment], db: DatabaseHandle) async throws {
        var notifications: [AppNotification] = []
        for assignment in assignments {
            for user in try await executorUsers(assignment, db: db) {
                notifications.append(
                    AppNotification(
                        key: "issued:\(assignment.id.lowercasedString):\(user.lowercasedString)", userID: user,
                        assignmentID: assignment.id, kind: .issued,
                        text: "Вам поручено (срок \(assignment.deadline?.russian ?? "—")): \(assignment.text.prefix(300))",
                        createdAt: db.now))
            }
        }
        try await NotificationRepository(db).insert(notifications)
    }

    /// To one person about an assignment; `tag` keeps repeated events apart (a report's id, a request's number).
    static func tell(
        _ user: UUID?, _ kind: NotificationKind, about assignment: Assignment, tag: String, text: String, db: DatabaseHandle
    ) async throws {
        guard let user else { return }
        try await NotificationRepository(db).insert([
            AppNotification(
                key: "\(kind.rawValue):\(assignment.id.lowercasedString):\(tag):\(user.lowercasedString)", userID: user,
                assignmentID: assignment.id, kind: kind, text: "\(text): \(assignment.text.prefix(300))", createdAt: db.now)
        ])
    }
}
