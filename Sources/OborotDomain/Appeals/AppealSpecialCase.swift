/// The cases of 59-ФЗ ст. 8 and 11 where an appeal is not answered on the merits; each sets the questions' status and
/// says what the law requires the applicant to be told, and by when.
public enum AppealSpecialCase: String, Sendable, CaseIterable, Codable {
    /// No surname or no address for the answer (ст. 11 ч. 1): no answer.
    case anonymous
    /// An appeal against a court decision (ст. 11 ч. 2): returned within 7 days with an explanation.
    case courtDecision
    /// Obscene or insulting language, threats (ст. 11 ч. 3): may be left without an answer on the merits; the author
    /// is told that abuse of the right is not allowed.
    case obscene
    /// The text cannot be read or its substance identified (ст. 11 ч. 4, 4.1): no answer; the author is told within 7
    /// days when the name and address can be read.
    case unreadable
    /// The answer is already published on the body's site (ст. 11 ч. 5.1): the author gets the link within 7 days.
    case alreadyPublished
    /// Repeated appeals with no new arguments (ст. 11 ч. 5): the head decides to stop the correspondence; the
    /// applicant is notified.
    case correspondenceTerminated
    /// A complaint about the very body or official it would be sent to (ст. 8 ч. 6–7): returned with an explanation
    /// (the law sets no term for the return).
    case complaintAgainstAddressee

    public var russianName: String {
        switch self {
        case .anonymous: "Анонимное обращение"
        case .courtDecision: "Обжалуется судебное решение"
        case .obscene: "Нецензурные или оскорбительные выражения"
        case .unreadable: "Текст не поддаётся прочтению"
        case .alreadyPublished: "Ответ уже размещён на официальном сайте"
        case .correspondenceTerminated: "Переписка прекращена"
        case .complaintAgainstAddressee: "Жалоба на орган, которому она направлена"
        }
    }

    public var article: String {
        switch self {
        case .anonymous: "ст. 11 ч. 1 59-ФЗ"
        case .courtDecision: "ст. 11 ч. 2 59-ФЗ"
        case .obscene: "ст. 11 ч. 3 59-ФЗ"
        case .unreadable: "ст. 11 ч. 4 и 4.1 59-ФЗ"
        case .alreadyPublished: "ст. 11 ч. 5.1 59-ФЗ"
        case .correspondenceTerminated: "ст. 11 ч. 5 59-ФЗ"
        case .complaintAgainstAddressee: "ст. 8 ч. 6–7 59-ФЗ"
        }
    }

    /// The status every open question takes.
    public var questionStatus: QuestionStatus {
        switch self {
        case .anonymous, .obscene, .unreadable, .correspondenceTerminated: .leftWithoutAnswer
        case .courtDecision, .alreadyPublished, .complaintAgainstAddressee: .answered
        }
    }

    /// Whether the law requires telling the applicant (a notice document is created).
    public var requiresNotice: Bool { self != .anonymous }

    /// Days from registration the notice must go out within, where the law sets them (ст. 11 ч. 2, 4, 4.1, 5.1);
    /// ст. 8 ч. 7 returns a complaint about the addressee with no term of its own.
    public var noticeDays: Int? {
        switch self {
        case .courtDecision, .unreadable, .alreadyPublished: 7
        case .anonymous, .obscene, .correspondenceTerminated, .complaintAgainstAddressee: nil
        }
    }

    /// What the registrar must give: the link to the published answer, the head's decision.
    public var detailLabel: String? {
        switch self {
        case .alreadyPublished: "Ссылка на опубликованный ответ"
        case .correspondenceTerminated: "Решение руководителя (номер и дата)"
        case .anonymous, .courtDecision, .obscene, .unreadable, .complaintAgainstAddressee: nil
        }
    }

    /// The notice's title.
    public var noticeTitle: String {
        switch self {
        case .anonymous: "Обращение оставлено без ответа"
        case .courtDecision: "Возврат обращения, в котором обжалуется судебное решение"
        case .obscene: "Уведомление о недопустимости злоупотребления правом"
        case .unreadable: "Уведомление о невозможности дать ответ: текст не поддаётся прочтению"
        case .alreadyPublished: "Уведомление: ответ размещён на официальном сайте"
        case .correspondenceTerminated: "Уведомление о прекращении переписки"
        case .complaintAgainstAddressee: "Возврат жалобы с разъяснением порядка обжалования"
        }
    }

    /// The notice's text to the applicant; `detail` is the link or the decision.
    public func noticeText(detail: String?) -> String {
        switch self {
        case .anonymous:
            return "Обращение не содержит фамилии заявителя или адреса для ответа; ответ не даётся (ст. 11 ч. 1 59-ФЗ)."
        case .courtDecision:
            return "В обращении обжалуется судебное решение. Обращение возвращается заявителю: порядок обжалования "
                + "судебного решения установлен процессуальным законодательством (ст. 11 ч. 2 59-ФЗ)."
        case .obscene:
            return "Обращение содержит нецензурные либо оскорбительные выражения, угрозы. Ответ по существу не даётся; "
                + "сообщаем о недопустимости злоупотребления правом (ст. 11 ч. 3 59-ФЗ)."
        case .unreadable:
            return "Текст обращения не поддаётся прочтению (или из него невозможно установить суть предложения, "
                + "заявления, жалобы); ответ не даётся и обращение не направляется на рассмотрение (ст. 11 ч. 4, 4.1 59-ФЗ)."
        case .alreadyPublished:
            return "Ответ на вопрос, поставленный в обращении, размещён на официальном сайте: \(detail ?? "") "
                + "(ст. 11 ч. 5.1 59-ФЗ)."
        case .correspondenceTerminated:
            return "В обращении нет новых доводов; по вопросу ранее многократно даны письменные ответы. Принято решение "
                + "о безосновательности очередного обращения и прекращении переписки\(detail.map { " (\($0))" } ?? "") (ст. 11 ч. 5 59-ФЗ)."
        case .complaintAgainstAddressee:
            return "Жалоба не может быть направлена на рассмотрение в орган или должностному лицу, решение или действие "
                + "которых обжалуется. Жалоба возвращается с разъяснением права обжаловать решение в вышестоящий орган "
                + "или в суд (ст. 8 ч. 6–7 59-ФЗ)."
        }
    }
}
