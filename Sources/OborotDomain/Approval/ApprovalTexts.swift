/// Russian wording of approval routes.
public enum ApprovalTexts {
    static let noApprovers = "Укажите хотя бы одного согласующего."
    static func tooManyStages(_ max: Int) -> String { "В маршруте не может быть больше \(max) этапов." }
    static func tooManyApprovers(_ max: Int) -> String { "В маршруте не может быть больше \(max) согласующих." }
    static func emptyStage(_ index: Int) -> String { "Этап \(index + 1) не содержит ни одного согласующего." }
    static let duplicateApprover = "Сотрудник уже есть в маршруте: каждый согласует один раз."
    static func badDays(_ max: Int) -> String { "Срок согласования — от 1 до \(max) рабочих дней." }
    static func commentTooLong(_ max: Int) -> String { "Комментарий длиннее \(max) символов." }

    static func commentRequired(_ decision: ApprovalDecision) -> String {
        decision == .rejected
            ? "Укажите, почему документ не согласован: автор должен знать, что исправить."
            : "Изложите замечания, с которыми документ согласован."
    }

    public static func notInProgress(_ state: ApprovalRouteState) -> OborotError {
        OborotError(
            .conflict, code: "approval_not_in_progress", title: "Согласование не идёт",
            detail: "Действие недоступно: маршрут согласования в состоянии «\(state.russianName)».")
    }

    public static let notAnApprover = OborotError(
        .forbidden, code: "not_an_approver", title: "Вы не согласующий",
        detail: "Вас нет среди согласующих текущего круга согласования этого документа.")

    public static func stepNotActive(_ state: ApprovalStepState) -> OborotError {
        OborotError(
            .conflict, code: "approval_step_not_active", title: "Сейчас не ваш этап",
            detail: state == .waiting
                ? "Ваш этап согласования ещё не начался: дождитесь решений предыдущего этапа."
                : "Вы уже приняли решение в этом круге согласования («\(state.russianName)»).")
    }

    public static func notApprovedYet(_ state: ApprovalRouteState) -> OborotError {
        OborotError(
            .conflict, code: "approval_required", title: "Документ не согласован",
            detail: "Подписать можно только согласованный документ; маршрут согласования в состоянии «\(state.russianName)».")
    }

    public static let routeExists = OborotError(
        .conflict, code: "approval_route_exists", title: "Маршрут уже есть",
        detail: "У документа уже есть маршрут согласования; перезапустите его или отзовите.")

    public static let onlyDrafts = OborotError(
        .conflict, code: "approval_only_drafts", title: "Согласуются только проекты",
        detail: "Маршрут согласования запускается для проекта документа, до его подписания и регистрации.")

    public static let onlyAuthor = "автор проекта или делопроизводитель"

    // Notifications and reminders.
    public static let overdueReminderPrefix = "Истёк срок согласования "
    public static let dueTodayReminderPrefix = "Сегодня последний день согласования "

    public static func requested(deadline: CalendarDate?, title: String) -> String {
        "Согласуйте до \(deadline?.russian ?? "—"): \(title)"
    }

    public static func approvedNotice(_ title: String) -> String { "Согласовано, можно подписывать: \(title)" }

    public static func rejectedNotice(_ title: String, reason: String?) -> String {
        "Не согласовано\(reason.map { " («\($0.prefix(200))»)" } ?? ""): \(title)"
    }
}
