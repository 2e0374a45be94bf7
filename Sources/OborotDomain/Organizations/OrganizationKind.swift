/// What an organisation is in the region's structure; raw values are the stable API codes.
public enum OrganizationKind: String, Sendable, CaseIterable, Codable {
    case regionalGovernment
    case executiveBody
    case municipalDistrict
    case urbanOkrug
    case urbanSettlement
    case ruralSettlement
    case institution
    /// A structural unit inside a body (отдел, управление, департамент): assignments cascade down to it.
    case department
    case federalBody
    case external

    /// The name of the kind in Russian, as the UI shows it.
    public var russianName: String {
        switch self {
        case .regionalGovernment: "Правительство (администрация) региона"
        case .executiveBody: "Орган исполнительной власти"
        case .municipalDistrict: "Муниципальный район"
        case .urbanOkrug: "Городской округ"
        case .urbanSettlement: "Городское поселение"
        case .ruralSettlement: "Сельское поселение"
        case .institution: "Учреждение"
        case .department: "Структурное подразделение"
        case .federalBody: "Федеральный орган"
        case .external: "Внешняя организация"
        }
    }

    /// Kinds this kind may sit under; an empty set means it may only be a root of the tree.
    ///
    /// Settlements belong to their municipal district (131-ФЗ); institutions may belong to any public body.
    public var allowedParentKinds: Set<OrganizationKind> {
        switch self {
        case .regionalGovernment, .federalBody:
            []
        case .executiveBody:
            [.regionalGovernment, .executiveBody]
        case .municipalDistrict, .urbanOkrug:
            [.regionalGovernment]
        case .urbanSettlement, .ruralSettlement:
            [.municipalDistrict]
        case .institution:
            [.regionalGovernment, .executiveBody, .municipalDistrict, .urbanOkrug, .urbanSettlement,
             .ruralSettlement, .institution, .federalBody]
        case .department:
            [.regionalGovernment, .executiveBody, .municipalDistrict, .urbanOkrug, .urbanSettlement, .ruralSettlement,
             .institution, .department]
        case .external:
            [.external]
        }
    }

    /// Whether the kind may be a root of the tree (the region itself, federal bodies, external organisations).
    public var mayBeRoot: Bool {
        switch self {
        case .regionalGovernment, .federalBody, .external: true
        default: false
        }
    }

    /// The government level used by penetration targets in monitoring.
    public var level: GovernmentLevel? {
        switch self {
        case .regionalGovernment, .executiveBody: .regional
        case .municipalDistrict, .urbanOkrug: .district
        case .urbanSettlement, .ruralSettlement: .settlement
        // A unit is part of its body: penetration counts the bodies themselves.
        case .institution, .department, .federalBody, .external: nil
        }
    }
}

/// Levels of public power in the region, as monitoring targets count them.
public enum GovernmentLevel: String, Sendable, CaseIterable, Codable {
    case regional
    case district
    case settlement
}
