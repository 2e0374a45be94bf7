/// Where an appeal came from (the «источник поступления» of the monthly report); raw values are API codes.
public enum AppealChannel: String, Sendable, CaseIterable, Codable {
    case post
    case personalReception
    /// The body's official site, with the citizen identified (59-ФЗ as amended on 30.03.2025).
    case site
    case gosuslugi
    case medo
    case contactCentre
    /// Forwarded by another body, with its covering letter.
    case forwarded

    public var russianName: String {
        switch self {
        case .post: "Почта"
        case .personalReception: "Личный приём"
        case .site: "Официальный сайт"
        case .gosuslugi: "Госуслуги"
        case .medo: "МЭДО"
        case .contactCentre: "Контакт-центр"
        case .forwarded: "Из другого органа"
        }
    }

    /// The form of the appeal for the statistics: written, electronic, oral.
    public var form: AppealForm {
        switch self {
        case .post, .medo, .forwarded: .written
        case .site, .gosuslugi: .electronic
        case .personalReception, .contactCentre: .oral
        }
    }
}

/// The form of an appeal in the monthly report.
public enum AppealForm: String, Sendable, CaseIterable, Codable {
    case written
    case electronic
    case oral

    public var russianName: String {
        switch self {
        case .written: "Письменное"
        case .electronic: "В форме электронного документа"
        case .oral: "Устное (в т. ч. личный приём)"
        }
    }
}

/// заявление, предложение, жалоба (59-ФЗ ст. 4).
public enum AppealType: String, Sendable, CaseIterable, Codable {
    case statement
    case proposal
    case complaint

    public var russianName: String {
        switch self {
        case .statement: "Заявление"
        case .proposal: "Предложение"
        case .complaint: "Жалоба"
        }
    }
}
