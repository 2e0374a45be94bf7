import Foundation
import OborotDomain
import OborotStore
import OborotTestSupport
import SQLKit
import Testing

@Suite("Транзакции")
struct TransactionTests {
    struct Boom: Error {}

    @Test("a failed write leaves no rows and no audit event", arguments: TestDatabaseKind.available)
    func rollback(kind: TestDatabaseKind) async throws {
        try await TestDatabase.with(kind) { database in
            let fixture = try await RegionFixture.create(in: database)
            let before = try await counts(database)
            await #expect(throws: Boom.self) {
                try await database.write { db in
                    let id = UUID()
                    try await OrganizationRepository(db).insert([
                        Organization(
                            id: id, parentID: fixture.government.id, path: fixture.government.path.child(id),
                            kind: .executiveBody, shortName: "Временный", fullName: "Временный", inn: nil, ogrn: nil,
                            timeZone: "Europe/Moscow", version: 1, createdAt: db.now, updatedAt: db.now)
                    ])
                    try await AuditLog(db).append(
                        AuditRecord(
                            actorUserID: nil, actingForUserID: nil, action: "test", objectType: "organization",
                            objectID: id.lowercasedString, summary: "не должно сохраниться", clientAddress: nil))
                    throw Boom()
                }
            }
            #expect(try await counts(database) == before)
            // The chain head did not move either: the next event still follows the last committed one.
            let event = try await database.write { db in
                try await AuditLog(db).append(
                    AuditRecord(
                        actorUserID: nil, actingForUserID: nil, action: "test", objectType: "organization", objectID: "x",
                        summary: "после отката", clientAddress: nil))
            }
            #expect(event.sequence == before.events + 1)
            #expect(try await AuditVerification.run(database).firstBreak == nil)
        }
    }

    @Test("reads see committed writes from other connections", arguments: TestDatabaseKind.available)
    func visibility(kind: TestDatabaseKind) async throws {
        try await TestDatabase.with(kind) { database in
            let fixture = try await RegionFixture.create(in: database)
            let found = try await database.read { try await OrganizationRepository($0).find(fixture.settlement.id) }
            #expect(found == fixture.settlement)
        }
    }

    private func counts(_ database: any Database) async throws -> Counts {
        try await database.read { db in
            Counts(
                organizations: try await OrganizationRepository(db).count(),
                events: try await AuditLog(db).count())
        }
    }

    struct Counts: Equatable {
        var organizations: Int
        var events: Int64
    }
}
