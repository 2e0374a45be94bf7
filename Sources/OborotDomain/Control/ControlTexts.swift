/// Russian messages of execution control.
public enum ControlTexts {
    static func illegalTransition(from state: AssignmentState, event: AssignmentEvent) -> OborotError {
        OborotError(
            .conflict, code: "illegal_transition", title: "Действие недоступно",
            detail: "Поручение в состоянии «\(state.russianName)»: \(eventName(event)) невозможно.")
    }

    static func eventName(_ event: AssignmentEvent) -> String {
        switch event {
        case .accept: "принять к исполнению"
        case .submitReport: "отправить отчёт"
        case .acceptReport: "принять отчёт"
        case .returnReport: "вернуть отчёт на доработку"
        case .cancel: "отменить поручение"
        }
    }

    public static let draftNotActive = OborotError(
        .conflict, code: "resolution_not_draft", title: "Резолюция уже утверждена",
        detail: "Утвердить можно только проект резолюции; эта резолюция уже действует или отменена.")
    public static let notControlled = OborotError(
        .conflict, code: "resolution_not_controlled", title: "Резолюция не на контроле",
        detail: "Снять с контроля можно только действующую резолюцию, поставленную на контроль.")
    public static let openAssignmentsLeft = OborotError(
        .conflict, code: "assignments_open", title: "Есть неисполненные поручения",
        detail: "Снять с контроля можно, когда поручение ответственного исполнителя исполнено или отменено.")
    public static let reportAlreadyDecided = OborotError(
        .conflict, code: "report_already_decided", title: "Отчёт уже рассмотрен",
        detail: "По этому отчёту уже принято решение; повторно его принять или вернуть нельзя.")

    public static let extensionAlreadyDecided = OborotError(
        .conflict, code: "extension_already_decided", title: "Запрос уже рассмотрен",
        detail: "По этому запросу о продлении срока уже принято решение.")
    public static let extensionPending = OborotError(
        .conflict, code: "extension_pending", title: "Запрос уже подан",
        detail: "По поручению уже есть запрос о продлении срока на рассмотрении; дождитесь решения.")
    public static let noPendingExtension = OborotError(
        .conflict, code: "no_pending_extension", title: "Нет запроса",
        detail: "Запроса о продлении срока на рассмотрении нет.")
    public static let explanationAlreadyGiven = OborotError(
        .conflict, code: "explanation_already_given", title: "Объяснение уже дано",
        detail: "На этот запрос объяснение уже дано.")
    public static let notOverdue = OborotError(
        .conflict, code: "not_overdue", title: "Срок не нарушен",
        detail: "Объяснение запрашивается только по открытому поручению с истёкшим сроком.")
    public static let noOpenExplanation = OborotError(
        .conflict, code: "no_explanation_request", title: "Нет запроса",
        detail: "Запроса объяснения без ответа нет.")
    public static let reasonRequired = "Укажите причину."
    public static let answerRequired = "Напишите объяснение."

    public static let textRequired = "Введите текст резолюции."
    public static let executorsRequired = "Укажите хотя бы одного исполнителя."
    static func tooManyExecutors(_ limit: Int) -> String { "В одной резолюции не больше \(limit) исполнителей." }
    public static let duplicateExecutor = "Исполнитель указан дважды."
    public static let twoResponsible = "Ответственным может быть только один исполнитель."
    public static let outsideSubtree = "Перепоручить можно только подчинённым: сотрудникам и организациям вашей организации."
    public static let resultRequired = "Укажите результат, с которым поручение снимается с контроля."
    public static let reportTextRequired = "Опишите, что сделано: текст отчёта обязателен."
    public static let commentRequired = "Укажите, что нужно доработать."
}
