import Foundation
import OborotDomain
import OborotStore
import OborotTestSupport
import SQLKit
import Testing

@Suite("Журнал аудита в базе")
struct AuditLogTests {
    static func record(_ index: Int) -> AuditRecord {
        AuditRecord(
            actorUserID: UUID(), actingForUserID: nil, action: "test.event", objectType: "organization",
            objectID: "object-\(index % 3)", summary: "Событие «\(index)» — проверка", clientAddress: "192.0.2.\(index % 250)")
    }

    @Test("appended events read back intact and verify", arguments: TestDatabaseKind.available)
    func roundTrip(kind: TestDatabaseKind) async throws {
        try await TestDatabase.with(kind) { database in
            var written: [AuditEvent] = []
            for index in 1...20 {
                written.append(try await database.write { try await AuditLog($0).append(Self.record(index)) })
            }
            let read = try await database.read { try await AuditLog($0).events(after: 0, limit: 100) }
            #expect(read == written)
            let outcome = try await AuditVerification.run(database, pageSize: 7)
            #expect(outcome == .init(checked: 20, firstBreak: nil))
            let byObject = try await database.read { try await AuditLog($0).events(objectType: "organization", objectID: "object-1", limit: 100) }
            #expect(byObject.map(\.sequence) == [19, 16, 13, 10, 7, 4, 1])
        }
    }

    /// The acceptance test of the issue: a tampered event is found by the same check `oborot audit verify` runs.
    @Test("a tampered, deleted or truncated event is found", arguments: TestDatabaseKind.available)
    func tampering(kind: TestDatabaseKind) async throws {
        for attack in ["edit", "delete", "truncate"] {
            try await TestDatabase.with(kind) { database in
                for index in 1...10 { _ = try await database.write { try await AuditLog($0).append(Self.record(index)) } }
                try await database.write { db in
                    switch attack {
                    case "edit":
                        try await db.sql.raw("UPDATE audit_events SET summary = 'Ничего не было' WHERE sequence = 4").run()
                    case "delete":
                        try await db.sql.raw("DELETE FROM audit_events WHERE sequence = 6").run()
                    default:
                        try await db.sql.raw("DELETE FROM audit_events WHERE sequence > 8").run()
                    }
                }
                let outcome = try await AuditVerification.run(database)
                switch attack {
                case "edit": #expect(outcome == .init(checked: 3, firstBreak: .hashMismatch(sequence: 4)))
                case "delete": #expect(outcome == .init(checked: 5, firstBreak: .sequenceGap(expected: 6, found: 7)))
                default: #expect(outcome == .init(checked: 8, firstBreak: .truncated(lastStored: 8, head: 10)))
                }
            }
        }
    }

    /// Several server instances appending at once still produce one gapless chain.
    @Test("concurrent appends from several connections form one valid chain", arguments: TestDatabaseKind.available)
    func concurrent(kind: TestDatabaseKind) async throws {
        try await TestDatabase.with(kind) { database in
            let second = try await TestDatabase.secondConnection(to: database)
            let failures = await withTaskGroup(of: (any Error)?.self) { group in
                for index in 0..<64 {
                    let target = index.isMultiple(of: 2) ? database : second
                    group.addTask {
                        do {
                            _ = try await target.write { try await AuditLog($0).append(Self.record(index)) }
                            return nil
                        } catch {
                            return error
                        }
                    }
                }
                return await group.compactMap { $0 }.reduce(into: [any Error]()) { $0.append($1) }
            }
            await second.close()
            #expect(failures.isEmpty, "\(failures)")
            #expect(try await AuditVerification.run(database) == .init(checked: 64, firstBreak: nil))
        }
    }
}
