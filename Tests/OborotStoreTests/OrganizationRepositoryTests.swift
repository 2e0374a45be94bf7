import Foundation
import OborotDomain
import OborotStore
import OborotTestSupport
import Testing

@Suite("Хранилище организаций")
struct OrganizationRepositoryTests {
    @Test("children are listed by name with their own child counts", arguments: TestDatabaseKind.available)
    func children(kind: TestDatabaseKind) async throws {
        try await TestDatabase.with(kind) { database in
            let fixture = try await RegionFixture.create(in: database)
            let roots = try await database.read { try await OrganizationRepository($0).children(of: nil) }
            #expect(roots.map(\.organization.id) == [fixture.government.id])
            #expect(roots.first?.childCount == 3)
            let districts = try await database.read { try await OrganizationRepository($0).children(of: fixture.government.id) }
            #expect(districts.map(\.organization.shortName) == ["Заречный район", "Минфин ТО", "Первомайский район"])
            #expect(districts.map(\.childCount) == [0, 1, 1])
        }
    }

    @Test("search ignores case and ё, ranks word starts first, and stays inside a subtree", arguments: TestDatabaseKind.available)
    func search(kind: TestDatabaseKind) async throws {
        try await TestDatabase.with(kind) { database in
            let fixture = try await RegionFixture.create(in: database)
            let repository = { (db: DatabaseHandle) in OrganizationRepository(db) }
            let byE = try await database.read { try await repository($0).search("ВЕСЕЛОВСКОЕ") }
            #expect(byE.map(\.organization.id) == [fixture.settlement.id])
            let byYo = try await database.read { try await repository($0).search("весёлов") }
            #expect(byYo.map(\.organization.id) == [fixture.settlement.id])
            let district = try await database.read { try await repository($0).search("район") }
            #expect(Set(district.map(\.organization.id)) == [fixture.district.id, fixture.otherDistrict.id])
            let scoped = try await database.read { try await repository($0).search("а", within: fixture.district.path) }
            #expect(Set(scoped.map(\.organization.id)) == [fixture.district.id, fixture.settlement.id])
            let wildcard = try await database.read { try await repository($0).search("%") }
            #expect(wildcard.isEmpty)
            let kinds = try await database.read { try await repository($0).search("", kinds: [.ruralSettlement]) }
            #expect(kinds.map(\.organization.id) == [fixture.settlement.id])
        }
    }

    @Test("an edit with a stale version is refused and changes nothing", arguments: TestDatabaseKind.available)
    func staleVersion(kind: TestDatabaseKind) async throws {
        try await TestDatabase.with(kind) { database in
            let fixture = try await RegionFixture.create(in: database)
            var edited = fixture.ministry
            edited.shortName = "Минфин (новое)"
            try await database.write {
                try await OrganizationRepository($0).update(edited, expectedVersion: 1, previousPath: edited.path)
            }
            edited.shortName = "Минфин (устаревшее)"
            await #expect(throws: OborotError.staleVersion(.organization, expected: 1, actual: 2)) {
                try await database.write {
                    try await OrganizationRepository($0).update(edited, expectedVersion: 1, previousPath: edited.path)
                }
            }
            let stored = try await database.read { try await OrganizationRepository($0).get(fixture.ministry.id) }
            #expect(stored.shortName == "Минфин (новое)")
            #expect(stored.version == 2)
        }
    }

    @Test("moving an organisation moves its whole subtree", arguments: TestDatabaseKind.available)
    func move(kind: TestDatabaseKind) async throws {
        try await TestDatabase.with(kind) { database in
            let fixture = try await RegionFixture.create(in: database)
            var moved = fixture.district
            moved.parentID = fixture.ministry.id
            moved.path = fixture.ministry.path.child(moved.id)
            try await database.write {
                try await OrganizationRepository($0).update(moved, expectedVersion: 1, previousPath: fixture.district.path)
            }
            let settlement = try await database.read { try await OrganizationRepository($0).get(fixture.settlement.id) }
            #expect(settlement.path == moved.path.child(fixture.settlement.id))
            #expect(settlement.path.depth == 3)
            let underMinistry = try await database.read {
                try await OrganizationRepository($0).search("", within: fixture.ministry.path)
            }
            #expect(Set(underMinistry.map(\.organization.id)) == [
                fixture.ministry.id, fixture.department.id, fixture.district.id, fixture.settlement.id,
            ])
        }
    }
}
