public import Foundation

/// Who may see and handle a document.
///
/// | action | who |
/// |---|---|
/// | see a card (not ДСП) | registrar, head, control officer or analyst over the document's organisation; its creator, signer or executor; anyone given access explicitly (executors of its assignments get it with the resolution; later, addressees after delivery) |
/// | see a ДСП card or file | only people given access explicitly (the creator gets it on creation) |
/// | create, edit requisites, register, cancel, file | registrar over the organisation (the creator may edit their own draft) |
/// | sign | the signer named on the card |
public enum DocumentAccess {
    /// Roles that see the documents of their organisations' subtrees.
    public static let readerRoles: [Role] = [.registrar, .head, .controlOfficer, .analyst]

    /// What access decisions need to know about a document and the actor's relation to it.
    public struct Facts: Sendable, Equatable {
        public var organizationPath: OrganizationPath
        public var accessMark: AccessMark
        public var createdByUserID: UUID
        public var signerEmployeeID: UUID?
        public var executorEmployeeID: UUID?
        /// The actor was given access explicitly (the only way into a ДСП document).
        public var hasExplicitGrant: Bool
        public var state: DocumentState

        public init(
            organizationPath: OrganizationPath, accessMark: AccessMark, createdByUserID: UUID, signerEmployeeID: UUID?,
            executorEmployeeID: UUID?, hasExplicitGrant: Bool, state: DocumentState
        ) {
            self.organizationPath = organizationPath
            self.accessMark = accessMark
            self.createdByUserID = createdByUserID
            self.signerEmployeeID = signerEmployeeID
            self.executorEmployeeID = executorEmployeeID
            self.hasExplicitGrant = hasExplicitGrant
            self.state = state
        }
    }

    /// Whether the actor may see the card at all.
    public static func canView(_ actor: Actor, _ facts: Facts) -> Bool {
        // An explicit grant opens any card: ДСП access, and executors of a resolution's assignments (granted when
        // the resolution is issued). `DocumentVisibility` says the same in SQL.
        if facts.hasExplicitGrant { return true }
        if facts.accessMark == .restricted { return false }
        if readerRoles.contains(where: { actor.holds($0, over: facts.organizationPath) }) { return true }
        return isParticipant(actor, facts)
    }

    /// The creator, the signer and the executor named on the card.
    static func isParticipant(_ actor: Actor, _ facts: Facts) -> Bool {
        let employee = actor.principal.employeeID
        return facts.createdByUserID == actor.principal.userID || facts.signerEmployeeID == employee
            || facts.executorEmployeeID == employee
    }

    /// Registering, cancelling, filing and editing registered cards: the organisation's registrars.
    public static func registers(_ path: OrganizationPath) -> AccessPolicy {
        AccessPolicy("делопроизводитель организации") { $0.holds(.registrar, over: path) }
    }

    /// Editing requisites: registrars, or the creator while the document is a draft.
    public static func canEdit(_ actor: Actor, _ facts: Facts) -> Bool {
        guard canView(actor, facts) else { return false }
        if actor.holds(.registrar, over: facts.organizationPath) { return true }
        return facts.state == .draft && facts.createdByUserID == actor.principal.userID
    }

    /// Signing: only the signer named on the card.
    public static func signs(_ facts: Facts) -> AccessPolicy {
        AccessPolicy("подписант документа") { actor in
            facts.signerEmployeeID != nil && facts.signerEmployeeID == actor.principal.employeeID
        }
    }

    /// Creating drafts in an organisation: anyone working there (or holding a role over it).
    public static func createsDrafts(in path: OrganizationPath) -> AccessPolicy {
        AccessPolicy("сотрудник организации") { actor in
            actor.principal.organizationPath.isWithin(path) || actor.grants.contains { path.isWithin($0.organizationPath) }
        }
    }
}
