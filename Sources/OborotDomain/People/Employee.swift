public import Foundation

/// A person on an organisation's staff (сотрудник). A user account, if any, points at an employee.
public struct Employee: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var positionID: UUID?
    public var name: PersonName
    public var email: String?
    public var phone: String?
    public var active: Bool
    public var version: Int

    public init(
        id: UUID, organizationID: UUID, positionID: UUID?, name: PersonName, email: String?, phone: String?,
        active: Bool, version: Int
    ) {
        self.id = id
        self.organizationID = organizationID
        self.positionID = positionID
        self.name = name
        self.email = email
        self.phone = phone
        self.active = active
        self.version = version
    }
}

/// The fields of an employee a person fills in, before validation.
public struct EmployeeDraft: Sendable, Equatable {
    public var organizationID: UUID
    public var positionID: UUID?
    public var name: PersonName
    public var email: String?
    public var phone: String?

    public init(organizationID: UUID, positionID: UUID?, name: PersonName, email: String?, phone: String?) {
        self.organizationID = organizationID
        self.positionID = positionID
        self.name = name
        self.email = email
        self.phone = phone
    }
}
