import Foundation
import OborotDomain
import OborotStore

/// The feed entries a change of a route writes: approvers whose stage has started, and the author (and signer)
/// when the route ends approved or refused. Keys name the step or round, so a retried request writes each once.
enum ApprovalNotifications {
    static func changed(from previous: ApprovalRoute?, to route: ApprovalRoute, document: Document, db: DatabaseHandle) async throws {
        let wasActive = Set(previous?.steps.filter { $0.state == .active }.map(\.id) ?? [])
        let title = String(document.requisites.title.prefix(300))
        var notifications: [AppNotification] = route.currentSteps
            .filter { $0.state == .active && !wasActive.contains($0.id) }
            .map { step in
                AppNotification(
                    key: "\(NotificationKind.approvalRequested.rawValue):\(step.id.lowercasedString)", userID: step.approverUserID,
                    assignmentID: nil, documentID: document.id, kind: .approvalRequested,
                    text: ApprovalTexts.requested(deadline: step.deadline, title: title), createdAt: db.now)
            }
        if previous?.state != route.state, route.state == .approved || route.state == .rejected {
            var recipients: Set<UUID> = [route.createdByUserID]
            if route.state == .approved, let signer = document.requisites.signerEmployeeID,
                let user = try await UserRepository(db).userID(employeeID: signer)
            {
                recipients.insert(user)
            }
            let kind: NotificationKind = route.state == .approved ? .approvalApproved : .approvalRejected
            let refusal = route.currentSteps.first { $0.state == .rejected }?.comment
            let text = route.state == .approved
                ? ApprovalTexts.approvedNotice(title) : ApprovalTexts.rejectedNotice(title, reason: refusal)
            notifications += recipients.map { user in
                AppNotification(
                    key: "\(kind.rawValue):\(route.id.lowercasedString):\(route.round):\(user.lowercasedString)", userID: user,
                    assignmentID: nil, documentID: document.id, kind: kind, text: text, createdAt: db.now)
            }
        }
        try await NotificationRepository(db).insert(notifications)
    }
}
