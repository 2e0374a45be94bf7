public import OborotDomain
public import Foundation
import SQLKit

/// Loads what is needed to build an `Actor`: the person behind an account and the account's grants.
public struct ActorRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    /// The person behind an active account, or nil when the account is missing or deactivated.
    public func person(userID: UUID) async throws -> Actor.Person? {
        let row = try await db.sql.raw(
            """
            SELECT u.id AS user_id, u.login, u.active, e.id AS employee_id, e.surname, e.given_name, e.patronymic,
                   o.id AS organization_id, o.path
            FROM users u JOIN employees e ON e.id = u.employee_id JOIN organizations o ON o.id = e.organization_id
            WHERE u.id = \(bind: userID.lowercasedString)
            """
        ).first()
        guard let row, try row.decode(column: "active", as: Bool.self) else { return nil }
        let name = PersonName(
            surname: try row.decode(column: "surname", as: String.self),
            givenName: try row.decode(column: "given_name", as: String.self),
            patronymic: try row.decode(column: "patronymic", as: String?.self))
        return Actor.Person(
            userID: try UUID.stored(row.decode(column: "user_id", as: String.self)),
            login: try row.decode(column: "login", as: String.self),
            employeeID: try UUID.stored(row.decode(column: "employee_id", as: String.self)),
            displayName: name.withInitials,
            organizationID: try UUID.stored(row.decode(column: "organization_id", as: String.self)),
            organizationPath: OrganizationPath(rawValue: try row.decode(column: "path", as: String.self)))
    }

    /// The actor for `userID`, optionally acting for `principalID` (the caller has checked the delegation).
    public func actor(userID: UUID, actingFor principalID: UUID? = nil) async throws -> Actor? {
        guard let performer = try await person(userID: userID) else { return nil }
        guard let principalID, principalID != userID else {
            return Actor(principal: performer, grants: try await RoleGrantRepository(db).grants(userID: userID))
        }
        guard let principal = try await person(userID: principalID) else { return nil }
        return Actor(
            principal: principal, performer: performer,
            grants: try await RoleGrantRepository(db).grants(userID: principalID))
    }
}
