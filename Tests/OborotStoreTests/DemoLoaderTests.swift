import Foundation
import OborotDomain
import OborotStore
import OborotTestSupport
import SQLKit
import Testing

@Suite("Загрузка демонстрационного региона")
struct DemoLoaderTests {
    @Test("the demo region loads into an empty database and reads back", arguments: TestDatabaseKind.available)
    func load(kind: TestDatabaseKind) async throws {
        try await TestDatabase.with(kind) { database in
            let data = DemoRegion.generate(now: Date())
            #expect(try await DemoLoader.isEmpty(database))
            try await DemoLoader.load(data, passwordHash: RegionFixture.passwordHash, into: database)
            #expect(try await !DemoLoader.isEmpty(database))
            let (organizations, admin, azov) = try await database.read { db in
                (
                    try await OrganizationRepository(db).count(),
                    try await UserRepository(db).credentials(login: "admin"),
                    try await OrganizationRepository(db).search("Азовский район")
                )
            }
            #expect(organizations == data.organizations.count)
            #expect(admin?.passwordHash == RegionFixture.passwordHash)
            #expect(azov.first?.organization.fullName == "Администрация Азовского района")
            #expect(azov.first?.childCount ?? 0 > 5)
            let actor = try await database.read { try await ActorRepository($0).actor(userID: admin!.user.id) }
            #expect(actor?.holds(.admin, over: data.organizations[0].path) == true)
            #expect(try await AuditVerification.run(database) == .init(checked: 1, firstBreak: nil))
        }
    }
}

@Suite("Массовая загрузка документов")
struct BulkDocumentTests {
    @Test("bulk-loaded documents read back exactly, numbered without gaps", arguments: TestDatabaseKind.available)
    func roundTrip(kind: TestDatabaseKind) async throws {
        try await TestDatabase.with(kind) { database in
            let region = DemoRegion.generate(now: Date())
            try await DemoLoader.load(region, passwordHash: RegionFixture.passwordHash, into: database)
            // Small batches, so the numbering has to carry over from one generated batch to the next.
            let stored = try await DemoLoader.loadDocuments(
                2_500, region: region, into: database, start: Date(unixMilliseconds: Date().unixMilliseconds), batchSize: 600)
            #expect(stored == 2_500)
            let sample = try await database.read { db in
                try await db.sql.raw("SELECT id FROM documents ORDER BY created_at LIMIT 25").all()
                    .map { try UUID(uuidString: $0.decode(column: "id", as: String.self))! }
            }
            let admin = try await database.read { try await UserRepository($0).find(login: "registrar") }!
            let actor = try await database.read { try await ActorRepository($0).actor(userID: admin.id) }!
            for id in sample {
                let loaded = try await database.read { try await DocumentRepository($0).load(id, for: actor) }
                let document = try #require(loaded?.document)
                #expect(document.registration != nil)
                #expect(document.requisites.title.isEmpty == false)
                #expect(document.id == id)
            }
            let gaps = try await database.read { db in
                try await db.sql.raw("""
                    SELECT COUNT(*) AS n FROM (SELECT journal_id, numbering_year, COUNT(*) AS c, MAX(sequence) AS m
                    FROM documents WHERE sequence IS NOT NULL GROUP BY journal_id, numbering_year) t WHERE c <> m
                    """).first()?.decode(column: "n", as: Int.self)
            }
            #expect(gaps == 0)
        }
    }
}
