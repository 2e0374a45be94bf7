import Foundation
import OborotDomain
import Testing

@Suite("Демонстрационный регион")
struct DemoRegionTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let region = DemoRegion.generate(now: now)

    func count(_ kind: OrganizationKind) -> Int {
        Self.region.organizations.filter { $0.kind == kind }.count
    }

    @Test("463 municipalities: 12 urban okrugs, 43 districts, 18 urban and 390 rural settlements")
    func municipalities() {
        #expect(count(.urbanOkrug) == 12)
        #expect(count(.municipalDistrict) == 43)
        #expect(count(.urbanSettlement) == 18)
        #expect(count(.ruralSettlement) == 390)
        #expect(count(.regionalGovernment) == 1)
        #expect(count(.executiveBody) == 30)
        #expect(count(.institution) > 400)
    }

    @Test("the tree is consistent: settlements under districts, every parent exists, paths match parents")
    func tree() throws {
        let byID = Dictionary(uniqueKeysWithValues: Self.region.organizations.map { ($0.id, $0) })
        for organization in Self.region.organizations {
            guard let parentID = organization.parentID else {
                #expect(organization.kind == .regionalGovernment)
                continue
            }
            let parent = try #require(byID[parentID])
            #expect(organization.kind.allowedParentKinds.contains(parent.kind), "\(organization.shortName)")
            #expect(organization.path == parent.path.child(organization.id))
            if organization.kind == .ruralSettlement || organization.kind == .urbanSettlement {
                #expect(parent.kind == .municipalDistrict)
            }
        }
    }

    @Test("names are Russian and unique, INN and OGRN are valid")
    func names() {
        let organizations = Self.region.organizations
        #expect(organizations.allSatisfy { TaxIdentifiers.isValidINN($0.inn ?? "") })
        #expect(organizations.allSatisfy { TaxIdentifiers.isValidOGRN($0.ogrn ?? "") })
        let municipalities = organizations.filter { $0.kind.level != nil }
        #expect(Set(municipalities.map(\.fullName)).count == municipalities.count)
        #expect(organizations.contains { $0.fullName == "Администрация Азовского района" })
        #expect(organizations.contains { $0.fullName == "Администрация Верхнедонского района" })
        #expect(organizations.contains { $0.shortName == "г. Ростов-на-Дону" })
    }

    @Test("every role has people; the named demo accounts exist; logins are unique")
    func accounts() {
        let logins = Self.region.users.map(\.login)
        #expect(Set(logins).count == logins.count)
        for account in DemoRegion.featuredAccounts {
            #expect(logins.contains(account.login), "\(account.login)")
        }
        let roles = Set(Self.region.grants.map(\.role))
        #expect(roles == Set(Role.allCases))
        let admin = Self.region.users.first { $0.login == "admin" }!
        let rootPath = Self.region.organizations.first { $0.parentID == nil }!.path
        #expect(Self.region.grants.contains { $0.userID == admin.id && $0.role == .admin && $0.organizationPath == rootPath })
        #expect(Self.region.delegations.count == 1)
    }

    @Test("every user has an employee, and every employee a position in their own organisation")
    func people() {
        let employees = Dictionary(uniqueKeysWithValues: Self.region.employees.map { ($0.id, $0) })
        let positions = Dictionary(uniqueKeysWithValues: Self.region.positions.map { ($0.position.id, $0.position) })
        for user in Self.region.users {
            let employee = employees[user.employeeID]
            #expect(employee != nil)
            if let employee, let positionID = employee.positionID {
                #expect(positions[positionID]?.organizationID == employee.organizationID)
            }
        }
    }

    @Test("the same options give the same region, ids included")
    func deterministic() {
        let again = DemoRegion.generate(now: Self.now)
        #expect(again.organizations.map(\.id) == Self.region.organizations.map(\.id))
        #expect(again.users.map(\.login) == Self.region.users.map(\.login))
    }

    @Test("--users scales the staff to the number asked for")
    func scaling() {
        let big = DemoRegion.generate(users: 16_000, now: Self.now)
        #expect(big.users.count == 16_000)
        #expect(Set(big.users.map(\.login)).count == 16_000)
        #expect(big.organizations.count == Self.region.organizations.count)
        #expect(DemoRegion.generate(users: 10, now: Self.now).users.count == Self.region.users.count)
    }

    @Test("Russian word forms used in generated names")
    func wordForms() {
        let genitives = [
            "Азовский": "Азовского", "Верхнедонской": "Верхнедонского", "Грушевское": "Грушевского",
            "Верхнее": "Верхнего", "Синий": "Синего",
        ]
        for (word, expected) in genitives {
            #expect(DemoTexts.genitive(ofAdjective: word) == expected)
        }
        #expect(DemoTexts.feminine(ofNeuterAdjective: "Александровское") == "Александровская")
    }
}
