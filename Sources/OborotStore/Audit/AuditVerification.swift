import SQLKit
import Foundation
public import OborotDomain

/// Verifies the whole audit log page by page, the way `oborot audit verify` runs it.
public enum AuditVerification {
    /// The outcome: how many events were checked, and the first break if there is one.
    public struct Outcome: Sendable, Equatable {
        public var checked: Int64
        public var firstBreak: AuditVerifier.Break?

        public init(checked: Int64, firstBreak: AuditVerifier.Break?) {
            self.checked = checked
            self.firstBreak = firstBreak
        }
    }

    /// Reads every event in order and checks the chain; also checks the head row points at the last event.
    public static func run(
        _ database: any Database, pageSize: Int = 5000, progress: (@Sendable (Int64) -> Void)? = nil
    ) async throws -> Outcome {
        var verifier = AuditVerifier()
        var after: Int64 = 0
        while true {
            let page = try await database.read { try await AuditLog($0).events(after: after, limit: pageSize) }
            for event in page {
                if let broken = verifier.check(event) { return Outcome(checked: verifier.checked, firstBreak: broken) }
            }
            guard let last = page.last else { break }
            after = last.sequence
            progress?(verifier.checked)
        }
        // Deleting the newest events leaves a valid chain; the head row still remembers how far it went.
        let head = try await database.read { db in
            try await db.sql.raw("SELECT sequence FROM audit_head WHERE id = 1").first()?
                .decode(column: "sequence", as: Int64.self)
        }
        if let head, head > verifier.checked {
            return Outcome(checked: verifier.checked, firstBreak: .truncated(lastStored: verifier.checked, head: head))
        }
        return Outcome(checked: verifier.checked, firstBreak: nil)
    }
}
