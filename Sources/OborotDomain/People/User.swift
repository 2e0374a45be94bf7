public import Foundation

/// A sign-in account (пользователь), always linked to an employee.
public struct User: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var login: String
    public var employeeID: UUID
    public var active: Bool
    public var version: Int
    public var createdAt: Date

    public init(id: UUID, login: String, employeeID: UUID, active: Bool, version: Int, createdAt: Date) {
        self.id = id
        self.login = login
        self.employeeID = employeeID
        self.active = active
        self.version = version
        self.createdAt = createdAt
    }
}
