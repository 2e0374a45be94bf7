import Foundation
import OborotDomain

/// The storage shape of a position.
struct PositionRow: Codable, Sendable {
    var id: String
    var organizationId: String
    var title: String
    var isHead: Bool
    var rank: Int
    var version: Int
    var createdAt: Int64

    init(_ position: Position, rank: Int, createdAt: Date) {
        id = position.id.lowercasedString
        organizationId = position.organizationID.lowercasedString
        title = position.title
        isHead = position.isHead
        self.rank = rank
        version = position.version
        self.createdAt = createdAt.unixMilliseconds
    }

    func position() throws -> Position {
        Position(
            id: try UUID.stored(id), organizationID: try UUID.stored(organizationId), title: title, isHead: isHead,
            version: version)
    }
}

/// The storage shape of an employee.
struct EmployeeRow: Codable, Sendable {
    var id: String
    var organizationId: String
    var positionId: String?
    var surname: String
    var givenName: String
    var patronymic: String?
    var searchText: String
    var email: String?
    var phone: String?
    var active: Bool
    var version: Int
    var createdAt: Int64
    var updatedAt: Int64

    init(_ employee: Employee, createdAt: Date, updatedAt: Date) {
        id = employee.id.lowercasedString
        organizationId = employee.organizationID.lowercasedString
        positionId = employee.positionID?.lowercasedString
        surname = employee.name.surname
        givenName = employee.name.givenName
        patronymic = employee.name.patronymic
        searchText = SearchText.combine(employee.name.full, employee.email)
        email = employee.email
        phone = employee.phone
        active = employee.active
        version = employee.version
        self.createdAt = createdAt.unixMilliseconds
        self.updatedAt = updatedAt.unixMilliseconds
    }

    func employee() throws -> Employee {
        Employee(
            id: try UUID.stored(id), organizationID: try UUID.stored(organizationId),
            positionID: try positionId.map(UUID.stored),
            name: PersonName(surname: surname, givenName: givenName, patronymic: patronymic), email: email,
            phone: phone, active: active, version: version)
    }
}

/// The storage shape of a user account, including the password hash that never leaves the store's callers.
struct UserRow: Codable, Sendable {
    var id: String
    var login: String
    var passwordHash: String
    var employeeId: String
    var active: Bool
    var version: Int
    var createdAt: Int64
    var updatedAt: Int64

    init(_ user: User, passwordHash: String, updatedAt: Date) {
        id = user.id.lowercasedString
        login = user.login
        self.passwordHash = passwordHash
        employeeId = user.employeeID.lowercasedString
        active = user.active
        version = user.version
        createdAt = user.createdAt.unixMilliseconds
        self.updatedAt = updatedAt.unixMilliseconds
    }

    func user() throws -> User {
        User(
            id: try UUID.stored(id), login: login, employeeID: try UUID.stored(employeeId), active: active,
            version: version, createdAt: Date(unixMilliseconds: createdAt))
    }
}
