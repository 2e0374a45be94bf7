import Foundation
import OborotDomain

/// The actor of a request together with its client address: everything a service needs to decide and to audit.
struct Caller: Sendable {
    let actor: Actor
    let clientAddress: String?

    /// An audit record for an action of this caller on an object.
    func audit(_ action: String, _ object: ObjectKind, _ id: UUID, _ summary: String) -> AuditRecord {
        audit(action, object, key: id.lowercasedString, summary)
    }

    /// An audit record for an object named by a key other than a UUID (a calendar year).
    func audit(_ action: String, _ object: ObjectKind, key: String, _ summary: String) -> AuditRecord {
        AuditRecord(
            actorUserID: actor.performingUserID, actingForUserID: actor.actingForUserID, action: action,
            objectType: object.rawValue, objectID: key, summary: summary, clientAddress: clientAddress)
    }
}
