import Foundation
import OborotDomain
import Testing

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
private func code(_ text: String) -> TopicCode { TopicCode(text)! }

@Suite("Обращения граждан: отчёт, выгрузка в ССТУ, персональные данные")
struct AppealReportTests {
    static let ivanov = Applicant(
        surname: "Иванов", name: "Иван", patronymic: "Иванович", postalAddress: "г. Ростов-на-Дону, ул. Ленина, д. 5",
        phone: "+7 (863) 240-12-34")
    static let petrova = Applicant(surname: "Петрова", name: "Анна", email: "petrova@mail.ru")

    static func question(_ topic: String, _ status: QuestionStatus, measures: Bool = false, resolvedOn: String? = nil,
                         forwardedTo: Forwarding? = nil) -> AppealQuestion {
        AppealQuestion(
            id: UUID(), number: 1, topicCode: code(topic), status: status, measuresTaken: measures, resolvedOn: resolvedOn.map(day),
            forwardedTo: forwardedTo)
    }

    static func appeal(
        _ channel: AppealChannel, _ type: AppealType, applicants: [Applicant] = [ivanov], collective: Bool = false,
        forwardedFrom: ForwardedFrom? = nil, repeated: Bool = false, onSite: Bool = false, _ questions: [AppealQuestion]
    ) -> Appeal {
        Appeal(
            documentID: UUID(), type: type, channel: channel, applicants: applicants, collective: collective,
            receivedOn: day("2026-03-02"), forwardedFrom: forwardedFrom, repeatedOfDocumentID: repeated ? UUID() : nil,
            consideredOnSite: onSite,
            questions: questions.enumerated().map { index, question in
                var numbered = question
                numbered.number = index + 1
                return numbered
            })
    }

    static let roads = "0003.0009.0099.0742"
    static let roadSigns = "0003.0009.0099.0743"
    static let internet = "0003.0009.0100.0751"
    static let housing = "0005.0005.0056.1154"
    static let kindergarten = "0002.0003.0031.0185"
    static let noAnswer = "0001.0002.0027.0122"

    /// Six appeals, nine questions, every result once or more.
    static let facts: [AppealStatistics.Facts] = [
        .init(
            appeal: appeal(.post, .complaint, repeated: true, onSite: true, [
                question(roads, .supported, measures: true), question(roadSigns, .explained),
            ]),
            onControl: true, territory: "Ростов-на-Дону", standing: .closed),
        .init(
            appeal: appeal(.gosuslugi, .statement, applicants: [ivanov, petrova], onSite: true, [
                question(housing, .notSupported), question(kindergarten, .inWork),
            ]),
            onControl: false, territory: "Аксайский район", standing: .inWork),
        .init(
            appeal: appeal(.personalReception, .proposal, collective: true, [question(noAnswer, .answered)]),
            onControl: true, territory: "Ростов-на-Дону", standing: .closedLate),
        .init(
            appeal: appeal(.forwarded, .complaint, applicants: [],
                           forwardedFrom: ForwardedFrom(bodyName: "Прокуратура области", number: "7-1", date: day("2026-02-27")),
                           [question(roads, .leftWithoutAnswer)]),
            onControl: false, territory: "Батайск", standing: .closed),
        .init(
            appeal: appeal(.site, .statement, onSite: true, [question(roads, .transferred), question(internet, .supported)]),
            onControl: false, territory: "Батайск", standing: .closed),
        .init(
            appeal: appeal(.medo, .statement, [question(housing, .extended)]),
            onControl: false, territory: "Азов", standing: .extended),
    ]

    static let names: [String: String] = [
        "0001": "Государство, общество, политика", "0002": "Социальная сфера", "0003": "Экономика",
        "0003.0009.0099": "Транспорт", "0001.0002.0027": "Обращения, заявления и жалобы граждан",
    ]

    static var report: AppealReport { AppealStatistics.report(facts, topicName: { names[$0.description] }) }

    static func pairs(_ counts: [AppealReport.Count]) -> [String] { counts.map { "\($0.label): \($0.value)" } }

    // MARK: Statistics

    @Test("totals: appeals, questions, repeated, collective, on control")
    func totals() {
        let report = Self.report
        #expect(report.appeals == 6)
        #expect(report.questions == 9)
        #expect(report.repeated == 1)
        #expect(report.collective == 2)  // two signers, or flagged
        #expect(report.onControl == 2)
    }

    @Test("forms, channels and types, every one listed even at zero")
    func breakdowns() {
        let report = Self.report
        #expect(Self.pairs(report.byForm) == [
            "Письменное: 3", "В форме электронного документа: 2", "Устное (в т. ч. личный приём): 1",
        ])
        #expect(Self.pairs(report.byChannel) == [
            "Почта: 1", "Личный приём: 1", "Официальный сайт: 1", "Госуслуги: 1", "МЭДО: 1", "Контакт-центр: 0",
            "Из другого органа: 1",
        ])
        #expect(Self.pairs(report.byType) == ["Заявление: 3", "Предложение: 1", "Жалоба: 2"])
    }

    @Test("results per question, with «в т. ч. меры приняты», on-site, late and in work")
    func results() {
        #expect(Self.pairs(Self.report.results) == [
            "Разъяснено: 1", "Поддержано: 2", "в т. ч. меры приняты: 1", "Не поддержано: 1", "Дан ответ автору: 1",
            "Оставлено без ответа автору: 1", "Направлено по компетенции: 1",
            "Рассмотрено с выездом на место: 4",  // answered questions of on-site appeals: not the one in work, not the one forwarded
            "Рассмотрено с нарушением срока: 1", "На рассмотрении: 2",
        ])
    }

    @Test("classifier sections and topics (third level) in code order, territories by count then name")
    func classifierAndTerritories() {
        let report = Self.report
        #expect(Self.pairs(report.bySection) == [
            "0001 Государство, общество, политика: 1", "0002 Социальная сфера: 1", "0003 Экономика: 5", "0005: 2",
        ])
        #expect(Self.pairs(report.byTopic) == [
            "0001.0002.0027 Обращения, заявления и жалобы граждан: 1", "0002.0003.0031: 1", "0003.0009.0099 Транспорт: 4",
            "0003.0009.0100: 1", "0005.0005.0056: 2",
        ])
        #expect(Self.pairs(report.byTerritory) == ["Батайск: 2", "Ростов-на-Дону: 2", "Азов: 1", "Аксайский район: 1"])
    }

    @Test("an empty period: zeros, every form, channel, type and result still listed")
    func empty() {
        let report = AppealStatistics.report([], topicName: { _ in nil })
        #expect(report.appeals == 0 && report.questions == 0 && report.repeated == 0 && report.collective == 0 && report.onControl == 0)
        #expect(report.byForm.count == 3 && report.byChannel.count == 7 && report.byType.count == 3 && report.results.count == 10)
        #expect((report.byForm + report.byChannel + report.byType + report.results).allSatisfy { $0.value == 0 })
        #expect(report.bySection.isEmpty && report.byTopic.isEmpty && report.byTerritory.isEmpty)
        // The personal-reception lines follow, zero too: four totals and the five outcomes (no official yet).
        #expect(report.rows.count == 5 + 3 + 7 + 3 + 10 + 4 + ReceptionOutcome.allCases.count)
        #expect(report.rows.suffix(9).allSatisfy { $0.value == 0 && ($0.group == "Личный приём" || $0.group == "Результат личного приёма") })
    }

    @Test("rows: totals first, then each group in screen order")
    func rows() {
        let rows = Self.report.rows
        #expect(rows.count == 5 + 3 + 7 + 3 + 10 + 4 + 5 + 4 + 4 + ReceptionOutcome.allCases.count)
        #expect(rows.prefix(5).map { "\($0.group) | \($0.label) | \($0.value)" } == [
            "Итого | Поступило обращений | 6", "Итого | Содержится вопросов | 9", "Итого | Повторных | 1",
            "Итого | Коллективных | 2", "Итого | Взято на контроль | 2",
        ])
        var groups: [String] = []
        for row in rows where groups.last != row.group { groups.append(row.group) }
        #expect(groups == [
            "Итого", "Форма", "Источник", "Вид", "Результаты по вопросам", "Раздел классификатора", "Тема", "Территория (орган)",
            "Личный приём", "Результат личного приёма",
        ])
        #expect(rows.filter { $0.group == "Результаты по вопросам" }.map(\.label) == Self.report.results.map(\.label))
        #expect(rows.last { $0.group == "Территория (орган)" }.map { "\($0.group) | \($0.label) | \($0.value)" } == "Территория (орган) | Аксайский район | 1")
    }

    // MARK: ССТУ

    static let department = SSTUExport.Department(id: UUID(), name: "Правительство Ростовской области")

    @Test("a direct paper appeal answered: processing with the answer date and file, no forwarding")
    func sstuDirectAnswered() throws {
        let appeal = Self.appeal(.post, .complaint, [
            Self.question(Self.roads, .supported, measures: true, resolvedOn: "2026-03-18"),
            Self.question(Self.kindergarten, .inWork),
        ])
        let export = SSTUExport.make(department: Self.department, year: 2026, month: 3, sources: [
            SSTUExport.Source(appeal: appeal, number: "125-ОГ", registeredOn: day("2026-03-02"), answerDate: day("2026-03-20"), answerFile: "otvet-125.pdf"),
        ])
        #expect(export.department == Self.department)
        #expect(export.period == "2026-03")
        let request = try #require(export.requests.first)
        #expect(request.isDirect)
        #expect(request.format == "other")
        #expect(request.number == "125-ОГ")
        #expect(request.createDate == "2026-03-02")
        #expect(request.name == "Иванов Иван Иванович")
        #expect(request.address == "г. Ростов-на-Дону, ул. Ленина, д. 5")
        #expect(request.email == nil)
        #expect(request.forwardedFrom == nil)
        #expect(request.questions.map(\.code) == [Self.roads, Self.kindergarten])
        #expect(request.questions.map(\.status) == ["supported", "inWork"])
        let answered = request.questions[0].processing
        #expect(answered.status == "supported" && answered.measuresTaken)
        #expect(answered.answerDate == "2026-03-20" && answered.answerFile == "otvet-125.pdf")
        #expect(answered.forwardedTo == nil && answered.forwardedNumber == nil && answered.forwardedAt == nil)
        let open = request.questions[1].processing
        #expect(open.status == "inWork" && !open.measuresTaken && open.answerDate == nil && open.answerFile == nil)
    }

    @Test("an electronic appeal with one question transferred: the forwarding fields, no answer for it")
    func sstuTransferred() throws {
        let ministry = Forwarding(bodyName: "Министерство транспорта Ростовской области", organizationID: UUID(), documentID: UUID(), forwardedOn: day("2026-03-05"))
        let transferred = Self.question(Self.roads, .transferred, resolvedOn: "2026-03-05", forwardedTo: ministry)
        let appeal = Self.appeal(.gosuslugi, .statement, applicants: [Self.petrova], [
            transferred, Self.question(Self.internet, .explained, resolvedOn: "2026-03-25"),
        ])
        let export = SSTUExport.make(department: Self.department, year: 2026, month: 12, sources: [
            SSTUExport.Source(appeal: appeal, number: "126-ОГ", registeredOn: day("2026-03-03"), forwardedNumbers: [appeal.questions[0].id: "45-исх"]),
        ])
        #expect(export.period == "2026-12")
        let request = try #require(export.requests.first)
        #expect(request.format == "electronic" && request.isDirect)
        #expect(request.name == "Петрова Анна" && request.address == nil && request.email == "petrova@mail.ru")
        let forwarded = request.questions[0].processing
        #expect(forwarded.status == "transferred")
        #expect(forwarded.forwardedTo == "Министерство транспорта Ростовской области")
        #expect(forwarded.forwardedNumber == "45-исх")
        #expect(forwarded.forwardedAt == "2026-03-05")
        #expect(forwarded.answerDate == nil && forwarded.answerFile == nil)
        let explained = request.questions[1].processing
        #expect(explained.answerDate == "2026-03-25")  // no answer letter given: the question's own date
        #expect(explained.forwardedTo == nil && explained.forwardedNumber == nil)
    }

    @Test("format: electronic only for the site and Госуслуги", arguments: AppealChannel.allCases)
    func sstuFormat(_ channel: AppealChannel) {
        let appeal = Self.appeal(channel, .statement, [Self.question(Self.roads, .inWork)])
        let request = SSTUExport.make(department: Self.department, year: 2026, month: 3, sources: [
            SSTUExport.Source(appeal: appeal, number: "1-ОГ", registeredOn: day("2026-03-02")),
        ]).requests[0]
        #expect(request.format == ([.site, .gosuslugi].contains(channel) ? "electronic" : "other"))
    }

    @Test("a forwarded anonymous appeal: not direct, the covering letter, «Аноним»; a surname without an address stays")
    func sstuForwardedAnonymous() {
        let letter = ForwardedFrom(bodyName: "Прокуратура Ростовской области", number: "7-123-2026", date: day("2026-02-27"))
        let sources = [
            SSTUExport.Source(
                appeal: Self.appeal(.forwarded, .complaint, applicants: [], forwardedFrom: letter, [Self.question(Self.roads, .leftWithoutAnswer)]),
                number: "127-ОГ", registeredOn: day("2026-03-04")),
            SSTUExport.Source(
                appeal: Self.appeal(.post, .complaint, applicants: [Applicant(name: "Иван", phone: "123")], [Self.question(Self.roads, .inWork)]),
                number: "128-ОГ", registeredOn: day("2026-03-04")),
            SSTUExport.Source(
                appeal: Self.appeal(.post, .complaint, applicants: [Applicant(surname: "Петров")], [Self.question(Self.roads, .inWork)]),
                number: "129-ОГ", registeredOn: day("2026-03-04")),
        ]
        let requests = SSTUExport.make(department: Self.department, year: 2026, month: 3, sources: sources).requests
        #expect(requests.map(\.number) == ["127-ОГ", "128-ОГ", "129-ОГ"])
        #expect(requests.map(\.isDirect) == [false, true, true])
        #expect(requests[0].forwardedFrom == letter)
        #expect(requests.map(\.name) == ["Аноним", "Иван", "Петров"])
    }

    @Test("the export encodes as JSON with the period YYYY-MM and decodes back")
    func sstuJSON() throws {
        let appeal = Self.appeal(.site, .statement, [Self.question(Self.roads, .answered, resolvedOn: "2026-01-20")])
        let export = SSTUExport.make(department: Self.department, year: 2026, month: 1, sources: [
            SSTUExport.Source(appeal: appeal, number: "5-ОГ", registeredOn: day("2026-01-12")),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(export), as: UTF8.self)
        #expect(json.contains(#""period":"2026-01""#))
        #expect(json.contains(#""createDate":"2026-01-12""#))
        #expect(json.contains(#""code":"0003.0009.0099.0742""#))
        #expect(json.contains(#""answerDate":"2026-01-20""#))
        #expect(json.contains(#""format":"electronic","isDirect":true"#))
        #expect(try JSONDecoder().decode(SSTUExport.self, from: Data(json.utf8)) == export)
    }

    // MARK: Personal data

    @Test("masked personal data: address hidden, e-mail and phone shortened, names kept")
    func masked() {
        let applicant = Applicant(
            surname: "Иванов", name: "Иван", patronymic: "Иванович", postalAddress: "г. Ростов-на-Дону, ул. Ленина, д. 5",
            email: "ivanov@mail.ru", phone: "+7 (863) 240-12-34")
        let masked = PersonalData.masked(applicant)
        #expect(masked == Applicant(
            surname: "Иванов", name: "Иван", patronymic: "Иванович", postalAddress: "скрыт", email: "i***@mail.ru", phone: "*** **-34"))
        #expect(PersonalData.masked(Applicant(surname: "Петров")) == Applicant(surname: "Петров"))  // nothing to hide stays nil
        let organization = Applicant(kind: .organization, organizationName: "ТСЖ «Луч»", postalAddress: "ул. Мира, 1")
        #expect(PersonalData.masked(organization).organizationName == "ТСЖ «Луч»")
        #expect(PersonalData.masked(organization).postalAddress == "скрыт")
    }

    @Test("e-mail and phone masks", arguments: [
        ("ivanov@mail.ru", "i***@mail.ru"), ("a@b.ru", "a***@b.ru"), ("@mail.ru", "***"), ("no-at-sign", "***"), ("", "***"),
    ])
    func emailMask(_ email: String, _ expected: String) {
        #expect(PersonalData.maskedEmail(email) == expected)
    }

    @Test("phone masks keep the last two digits of four or more", arguments: [
        ("+7 (863) 240-12-34", "*** **-34"), ("1234", "*** **-34"), ("123", "***"), ("", "***"), ("8-800-555-35-35", "*** **-35"),
    ])
    func phoneMask(_ phone: String, _ expected: String) {
        #expect(PersonalData.maskedPhone(phone) == expected)
    }
}
