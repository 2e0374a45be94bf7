/// The Russian texts of the appeals area.
enum AppealTexts {
    static func receivedInFuture(_ date: CalendarDate) -> String { "Дата поступления \(date.russian) ещё не наступила." }
    static let questionsRequired = "Укажите хотя бы один вопрос обращения с кодом тематического классификатора."
    static let tooManyQuestions = "В обращении не более \(AppealRules.maxQuestions) вопросов."
    static let tooManyApplicants = "У обращения не более \(AppealRules.maxApplicants) заявителей."
    static func topicMalformed(_ text: String, number: Int) -> String {
        "Вопрос \(number): «\(text.prefix(40))» — не код классификатора; нужен код вида 0003.0009.0099.0742."
    }
    static func topicNotQuestion(_ code: TopicCode, number: Int) -> String {
        "Вопрос \(number): код \(code) — раздел, тематика или тема; укажите вопрос (четвёртый уровень классификатора)."
    }
    static func topicUnknown(_ code: TopicCode, number: Int) -> String {
        "Вопрос \(number): кода \(code) нет в тематическом классификаторе."
    }
    static func topicObsolete(_ node: TopicNode, number: Int) -> String {
        "Вопрос \(number): код \(node.code) «\(node.name)» исключён из классификатора; выберите действующий."
    }
    static let organizationNameRequired = "Укажите наименование организации-заявителя."
    static func emailMalformed(_ email: String) -> String { "«\(email.prefix(60))» — не адрес электронной почты." }
    static let forwardedFromRequired = "Для обращения из другого органа укажите орган, номер и дату сопроводительного письма."
    static let forwardedFromWithoutChannel = "Сопроводительное письмо указывается только для обращения, поступившего из другого органа."
    static let coveringLetterInFuture = "Дата сопроводительного письма ещё не наступила."
    static func noWorkingDayInTerm(previous: CalendarDate, start: CalendarDate) -> String {
        "Все дни срока нерабочие, а предыдущий рабочий день (\(previous.russian)) не позже дня начала отсчёта "
            + "(\(start.russian)), поэтому срок перенесён на следующий рабочий день."
    }
}

extension OborotError {
    public static let appealNotRegistered = OborotError(
        .conflict, code: "appeal_not_registered", title: "Обращение не зарегистрировано",
        detail: "Сначала зарегистрируйте обращение: срок рассмотрения считается со дня регистрации.")

    public static let answerNeedsAddress = OborotError(
        .unprocessable, code: "no_address_for_answer", title: "Некуда направить ответ",
        detail: "У заявителя нет ни фамилии с почтовым адресом, ни адреса электронной почты: ответ не даётся (ст. 11 ч. 1 59-ФЗ).")

    public static let answerTextTooLong = OborotError(
        .unprocessable, code: "text_too_long", title: "Слишком длинный текст",
        detail: "Текст ответа для проекта письма не длиннее \(AppealRules.maxReasonLength) символов; полный текст приложите файлом.",
        fieldProblems: [FieldProblem(field: "text", code: "too_long", message: "Не длиннее \(AppealRules.maxReasonLength) символов.")])

    public static let answerAfterSpecialCase = OborotError(
        .conflict, code: "answer_after_special_case", title: "Обращение закрыто без ответа по существу",
        detail: "Обращение закрыто как особый случай; заявителю направляется уведомление, а не ответ.")

    public static let appealClosed = OborotError(
        .conflict, code: "appeal_closed", title: "Обращение рассмотрено",
        detail: "По всем вопросам обращения уже есть результат.")

    public static func notAResult(_ status: QuestionStatus) -> OborotError {
        OborotError(
            .unprocessable, code: "not_a_result", title: "Это не результат рассмотрения",
            detail: "«\(status.russianName)» не вносится как результат; возможны: "
                + QuestionStatus.results.map { "«\($0.russianName)»" }.joined(separator: ", ") + ".")
    }

    public static func questionAlreadyResolved(_ question: AppealQuestion) -> OborotError {
        OborotError(
            .conflict, code: "question_already_resolved", title: "Вопрос уже рассмотрен",
            detail: "По вопросу \(question.number) уже внесён результат «\(question.status.russianName)».")
    }

    public static let measuresOnlyWhenSupported = OborotError(
        .unprocessable, code: "measures_only_when_supported", title: "«Меры приняты» — только для поддержанного",
        detail: "Отметка «меры приняты» ставится только при результате «Рассмотрено. Поддержано».")

    public static func alreadyExtended(_ extensionRow: AppealExtension) -> OborotError {
        OborotError(
            .unprocessable, code: "already_extended", title: "Срок уже продлевался",
            detail: "Срок рассмотрения продлевается только один раз (ст. 12 ч. 2 59-ФЗ); он уже продлён \(extensionRow.decidedOn.russian) до \(extensionRow.newDeadline.russian).")
    }

    public static func extensionDays(_ days: Int) -> OborotError {
        OborotError(
            .unprocessable, code: "extension_days", title: "Недопустимый срок продления",
            detail: "Срок продлевается не более чем на \(AppealDeadlines.maximumExtensionDays) дней (ст. 12 ч. 2 59-ФЗ); указано \(days).",
            fieldProblems: [FieldProblem(field: "days", code: "out_of_range", message: "От 1 до \(AppealDeadlines.maximumExtensionDays) дней.")])
    }

    public static let extensionReasonRequired = OborotError(
        .unprocessable, code: "extension_reason_required", title: "Не указано основание продления",
        detail: "Укажите основание продления: исключительный случай или направленный запрос; заявитель получит уведомление.",
        fieldProblems: [FieldProblem(field: "reason", code: "required", message: "Укажите основание продления.")])

    public static let extensionReasonTooLong = OborotError(
        .unprocessable, code: "reason_too_long", title: "Слишком длинный текст",
        detail: "Текст не длиннее \(AppealRules.maxReasonLength) символов.",
        fieldProblems: [FieldProblem(field: "reason", code: "too_long", message: "Не длиннее \(AppealRules.maxReasonLength) символов.")])

    public static func termAlreadyExpired(_ deadline: CalendarDate) -> OborotError {
        OborotError(
            .conflict, code: "term_expired", title: "Срок уже истёк",
            detail: "Продлить можно только до истечения срока; срок истёк \(deadline.russian).")
    }

    public static let notAnonymous = OborotError(
        .conflict, code: "not_anonymous", title: "Обращение не анонимное",
        detail: "В обращении есть фамилия заявителя и адрес для ответа: оставить его без ответа как анонимное нельзя (ст. 11 ч. 1 59-ФЗ).")

    /// The link or the decision of a special case longer than allowed (the form's field is `detail`).
    public static let specialCaseDetailTooLong = OborotError(
        .unprocessable, code: "detail_too_long", title: "Слишком длинный текст",
        detail: "Текст не длиннее \(AppealRules.maxReasonLength) символов.",
        fieldProblems: [FieldProblem(field: "detail", code: "too_long", message: "Не длиннее \(AppealRules.maxReasonLength) символов.")])

    public static func specialCaseDetailRequired(_ label: String) -> OborotError {
        OborotError(
            .unprocessable, code: "detail_required", title: "Не хватает сведений",
            detail: "Укажите: \(label.lowercased()).",
            fieldProblems: [FieldProblem(field: "detail", code: "required", message: "Укажите: \(label.lowercased()).")])
    }
}
