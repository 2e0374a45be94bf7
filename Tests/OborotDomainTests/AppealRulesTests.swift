import Foundation
import OborotDomain
import Testing

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
private func code(_ text: String) -> TopicCode { TopicCode(text)! }

@Suite("Обращения граждан: правила")
struct AppealRulesTests {
    let calendar: WorkCalendar

    init() throws {
        calendar = try WorkCalendar.shipped()
    }

    static let today = day("2026-03-02")
    static let roads = "0003.0009.0099.0742"
    static let housing = "0005.0005.0056.1154"
    static let obsolete = "0001.0002.0027.0122"
    static let classifier: [TopicCode: TopicNode] = [
        code(roads): TopicNode(code: code(roads), name: "Эксплуатация и сохранность автомобильных дорог", obsolete: false),
        code(housing): TopicNode(code: code(housing), name: "Капитальный ремонт", obsolete: false),
        code(obsolete): TopicNode(code: code(obsolete), name: "Неполучение ответа на обращение", obsolete: true),
        code("0003.0009.0099"): TopicNode(code: code("0003.0009.0099"), name: "Транспорт", obsolete: false),
    ]
    static let ivanov = Applicant(surname: "Иванов", name: "Иван", patronymic: "Иванович", postalAddress: "г. Ростов-на-Дону, ул. Ленина, д. 5")

    static func draft(
        channel: AppealChannel = .post, applicants: [Applicant] = [ivanov], receivedOn: CalendarDate = today,
        forwardedFrom: ForwardedFrom? = nil, questions: [AppealDraft.QuestionDraft] = [.init(topicCode: roads)]
    ) -> AppealDraft {
        AppealDraft(
            type: .complaint, channel: channel, applicants: applicants, receivedOn: receivedOn, forwardedFrom: forwardedFrom,
            questions: questions)
    }

    static func problems(_ draft: AppealDraft) -> [FieldProblem] {
        AppealRules.problems(of: draft, today: today, topic: { classifier[$0] })
    }

    static func fieldsAndCodes(_ draft: AppealDraft) -> [String] {
        problems(draft).map { "\($0.field) \($0.code)" }
    }

    static func appeal(
        applicants: [Applicant] = [ivanov], migration: Bool = false, statuses: [QuestionStatus] = [.notRegistered, .notRegistered]
    ) -> Appeal {
        Appeal(
            documentID: UUID(), type: .statement, channel: .post, applicants: applicants, receivedOn: day("2026-02-27"),
            migrationMatterToHead: migration,
            questions: statuses.enumerated().map { index, status in
                AppealQuestion(id: UUID(), number: index + 1, topicCode: code(roads), status: status)
            })
    }

    func registered(_ appeal: Appeal = AppealRulesTests.appeal(), on date: String = "2026-03-02") -> Appeal {
        AppealRules.registered(appeal, on: day(date), lastDay: .previous, calendar: calendar).appeal
    }

    // MARK: Drafts

    @Test("a valid draft has no problems; the received date may be today")
    func validDraft() {
        #expect(Self.problems(Self.draft()).isEmpty)
        #expect(Self.problems(Self.draft(
            channel: .forwarded, forwardedFrom: ForwardedFrom(bodyName: "Администрация Президента", number: "А26-01-123", date: Self.today),
            questions: [.init(topicCode: " \(Self.roads) ", text: String(repeating: "я", count: AppealRules.maxQuestionText)),
                        .init(topicCode: Self.housing)])).isEmpty)
        #expect(Self.problems(Self.draft(applicants: [])).isEmpty)  // an anonymous appeal is registered too
    }

    @Test("no questions, or more than 20")
    func questionCount() {
        #expect(Self.fieldsAndCodes(Self.draft(questions: [])) == ["questions required"])
        #expect(Self.problems(Self.draft(questions: []))[0].message
            == "Укажите хотя бы один вопрос обращения с кодом тематического классификатора.")
        let twenty = Array(repeating: AppealDraft.QuestionDraft(topicCode: Self.roads), count: 20)
        #expect(Self.problems(Self.draft(questions: twenty)).isEmpty)
        #expect(Self.fieldsAndCodes(Self.draft(questions: twenty + [.init(topicCode: Self.roads)])) == ["questions too_many"])
        #expect(Self.problems(Self.draft(questions: twenty + [.init(topicCode: Self.roads)]))[0].message == "В обращении не более 20 вопросов.")
    }

    @Test("topic codes: malformed, not a question, unknown, obsolete — each with its question's number")
    func topicCodes() {
        let draft = Self.draft(questions: [
            .init(topicCode: Self.roads), .init(topicCode: "3.9.99.742"), .init(topicCode: "0003.0009.0099"),
            .init(topicCode: "0003.0009.0099.0999"), .init(topicCode: Self.obsolete), .init(topicCode: "0003.0009.0099.0742.0001"),
            .init(topicCode: ""), .init(topicCode: "0003"),
        ])
        let problems = Self.problems(draft)
        #expect(problems.map { "\($0.field) \($0.code)" } == [
            "questions[1].topicCode topic_malformed", "questions[2].topicCode topic_not_question",
            "questions[3].topicCode topic_unknown", "questions[4].topicCode topic_obsolete",
            "questions[5].topicCode topic_malformed", "questions[6].topicCode topic_malformed",
            "questions[7].topicCode topic_not_question",
        ])
        #expect(problems[0].message == "Вопрос 2: «3.9.99.742» — не код классификатора; нужен код вида 0003.0009.0099.0742.")
        #expect(problems[1].message
            == "Вопрос 3: код 0003.0009.0099 — раздел, тематика или тема; укажите вопрос (четвёртый уровень классификатора).")
        #expect(problems[2].message == "Вопрос 4: кода 0003.0009.0099.0999 нет в тематическом классификаторе.")
        #expect(problems[3].message
            == "Вопрос 5: код 0001.0002.0027.0122 «Неполучение ответа на обращение» исключён из классификатора; выберите действующий.")
    }

    @Test("texts longer than allowed, each named by its field")
    func tooLong() {
        let long = String(repeating: "ж", count: AppealRules.maxNameLength + 1)
        let draft = Self.draft(
            applicants: [
                Applicant(surname: long, name: long, patronymic: long, postalAddress: String(repeating: "д", count: AppealRules.maxAddressLength + 1),
                          phone: String(repeating: "1", count: 51)),
                Applicant(kind: .organization, organizationName: long, email: String(repeating: "a", count: 196) + "@b.ru"),
            ],
            questions: [.init(topicCode: Self.roads, text: String(repeating: "я", count: AppealRules.maxQuestionText + 1))])
        #expect(Self.fieldsAndCodes(draft) == [
            "questions[0].text too_long",
            "applicants[0].surname too_long", "applicants[0].name too_long", "applicants[0].patronymic too_long",
            "applicants[0].postalAddress too_long", "applicants[0].phone too_long",
            "applicants[1].organizationName too_long", "applicants[1].email too_long",
        ])
        let exact = String(repeating: "ж", count: AppealRules.maxNameLength)
        #expect(Self.problems(Self.draft(applicants: [Applicant(surname: exact, postalAddress: "Ростов")])).isEmpty)
        #expect(Self.problems(Self.draft(applicants: Array(repeating: Self.ivanov, count: AppealRules.maxApplicants))).isEmpty)
        #expect(Self.fieldsAndCodes(Self.draft(applicants: Array(repeating: Self.ivanov, count: AppealRules.maxApplicants + 1)))
            == ["applicants too_many"])
    }

    @Test("e-mail addresses", arguments: [
        ("ivanov@mail.ru", true), (" Ivanov@Mail.RU ", true), ("i.i.ivanov@sub.mail.ru", true), ("", true), ("   ", true),
        ("ivanov@mail", false), ("ivanov.mail.ru", false), ("@mail.ru", false), ("ivanov@@mail.ru", false),
        ("a@b@mail.ru", false), ("ivan ov@mail.ru", false), ("ivanov@.ru", false), ("ivanov@mail.", false),
    ])
    func email(_ email: String, _ valid: Bool) {
        let problems = Self.problems(Self.draft(applicants: [Applicant(surname: "Иванов", email: email)]))
        if valid {
            #expect(problems.isEmpty)
        } else {
            #expect(problems.map { "\($0.field) \($0.code)" } == ["applicants[0].email email_malformed"])
            #expect(problems.first?.message == "«\(email)» — не адрес электронной почты.")
        }
    }

    @Test("an organisation applicant needs its name")
    func organizationName() {
        for name in [nil, "", "   "] as [String?] {
            let problems = Self.problems(Self.draft(applicants: [
                Self.ivanov, Applicant(kind: .organization, surname: "Петров", organizationName: name, postalAddress: "Ростов"),
            ]))
            #expect(problems.map { "\($0.field) \($0.code)" } == ["applicants[1].organizationName required"])
            #expect(problems.first?.message == "Укажите наименование организации-заявителя.")
        }
        #expect(Self.problems(Self.draft(applicants: [Applicant(kind: .organization, organizationName: "ТСЖ «Луч»")])).isEmpty)
    }

    @Test("the covering letter belongs with the forwarded channel, and only with it")
    func coveringLetter() {
        let letter = ForwardedFrom(bodyName: "Прокуратура области", number: "7-123-2026", date: day("2026-02-27"))
        #expect(Self.fieldsAndCodes(Self.draft(channel: .forwarded)) == ["forwardedFrom required"])
        #expect(Self.problems(Self.draft(channel: .forwarded))[0].message
            == "Для обращения из другого органа укажите орган, номер и дату сопроводительного письма.")
        #expect(Self.problems(Self.draft(channel: .forwarded, forwardedFrom: letter)).isEmpty)
        for channel in AppealChannel.allCases where channel != .forwarded {
            #expect(Self.fieldsAndCodes(Self.draft(channel: channel, forwardedFrom: letter)) == ["forwardedFrom not_forwarded"])
            #expect(Self.problems(Self.draft(channel: channel)).isEmpty)
        }
        let blank = ForwardedFrom(bodyName: "  ", number: "", date: day("2026-03-03"))
        #expect(Self.fieldsAndCodes(Self.draft(channel: .forwarded, forwardedFrom: blank)) == [
            "forwardedFrom.bodyName required", "forwardedFrom.number required", "forwardedFrom.date in_future",
        ])
        let long = ForwardedFrom(bodyName: String(repeating: "о", count: 201), number: String(repeating: "1", count: 101), date: Self.today)
        #expect(Self.fieldsAndCodes(Self.draft(channel: .forwarded, forwardedFrom: long)) == [
            "forwardedFrom.bodyName too_long", "forwardedFrom.number too_long",
        ])
    }

    @Test("the received date cannot be in the future")
    func receivedInFuture() {
        let problems = Self.problems(Self.draft(receivedOn: day("2026-03-03")))
        #expect(problems.map { "\($0.field) \($0.code)" } == ["receivedOn in_future"])
        #expect(problems.first?.message == "Дата поступления 03.03.2026 ещё не наступила.")
        #expect(Self.problems(Self.draft(receivedOn: day("2025-12-31"))).isEmpty)
    }

    @Test("every problem of a draft at once, in field order")
    func everything() {
        let draft = Self.draft(
            channel: .site, applicants: [Applicant(kind: .organization, email: "nobody")], receivedOn: day("2026-04-01"),
            forwardedFrom: ForwardedFrom(bodyName: "Минтранс", number: "1", date: Self.today),
            questions: [.init(topicCode: "дороги")])
        #expect(Self.fieldsAndCodes(draft) == [
            "receivedOn in_future", "questions[0].topicCode topic_malformed", "applicants[0].organizationName required",
            "applicants[0].email email_malformed", "forwardedFrom not_forwarded",
        ])
    }

    @Test("the draft opens an appeal: questions numbered, not registered, applicants and texts cleaned")
    func draftToAppeal() {
        let id = UUID()
        var ids = [UUID(), UUID()]
        let draft = AppealDraft(
            type: .proposal, channel: .gosuslugi,
            applicants: [Applicant(surname: " Иванов ", name: "", email: " Ivanov@Mail.RU ", phone: "  ")],
            receivedOn: Self.today, migrationMatterToHead: true,
            questions: [.init(topicCode: Self.roads, text: "  Ямы  "), .init(topicCode: " \(Self.housing)", text: "   ")])
        let expectedIDs = ids
        let appeal = draft.appeal(documentID: id, questionIDs: { ids.removeFirst() }, trackingCode: "K7-42")
        #expect(appeal.documentID == id && appeal.type == .proposal && appeal.channel == .gosuslugi)
        #expect(appeal.migrationMatterToHead && appeal.trackingCode == "K7-42" && appeal.term == nil && appeal.version == 1)
        #expect(appeal.applicants == [Applicant(surname: "Иванов", email: "ivanov@mail.ru")])
        #expect(appeal.questions.map(\.id) == expectedIDs)
        #expect(appeal.questions.map(\.number) == [1, 2])
        #expect(appeal.questions.map(\.topicCode) == [code(Self.roads), code(Self.housing)])
        #expect(appeal.questions.map(\.text) == ["Ямы", nil])
        #expect(appeal.questions.allSatisfy { $0.status == .notRegistered && !$0.measuresTaken && $0.resolvedOn == nil })
    }

    // MARK: Registration

    @Test("registration starts the term: 30 days, questions in work")
    func registration() {
        let (appeal, deadline) = AppealRules.registered(Self.appeal(), on: day("2026-03-02"), lastDay: .previous, calendar: calendar)
        #expect(appeal.term == AppealTerm(registeredOn: day("2026-03-02"), initialDeadline: day("2026-04-01")))
        #expect(appeal.term?.currentDeadline == day("2026-04-01"))
        #expect(deadline.date == day("2026-04-01"))
        #expect(deadline.explanation.contains("ст. 12 ч. 1 59-ФЗ"))
        #expect(appeal.questions.map(\.status) == [.inWork, .inWork])
        #expect(AppealRules.standing(of: appeal, today: day("2026-03-02")) == .inWork)
    }

    @Test("a migration matter to the head of the region: 20 days, moved by the region's rule")
    func migrationRegistration() {
        let previous = AppealRules.registered(Self.appeal(migration: true), on: day("2026-03-02"), lastDay: .previous, calendar: calendar)
        #expect(previous.appeal.term?.initialDeadline == day("2026-03-20"))
        #expect(previous.deadline.nominalDate == day("2026-03-22"))
        #expect(previous.deadline.explanation.contains("ст. 12 ч. 1.1 59-ФЗ"))
        let next = AppealRules.registered(Self.appeal(migration: true), on: day("2026-03-02"), lastDay: .next, calendar: calendar)
        #expect(next.appeal.term?.initialDeadline == day("2026-03-23"))
    }

    @Test("registration moves only unregistered questions to work")
    func registrationKeepsResults() {
        let appeal = registered(Self.appeal(statuses: [.notRegistered, .transferred]))
        #expect(appeal.questions.map(\.status) == [.inWork, .transferred])
    }

    // MARK: Results

    @Test("each result an executor records", arguments: QuestionStatus.results)
    func recordResult(_ result: QuestionStatus) throws {
        let appeal = registered()
        let question = appeal.questions[1]
        let next = try AppealRules.recording(result, measuresTaken: false, questionID: question.id, in: appeal, on: day("2026-03-20")).get()
        #expect(next.questions[1].status == result)
        #expect(next.questions[1].resolvedOn == day("2026-03-20"))
        #expect(next.questions[1].measuresTaken == false)
        #expect(next.questions[0] == appeal.questions[0])
        #expect(!next.isClosed)
    }

    @Test("the results are exactly the five of ССТУ an executor gives")
    func results() {
        #expect(QuestionStatus.results == [.explained, .supported, .notSupported, .answered, .leftWithoutAnswer])
        #expect(QuestionStatus.allCases.filter(\.isFinal) == [.explained, .supported, .notSupported, .transferred, .answered, .leftWithoutAnswer])
    }

    @Test("«меры приняты» with «Поддержано» only")
    func measuresTaken() throws {
        let appeal = registered()
        let id = appeal.questions[0].id
        let supported = try AppealRules.recording(.supported, measuresTaken: true, questionID: id, in: appeal, on: day("2026-03-20")).get()
        #expect(supported.questions[0].status == .supported && supported.questions[0].measuresTaken)
        for result in QuestionStatus.results where result != .supported {
            let failure = AppealRules.recording(result, measuresTaken: true, questionID: id, in: appeal, on: day("2026-03-20")).failure
            #expect(failure?.code == "measures_only_when_supported")
            #expect(failure?.kind == .unprocessable)
        }
    }

    @Test("non-results, resolved questions, unknown questions and unregistered appeals are refused")
    func recordRefusals() throws {
        let appeal = registered()
        let id = appeal.questions[0].id
        for status in [QuestionStatus.notRegistered, .inWork, .extended, .transferred] {
            let failure = AppealRules.recording(status, measuresTaken: false, questionID: id, in: appeal, on: day("2026-03-20")).failure
            #expect(failure?.code == "not_a_result")
            #expect(failure?.detail.hasPrefix("«\(status.russianName)» не вносится как результат; возможны: «Рассмотрено. Разъяснено»") == true)
        }
        let explained = try AppealRules.recording(.explained, measuresTaken: false, questionID: id, in: appeal, on: day("2026-03-20")).get()
        let again = AppealRules.recording(.supported, measuresTaken: false, questionID: id, in: explained, on: day("2026-03-21")).failure
        #expect(again?.code == "question_already_resolved")
        #expect(again?.detail == "По вопросу 1 уже внесён результат «Рассмотрено. Разъяснено».")
        #expect(AppealRules.recording(.explained, measuresTaken: false, questionID: UUID(), in: appeal, on: day("2026-03-20")).failure?.code
            == "appeal_question_not_found")
        #expect(AppealRules.recording(.explained, measuresTaken: false, questionID: id, in: Self.appeal(), on: day("2026-03-20")).failure?.code
            == "appeal_not_registered")
    }

    // MARK: Extension

    @Test("the one extension: a numbered row with the previous and new deadline; the initial deadline is kept")
    func extensionRow() throws {
        let decider = UUID()
        var appeal = registered(Self.appeal(statuses: [.notRegistered, .notRegistered, .notRegistered]))
        appeal = try AppealRules.recording(.explained, measuresTaken: false, questionID: appeal.questions[2].id, in: appeal, on: day("2026-03-10")).get()
        let (next, deadline) = try AppealRules.extending(
            appeal, days: 30, reason: "  Направлен запрос в Минтранс  ", decidedBy: decider, today: day("2026-03-20"),
            lastDay: .previous, calendar: calendar).get()
        #expect(deadline.date == day("2026-04-30"))
        #expect(next.term?.initialDeadline == day("2026-04-01"))
        #expect(next.term?.currentDeadline == day("2026-04-30"))
        #expect(next.term?.extensions == [
            AppealExtension(
                number: 1, reason: "Направлен запрос в Минтранс", days: 30, previousDeadline: day("2026-04-01"),
                newDeadline: day("2026-04-30"), decidedByEmployeeID: decider, decidedOn: day("2026-03-20"), noticeDocumentID: nil),
        ])
        #expect(next.questions.map(\.status) == [.extended, .extended, .explained])
        #expect(AppealRules.standing(of: next, today: day("2026-04-20")) == .extended)

        let twice = AppealRules.extending(
            next, days: 5, reason: "Ещё", decidedBy: decider, today: day("2026-04-20"), lastDay: .previous, calendar: calendar).failure
        #expect(twice?.code == "already_extended")
        #expect(twice?.detail
            == "Срок рассмотрения продлевается только один раз (ст. 12 ч. 2 59-ФЗ); он уже продлён 20.03.2026 до 30.04.2026.")
    }

    @Test("extension days: 1 to 30", arguments: [(0, false), (-1, false), (31, false), (1, true), (30, true), (15, true)])
    func extensionDays(_ days: Int, _ allowed: Bool) {
        let result = AppealRules.extending(
            registered(), days: days, reason: "Исключительный случай", decidedBy: UUID(), today: day("2026-03-20"),
            lastDay: .previous, calendar: calendar)
        if allowed {
            let row = try? result.get().appeal.term?.extensions.first
            #expect(row?.days == days)
            #expect(row?.previousDeadline == day("2026-04-01"))
            #expect(row.map { day("2026-04-01").days(until: $0.newDeadline) <= days } == true)
        } else {
            #expect(result.failure?.code == "extension_days")
            #expect(result.failure?.fieldProblems.map(\.field) == ["days"])
            #expect(result.failure?.detail.hasSuffix("указано \(days).") == true)
        }
    }

    @Test("an extension needs a reason of at most 2,000 characters")
    func extensionReason() {
        func extend(_ reason: String?) -> Result<(appeal: Appeal, deadline: ComputedDeadline), OborotError> {
            AppealRules.extending(
                registered(), days: 10, reason: reason, decidedBy: UUID(), today: day("2026-03-20"), lastDay: .previous, calendar: calendar)
        }
        #expect(extend(nil).failure?.code == "extension_reason_required")
        #expect(extend(" \n ").failure?.code == "extension_reason_required")
        #expect(extend(nil).failure?.fieldProblems.map(\.field) == ["reason"])
        #expect(extend(String(repeating: "п", count: AppealRules.maxReasonLength + 1)).failure?.code == "reason_too_long")
        #expect((try? extend(String(repeating: "п", count: AppealRules.maxReasonLength)).get())?.deadline.date == day("2026-04-10"))
    }

    @Test("no extension after the deadline, before registration, or of a closed appeal")
    func extensionRefusals() throws {
        let appeal = registered()
        func extend(_ appeal: Appeal, today: String) -> Result<(appeal: Appeal, deadline: ComputedDeadline), OborotError> {
            AppealRules.extending(
                appeal, days: 10, reason: "Запрос", decidedBy: UUID(), today: day(today), lastDay: .previous, calendar: calendar)
        }
        #expect(extend(appeal, today: "2026-04-02").failure?.code == "term_expired")
        #expect(extend(appeal, today: "2026-04-02").failure?.detail == "Продлить можно только до истечения срока; срок истёк 01.04.2026.")
        #expect((try? extend(appeal, today: "2026-04-01").get())?.deadline.date == day("2026-04-10"))  // on the last day itself
        #expect(extend(Self.appeal(), today: "2026-03-20").failure?.code == "appeal_not_registered")
        var closed = appeal
        for question in appeal.questions {
            closed = try AppealRules.recording(.answered, measuresTaken: false, questionID: question.id, in: closed, on: day("2026-03-10")).get()
        }
        #expect(extend(closed, today: "2026-03-20").failure?.code == "appeal_closed")
    }

    // MARK: Forwarding

    static let ministry = Forwarding(bodyName: "Министерство транспорта области", organizationID: UUID(), documentID: UUID(), forwardedOn: day("2026-03-05"))

    @Test("forwarding takes every open question when none is chosen")
    func forwardAllOpen() throws {
        var appeal = registered(Self.appeal(statuses: [.notRegistered, .notRegistered, .notRegistered]))
        appeal = try AppealRules.recording(.explained, measuresTaken: false, questionID: appeal.questions[1].id, in: appeal, on: day("2026-03-04")).get()
        let next = try AppealRules.forwarding(appeal, questionIDs: [], to: Self.ministry).get()
        #expect(next.questions.map(\.status) == [.transferred, .explained, .transferred])
        #expect(next.questions.map(\.forwardedTo) == [Self.ministry, nil, Self.ministry])
        #expect(next.questions.map(\.resolvedOn) == [day("2026-03-05"), day("2026-03-04"), day("2026-03-05")])
        #expect(next.isClosed)
    }

    @Test("forwarding the chosen questions only")
    func forwardChosen() throws {
        let appeal = registered()
        let next = try AppealRules.forwarding(appeal, questionIDs: [appeal.questions[1].id], to: Self.ministry).get()
        #expect(next.questions.map(\.status) == [.inWork, .transferred])
        #expect(next.questions[0] == appeal.questions[0])
        #expect(next.questions[1].forwardedTo == Self.ministry)
        #expect(!next.isClosed)
    }

    @Test("forwarding refuses unknown and resolved questions, closed and unregistered appeals")
    func forwardRefusals() throws {
        let appeal = registered()
        #expect(AppealRules.forwarding(appeal, questionIDs: [UUID()], to: Self.ministry).failure?.code == "appeal_question_not_found")
        #expect(AppealRules.forwarding(appeal, questionIDs: [appeal.questions[0].id, UUID()], to: Self.ministry).failure?.code
            == "appeal_question_not_found")
        let resolved = try AppealRules.recording(.explained, measuresTaken: false, questionID: appeal.questions[0].id, in: appeal, on: day("2026-03-04")).get()
        let failure = AppealRules.forwarding(resolved, questionIDs: [resolved.questions[0].id], to: Self.ministry).failure
        #expect(failure?.code == "question_already_resolved")
        #expect(failure?.detail == "По вопросу 1 уже внесён результат «Рассмотрено. Разъяснено».")
        let all = try AppealRules.forwarding(appeal, questionIDs: [], to: Self.ministry).get()
        #expect(AppealRules.forwarding(all, questionIDs: [], to: Self.ministry).failure?.code == "appeal_closed")
        #expect(AppealRules.forwarding(Self.appeal(), questionIDs: [], to: Self.ministry).failure?.code == "appeal_not_registered")
    }

    // MARK: Special cases

    @Test("each special case closes every open question with its status", arguments: [
        (AppealSpecialCase.anonymous, QuestionStatus.leftWithoutAnswer), (.courtDecision, .answered), (.obscene, .leftWithoutAnswer),
        (.unreadable, .leftWithoutAnswer), (.alreadyPublished, .answered), (.correspondenceTerminated, .leftWithoutAnswer),
        (.complaintAgainstAddressee, .answered),
    ])
    func specialCase(_ specialCase: AppealSpecialCase, _ status: QuestionStatus) throws {
        #expect(specialCase.questionStatus == status)
        let applicants = specialCase == .anonymous ? [Applicant(name: "Иван", postalAddress: "Ростов")] : [Self.ivanov]
        var appeal = registered(Self.appeal(applicants: applicants, statuses: [.notRegistered, .notRegistered]))
        appeal = try AppealRules.recording(.supported, measuresTaken: true, questionID: appeal.questions[1].id, in: appeal, on: day("2026-03-03")).get()
        let detail = specialCase.detailLabel == nil ? nil : "https://minstroy.example.ru/answers/42"
        let next = try AppealRules.closing(appeal, as: specialCase, detail: detail, on: day("2026-03-05")).get()
        #expect(next.specialCase == specialCase)
        #expect(next.questions.map(\.status) == [status, .supported])
        #expect(next.questions.map(\.resolvedOn) == [day("2026-03-05"), day("2026-03-03")])
        #expect(next.questions[1].measuresTaken)
        #expect(next.isClosed)
        #expect(AppealRules.standing(of: next, today: day("2026-03-05")) == .closed)
        #expect(specialCase.requiresNotice == (specialCase != .anonymous))
        #expect(specialCase.noticeText(detail: detail).hasSuffix(" 59-ФЗ)."))
    }

    @Test("the anonymous case only for an anonymous appeal")
    func anonymousOnly() {
        let failure = AppealRules.closing(registered(), as: .anonymous, detail: nil, on: day("2026-03-05")).failure
        #expect(failure?.code == "not_anonymous")
        #expect(failure?.kind == .conflict)
        #expect((try? AppealRules.closing(registered(Self.appeal(applicants: [])), as: .anonymous, detail: nil, on: day("2026-03-05")).get())?.specialCase
            == .anonymous)
        let noAddress = [Applicant(surname: "Иванов")]
        #expect((try? AppealRules.closing(registered(Self.appeal(applicants: noAddress)), as: .anonymous, detail: nil, on: day("2026-03-05")).get())?
            .questions.map(\.status) == [.leftWithoutAnswer, .leftWithoutAnswer])
    }

    @Test("the link to the published answer and the head's decision are required", arguments: [
        (AppealSpecialCase.alreadyPublished, "ссылка на опубликованный ответ"),
        (.correspondenceTerminated, "решение руководителя (номер и дата)"),
    ])
    func detailRequired(_ specialCase: AppealSpecialCase, _ label: String) {
        for detail in [nil, "", "  \n"] as [String?] {
            let failure = AppealRules.closing(registered(), as: specialCase, detail: detail, on: day("2026-03-05")).failure
            #expect(failure?.code == "detail_required")
            #expect(failure?.detail == "Укажите: \(label).")
            #expect(failure?.fieldProblems.map(\.field) == ["detail"])
        }
        let long = AppealRules.closing(
            registered(), as: specialCase, detail: String(repeating: "р", count: AppealRules.maxReasonLength + 1), on: day("2026-03-05")).failure
        #expect(long?.code == "detail_too_long")
        #expect(long?.fieldProblems.map(\.field) == ["detail"])
    }

    @Test("the other cases need no detail")
    func detailNotRequired() {
        for specialCase in AppealSpecialCase.allCases where specialCase != .anonymous {
            let result = AppealRules.closing(registered(), as: specialCase, detail: nil, on: day("2026-03-05"))
            #expect((result.failure == nil) == (specialCase.detailLabel == nil), "\(specialCase)")
        }
    }

    @Test("a closed or unregistered appeal cannot be closed again")
    func closingRefusals() throws {
        let closed = try AppealRules.closing(registered(), as: .obscene, detail: nil, on: day("2026-03-05")).get()
        #expect(AppealRules.closing(closed, as: .courtDecision, detail: nil, on: day("2026-03-06")).failure?.code == "appeal_closed")
        #expect(AppealRules.closing(Self.appeal(), as: .courtDecision, detail: nil, on: day("2026-03-06")).failure?.code == "appeal_not_registered")
    }

    @Test("notice texts carry the link or the decision")
    func noticeTexts() {
        #expect(AppealSpecialCase.alreadyPublished.noticeText(detail: "https://example.ru/a/1")
            == "Ответ на вопрос, поставленный в обращении, размещён на официальном сайте: https://example.ru/a/1 (ст. 11 ч. 5.1 59-ФЗ).")
        #expect(AppealSpecialCase.correspondenceTerminated.noticeText(detail: "решение от 01.03.2026 № 5").contains(
            "прекращении переписки (решение от 01.03.2026 № 5) (ст. 11 ч. 5 59-ФЗ)."))
        #expect(AppealSpecialCase.correspondenceTerminated.noticeText(detail: nil).contains("прекращении переписки (ст. 11 ч. 5 59-ФЗ)."))
        #expect(Set(AppealSpecialCase.allCases.map(\.noticeTitle)).count == AppealSpecialCase.allCases.count)
        #expect(Set(AppealSpecialCase.allCases.map(\.russianName)).count == AppealSpecialCase.allCases.count)
    }

    // MARK: Standing

    @Test("where an appeal stands")
    func standing() throws {
        #expect(AppealRules.standing(of: Self.appeal(), today: day("2026-03-02")) == .notRegistered)
        let appeal = registered()  // deadline 01.04.2026
        #expect(AppealRules.standing(of: appeal, today: day("2026-04-01")) == .inWork)
        #expect(AppealRules.standing(of: appeal, today: day("2026-04-02")) == .overdue)
        let extended = try AppealRules.extending(
            appeal, days: 10, reason: "Запрос", decidedBy: UUID(), today: day("2026-03-30"), lastDay: .previous, calendar: calendar).get().appeal
        #expect(AppealRules.standing(of: extended, today: day("2026-04-02")) == .extended)
        #expect(AppealRules.standing(of: extended, today: day("2026-04-11")) == .overdue)

        func closed(_ appeal: Appeal, on dates: [String]) throws -> Appeal {
            var next = appeal
            for (question, date) in zip(appeal.questions, dates) {
                next = try AppealRules.recording(.explained, measuresTaken: false, questionID: question.id, in: next, on: day(date)).get()
            }
            return next
        }
        // On time: the last answer on the deadline itself; late: one question the day after.
        #expect(AppealRules.standing(of: try closed(appeal, on: ["2026-03-10", "2026-04-01"]), today: day("2026-05-01")) == .closed)
        #expect(AppealRules.standing(of: try closed(appeal, on: ["2026-03-10", "2026-04-02"]), today: day("2026-05-01")) == .closedLate)
        // Late against the initial deadline but within the extended one.
        #expect(AppealRules.standing(of: try closed(extended, on: ["2026-04-05", "2026-04-10"]), today: day("2026-05-01")) == .closed)
        #expect(AppealRules.standing(of: try closed(appeal, on: ["2026-03-10"]), today: day("2026-04-02")) == .overdue)
        #expect(AppealStanding.closedLate.russianName == "Рассмотрено с нарушением срока")
        #expect(Set(AppealStanding.allCases.map(\.russianName)).count == AppealStanding.allCases.count)
    }

    // MARK: Applicants

    @Test("anonymous: no surname (no organisation name), or no address and no e-mail", arguments: [
        (Applicant(surname: "Иванов", postalAddress: "Ростов"), false),
        (Applicant(surname: "Иванов", email: "ivanov@mail.ru"), false),
        (Applicant(surname: "Иванов"), true),
        (Applicant(surname: "Иванов", postalAddress: "  ", email: ""), true),
        (Applicant(name: "Иван", patronymic: "Иванович", postalAddress: "Ростов", email: "ivanov@mail.ru"), true),
        (Applicant(surname: "   ", name: "Иван", postalAddress: "Ростов"), true),
        (Applicant(surname: "Иванов", phone: "+7 863 240-12-34"), true),  // a phone is not an address for the answer
        (Applicant(kind: .organization, organizationName: "ТСЖ «Луч»", postalAddress: "Ростов"), false),
        (Applicant(kind: .organization, organizationName: "ТСЖ «Луч»", email: "luch@mail.ru"), false),
        (Applicant(kind: .organization, organizationName: "ТСЖ «Луч»"), true),
        (Applicant(kind: .organization, surname: "Иванов", postalAddress: "Ростов"), true),
        (Applicant(kind: .organization, organizationName: " ", postalAddress: "Ростов"), true),
    ])
    func anonymousApplicant(_ applicant: Applicant, _ anonymous: Bool) {
        #expect(applicant.isAnonymous == anonymous)
    }

    @Test("an appeal is anonymous when every applicant is; collective when flagged or signed by several")
    func anonymousAppeal() {
        let nameless = Applicant(name: "Иван", postalAddress: "Ростов")
        #expect(Self.appeal(applicants: []).isAnonymous)
        #expect(Self.appeal(applicants: [nameless]).isAnonymous)
        #expect(!Self.appeal(applicants: [nameless, Self.ivanov]).isAnonymous)
        #expect(!Self.appeal(applicants: [Self.ivanov]).isCollective)
        #expect(Self.appeal(applicants: [nameless, Self.ivanov]).isCollective)
        var flagged = Self.appeal(applicants: [Applicant(kind: .organization, organizationName: "ТСЖ «Луч»", postalAddress: "Ростов")])
        flagged.collective = true
        #expect(flagged.isCollective)
        #expect(Self.ivanov.displayName == "Иванов Иван Иванович")
        #expect(Applicant(surname: " Иванов ", name: "", patronymic: nil).displayName == "Иванов")
        #expect(Applicant(kind: .organization, surname: "Иванов", organizationName: " ТСЖ «Луч» ").displayName == "ТСЖ «Луч»")
        #expect(Applicant(postalAddress: "Ростов").displayName == "")
    }
}
