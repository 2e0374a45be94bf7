public import Foundation

/// The rules of an appeal's life: what a draft must hold, registration, results per question, the one extension,
/// forwarding and the special cases. Pure: the service loads, calls, and stores.
public enum AppealRules {
    public static let maxQuestions = 20
    public static let maxApplicants = 200
    public static let maxQuestionText = 2000
    public static let maxNameLength = 200
    public static let maxAddressLength = 500
    public static let maxReasonLength = 2000

    /// Every problem of a draft at once. `topic` finds a classifier node by code.
    public static func problems(
        of draft: AppealDraft, today: CalendarDate, topic: (TopicCode) -> TopicNode?
    ) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if draft.receivedOn > today {
            problems.append(FieldProblem(field: "receivedOn", code: "in_future", message: AppealTexts.receivedInFuture(draft.receivedOn)))
        }
        if draft.questions.isEmpty {
            problems.append(FieldProblem(field: "questions", code: "required", message: AppealTexts.questionsRequired))
        }
        if draft.questions.count > maxQuestions {
            problems.append(FieldProblem(field: "questions", code: "too_many", message: AppealTexts.tooManyQuestions))
        }
        for (index, question) in draft.questions.enumerated() {
            let field = "questions[\(index)].topicCode"
            if let code = TopicCode(question.topicCode) {
                if !code.isQuestion {
                    problems.append(FieldProblem(field: field, code: "topic_not_question", message: AppealTexts.topicNotQuestion(code, number: index + 1)))
                } else if let node = topic(code) {
                    if node.obsolete {
                        problems.append(FieldProblem(field: field, code: "topic_obsolete", message: AppealTexts.topicObsolete(node, number: index + 1)))
                    }
                } else {
                    problems.append(FieldProblem(field: field, code: "topic_unknown", message: AppealTexts.topicUnknown(code, number: index + 1)))
                }
            } else {
                problems.append(FieldProblem(field: field, code: "topic_malformed", message: AppealTexts.topicMalformed(question.topicCode, number: index + 1)))
            }
            problems += TextRules.optional(question.text, field: "questions[\(index)].text", maxLength: maxQuestionText, label: "Текст вопроса \(index + 1)")
        }
        if draft.applicants.count > maxApplicants {
            problems.append(FieldProblem(field: "applicants", code: "too_many", message: AppealTexts.tooManyApplicants))
        }
        for (index, applicant) in draft.applicants.enumerated() {
            problems += self.problems(of: applicant, field: "applicants[\(index)]")
        }
        switch (draft.channel, draft.forwardedFrom) {
        case (.forwarded, nil):
            problems.append(FieldProblem(field: "forwardedFrom", code: "required", message: AppealTexts.forwardedFromRequired))
        case (.forwarded, let from?):
            problems += TextRules.required(from.bodyName.trimmed, field: "forwardedFrom.bodyName", maxLength: maxNameLength, label: "Орган, направивший обращение")
            problems += TextRules.required(from.number.trimmed, field: "forwardedFrom.number", maxLength: 100, label: "Номер сопроводительного письма")
            if from.date > today {
                problems.append(FieldProblem(field: "forwardedFrom.date", code: "in_future", message: AppealTexts.coveringLetterInFuture))
            }
        case (_, _?):
            problems.append(FieldProblem(field: "forwardedFrom", code: "not_forwarded", message: AppealTexts.forwardedFromWithoutChannel))
        case (_, nil):
            break
        }
        return problems
    }

    private static func problems(of applicant: Applicant, field: String) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for (value, name, label, limit) in [
            (applicant.surname, "surname", "Фамилия", maxNameLength), (applicant.name, "name", "Имя", maxNameLength),
            (applicant.patronymic, "patronymic", "Отчество", maxNameLength),
            (applicant.organizationName, "organizationName", "Наименование организации", maxNameLength),
            (applicant.postalAddress, "postalAddress", "Почтовый адрес", maxAddressLength),
            (applicant.email, "email", "Электронная почта", maxNameLength), (applicant.phone, "phone", "Телефон", 50),
        ] {
            problems += TextRules.optional(value, field: "\(field).\(name)", maxLength: limit, label: label)
        }
        if applicant.kind == .organization, (applicant.organizationName?.trimmed ?? "").isEmpty {
            problems.append(FieldProblem(field: "\(field).organizationName", code: "required", message: AppealTexts.organizationNameRequired))
        }
        if let email = applicant.email?.trimmed, !email.isEmpty, !isEmail(email) {
            problems.append(FieldProblem(field: "\(field).email", code: "email_malformed", message: AppealTexts.emailMalformed(email)))
        }
        return problems
    }

    /// Whitespace trimmed, empty fields dropped, e-mail lower-cased.
    public static func cleaned(_ applicant: Applicant) -> Applicant {
        func clean(_ value: String?) -> String? { value?.trimmed.nilIfEmpty }
        return Applicant(
            kind: applicant.kind, surname: clean(applicant.surname), name: clean(applicant.name),
            patronymic: clean(applicant.patronymic), organizationName: clean(applicant.organizationName),
            postalAddress: clean(applicant.postalAddress), email: clean(applicant.email)?.lowercased(), phone: clean(applicant.phone))
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.contains(where: { $0.isWhitespace })
    }

    // MARK: Registration

    /// On registration the term starts: the answer deadline is counted from the registration date, and every
    /// question goes to work.
    public static func registered(
        _ appeal: Appeal, on date: CalendarDate, lastDay: LastDayRule, calendar: WorkCalendar
    ) -> (appeal: Appeal, deadline: ComputedDeadline) {
        let deadline = AppealDeadlines.answer(
            registeredOn: date, migrationMatterToHead: appeal.migrationMatterToHead, lastDay: lastDay, calendar: calendar)
        var next = appeal
        next.term = AppealTerm(registeredOn: date, initialDeadline: deadline.date)
        for index in next.questions.indices where next.questions[index].status == .notRegistered {
            next.questions[index].status = .inWork
        }
        return (next, deadline)
    }

    // MARK: Results

    /// Records the result of one question. Only results an executor gives (forwarding and the special cases have
    /// their own actions); «меры приняты» only with «Поддержано».
    public static func recording(
        _ result: QuestionStatus, measuresTaken: Bool, questionID: UUID, in appeal: Appeal, on date: CalendarDate
    ) -> Result<Appeal, OborotError> {
        guard appeal.term != nil else { return .failure(.appealNotRegistered) }
        guard QuestionStatus.results.contains(result) else { return .failure(.notAResult(result)) }
        guard let index = appeal.questions.firstIndex(where: { $0.id == questionID }) else { return .failure(.notFound(.appealQuestion)) }
        let question = appeal.questions[index]
        guard !question.status.isFinal else { return .failure(.questionAlreadyResolved(question)) }
        if measuresTaken && result != .supported { return .failure(.measuresOnlyWhenSupported) }
        var next = appeal
        next.questions[index].status = result
        next.questions[index].measuresTaken = measuresTaken
        next.questions[index].resolvedOn = date
        return .success(next)
    }

    // MARK: Extension

    /// ст. 12 ч. 2: once, by 1–30 days, with a reason, while the term runs and a question is still open.
    public static func extending(
        _ appeal: Appeal, days: Int, reason: String?, decidedBy: UUID, today: CalendarDate, lastDay: LastDayRule,
        calendar: WorkCalendar
    ) -> Result<(appeal: Appeal, deadline: ComputedDeadline), OborotError> {
        guard let term = appeal.term else { return .failure(.appealNotRegistered) }
        guard term.extensions.isEmpty else { return .failure(.alreadyExtended(term.extensions[0])) }
        guard !appeal.isClosed else { return .failure(.appealClosed) }
        guard (1...AppealDeadlines.maximumExtensionDays).contains(days) else { return .failure(.extensionDays(days)) }
        let text = reason?.trimmed ?? ""
        guard !text.isEmpty else { return .failure(.extensionReasonRequired) }
        guard text.count <= maxReasonLength else { return .failure(.extensionReasonTooLong) }
        guard today <= term.currentDeadline else { return .failure(.termAlreadyExpired(term.currentDeadline)) }
        let deadline = AppealDeadlines.extended(from: term.currentDeadline, days: days, lastDay: lastDay, calendar: calendar)
        var next = appeal
        next.term?.extensions.append(
            AppealExtension(
                number: term.extensions.count + 1, reason: text, days: days, previousDeadline: term.currentDeadline,
                newDeadline: deadline.date, decidedByEmployeeID: decidedBy, decidedOn: today, noticeDocumentID: nil))
        for index in next.questions.indices where next.questions[index].status == .inWork {
            next.questions[index].status = .extended
        }
        return .success((next, deadline))
    }

    // MARK: Forwarding and special cases

    /// Forwards the chosen open questions (all open ones when `questionIDs` is empty) to another body.
    public static func forwarding(
        _ appeal: Appeal, questionIDs: Set<UUID>, to forwarding: Forwarding
    ) -> Result<Appeal, OborotError> {
        guard appeal.term != nil else { return .failure(.appealNotRegistered) }
        let open = appeal.questions.filter { !$0.status.isFinal }
        guard !open.isEmpty else { return .failure(.appealClosed) }
        let chosen = questionIDs.isEmpty ? Set(open.map(\.id)) : questionIDs
        if let unknown = chosen.first(where: { id in !appeal.questions.contains { $0.id == id } }) {
            _ = unknown
            return .failure(.notFound(.appealQuestion))
        }
        if let resolved = appeal.questions.first(where: { chosen.contains($0.id) && $0.status.isFinal }) {
            return .failure(.questionAlreadyResolved(resolved))
        }
        var next = appeal
        for index in next.questions.indices where chosen.contains(next.questions[index].id) {
            next.questions[index].status = .transferred
            next.questions[index].forwardedTo = forwarding
            next.questions[index].resolvedOn = forwarding.forwardedOn
        }
        return .success(next)
    }

    /// Closes every open question the way the special case requires; the anonymous case only for an appeal that is
    /// anonymous; the link and the head's decision where the case needs them.
    public static func closing(
        _ appeal: Appeal, as specialCase: AppealSpecialCase, detail: String?, on date: CalendarDate
    ) -> Result<Appeal, OborotError> {
        guard appeal.term != nil else { return .failure(.appealNotRegistered) }
        guard !appeal.isClosed else { return .failure(.appealClosed) }
        if specialCase == .anonymous && !appeal.isAnonymous { return .failure(.notAnonymous) }
        if let label = specialCase.detailLabel, (detail?.trimmed ?? "").isEmpty { return .failure(.specialCaseDetailRequired(label)) }
        if (detail?.count ?? 0) > maxReasonLength { return .failure(.specialCaseDetailTooLong) }
        var next = appeal
        next.specialCase = specialCase
        for index in next.questions.indices where !next.questions[index].status.isFinal {
            next.questions[index].status = specialCase.questionStatus
            next.questions[index].resolvedOn = date
        }
        return .success(next)
    }

    /// Whether an answer letter may be prepared: the appeal is registered, someone can receive it (a named applicant
    /// with a postal address, or an e-mail for an electronic answer: ст. 10 ч. 4, ст. 11 ч. 1), and it was not closed
    /// as a special case (that gets its notice instead). A closed appeal may still be answered: results are often
    /// recorded before the letter goes.
    public static func answering(_ appeal: Appeal) -> Result<Void, OborotError> {
        guard appeal.term != nil else { return .failure(.appealNotRegistered) }
        guard appeal.specialCase == nil else { return .failure(.answerAfterSpecialCase) }
        return appeal.applicants.contains { !$0.isAnonymous } ? .success(()) : .failure(.answerNeedsAddress)
    }

    /// Where the appeal stands, for lists and the card.
    public static func standing(of appeal: Appeal, today: CalendarDate) -> AppealStanding {
        guard let term = appeal.term else { return .notRegistered }
        if appeal.isClosed { return appeal.closedLate ? .closedLate : .closed }
        if today > term.currentDeadline { return .overdue }
        return term.extensions.isEmpty ? .inWork : .extended
    }
}

/// Where an appeal stands as a whole.
public enum AppealStanding: String, Sendable, CaseIterable, Codable {
    case notRegistered
    case inWork
    case extended
    case overdue
    case closed
    /// Closed after the deadline: «рассмотрено с нарушением срока».
    case closedLate

    public var russianName: String {
        switch self {
        case .notRegistered: "Не зарегистрировано"
        case .inWork: "На рассмотрении"
        case .extended: "Срок продлён"
        case .overdue: "Просрочено"
        case .closed: "Рассмотрено"
        case .closedLate: "Рассмотрено с нарушением срока"
        }
    }
}
