import Foundation
import OborotDomain
import Testing

private typealias F = ReceptionFixtures
private func day(_ iso: String) -> CalendarDate { F.day(iso) }

@Suite("Личный приём: карточка, письменное обращение, отчёт")
struct ReceptionCardTests {
    static let today = day("2026-03-03")

    static func problems(_ card: ReceptionCard) -> [FieldProblem] {
        ReceptionCardRules.problems(of: card, today: today, topic: { F.classifier[$0] })
    }

    static func fieldsAndCodes(_ card: ReceptionCard) -> [String] {
        problems(card).map { "\($0.field) \($0.code)" }
    }

    /// The least each outcome needs.
    static func valid(_ outcome: ReceptionOutcome) -> ReceptionCard {
        switch outcome {
        case .oralAnswer: F.card(outcome: outcome, consent: true, detail: "Ремонт включён в план на май 2026 года.")
        case .writtenAnswer, .writtenAppealHandedIn: F.card(outcome: outcome)
        case .redirected: F.card(outcome: outcome, detail: "В администрацию г. Ростова-на-Дону: дорога муниципальная.")
        case .refusedAlreadyAnswered: F.card(outcome: outcome, detail: "Ответ от 12.01.2026 № 125-ОГ")
        }
    }

    // MARK: Opening a card

    @Test("a card opened from a booking carries the visitor, the question, the official, and a written answer by default", arguments: [
        ReceptionBookingState.booked, .attended,
    ])
    func fromBooking(_ state: ReceptionBookingState) throws {
        let booking = F.booking("2026-03-03", "10:15", priority: .combatVeteran, state: state)
        let id = UUID()
        let card = try ReceptionCardRules.card(id: id, from: booking, schedule: F.schedule()).get()
        #expect(card == ReceptionCard(
            id: id, organizationID: F.organizationID, scheduleID: F.scheduleID, bookingID: booking.id,
            officialEmployeeID: F.governorID, officialName: "Голубев Василий Юрьевич",
            officialPosition: "Губернатор Ростовской области", date: day("2026-03-03"), visitor: F.ivanov,
            priority: .combatVeteran, type: .statement, substance: "Ремонт дороги по ул. Ленина",
            questions: [.init(topicCode: F.roads)], outcome: .writtenAnswer, oralAnswerConsent: false))
        #expect(!card.isWalkIn)
    }

    @Test("no card from a cancelled booking, a no-show, or a booking of another schedule")
    func notFromBooking() {
        for state in [ReceptionBookingState.cancelled, .noShow] {
            let failure = ReceptionCardRules.card(id: UUID(), from: F.booking(state: state), schedule: F.schedule()).failure
            #expect(failure?.code == "reception_booking_not_receivable")
            #expect(failure?.detail == "Запись в состоянии «\(state.russianName)»: карточку приёма по ней не открыть; примите гражданина без записи.")
        }
        #expect(ReceptionCardRules.card(id: UUID(), from: F.booking(scheduleID: UUID()), schedule: F.schedule()).failure?.code
            == "reception_booking_other_schedule")
    }

    @Test("a booking without a topic opens a card with no questions, which asks for one")
    func bookingWithoutTopic() throws {
        var booking = F.booking()
        booking.topicCode = nil
        let card = try ReceptionCardRules.card(id: UUID(), from: booking, schedule: F.schedule()).get()
        #expect(card.questions.isEmpty)
        #expect(Self.fieldsAndCodes(card) == ["questions required"])
        booking.topicCode = TopicCode("0003.0009")
        let rough = try ReceptionCardRules.card(id: UUID(), from: booking, schedule: F.schedule()).get()
        #expect(Self.fieldsAndCodes(rough) == ["questions[0].topicCode topic_not_question"])
    }

    // MARK: Validation per outcome

    @Test("the least each outcome needs is enough", arguments: ReceptionOutcome.allCases)
    func validPerOutcome(_ outcome: ReceptionOutcome) {
        #expect(Self.problems(Self.valid(outcome)).isEmpty)
    }

    @Test("what each outcome requires", arguments: [
        // outcome, consent, detail, problems
        (ReceptionOutcome.oralAnswer, false, "Ремонт в мае.", ["oralAnswerConsent consent_required"]),
        (.oralAnswer, true, nil, ["outcomeDetail required"]),
        (.oralAnswer, true, "   ", ["outcomeDetail required"]),
        (.oralAnswer, false, nil, ["oralAnswerConsent consent_required", "outcomeDetail required"]),
        (.redirected, false, nil, ["outcomeDetail required"]),
        (.refusedAlreadyAnswered, false, " \n", ["outcomeDetail required"]),
        (.writtenAnswer, false, nil, []),
        (.writtenAnswer, true, "лишний текст", []),
        (.writtenAppealHandedIn, false, nil, []),
        (.redirected, true, "В прокуратуру области", []),
    ] as [(ReceptionOutcome, Bool, String?, [String])])
    func outcomeRequirements(_ outcome: ReceptionOutcome, _ consent: Bool, _ detail: String?, _ expected: [String]) {
        #expect(Self.fieldsAndCodes(F.card(outcome: outcome, consent: consent, detail: detail)) == expected)
    }

    @Test("the outcome messages cite the article")
    func outcomeMessages() {
        #expect(Self.problems(F.card(outcome: .oralAnswer, detail: "Ремонт в мае.")).map(\.message) == [
            "Устный ответ даётся только с согласия гражданина (ст. 13 ч. 3 59-ФЗ): отметьте согласие или выберите письменный ответ.",
        ])
        #expect(Self.problems(F.card(outcome: .oralAnswer, consent: true)).map(\.message) == ["Укажите: содержание устного ответа (ст. 13 ч. 3 59-ФЗ)."])
        #expect(Self.problems(F.card(outcome: .redirected)).map(\.message) == ["Укажите: куда и в каком порядке обратиться (ст. 13 ч. 5 59-ФЗ)."])
        #expect(Self.problems(F.card(outcome: .refusedAlreadyAnswered)).map(\.message) == ["Укажите: ранее данный ответ (номер и дата) (ст. 13 ч. 6 59-ФЗ)."])
        let long = String(repeating: "о", count: ReceptionCardRules.maxDetailLength + 1)
        #expect(Self.problems(F.card(outcome: .redirected, detail: long)).map(\.message) == ["Поле «Куда и в каком порядке обратиться» длиннее 2000 символов."])
        #expect(Self.problems(F.card(outcome: .redirected, detail: String(long.dropFirst()))).isEmpty)
    }

    @Test("a written answer needs an address for it; an oral one does not", arguments: ReceptionOutcome.allCases)
    func answerAddress(_ outcome: ReceptionOutcome) {
        var card = Self.valid(outcome)
        card.visitor = Applicant(surname: "Петрова", name: "Анна", phone: "+7 928 111-22-33")
        let expected = outcome.registersAppeal ? ["visitor.postalAddress answer_address_required"] : []
        #expect(Self.fieldsAndCodes(card) == expected)
        card.visitor.email = "petrova@mail.ru"
        #expect(Self.problems(card).isEmpty)
    }

    @Test("the visitor is a named citizen: surname and name, a valid e-mail and phone")
    func visitor() {
        var card = Self.valid(.oralAnswer)
        card.visitor = Applicant(kind: .organization, organizationName: "ТСЖ «Луч»", email: "luch@", phone: "нет")
        #expect(Self.fieldsAndCodes(card) == [
            "visitor.kind not_person", "visitor.surname required", "visitor.name required", "visitor.email email_malformed",
            "visitor.phone phone_malformed",
        ])
        #expect(Self.problems(card).first?.message == "На личный приём записывается гражданин; представитель организации указывается как гражданин.")
    }

    @Test("the substance, the official, and a date not in the future")
    func requisites() {
        let card = F.card(outcome: .writtenAnswer, date: "2026-03-04", substance: " ", officialName: "", officialPosition: " ")
        #expect(Self.fieldsAndCodes(card) == ["officialName required", "officialPosition required", "date in_future", "substance required"])
        #expect(Self.problems(card).map(\.message)[2] == "Дата приёма 04.03.2026 ещё не наступила.")
        #expect(Self.problems(card).map(\.message)[3] == "Поле «Содержание устного обращения» обязательно.")
        let long = F.card(outcome: .writtenAnswer, substance: String(repeating: "с", count: ReceptionCardRules.maxSubstanceLength + 1))
        #expect(Self.fieldsAndCodes(long) == ["substance too_long"])
        #expect(Self.problems(F.card(outcome: .writtenAnswer, date: "2025-12-30")).isEmpty)
    }

    @Test("questions are checked as an appeal's: at least one, coded to a current fourth-level question")
    func questions() {
        #expect(Self.fieldsAndCodes(F.card(outcome: .writtenAnswer, questions: [])) == ["questions required"])
        let card = F.card(outcome: .oralAnswer, consent: true, detail: "Разъяснено", questions: [
            .init(topicCode: F.roads), .init(topicCode: "дороги"), .init(topicCode: "0003.0009.0099"),
            .init(topicCode: "0003.0009.0099.0999"), .init(topicCode: F.obsolete),
            .init(topicCode: F.housing, text: String(repeating: "т", count: AppealRules.maxQuestionText + 1)),
        ])
        #expect(Self.fieldsAndCodes(card) == [
            "questions[1].topicCode topic_malformed", "questions[2].topicCode topic_not_question",
            "questions[3].topicCode topic_unknown", "questions[4].topicCode topic_obsolete", "questions[5].text too_long",
        ])
        #expect(Self.problems(card)[3].message
            == "Вопрос 5: код 0001.0002.0027.0122 «Неполучение ответа на обращение» исключён из классификатора; выберите действующий.")
        let twentyOne = Array(repeating: AppealDraft.QuestionDraft(topicCode: F.roads), count: AppealRules.maxQuestions + 1)
        #expect(Self.fieldsAndCodes(F.card(outcome: .writtenAnswer, questions: twentyOne)) == ["questions too_many"])
    }

    // MARK: The appeal a card becomes

    @Test("a card answered in writing or with a written appeal becomes an appeal of the personal-reception channel", arguments: [
        ReceptionOutcome.writtenAnswer, .writtenAppealHandedIn,
    ])
    func appealDraft(_ outcome: ReceptionOutcome) throws {
        let card = F.card(outcome: outcome, date: "2026-03-03", questions: [
            .init(topicCode: F.roads, text: "Ямы на ул. Ленина"), .init(topicCode: F.housing),
        ])
        let draft = try ReceptionCardRules.appealDraft(from: card).get()
        #expect(draft == AppealDraft(
            type: .complaint, channel: .personalReception, applicants: [F.ivanov], receivedOn: day("2026-03-03"),
            questions: [.init(topicCode: F.roads, text: "Ямы на ул. Ленина"), .init(topicCode: F.housing)]))
        #expect(AppealRules.problems(of: draft, today: Self.today, topic: { F.classifier[$0] }).isEmpty)
        let appeal = draft.appeal(documentID: UUID())
        #expect(appeal.channel == .personalReception && appeal.channel.form == .oral)
        #expect(appeal.applicants == [AppealRules.cleaned(F.ivanov)])
        #expect(!appeal.isAnonymous)
        #expect(appeal.questions.map(\.topicCode.description) == [F.roads, F.housing])
        #expect(appeal.questions.map(\.status) == [.notRegistered, .notRegistered])
    }

    @Test("the other outcomes register no appeal", arguments: [ReceptionOutcome.oralAnswer, .redirected, .refusedAlreadyAnswered])
    func noAppealDraft(_ outcome: ReceptionOutcome) {
        let failure = ReceptionCardRules.appealDraft(from: Self.valid(outcome)).failure
        #expect(failure?.code == "reception_card_not_registered")
        #expect(failure?.kind == .conflict)
        #expect(failure?.detail.hasPrefix("При результате «\(outcome.russianName)» (\(outcome.article)) письменное обращение не регистрируется") == true)
    }

    @Test("outcome names, articles and the detail each asks for", arguments: [
        (ReceptionOutcome.oralAnswer, "Дан устный ответ с согласия гражданина", "ст. 13 ч. 3 59-ФЗ", "Содержание устного ответа", false),
        (.writtenAnswer, "Обращение зарегистрировано для письменного ответа", "ст. 13 ч. 3 59-ФЗ", nil, true),
        (.writtenAppealHandedIn, "Принято письменное обращение", "ст. 13 ч. 4 59-ФЗ", nil, true),
        (.redirected, "Разъяснено, куда и в каком порядке обратиться", "ст. 13 ч. 5 59-ФЗ", "Куда и в каком порядке обратиться", false),
        (.refusedAlreadyAnswered, "Отказано в дальнейшем рассмотрении: ответ по существу дан ранее", "ст. 13 ч. 6 59-ФЗ", "Ранее данный ответ (номер и дата)", false),
    ] as [(ReceptionOutcome, String, String, String?, Bool)])
    func outcomeNames(_ outcome: ReceptionOutcome, _ name: String, _ article: String, _ detail: String?, _ registers: Bool) {
        #expect(outcome.russianName == name)
        #expect(outcome.article == article)
        #expect(outcome.detailLabel == detail)
        #expect(outcome.registersAppeal == registers)
    }

    // MARK: Statistics

    @Test("the report's counts: received, priority, walk-ins, questions, by outcome and by official")
    func statistics() {
        let two: [AppealDraft.QuestionDraft] = [.init(topicCode: F.roads), .init(topicCode: F.housing)]
        let cards = [
            Self.valid(.oralAnswer),
            F.card(outcome: .writtenAnswer, questions: two, priority: .disabledGroupOneOrTwo),
            F.card(outcome: .writtenAnswer, date: "2026-03-05", bookingID: nil),
            F.card(outcome: .redirected, detail: "В суд", official: F.deputyID, officialName: "Петров Олег Ильич",
                   officialPosition: "Заместитель губернатора", bookingID: nil, priority: .combatVeteran),
            F.card(outcome: .oralAnswer, consent: true, detail: "Разъяснено", date: "2026-03-02", official: F.deputyID,
                   officialName: "Петров Олег Ильич", officialPosition: "Первый заместитель губернатора"),
        ]
        let counts = ReceptionStatistics.counts(cards)
        #expect(counts.received == 5)
        #expect(counts.priority == 2)
        #expect(counts.walkIns == 2)
        #expect(counts.questions == 6)
        #expect(counts.byOutcome == [.oralAnswer: 2, .writtenAnswer: 2, .redirected: 1])
        #expect(counts.byOfficial == [F.governorID: 3, F.deputyID: 2])
        // The later card names the deputy: on 3 March he is no longer the first deputy.
        #expect(counts.officialNames[F.deputyID] == "Петров Олег Ильич, Заместитель губернатора")
        #expect(counts.rows.map { "\($0.group) | \($0.label) | \($0.value)" } == [
            "Личный приём | Принято граждан на личном приёме | 5",
            "Личный приём | в т. ч. в первоочередном порядке | 2",
            "Личный приём | в т. ч. без предварительной записи | 2",
            "Личный приём | Рассмотрено вопросов | 6",
            "Результат личного приёма | Дан устный ответ | 2",
            "Результат личного приёма | Зарегистрировано для письменного ответа | 2",
            "Результат личного приёма | Принято письменных обращений | 0",
            "Результат личного приёма | Разъяснено, куда обратиться | 1",
            "Результат личного приёма | Отказано в дальнейшем рассмотрении | 0",
            "Должностное лицо | Голубев Василий Юрьевич, Губернатор Ростовской области | 3",
            "Должностное лицо | Петров Олег Ильич, Заместитель губернатора | 2",
        ])
    }

    @Test("officials with equal counts are listed by name; no cards count nothing")
    func statisticsOrder() {
        let cards = [
            F.card(outcome: .writtenAnswer, official: F.deputyID, officialName: "Андреев Антон", officialPosition: "Заместитель"),
            F.card(outcome: .writtenAnswer),
        ]
        #expect(ReceptionStatistics.counts(cards).rows.filter { $0.group == "Должностное лицо" }.map(\.label)
            == ["Андреев Антон, Заместитель", "Голубев Василий Юрьевич, Губернатор Ростовской области"])
        let empty = ReceptionStatistics.counts([])
        #expect(empty == ReceptionStatistics.Counts())
        #expect(empty.rows.count == 4 + ReceptionOutcome.allCases.count)
        #expect(empty.rows.allSatisfy { $0.value == 0 })
    }
}
