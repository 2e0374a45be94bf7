import Foundation
import OborotDomain
import OborotStore
import OborotTestSupport
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
