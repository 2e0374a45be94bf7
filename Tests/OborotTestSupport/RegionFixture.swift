public import Foundation
import HummingbirdBcrypt
public import OborotDomain
public import OborotStore

/// A small region built by code for tests: a government with a ministry and its department, two districts (one
/// with a settlement), and people with known roles and one shared password.
///
/// ```
/// Правительство Тестовой области        regionAdmin (admin), governor (head), assistant (acts for governor)
/// ├─ Министерство финансов              ministryAdmin (admin), clerk (registrar)
/// │  └─ Отдел бюджетной политики
/// ├─ Первомайский район                 districtAdmin (admin)
/// │  └─ Весёловское сельское поселение  specialist (executor)
/// └─ Заречный район
/// ```
public struct RegionFixture: Sendable {
    public static let password = "correct horse battery"
    /// bcrypt at the lowest cost, so tests that sign in stay fast.
    public static let passwordHash = Bcrypt.hash(password, cost: 4)

    public struct Person: Sendable {
        public let userID: UUID
        public let employeeID: UUID
        public let login: String
    }

    public let government: Organization
    public let ministry: Organization
    public let department: Organization
    public let district: Organization
    public let settlement: Organization
    public let otherDistrict: Organization
    public let regionAdmin: Person
    public let governor: Person
    public let assistant: Person
    public let ministryAdmin: Person
    public let clerk: Person
    public let districtAdmin: Person
    public let specialist: Person
    /// Execution control: the ministry's head, its department's head and a specialist of the department.
    public let minister: Person
    public let departmentHead: Person
    public let economist: Person
    /// The ministry's standard journals («Входящие», «Исходящие», …) and one correspondent for incoming letters.
    public let ministryJournals: [Journal]
    public let correspondent: Correspondent

    /// The ministry journal that registers `kind`.
    public func journal(for kind: DocumentKind) -> Journal {
        ministryJournals.first { $0.kinds.contains(kind) }!
    }

    /// Stores the region in `database` (which must be empty and migrated).
    public static func create(in database: any Database) async throws -> RegionFixture {
        var builder = Builder()
        let government = builder.organization(.regionalGovernment, "Правительство ТО", "Правительство Тестовой области", parent: nil)
        let ministry = builder.organization(.executiveBody, "Минфин ТО", "Министерство финансов Тестовой области", parent: government)
        let department = builder.organization(.executiveBody, "Отдел бюджетной политики", "Отдел бюджетной политики Минфина", parent: ministry)
        let district = builder.organization(.municipalDistrict, "Первомайский район", "Администрация Первомайского района", parent: government)
        let settlement = builder.organization(
            .ruralSettlement, "Весёловское с/п", "Администрация Весёловского сельского поселения", parent: district)
        let otherDistrict = builder.organization(.municipalDistrict, "Заречный район", "Администрация Заречного района", parent: government)

        let journals = Journal.standardSet(for: ministry.id, newID: { UUID() })
        let correspondent = Correspondent(
            id: UUID(), kind: .organization, name: "ООО «Дорожник»", inn: "6163027810", address: "г. Ростов-на-Дону",
            email: nil, phone: nil, organizationID: nil, version: 1)
        let fixture = RegionFixture(
            government: government, ministry: ministry, department: department, district: district,
            settlement: settlement, otherDistrict: otherDistrict,
            regionAdmin: builder.person("region.admin", "Админова", in: government, roles: [.admin]),
            governor: builder.person("governor", "Губернаторов", in: government, roles: [.head]),
            assistant: builder.person("assistant", "Помощников", in: government, roles: [.executor]),
            ministryAdmin: builder.person("minfin.admin", "Министерская", in: ministry, roles: [.admin]),
            clerk: builder.person("minfin.clerk", "Регистраторова", in: ministry, roles: [.registrar]),
            districtAdmin: builder.person("district.admin", "Районный", in: district, roles: [.admin]),
            specialist: builder.person("specialist", "Сельская", in: settlement, roles: [.executor]),
            minister: builder.person("minister", "Министров", in: ministry, roles: [.head]),
            departmentHead: builder.person("department.head", "Отделова", in: department, roles: [.head]),
            economist: builder.person("economist", "Экономистова", in: department, roles: [.executor]),
            ministryJournals: journals, correspondent: correspondent)
        builder.delegations.append(
            Delegation(
                id: UUID(), principalUserID: fixture.governor.userID, assistantUserID: fixture.assistant.userID,
                validFrom: Date().addingTimeInterval(-60), validUntil: nil, revokedAt: nil))
        let data = builder
        try await database.write { db in
            try await OrganizationRepository(db).insert(data.organizations)
            try await PositionRepository(db).insert(data.positions)
            try await EmployeeRepository(db).insert(data.employees)
            try await UserRepository(db).insert(data.users.map { ($0, passwordHash) })
            try await RoleGrantRepository(db).insert(data.grants)
            for delegation in data.delegations { try await DelegationRepository(db).insert(delegation) }
            try await JournalRepository(db).insert(journals)
            try await CorrespondentRepository(db).insert(correspondent)
        }
        return fixture
    }

    private struct Builder {
        /// Stored instants have millisecond precision; fixtures use the same so they compare equal when read back.
        static let now = Date(unixMilliseconds: Date().unixMilliseconds)

        var organizations: [Organization] = []
        var positions: [(position: Position, rank: Int)] = []
        var employees: [Employee] = []
        var users: [User] = []
        var grants: [RoleGrant] = []
        var delegations: [Delegation] = []

        mutating func organization(
            _ kind: OrganizationKind, _ short: String, _ full: String, parent: Organization?
        ) -> Organization {
            let id = UUID()
            let organization = Organization(
                id: id, parentID: parent?.id, path: parent?.path.child(id) ?? .root(id), kind: kind, shortName: short,
                fullName: full, inn: nil, ogrn: nil, timeZone: "Europe/Moscow", version: 1, createdAt: Self.now,
                updatedAt: Self.now)
            organizations.append(organization)
            return organization
        }

        mutating func person(_ login: String, _ surname: String, in organization: Organization, roles: [Role]) -> Person {
            let position = Position(
                id: UUID(), organizationID: organization.id, title: roles.contains(.head) ? "Руководитель" : "Специалист",
                isHead: roles.contains(.head), version: 1)
            positions.append((position, positions.count))
            let employee = Employee(
                id: UUID(), organizationID: organization.id, positionID: position.id,
                name: PersonName(surname: surname, givenName: "Тест", patronymic: "Тестович"), email: nil, phone: nil,
                active: true, version: 1)
            employees.append(employee)
            let user = User(id: UUID(), login: login, employeeID: employee.id, active: true, version: 1, createdAt: Date())
            users.append(user)
            for role in roles {
                grants.append(
                    RoleGrant(
                        id: UUID(), userID: user.id, organizationID: organization.id,
                        organizationPath: organization.path, role: role))
            }
            return Person(userID: user.id, employeeID: employee.id, login: login)
        }
    }
}
