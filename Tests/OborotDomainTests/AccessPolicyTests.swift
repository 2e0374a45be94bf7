import Foundation
import OborotDomain
import Testing

@Suite("Политики доступа")
struct AccessPolicyTests {
    let region = OrganizationPath.root(UUID())
    var ministry: OrganizationPath { region.child(ministryID) }
    var district: OrganizationPath { region.child(districtID) }
    let ministryID = UUID()
    let districtID = UUID()

    func actor(_ grants: [(Role, OrganizationPath)], userID: UUID = UUID()) -> Actor {
        let person = Actor.Person(
            userID: userID, login: "u", employeeID: UUID(), displayName: "U", organizationID: UUID(),
            organizationPath: region)
        return Actor(
            principal: person,
            grants: grants.map {
                RoleGrant(id: UUID(), userID: userID, organizationID: $0.1.ids.last!, organizationPath: $0.1, role: $0.0)
            })
    }

    @Test("an administrator manages their organisation and everything below it, nothing beside or above")
    func subtree() {
        let ministryAdmin = actor([(.admin, ministry)])
        #expect(AccessPolicy.administers(ministry).allows(ministryAdmin))
        #expect(AccessPolicy.administers(ministry.child(UUID())).allows(ministryAdmin))
        #expect(!AccessPolicy.administers(region).allows(ministryAdmin))
        #expect(!AccessPolicy.administers(district).allows(ministryAdmin))
        #expect(!AccessPolicy.administersARoot.allows(ministryAdmin))
        let regionAdmin = actor([(.admin, region)])
        #expect(AccessPolicy.administers(district.child(UUID())).allows(regionAdmin))
        #expect(AccessPolicy.administersARoot.allows(regionAdmin))
    }

    @Test("other roles do not administer")
    func otherRoles() {
        for role in Role.allCases where role != .admin {
            #expect(!AccessPolicy.administers(ministry).allows(actor([(role, region)])), "\(role)")
        }
    }

    @Test("denied actions throw forbidden or, where existence must not leak, not found")
    func denial() {
        let nobody = actor([])
        #expect(throws: OborotError.forbidden(AccessPolicy.administers(region).name)) {
            try nobody.require(.administers(region))
        }
        #expect(throws: OborotError.notFound(.user)) { try nobody.requireVisible(.administers(region), object: .user) }
        #expect(throws: Never.self) { try nobody.require(.signedIn) }
    }

    @Test("anyOf and allOf combine policies and name them")
    func combinators() {
        let userID = UUID()
        let me = actor([], userID: userID)
        let either = AccessPolicy.anyOf(.isSelf(userID), .administers(region))
        let both = AccessPolicy.allOf(.isSelf(userID), .administers(region))
        #expect(either.allows(me))
        #expect(!both.allows(me))
        #expect(both.name.contains(" и "))
        #expect(either.name.contains(" или "))
    }

    @Test("scopes keep only the top-most subtrees of a role")
    func scopes() {
        let subject = actor([(.registrar, ministry), (.registrar, ministry.child(UUID())), (.registrar, district), (.admin, region)])
        #expect(Set(subject.scopes(for: .registrar)) == [ministry, district])
        #expect(subject.scopes(for: .admin) == [region])
        #expect(subject.scopes(for: .analyst).isEmpty)
    }

    @Test("acting for a head: the head's rights apply and both people are recorded")
    func actingFor() {
        let head = Actor.Person(
            userID: UUID(), login: "head", employeeID: UUID(), displayName: "Head", organizationID: UUID(),
            organizationPath: region)
        let assistant = Actor.Person(
            userID: UUID(), login: "assistant", employeeID: UUID(), displayName: "Assistant", organizationID: UUID(),
            organizationPath: region)
        let acting = Actor(principal: head, performer: assistant, grants: [])
        #expect(acting.performingUserID == assistant.userID)
        #expect(acting.actingForUserID == head.userID)
        let alone = Actor(principal: assistant, grants: [])
        #expect(alone.actingForUserID == nil)
        #expect(alone.performingUserID == assistant.userID)
    }

    @Test("a delegation is active only between its dates and until revoked")
    func delegation() {
        let start = Date(timeIntervalSince1970: 1_000)
        var delegation = Delegation(
            id: UUID(), principalUserID: UUID(), assistantUserID: UUID(), validFrom: start,
            validUntil: start.addingTimeInterval(100), revokedAt: nil)
        #expect(!delegation.isActive(at: start.addingTimeInterval(-1)))
        #expect(delegation.isActive(at: start))
        #expect(!delegation.isActive(at: start.addingTimeInterval(100)))
        delegation.revokedAt = start
        #expect(!delegation.isActive(at: start.addingTimeInterval(1)))
        let same = UUID()
        #expect(DelegationRules.problems(principal: same, assistant: same, validFrom: start, validUntil: start).map(\.code)
            == ["self_delegation", "ends_before_start"])
    }

    @Test("a document: readers of its organisation see it; an explicit grant opens it to anyone; ДСП only by grant")
    func documentVisibility() {
        func facts(_ mark: AccessMark, granted: Bool) -> DocumentAccess.Facts {
            DocumentAccess.Facts(
                organizationPath: ministry, accessMark: mark, createdByUserID: UUID(), signerEmployeeID: nil,
                executorEmployeeID: nil, hasExplicitGrant: granted, state: .registered)
        }
        let registrar = actor([(.registrar, ministry)])
        let outsider = actor([(.executor, district)])
        #expect(DocumentAccess.canView(registrar, facts(.none, granted: false)))
        #expect(!DocumentAccess.canView(outsider, facts(.none, granted: false)))
        #expect(DocumentAccess.canView(outsider, facts(.none, granted: true)))  // an executor of its assignment
        #expect(!DocumentAccess.canView(registrar, facts(.restricted, granted: false)))
        #expect(DocumentAccess.canView(outsider, facts(.restricted, granted: true)))
    }
}
