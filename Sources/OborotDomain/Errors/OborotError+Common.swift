/// Errors shared by every area. Area-specific errors live next to their area.
extension OborotError {
    /// A request whose fields break the rules; every problem is listed so the form can show them all at once.
    public static func validation(_ problems: [FieldProblem]) -> OborotError {
        let detail = problems.map { "\($0.message)" }.joined(separator: "; ")
        return OborotError(
            .unprocessable, code: "validation_failed", title: CommonTexts.validationTitle,
            detail: detail, fieldProblems: problems)
    }

    /// Throws `validation` when `problems` is not empty.
    public static func throwIfInvalid(_ problems: [FieldProblem]) throws {
        if !problems.isEmpty { throw validation(problems) }
    }

    /// The object does not exist, or the actor must not learn that it does.
    public static func notFound(_ object: ObjectKind) -> OborotError {
        OborotError(
            .notFound, code: "\(object.rawValue)_not_found", title: CommonTexts.notFoundTitle,
            detail: CommonTexts.notFound(object))
    }

    /// The actor is known but the policy named in `policy` does not allow the action.
    public static func forbidden(_ policy: String) -> OborotError {
        OborotError(
            .forbidden, code: "forbidden", title: CommonTexts.forbiddenTitle,
            detail: CommonTexts.forbiddenDetail(policy))
    }

    /// No valid session or token came with the request.
    public static let unauthenticated = OborotError(
        .unauthorized, code: "unauthenticated", title: CommonTexts.unauthenticatedTitle,
        detail: CommonTexts.unauthenticatedDetail)

    /// An edit was based on an old copy: someone saved a newer one first.
    public static func staleVersion(_ object: ObjectKind, expected: Int, actual: Int) -> OborotError {
        OborotError(
            .conflict, code: "stale_version", title: CommonTexts.staleTitle,
            detail: CommonTexts.stale(object, expected: expected, actual: actual))
    }

    /// A body that could not be read: malformed JSON, a missing or mistyped field.
    public static func malformedBody(field: String?, reason: String) -> OborotError {
        let problems = field.map { [FieldProblem(field: $0, code: "malformed", message: reason)] } ?? []
        return OborotError(
            .badRequest, code: "malformed_request", title: CommonTexts.malformedTitle,
            detail: reason, fieldProblems: problems)
    }
}

/// The kinds of objects errors and audit events talk about; raw values are stable codes.
public enum ObjectKind: String, Sendable, CaseIterable {
    case organization
    case position
    case employee
    case user
    case roleGrant = "role_grant"
    case delegation
    case apiToken = "api_token"
    case session
    case auditEvent = "audit_event"
    case document
    case journal
    case correspondent
    case caseFile = "case_file"
    case attachment
    case documentLink = "document_link"
    case calendarYear = "calendar_year"
    case resolution
    case assignment
    case report
    case approvalRoute = "approval_route"
    case signature
    case trustedCertificate = "trusted_certificate"
    case certificateBinding = "certificate_binding"
    case approvalTemplate = "approval_template"
    case delivery
    case medoPacket = "medo_packet"
    case medoParticipant = "medo_participant"
    case appeal
    case appealQuestion = "appeal_question"
    case appealTopic = "appeal_topic"
    case receptionSchedule = "reception_schedule"
    case receptionBooking = "reception_booking"
    case receptionCard = "reception_card"

    /// The noun in Russian, nominative, for messages.
    public var russianName: String {
        switch self {
        case .organization: "Организация"
        case .position: "Должность"
        case .employee: "Сотрудник"
        case .user: "Пользователь"
        case .roleGrant: "Назначение роли"
        case .delegation: "Поручение полномочий"
        case .apiToken: "API-токен"
        case .session: "Сеанс"
        case .auditEvent: "Событие журнала аудита"
        case .document: "Документ"
        case .journal: "Журнал регистрации"
        case .correspondent: "Корреспондент"
        case .caseFile: "Дело"
        case .attachment: "Файл"
        case .documentLink: "Связь документов"
        case .calendarYear: "Год производственного календаря"
        case .resolution: "Резолюция"
        case .assignment: "Поручение"
        case .report: "Отчёт об исполнении"
        case .approvalRoute: "Маршрут согласования"
        case .signature: "Электронная подпись"
        case .trustedCertificate: "Доверенный сертификат"
        case .certificateBinding: "Привязка сертификата"
        case .approvalTemplate: "Шаблон маршрута согласования"
        case .delivery: "Доставка"
        case .medoPacket: "Пакет МЭДО"
        case .medoParticipant: "Участник МЭДО"
        case .appeal: "Обращение"
        case .appealQuestion: "Вопрос обращения"
        case .appealTopic: "Код классификатора"
        case .receptionSchedule: "График личного приёма"
        case .receptionBooking: "Запись на личный приём"
        case .receptionCard: "Карточка личного приёма"
        }
    }

    /// «… не найден(а)» with the right grammatical gender.
    var isFeminine: Bool {
        switch self {
        case .organization, .position, .documentLink, .resolution, .signature, .certificateBinding, .delivery, .receptionBooking, .receptionCard: true
        default: false
        }
    }
    var isNeuter: Bool { [.roleGrant, .auditEvent, .delegation, .caseFile, .assignment].contains(self) }
}
