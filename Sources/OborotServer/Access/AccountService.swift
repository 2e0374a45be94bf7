import Foundation
import OborotDomain
import OborotStore

/// User accounts, role grants and delegations.
///
/// | action | policy |
/// |---|---|
/// | list accounts of X | `administers(X)` |
/// | read account U (employee of X) | `isSelf(U)` or `administers(X)` |
/// | create or edit account of an employee of X | `administers(X)` |
/// | read roles of U | `isSelf(U)` or `administers(U's organisation)` |
/// | grant or revoke a role in X | `administers(X)` |
/// | create a delegation for head H (of X) | `isSelf(H)` or `administers(X)` |
/// | revoke a delegation | its head, its assistant, or `administers(head's organisation)` |
struct AccountService: Sendable {
    let database: any Database
    let hasher: PasswordHasher
    let authenticator: Authenticator

    func users(_ caller: Caller, organizationID: UUID) async throws -> [User] {
        try await database.read { db in
            let organization = try await OrganizationRepository(db).get(organizationID)
            try caller.actor.require(.administers(organization.path))
            return try await UserRepository(db).list(organizationID: organizationID)
        }
    }

    func user(_ caller: Caller, id: UUID) async throws -> User {
        try await database.read { db in
            let user = try await UserRepository(db).get(id)
            let path = try await homePath(of: user, db: db)
            try caller.actor.requireVisible(.anyOf(.isSelf(id), .administers(path)), object: .user)
            return user
        }
    }

    func createUser(_ caller: Caller, login rawLogin: String, password: String, employeeID: UUID) async throws -> User {
        let login = PeopleRules.normalizedLogin(rawLogin)
        try OborotError.throwIfInvalid(PeopleRules.loginProblems(login) + PeopleRules.passwordProblems(password))
        let hash = try await hasher.hash(password)
        return try await database.write { db in
            let employee = try await EmployeeRepository(db).get(employeeID)
            let organization = try await OrganizationRepository(db).get(employee.organizationID)
            try caller.actor.require(.administers(organization.path))
            let users = UserRepository(db)
            if try await users.loginExists(login) { throw OborotError.loginTaken(login) }
            if try await users.accountExists(employeeID: employeeID) { throw OborotError.employeeHasAccount }
            let user = User(id: UUID(), login: login, employeeID: employeeID, active: true, version: 1, createdAt: db.now)
            try await users.insert([(user, hash)])
            try await AuditLog(db).append(
                caller.audit("user.create", .user, user.id, AccountTexts.userCreated(login, employee)))
            return user
        }
    }

    /// Blocks or unblocks an account, or sets a new password; either ends the account's sessions.
    func updateUser(
        _ caller: Caller, id: UUID, expectedVersion: Int, active: Bool?, password: String?
    ) async throws -> User {
        if let password { try OborotError.throwIfInvalid(PeopleRules.passwordProblems(password)) }
        let hash = try await password.asyncMap { try await hasher.hash($0) }
        let (user, revoked) = try await database.write { db in
            let users = UserRepository(db)
            let existing = try await users.get(id)
            try caller.actor.requireVisible(.administers(try await homePath(of: existing, db: db)), object: .user)
            if existing.version != expectedVersion {
                throw OborotError.staleVersion(.user, expected: expectedVersion, actual: existing.version)
            }
            let newActive = active ?? existing.active
            let user = try await users.update(id: id, active: newActive, passwordHash: hash, expectedVersion: expectedVersion)
            try await AuditLog(db).append(
                caller.audit("user.update", .user, id, AccountTexts.userUpdated(existing, active: active, passwordChanged: hash != nil)))
            let revoked = (hash != nil || !newActive) ? try await SessionRepository(db).revokeAll(userID: id) : []
            return (user, revoked)
        }
        for tokenHash in revoked { authenticator.forget(tokenHash: tokenHash) }
        authenticator.forget(userID: id)
        return user
    }

    /// Roles of a user, each with its organisation's short name.
    func grants(_ caller: Caller, userID: UUID) async throws -> [(RoleGrant, String)] {
        try await database.read { db in
            let user = try await UserRepository(db).get(userID)
            try caller.actor.requireVisible(
                .anyOf(.isSelf(userID), .administers(try await homePath(of: user, db: db))), object: .user)
            let grants = try await RoleGrantRepository(db).grants(userID: userID)
            let names = try await organizationNames(grants.map(\.organizationID), db: db)
            return grants.map { ($0, names[$0.organizationID] ?? "") }
        }
    }

    func grant(_ caller: Caller, userID: UUID, organizationID: UUID, role: Role) async throws -> (RoleGrant, String) {
        let result = try await database.write { db in
            let user = try await UserRepository(db).get(userID)
            let organization = try await OrganizationRepository(db).get(organizationID)
            try caller.actor.require(.administers(organization.path))
            let repository = RoleGrantRepository(db)
            if try await repository.grants(userID: userID).contains(where: { $0.organizationID == organizationID && $0.role == role }) {
                throw OborotError.roleAlreadyGranted
            }
            let grant = RoleGrant(
                id: UUID(), userID: userID, organizationID: organizationID, organizationPath: organization.path, role: role)
            try await repository.insert([grant])
            try await AuditLog(db).append(
                caller.audit("role.grant", .roleGrant, grant.id, AccountTexts.granted(role, user.login, organization)))
            return (grant, organization.shortName)
        }
        authenticator.forget(userID: userID)
        return result
    }

    func revokeGrant(_ caller: Caller, userID: UUID, grantID: UUID) async throws {
        try await database.write { db in
            guard let grant = try await RoleGrantRepository(db).find(grantID), grant.userID == userID else {
                throw OborotError.notFound(.roleGrant)
            }
            try caller.actor.require(.administers(grant.organizationPath))
            let user = try await UserRepository(db).get(userID)
            try await RoleGrantRepository(db).delete(grantID)
            try await AuditLog(db).append(
                caller.audit("role.revoke", .roleGrant, grantID, AccountTexts.revoked(grant.role, user.login)))
        }
        authenticator.forget(userID: userID)
    }

    /// Delegations where the caller is the head or the assistant, with both people's names.
    func delegations(_ caller: Caller) async throws -> [DelegationView] {
        try await database.read { db in
            let delegations = try await DelegationRepository(db).list(involving: caller.actor.performingUserID)
            return try await views(delegations, db: db)
        }
    }

    func createDelegation(
        _ caller: Caller, principalID: UUID, assistantID: UUID, validUntil: Date?
    ) async throws -> DelegationView {
        let view = try await database.write { db in
            let principal = try await UserRepository(db).get(principalID)
            let assistant = try await UserRepository(db).get(assistantID)
            let principalPath = try await homePath(of: principal, db: db)
            try caller.actor.require(.anyOf(.isSelf(principalID), .administers(principalPath)))
            try OborotError.throwIfInvalid(
                DelegationRules.problems(principal: principalID, assistant: assistantID, validFrom: db.now, validUntil: validUntil))
            let delegation = Delegation(
                id: UUID(), principalUserID: principalID, assistantUserID: assistantID, validFrom: db.now,
                validUntil: validUntil, revokedAt: nil)
            try await DelegationRepository(db).insert(delegation)
            try await AuditLog(db).append(
                caller.audit("delegation.create", .delegation, delegation.id, AccountTexts.delegated(principal.login, assistant.login)))
            return try await views([delegation], db: db)[0]
        }
        authenticator.forget(userID: assistantID)
        return view
    }

    func revokeDelegation(_ caller: Caller, id: UUID) async throws {
        let assistantID = try await database.write { db in
            let repository = DelegationRepository(db)
            guard let delegation = try await repository.find(id) else { throw OborotError.notFound(.delegation) }
            let principal = try await UserRepository(db).get(delegation.principalUserID)
            try caller.actor.requireVisible(
                .anyOf(
                    .isSelf(delegation.principalUserID), .isSelf(delegation.assistantUserID),
                    .administers(try await homePath(of: principal, db: db))),
                object: .delegation)
            try await repository.revoke(id)
            try await AuditLog(db).append(caller.audit("delegation.revoke", .delegation, id, AccountTexts.delegationRevoked))
            return delegation.assistantUserID
        }
        authenticator.forget(userID: assistantID)
    }

    // MARK: Helpers

    /// The path of the organisation where the account's employee works.
    private func homePath(of user: User, db: DatabaseHandle) async throws -> OrganizationPath {
        let employee = try await EmployeeRepository(db).get(user.employeeID)
        return try await OrganizationRepository(db).get(employee.organizationID).path
    }

    private func organizationNames(_ ids: [UUID], db: DatabaseHandle) async throws -> [UUID: String] {
        Dictionary(
            uniqueKeysWithValues: try await OrganizationRepository(db).findMany(Array(Set(ids))).map { ($0.id, $0.shortName) })
    }

    private func views(_ delegations: [Delegation], db: DatabaseHandle) async throws -> [DelegationView] {
        var names: [UUID: String] = [:]
        for id in Set(delegations.flatMap { [$0.principalUserID, $0.assistantUserID] }) {
            names[id] = try await ActorRepository(db).person(userID: id)?.displayName ?? AccountTexts.unknownPerson
        }
        return delegations.map {
            DelegationView(
                delegation: $0, principalName: names[$0.principalUserID] ?? "", assistantName: names[$0.assistantUserID] ?? "",
                active: $0.isActive(at: db.now))
        }
    }
}

/// A delegation with the names people recognise.
struct DelegationView: Sendable {
    var delegation: Delegation
    var principalName: String
    var assistantName: String
    var active: Bool
}

extension OborotError {
    static func loginTaken(_ login: String) -> OborotError {
        OborotError(
            .conflict, code: "login_taken", title: "Логин занят",
            detail: "Логин «\(login)» уже используется. Выберите другой.",
            fieldProblems: [FieldProblem(field: "login", code: "login_taken", message: "Логин уже используется.")])
    }

    static let employeeHasAccount = OborotError(
        .conflict, code: "employee_has_account", title: "Учётная запись уже есть",
        detail: "У этого сотрудника уже есть учётная запись.")

    static let roleAlreadyGranted = OborotError(
        .conflict, code: "role_already_granted", title: "Роль уже назначена",
        detail: "Эта роль в этой организации у пользователя уже есть.")
}

/// Russian wording of account audit events.
enum AccountTexts {
    static let delegationRevoked = "Поручение полномочий отозвано"
    static let unknownPerson = "неизвестный пользователь"

    static func userCreated(_ login: String, _ employee: Employee) -> String {
        "Создана учётная запись «\(login)» для сотрудника \(employee.name.full)"
    }

    static func userUpdated(_ user: User, active: Bool?, passwordChanged: Bool) -> String {
        var parts: [String] = []
        if let active, active != user.active { parts.append(active ? "разблокирована" : "заблокирована") }
        if passwordChanged { parts.append("пароль сброшен администратором") }
        return "Учётная запись «\(user.login)»: \(parts.isEmpty ? "без изменений" : parts.joined(separator: ", "))"
    }

    static func granted(_ role: Role, _ login: String, _ organization: Organization) -> String {
        "Пользователю «\(login)» назначена роль «\(role.russianName)» в «\(organization.shortName)»"
    }

    static func revoked(_ role: Role, _ login: String) -> String {
        "У пользователя «\(login)» снята роль «\(role.russianName)»"
    }

    static func delegated(_ principal: String, _ assistant: String) -> String {
        "Пользователь «\(assistant)» может действовать от имени «\(principal)»"
    }
}
