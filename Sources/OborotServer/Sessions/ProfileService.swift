import Foundation
import NIOCore
import OborotAPI
import OborotDomain
import OborotStore

/// «Мой профиль»: who the caller is, where they work, what they may do and for whom they may act.
struct ProfileService: Sendable {
    let database: any Database
    /// Profiles change rarely and `/me` is called on every page load of every client: keep them briefly.
    let cache: ProfileCache

    struct Profile: Sendable {
        var person: Actor.Person
        var employee: Employee
        var positionTitle: String?
        var organization: Organization
        /// The grants in force (the head's when acting for one), with organisation names.
        var grants: [(grant: RoleGrant, organizationName: String)]
        var actingFor: Actor.Person?
        /// Heads whose delegation lets the caller act for them now.
        var delegatedToMe: [(userID: UUID, displayName: String)]
    }

    func profile(_ caller: Caller) async throws -> Profile {
        let key = ProfileCache.Key(performer: caller.actor.performingUserID, principal: caller.actor.principal.userID)
        if let cached = cache.profile(for: key) { return cached }
        let profile = try await load(caller)
        cache.store(profile, for: key)
        return profile
    }

    /// `GET /api/v1/me`'s body for the caller, encoded once per cached profile.
    func encodedMe(_ caller: Caller) async throws -> ByteBuffer {
        let key = ProfileCache.Key(performer: caller.actor.performingUserID, principal: caller.actor.principal.userID)
        if let body = cache.encodedMe(for: key) { return body }
        let profile = try await profile(caller)
        let body = ByteBuffer(bytes: try Self.encoder.encode(Components.Schemas.Me(profile)))
        cache.store(encodedMe: body, for: key)
        return body
    }

    /// The same settings the generated server uses, so hand-written and generated answers look alike.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = []
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private func load(_ caller: Caller) async throws -> Profile {
        let actor = caller.actor
        let person = actor.performer ?? actor.principal
        return try await database.read { db in
            let employee = try await EmployeeRepository(db).get(person.employeeID)
            let organizations = OrganizationRepository(db)
            let organization = try await organizations.get(employee.organizationID)
            let positionTitle = try await employee.positionID.asyncMap { try await PositionRepository(db).find($0)?.title } ?? nil
            let names = Dictionary(
                uniqueKeysWithValues: try await organizations.findMany(Array(Set(actor.grants.map(\.organizationID))))
                    .map { ($0.id, $0.shortName) })
            var delegatedToMe: [(UUID, String)] = []
            for delegation in try await DelegationRepository(db).list(involving: person.userID)
            where delegation.assistantUserID == person.userID && delegation.isActive(at: db.now) {
                if let head = try await ActorRepository(db).person(userID: delegation.principalUserID) {
                    delegatedToMe.append((head.userID, head.displayName))
                }
            }
            return Profile(
                person: person, employee: employee, positionTitle: positionTitle, organization: organization,
                grants: actor.grants.map { ($0, names[$0.organizationID] ?? "") },
                actingFor: actor.performer == nil ? nil : actor.principal, delegatedToMe: delegatedToMe)
        }
    }
}

extension Optional {
    /// `map` for an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
