/// The kinds of documents a body registers; raw values are the stable API codes.
public enum DocumentKind: String, Sendable, CaseIterable, Codable {
    case incoming
    case outgoing
    case `internal`
    /// Organisational and administrative documents (ОРД): постановление, распоряжение, приказ.
    case directive
    case legalAct
    /// A citizen's appeal under 59-ФЗ; the appeals area adds applicants and questions.
    case appeal

    public var russianName: String {
        switch self {
        case .incoming: "Входящий"
        case .outgoing: "Исходящий"
        case .internal: "Внутренний"
        case .directive: "Распорядительный (ОРД)"
        case .legalAct: "Нормативный правовой акт"
        case .appeal: "Обращение гражданина"
        }
    }

    /// Documents created by the body itself are numbered only after they are signed.
    public var numberedAfterSigning: Bool {
        self == .outgoing || self == .directive || self == .legalAct
    }
}

/// The form of an organisational document (ОРД).
public enum DirectiveForm: String, Sendable, CaseIterable, Codable {
    case decree
    case disposition
    case order

    public var russianName: String {
        switch self {
        case .decree: "Постановление"
        case .disposition: "Распоряжение"
        case .order: "Приказ"
        }
    }
}

/// The access restriction mark (requisite 14).
public enum AccessMark: String, Sendable, CaseIterable, Codable {
    case none
    /// «Для служебного пользования»: visible only to people given access explicitly.
    case restricted

    public var russianName: String {
        switch self {
        case .none: "Без ограничения"
        case .restricted: "ДСП"
        }
    }
}

/// How a document arrived or was sent.
public enum DeliveryMethod: String, Sendable, CaseIterable, Codable {
    case post
    case courier
    case email
    case medo
    case gosuslugi
    case personalReception
    case specialCourier
    case internalDelivery
    case fax
    /// The body's official site (appeals with ЕСИА identification).
    case website
    /// By telephone (the contact centre).
    case phone

    public var russianName: String {
        switch self {
        case .post: "Почта"
        case .courier: "Курьер"
        case .email: "Электронная почта"
        case .medo: "МЭДО"
        case .gosuslugi: "Госуслуги"
        case .personalReception: "Личный приём"
        case .specialCourier: "Фельдсвязь"
        case .internalDelivery: "Внутренняя доставка"
        case .fax: "Факс"
        case .website: "Официальный сайт"
        case .phone: "Телефон (контакт-центр)"
        }
    }
}
