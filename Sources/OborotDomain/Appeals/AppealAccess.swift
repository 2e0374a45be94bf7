/// Who may do what with an appeal, on top of seeing its card (`DocumentAccess.canView`).
public enum AppealAccess {
    /// Handles the appeal: the body's registrars and heads, the people named on the card, the executors of its
    /// assignments (they hold an explicit grant). Only they see the applicant's address, phone and e-mail and
    /// record results.
    public static func handles(_ facts: DocumentAccess.Facts) -> AccessPolicy {
        AccessPolicy("работает с обращением") { actor in
            administers(facts).allows(actor) || DocumentAccess.isParticipant(actor, facts) || facts.hasExplicitGrant
        }
    }

    /// Forwards an appeal, closes it as a special case, confirms a repeated link: the registrar or the head.
    public static func administers(_ facts: DocumentAccess.Facts) -> AccessPolicy {
        AccessPolicy("делопроизводитель или руководитель организации") { actor in
            actor.holds(.registrar, over: facts.organizationPath) || actor.holds(.head, over: facts.organizationPath)
        }
    }

    /// Extends the term and stops correspondence (59-ФЗ ст. 11 ч. 5, 12 ч. 2): the head or an official he authorised.
    public static func decides(_ facts: DocumentAccess.Facts) -> AccessPolicy {
        AccessPolicy("руководитель организации") { $0.holds(.head, over: facts.organizationPath) }
    }

    /// Reads statistics and the ССТУ export of an organisation's tree.
    public static func reports(on path: OrganizationPath) -> AccessPolicy {
        AccessPolicy("делопроизводитель, руководитель, аналитик или контролёр организации") { actor in
            [Role.registrar, .head, .analyst, .controlOfficer].contains { actor.holds($0, over: path) }
        }
    }

    /// Produces the ССТУ file, which carries applicants' personal data: the registrar or the head.
    public static func exports(on path: OrganizationPath) -> AccessPolicy {
        AccessPolicy("делопроизводитель или руководитель организации") { actor in
            actor.holds(.registrar, over: path) || actor.holds(.head, over: path)
        }
    }
}
