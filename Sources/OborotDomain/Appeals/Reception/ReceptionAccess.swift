/// Who works with personal reception in an organisation: the registrar, the head and the reception operator keep
/// the schedules, book visitors and fill in the cards; analysts and control officers may read them.
public enum ReceptionAccess {
    public static func manages(_ path: OrganizationPath) -> AccessPolicy {
        AccessPolicy("делопроизводитель, руководитель или оператор приёмной организации") { actor in
            [Role.registrar, .head, .receptionOperator].contains { actor.holds($0, over: path) }
        }
    }

    public static func reads(_ path: OrganizationPath) -> AccessPolicy {
        AccessPolicy("сотрудник приёмной, руководитель, аналитик или контролёр организации") { actor in
            [Role.registrar, .head, .receptionOperator, .analyst, .controlOfficer].contains { actor.holds($0, over: path) }
        }
    }
}
