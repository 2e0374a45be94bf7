public import Foundation

/// Who is making a request, resolved once per request and handed to every policy.
///
/// When an assistant acts for a head, `principal` is the head (whose rights apply) and `performer` is the assistant;
/// audit events record both.
public struct Actor: Sendable, Equatable {
    /// The person whose rights apply.
    public var principal: Person
    /// The person at the keyboard, when different from the principal.
    public var performer: Person?
    /// The principal's role grants.
    public var grants: [RoleGrant]

    public init(principal: Person, performer: Person? = nil, grants: [RoleGrant]) {
        self.principal = principal
        self.performer = performer
        self.grants = grants
    }

    /// One signed-in person as policies see them.
    public struct Person: Sendable, Equatable {
        public var userID: UUID
        public var login: String
        public var employeeID: UUID
        public var displayName: String
        public var organizationID: UUID
        public var organizationPath: OrganizationPath

        public init(
            userID: UUID, login: String, employeeID: UUID, displayName: String, organizationID: UUID,
            organizationPath: OrganizationPath
        ) {
            self.userID = userID
            self.login = login
            self.employeeID = employeeID
            self.displayName = displayName
            self.organizationID = organizationID
            self.organizationPath = organizationPath
        }
    }

    /// The user who physically performs actions: the assistant when acting for someone, else the principal.
    public var performingUserID: UUID { performer?.userID ?? principal.userID }

    /// The user on whose behalf the action is taken, when it is not the performer.
    public var actingForUserID: UUID? { performer == nil ? nil : principal.userID }

    /// Whether any grant gives `role` over the organisation at `path`.
    public func holds(_ role: Role, over path: OrganizationPath) -> Bool {
        grants.contains { $0.gives(role, over: path) }
    }

    /// Whether the actor holds `role` anywhere.
    public func holdsAnywhere(_ role: Role) -> Bool {
        grants.contains { $0.role == role }
    }

    /// Top-most paths where the actor holds `role`; lists are scoped to these subtrees.
    public func scopes(for role: Role) -> [OrganizationPath] {
        let paths = grants.filter { $0.role == role }.map(\.organizationPath)
        return paths.filter { path in !paths.contains { $0 != path && path.isWithin($0) } }
    }
}
