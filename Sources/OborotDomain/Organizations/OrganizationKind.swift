/// What an organisation is in the region's structure; raw values are the stable API codes.
public enum OrganizationKind: String, Sendable, CaseIterable, Codable {
    case regionalGovernment
    case executiveBody
    case municipalDistrict
    case urbanOkrug
    case urbanSettlement
    case ruralSettlement
    case institution
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
        case .institution, .federalBody, .external: nil
        }
    }
}

/// Levels of public power in the region, as monitoring targets count them.
public enum GovernmentLevel: String, Sendable, CaseIterable, Codable {
    case regional
    case district
    case settlement
}
