public import Foundation

/// The access rules of the foundation: organisations, staff, accounts, roles and delegations.
///
/// | action | policy |
/// |---|---|
/// | read the organisation tree, positions, employees | `signedIn` |
/// | create or edit an organisation, position, employee under X | `administers(X)` |
/// | read or edit a user account of an employee of X | `isSelf` or `administers(X)` |
/// | grant or revoke a role in X | `administers(X)` |
/// | create a delegation for a head in X | `isSelf(head)` or `administers(X)` |
/// | read the audit log of X | `administers(X)` |
extension AccessPolicy {
    /// Any signed-in person: the directory of bodies and staff is open inside the region's system.
    public static let signedIn = AccessPolicy("вход в систему") { _ in true }

    /// An administrator of the organisation at `path` or of any organisation above it.
    public static func administers(_ path: OrganizationPath) -> AccessPolicy {
        AccessPolicy("администратор организации") { actor in actor.holds(.admin, over: path) }
    }

    /// The person themself.
    public static func isSelf(_ userID: UUID) -> AccessPolicy {
        AccessPolicy("собственная учётная запись") { actor in actor.principal.userID == userID }
    }

    /// An administrator of some organisation; creating a root of the tree needs one at a root.
    public static let administersARoot = AccessPolicy("администратор корневой организации") { actor in
        actor.grants.contains { $0.role == .admin && $0.organizationPath.depth == 0 }
    }
}
