/// How a personal reception ended, by the parts of 59-ФЗ ст. 13; raw values are API codes.
public enum ReceptionOutcome: String, Sendable, CaseIterable, Codable {
    /// ч. 3: the facts are obvious and need no checking, and the citizen agreed to an oral answer at the reception;
    /// the answer is written into the card.
    case oralAnswer
    /// ч. 3: in every other case the oral appeal is registered and answered in writing on the merits.
    case writtenAnswer
    /// ч. 4: a written appeal handed in at the reception is registered and considered as usual.
    case writtenAppealHandedIn
    /// ч. 5: the questions are not within the body's competence; the citizen is told where and how to apply.
    case redirected
    /// ч. 6: further consideration refused because an answer on the merits was given earlier.
    case refusedAlreadyAnswered

    public var russianName: String {
        switch self {
        case .oralAnswer: "Дан устный ответ с согласия гражданина"
        case .writtenAnswer: "Обращение зарегистрировано для письменного ответа"
        case .writtenAppealHandedIn: "Принято письменное обращение"
        case .redirected: "Разъяснено, куда и в каком порядке обратиться"
        case .refusedAlreadyAnswered: "Отказано в дальнейшем рассмотрении: ответ по существу дан ранее"
        }
    }

    public var article: String {
        switch self {
        case .oralAnswer, .writtenAnswer: "ст. 13 ч. 3 59-ФЗ"
        case .writtenAppealHandedIn: "ст. 13 ч. 4 59-ФЗ"
        case .redirected: "ст. 13 ч. 5 59-ФЗ"
        case .refusedAlreadyAnswered: "ст. 13 ч. 6 59-ФЗ"
        }
    }

    /// The line of the appeals report.
    public var reportLabel: String {
        switch self {
        case .oralAnswer: "Дан устный ответ"
        case .writtenAnswer: "Зарегистрировано для письменного ответа"
        case .writtenAppealHandedIn: "Принято письменных обращений"
        case .redirected: "Разъяснено, куда обратиться"
        case .refusedAlreadyAnswered: "Отказано в дальнейшем рассмотрении"
        }
    }

    /// The appeal is registered and answered in writing within the terms of 59-ФЗ (`ReceptionCardRules.appealDraft`).
    public var registersAppeal: Bool { self == .writtenAnswer || self == .writtenAppealHandedIn }

    /// What the card must record for this outcome, as the form labels it; nil when nothing more is needed.
    public var detailLabel: String? {
        switch self {
        case .oralAnswer: "Содержание устного ответа"
        case .redirected: "Куда и в каком порядке обратиться"
        case .refusedAlreadyAnswered: "Ранее данный ответ (номер и дата)"
        case .writtenAnswer, .writtenAppealHandedIn: nil
        }
    }
}
