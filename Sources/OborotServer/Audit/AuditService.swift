import Foundation
import OborotDomain
import OborotStore

/// Reading the audit log.
///
/// | action | policy |
/// |---|---|
/// | read events | `administersARoot` (the region's administrators) |
struct AuditService: Sendable {
    let database: any Database

    func events(_ caller: Caller, objectType: String?, objectID: String?, limit: Int) async throws -> [AuditEvent] {
        try caller.actor.require(.administersARoot)
        return try await database.read { db in
            let log = AuditLog(db)
            if let objectType, let objectID {
                return try await log.events(objectType: objectType, objectID: objectID.lowercased(), limit: limit)
            }
            return try await log.latest(limit: limit)
        }
    }
}
