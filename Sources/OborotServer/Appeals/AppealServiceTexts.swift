import OborotDomain
import OborotStore

/// The Russian texts of the appeals service: audit summaries, notices, errors.
enum AppealServiceTexts {
    static func created(_ appeal: Appeal) -> String {
        let who = appeal.applicants.first?.displayName.nilIfEmpty ?? "аноним"
        return "Обращение (\(appeal.type.russianName.lowercased()), \(appeal.channel.russianName.lowercased())): \(who), вопросов: \(appeal.questions.count)"
    }

    static func personalDataViewed(_ appeal: Appeal) -> String {
        "Просмотр персональных данных заявителя: \(appeal.applicants.map(\.displayName).filter { !$0.isEmpty }.joined(separator: ", "))"
    }

    static func resultRecorded(_ question: AppealQuestion) -> String {
        "Вопрос \(question.number) (\(question.topicCode)): «\(question.status.russianName)»\(question.measuresTaken ? ", меры приняты" : "")"
    }

    static func extended(_ row: AppealExtension) -> String {
        "Срок рассмотрения продлён на \(row.days) дн. — до \(row.newDeadline.russian): \(row.reason)"
    }

    static func extensionNoticeTitle(_ document: Document) -> String {
        "Уведомление о продлении срока рассмотрения обращения \(DocumentTexts.label(document))"
    }

    static func extensionNoticeText(_ row: AppealExtension, document: Document) -> String {
        "Срок рассмотрения Вашего обращения \(DocumentTexts.label(document)) продлён до \(row.newDeadline.russian) "
            + "(ст. 12 ч. 2 Федерального закона от 02.05.2006 № 59-ФЗ). Основание: \(row.reason)."
    }

    static let forwardNoticeTitle = "Уведомление о переадресации обращения"

    static func forwardNoticeText(to body: String, document: Document) -> String {
        "Ваше обращение \(DocumentTexts.label(document)) направлено для рассмотрения по компетенции в \(body) "
            + "(ст. 8 ч. 3 Федерального закона от 02.05.2006 № 59-ФЗ)."
    }

    static func forwarded(to body: String) -> String { "Обращение направлено по компетенции: \(body)" }

    static func forwardedArrived(from sender: Organization, number: String) -> String {
        "Поступило обращение, направленное по компетенции: \(sender.shortName), сопроводительное письмо № \(number)"
    }

    static func answerTitle(_ document: Document) -> String {
        "Ответ на обращение \(DocumentTexts.label(document))"
    }

    /// What the draft's notes hold when the executor gave no text: what the letter must contain.
    static func answerNotes(_ appeal: Appeal) -> String {
        let questions = appeal.questions.map { "\($0.number). \($0.text ?? $0.topicCode.description)" }.joined(separator: "; ")
        return "Ответ по существу каждого вопроса обращения (ст. 10 ч. 1 п. 4 59-ФЗ): \(questions). Приложите подписанное письмо."
    }

    static func answerPrepared(_ document: Document) -> String {
        "Подготовлен проект ответа заявителю на обращение \(DocumentTexts.label(document))"
    }

    static func coveringLetterTitle(_ document: Document) -> String {
        "О направлении обращения гражданина по компетенции (\(DocumentTexts.label(document)))"
    }

    static func coveringLetterText(_ document: Document, appeal: Appeal) -> String {
        let who = appeal.applicants.first?.displayName.nilIfEmpty ?? "заявителя"
        return "В соответствии с ч. 3 ст. 8 Федерального закона от 02.05.2006 № 59-ФЗ направляем для рассмотрения обращение \(who) "
            + "\(DocumentTexts.label(document)) «\(document.requisites.title.prefix(200))»."
    }

    static func closed(_ specialCase: AppealSpecialCase) -> String {
        "Обращение закрыто: \(specialCase.russianName.lowercased()) (\(specialCase.article))"
    }

    static func repeated(of document: Document) -> String { "Отмечено как повторное к \(DocumentTexts.label(document))" }

    static func exported(_ export: SSTUExport) -> String {
        "Выгрузка для ССТУ.РФ за \(export.period): обращений \(export.requests.count)"
    }

    static func imported(_ result: TopicRepository.LoadResult) -> String {
        "Загружен тематический классификатор: добавлено \(result.added), изменено \(result.changed), без изменений \(result.unchanged)"
    }
}

extension OborotError {
    static let forwardToItself = OborotError(
        .unprocessable, code: "forward_to_itself", title: "Нельзя направить самому себе",
        detail: "Обращение направляется по компетенции в другой орган.")

    static let forwardBodyRequired = OborotError(
        .unprocessable, code: "forward_body_required", title: "Не указан орган",
        detail: "Укажите организацию региона или наименование органа, в который направляется обращение (не длиннее 200 символов).",
        fieldProblems: [FieldProblem(field: "bodyName", code: "required", message: "Укажите орган.")])

    static let repeatedOfItself = OborotError(
        .unprocessable, code: "repeated_of_itself", title: "Обращение не может быть повторным к самому себе",
        detail: "Выберите более раннее обращение того же заявителя.")

    static let repeatedOfNotAppeal = OborotError(
        .unprocessable, code: "repeated_of_not_appeal", title: "Это не обращение",
        detail: "Повторным обращение может быть только к другому обращению гражданина.")

    static let messageAlreadyAccepted = OborotError(
        .conflict, code: "message_already_accepted", title: "Сообщение уже принято",
        detail: "Это сообщение с сайта уже зарегистрировано как обращение.")

    static let periodReversed = OborotError(
        .unprocessable, code: "period_reversed", title: "Неверный период",
        detail: "Начало периода позже его конца.")
}
