import Foundation
import OborotAPI
import OborotDomain
import OborotStore

// Domain values as API schemas. One initialiser per schema, so every endpoint shows an object the same way.

extension Components.Schemas.Organization {
    init(_ organization: Organization) {
        self.init(
            id: organization.id.lowercasedString, parentId: organization.parentID?.lowercasedString,
            kind: .init(organization.kind), kindName: organization.kind.russianName, shortName: organization.shortName,
            fullName: organization.fullName, inn: organization.inn, ogrn: organization.ogrn,
            timeZone: organization.timeZone, version: organization.version)
    }
}

extension Components.Schemas.OrganizationKind {
    init(_ kind: OrganizationKind) {
        self = Self(rawValue: kind.rawValue)!
    }

    var domain: OrganizationKind { OrganizationKind(rawValue: rawValue)! }
}

extension Components.Schemas.Role {
    init(_ role: Role) { self = Self(rawValue: role.rawValue)! }
    var domain: Role { Role(rawValue: rawValue)! }
}

extension Components.Schemas.OrganizationSummary {
    init(_ organization: Organization) {
        self.init(id: organization.id.lowercasedString, kind: .init(organization.kind), shortName: organization.shortName)
    }
}

extension Components.Schemas.OrganizationNode {
    init(_ node: OrganizationNode) {
        self.init(organization: .init(node.organization), childCount: node.childCount)
    }
}

extension Components.Schemas.OrganizationTreeNode {
    init(_ tree: OrganizationTree) {
        self.init(
            organization: .init(tree.node.organization), childCount: tree.node.childCount,
            children: tree.children.map(Self.init))
    }
}

extension Components.Schemas.Me {
    init(_ profile: ProfileService.Profile) {
        self.init(
            userId: profile.person.userID.lowercasedString, login: profile.person.login,
            displayName: profile.person.displayName, fullName: profile.employee.name.full,
            employeeId: profile.employee.id.lowercasedString, positionTitle: profile.positionTitle,
            organization: .init(profile.organization),
            roles: profile.grants.map { .init($0.grant, organizationName: $0.organizationName) },
            actingFor: profile.actingFor.map { .init(userId: $0.userID.lowercasedString, displayName: $0.displayName) },
            delegatedToMe: profile.delegatedToMe.map { .init(userId: $0.userID.lowercasedString, displayName: $0.displayName) })
    }
}

extension Components.Schemas.RoleGrant {
    init(_ grant: RoleGrant, organizationName: String?) {
        self.init(
            id: grant.id.lowercasedString, userId: grant.userID.lowercasedString,
            organizationId: grant.organizationID.lowercasedString, organizationName: organizationName,
            role: .init(grant.role), roleName: grant.role.russianName)
    }
}

extension Components.Schemas.ApiToken {
    init(_ token: StoredSession) {
        self.init(
            id: token.id.lowercasedString, name: token.name ?? "", createdAt: token.createdAt,
            lastUsedAt: token.lastSeenAt, revoked: token.revokedAt != nil)
    }
}

extension Components.Schemas.Position {
    init(_ position: Position) {
        self.init(
            id: position.id.lowercasedString, organizationId: position.organizationID.lowercasedString,
            title: position.title, isHead: position.isHead, version: position.version)
    }
}

extension Components.Schemas.Employee {
    init(_ employee: Employee) {
        self.init(
            id: employee.id.lowercasedString, organizationId: employee.organizationID.lowercasedString,
            positionId: employee.positionID?.lowercasedString, surname: employee.name.surname,
            givenName: employee.name.givenName, patronymic: employee.name.patronymic, fullName: employee.name.full,
            email: employee.email, phone: employee.phone, active: employee.active, version: employee.version)
    }
}

extension Components.Schemas.UserAccount {
    init(_ user: User) {
        self.init(
            id: user.id.lowercasedString, login: user.login, employeeId: user.employeeID.lowercasedString,
            active: user.active, version: user.version, createdAt: user.createdAt)
    }
}

extension Components.Schemas.Delegation {
    init(_ view: DelegationView) {
        self.init(
            id: view.delegation.id.lowercasedString,
            principal: .init(userId: view.delegation.principalUserID.lowercasedString, displayName: view.principalName),
            assistant: .init(userId: view.delegation.assistantUserID.lowercasedString, displayName: view.assistantName),
            validFrom: view.delegation.validFrom, validUntil: view.delegation.validUntil, active: view.active)
    }
}

extension Components.Schemas.AuditEvent {
    init(_ event: AuditEvent) {
        self.init(
            sequence: event.sequence, occurredAt: event.occurredAt, actorUserId: event.actorUserID?.lowercasedString,
            actingForUserId: event.actingForUserID?.lowercasedString, action: event.action,
            objectType: event.objectType, objectId: event.objectID, summary: event.summary,
            clientAddress: event.clientAddress, hash: event.hash)
    }
}
