public import Foundation

/// Who may do what in execution control.
///
/// | action | policy |
/// |---|---|
/// | issue a resolution on a document of X | `head` over X (an assistant acting for the head: a draft) |
/// | approve a draft | its author, in person |
/// | accept, report, sub-assign | the executor: the person, or a head of the executing organisation |
/// | accept or return a report | the assignment's control officer or its author |
/// | cancel an assignment | its author |
/// | remove a resolution from control | its control officer or its author |
extension AccessPolicy {
    public static func issuesResolutions(in path: OrganizationPath) -> AccessPolicy {
        AccessPolicy("руководитель организации документа") { actor in actor.holds(.head, over: path) }
    }

    public static func isAuthorInPerson(_ userID: UUID) -> AccessPolicy {
        AccessPolicy("автор резолюции лично") { actor in actor.performer == nil && actor.principal.userID == userID }
    }

    /// The executor: the person named, or a head of the organisation named (its path given).
    public static func executes(_ executor: Executor, organizationPath: OrganizationPath) -> AccessPolicy {
        AccessPolicy("исполнитель поручения") { actor in
            switch executor {
            case .person(let userID, _): actor.principal.userID == userID
            case .organization: actor.grants.contains { $0.role == .head && $0.organizationPath == organizationPath }
            }
        }
    }

    public static func controls(_ assignment: Assignment) -> AccessPolicy {
        AccessPolicy("контролёр или автор поручения") { actor in
            actor.principal.userID == assignment.controlOfficerUserID || actor.principal.userID == assignment.authorUserID
        }
    }

    public static func isAssignmentAuthor(_ assignment: Assignment) -> AccessPolicy {
        AccessPolicy("автор поручения") { actor in actor.principal.userID == assignment.authorUserID }
    }

    public static func controls(_ resolution: Resolution) -> AccessPolicy {
        AccessPolicy("контролёр или автор резолюции") { actor in
            actor.principal.userID == resolution.controlOfficerUserID || actor.principal.userID == resolution.authorUserID
        }
    }
}

extension AccessPolicy {
    /// Discipline reports of an organisation's subtree: its analysts, control officers, heads and administrators.
    public static func readsDiscipline(of path: OrganizationPath) -> AccessPolicy {
        AccessPolicy("аналитик, контролёр или руководитель организации") { actor in
            [Role.analyst, .controlOfficer, .head, .admin].contains { actor.holds($0, over: path) }
        }
    }
}
