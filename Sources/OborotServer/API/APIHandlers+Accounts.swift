import Foundation
import OborotAPI
import OborotDomain

extension APIHandlers {
    func listUsers(_ input: Operations.ListUsers.Input) async throws -> Operations.ListUsers.Output {
        let users = try await services.accounts.users(
            try caller(), organizationID: try id(input.query.organizationId, .organization))
        return .ok(.init(body: .json(users.map(Components.Schemas.UserAccount.init))))
    }

    func getUser(_ input: Operations.GetUser.Input) async throws -> Operations.GetUser.Output {
        .ok(.init(body: .json(.init(try await services.accounts.user(try caller(), id: try id(input.path.userId, .user))))))
    }

    func createUser(_ input: Operations.CreateUser.Input) async throws -> Operations.CreateUser.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let user = try await services.accounts.createUser(
            caller, login: body.login, password: body.password,
            employeeID: try bodyID(body.employeeId, field: "employeeId"))
        return .created(.init(body: .json(.init(user))))
    }

    func updateUser(_ input: Operations.UpdateUser.Input) async throws -> Operations.UpdateUser.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let user = try await services.accounts.updateUser(
            caller, id: try id(input.path.userId, .user), expectedVersion: body.version, active: body.active,
            password: body.password)
        return .ok(.init(body: .json(.init(user))))
    }

    func listRoleGrants(_ input: Operations.ListRoleGrants.Input) async throws -> Operations.ListRoleGrants.Output {
        let grants = try await services.accounts.grants(try caller(), userID: try id(input.path.userId, .user))
        return .ok(.init(body: .json(grants.map { Components.Schemas.RoleGrant($0.0, organizationName: $0.1) })))
    }

    func grantRole(_ input: Operations.GrantRole.Input) async throws -> Operations.GrantRole.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let (grant, name) = try await services.accounts.grant(
            caller, userID: try id(input.path.userId, .user),
            organizationID: try bodyID(body.organizationId, field: "organizationId"), role: body.role.domain)
        return .created(.init(body: .json(.init(grant, organizationName: name))))
    }

    func revokeRole(_ input: Operations.RevokeRole.Input) async throws -> Operations.RevokeRole.Output {
        try await services.accounts.revokeGrant(
            try caller(), userID: try id(input.path.userId, .user), grantID: try id(input.path.grantId, .roleGrant))
        return .noContent(.init())
    }

    func listDelegations(_ input: Operations.ListDelegations.Input) async throws -> Operations.ListDelegations.Output {
        let views = try await services.accounts.delegations(try caller())
        return .ok(.init(body: .json(views.map(Components.Schemas.Delegation.init))))
    }

    func createDelegation(_ input: Operations.CreateDelegation.Input) async throws -> Operations.CreateDelegation.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let view = try await services.accounts.createDelegation(
            caller, principalID: try bodyID(body.principalUserId, field: "principalUserId"),
            assistantID: try bodyID(body.assistantUserId, field: "assistantUserId"), validUntil: body.validUntil)
        return .created(.init(body: .json(.init(view))))
    }

    func revokeDelegation(_ input: Operations.RevokeDelegation.Input) async throws -> Operations.RevokeDelegation.Output {
        try await services.accounts.revokeDelegation(try caller(), id: try id(input.path.delegationId, .delegation))
        return .noContent(.init())
    }

    func listAuditEvents(_ input: Operations.ListAuditEvents.Input) async throws -> Operations.ListAuditEvents.Output {
        let events = try await services.audit.events(
            try caller(), objectType: input.query.objectType, objectID: input.query.objectId,
            limit: limit(input.query.limit, default: 100, max: 500))
        return .ok(.init(body: .json(events.map(Components.Schemas.AuditEvent.init))))
    }
}
