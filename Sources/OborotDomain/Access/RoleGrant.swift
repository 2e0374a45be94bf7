public import Foundation

/// A role given to a user in an organisation; it applies to that organisation's whole subtree.
public struct RoleGrant: Sendable, Equatable, Hashable, Identifiable {
    public var id: UUID
    public var userID: UUID
    public var organizationID: UUID
    /// The organisation's path, so subtree checks need no lookup.
    public var organizationPath: OrganizationPath
    public var role: Role

    public init(id: UUID, userID: UUID, organizationID: UUID, organizationPath: OrganizationPath, role: Role) {
        self.id = id
        self.userID = userID
        self.organizationID = organizationID
        self.organizationPath = organizationPath
        self.role = role
    }

    /// Whether this grant gives `role` over the organisation at `path`.
    public func gives(_ role: Role, over path: OrganizationPath) -> Bool {
        self.role == role && path.isWithin(organizationPath)
    }
}
