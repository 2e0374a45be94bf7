import Foundation
import OborotDomain
import Testing

private func code(_ text: String) -> TopicCode { TopicCode(text)! }

@Suite("Обращения граждан: повторные обращения")
struct RepeatedAppealsTests {
    static let roads = code("0003.0009.0099.0742")
    static let kindergarten = code("0002.0003.0031.0185")
    static let roadsText = "Прошу отремонтировать дорогу по улице Ленина: на дороге глубокие ямы, машины ломаются."
    static let roadsAgain = "Повторно прошу отремонтировать дорогу на улице Ленина, ямы так и не заделаны."  // 6 of 11 stems shared
    static let kindergartenText = "Прошу выделить место в детском саду для моего сына."
    static let ivanov = Applicant(
        surname: "Семёнов", name: "Пётр", patronymic: "Ильич", postalAddress: "г. Ростов-на-Дону, ул. Ленина, д. 5, кв. 12",
        email: "Semenov@Mail.ru")

    static func earlier(
        _ applicant: Applicant = ivanov, topics: Set<TopicCode> = [roads], text: String = roadsText, id: UUID = UUID()
    ) -> RepeatedAppeals.Earlier {
        RepeatedAppeals.Earlier(documentID: id, applicantKeys: RepeatedAppeals.keys(of: applicant), topicCodes: topics, text: text)
    }

    static func matches(
        _ applicants: [Applicant], topics: Set<TopicCode> = [roads], text: String = roadsAgain, among earlier: [RepeatedAppeals.Earlier]
    ) -> [RepeatedAppeals.Match] {
        RepeatedAppeals.matches(applicants: applicants, topicCodes: topics, text: text, among: earlier)
    }

    @Test("an applicant's keys: the normalised name with the address and with the e-mail")
    func keys() {
        #expect(RepeatedAppeals.keys(of: Self.ivanov) == [
            "семенов петр ильич|ростов на дону ленина 5 12", "семенов петр ильич|semenov@mail.ru",
        ])
        #expect(RepeatedAppeals.keys(of: Applicant(kind: .organization, surname: "Петров", organizationName: "ТСЖ «Луч»", postalAddress: "ул. Мира, 1"))
            == ["тсж луч|мира 1"])
        #expect(RepeatedAppeals.keys(of: Applicant(surname: "Иванов")).isEmpty)  // no address, no e-mail
        #expect(RepeatedAppeals.keys(of: Applicant(name: "Иван", postalAddress: "ул. Мира, 1", email: "i@mail.ru")).isEmpty)  // no surname
        #expect(RepeatedAppeals.keys(of: Applicant(surname: "Иванов", postalAddress: "ул., д.", email: " ")).isEmpty)  // only noise
    }

    @Test("the same person written differently is the same applicant", arguments: [
        // ё and е, case, spaces
        Applicant(surname: "Семенов", name: "Петр", patronymic: "Ильич", postalAddress: "г. Ростов-на-Дону, ул. Ленина, д. 5, кв. 12"),
        Applicant(surname: "  СЕМЁНОВ ", name: "пётр", patronymic: "ильич  ", postalAddress: "Г. РОСТОВ-НА-ДОНУ,  УЛ. ЛЕНИНА, Д. 5, КВ. 12"),
        // «ул.» / «улица», «д.» / «дом», «кв.» / «квартира», no spaces after the dots, another order of the street word
        Applicant(surname: "Семенов", name: "Петр", patronymic: "Ильич", postalAddress: "город Ростов-на-Дону, улица Ленина, дом 5, квартира 12"),
        Applicant(surname: "Семенов", name: "Петр", patronymic: "Ильич", postalAddress: "Ростов-на-Дону, Ленина ул., д.5, кв.12"),
        // the same e-mail, another address
        Applicant(surname: "Семенов", name: "Петр", patronymic: "Ильич", postalAddress: "Аксай, ул. Мира, 1", email: " semenov@mail.RU "),
    ])
    func sameApplicant(_ applicant: Applicant) {
        let earlier = Self.earlier(id: UUID())
        let found = Self.matches([applicant], among: [earlier])
        #expect(found.map(\.documentID) == [earlier.documentID])
        #expect(found.first?.sameTopic == true)
    }

    @Test("«пр-т» / «проспект» and «р-н» / «район» are the same address", arguments: [
        ("пр-т Ворошиловский, д. 12", "проспект Ворошиловский, 12"),
        ("Аксайский р-н, пос. Рассвет", "Аксайский район, пос. Рассвет"),
        ("г. Шахты, пер. Путевой, 3", "Шахты, переулок Путевой, дом 3"),
    ])
    func addressAbbreviations(_ one: String, _ other: String) {
        let earlier = Self.earlier(Applicant(surname: "Иванов", postalAddress: one))
        #expect(Self.matches([Applicant(surname: "Иванов", postalAddress: other)], among: [earlier]).count == 1)
    }

    @Test("another person is another applicant, even at the same address or with the same e-mail")
    func differentPerson() {
        let earlier = Self.earlier()
        let sameAddress = Applicant(surname: "Семенова", name: "Анна", patronymic: "Ильинична", postalAddress: Self.ivanov.postalAddress)
        let sameEmail = Applicant(surname: "Петров", name: "Петр", patronymic: "Ильич", email: Self.ivanov.email)
        let sameNameElsewhere = Applicant(surname: "Семёнов", name: "Пётр", patronymic: "Ильич", postalAddress: "г. Ростов-на-Дону, ул. Ленина, д. 7")
        for applicant in [sameAddress, sameEmail, sameNameElsewhere] {
            #expect(Self.matches([applicant], text: Self.roadsText, among: [earlier]).isEmpty)
        }
    }

    @Test("the same applicant on another topic with an unrelated text is no repeat")
    func unrelated() {
        let earlier = Self.earlier(topics: [Self.roads], text: Self.roadsText)
        #expect(Self.matches([Self.ivanov], topics: [Self.kindergarten], text: Self.kindergartenText, among: [earlier]).isEmpty)
    }

    @Test("the same applicant on another topic with a similar text is a repeat")
    func similarText() throws {
        let earlier = Self.earlier(topics: [Self.kindergarten], text: Self.roadsText)
        let match = try #require(Self.matches([Self.ivanov], topics: [Self.roads], text: Self.roadsAgain, among: [earlier]).first)
        #expect(match.documentID == earlier.documentID)
        #expect(!match.sameTopic)
        #expect(match.textSimilarity == 6.0 / 11.0)
        #expect(match.reason == "тот же заявитель, похожий текст (55 % общих слов)")
        // The threshold is 30 % and includes it: 3 of 10 stems.
        let borderline = Self.matches([Self.ivanov], topics: [Self.roads], text: "Когда отремонтируют дорогу на улице Ленина?", among: [
            Self.earlier(topics: [Self.kindergarten], text: Self.roadsText),
        ])
        #expect(borderline.map(\.textSimilarity) == [0.3])
        #expect(RepeatedAppeals.similarText == 0.3)
    }

    @Test("the same applicant on the same topic is a repeat whatever the text")
    func sameTopic() throws {
        let earlier = Self.earlier(topics: [Self.kindergarten, Self.roads], text: Self.kindergartenText)
        let match = try #require(Self.matches([Self.ivanov], topics: [Self.roads], text: Self.roadsAgain, among: [earlier]).first)
        #expect(match.sameTopic)
        #expect(match.textSimilarity < 0.3)
        #expect(match.reason == "тот же заявитель, тот же вопрос классификатора")
        let both = try #require(Self.matches([Self.ivanov], among: [Self.earlier()]).first)
        #expect(both.reason == "тот же заявитель, тот же вопрос классификатора, похожий текст (55 % общих слов)")
    }

    @Test("an anonymous appeal matches nothing")
    func anonymous() {
        let nameless = Applicant(name: "Петр", postalAddress: Self.ivanov.postalAddress, email: Self.ivanov.email)
        let noAddress = Applicant(surname: "Семенов", name: "Петр", patronymic: "Ильич")
        let earlier = [Self.earlier(), Self.earlier(nameless), Self.earlier(noAddress)]
        #expect(Self.matches([], text: Self.roadsText, among: earlier).isEmpty)
        #expect(Self.matches([nameless], text: Self.roadsText, among: earlier).isEmpty)
        #expect(Self.matches([noAddress], text: Self.roadsText, among: earlier).isEmpty)
    }

    @Test("one signer of a collective appeal is enough")
    func collective() {
        let earlier = Self.earlier()
        let other = Applicant(surname: "Кузнецова", name: "Мария", postalAddress: "ул. Мира, 1")
        #expect(Self.matches([other, Self.ivanov], among: [earlier]).map(\.documentID) == [earlier.documentID])
        #expect(Self.matches([other], among: [earlier]).isEmpty)
    }

    @Test("best first: the same topic before a similar text alone, then by similarity")
    func order() {
        let (a, b, c, d, e) = (UUID(), UUID(), UUID(), UUID(), UUID())
        let earlier = [
            Self.earlier(topics: [Self.kindergarten], text: "Ямы на дороге по улице Ленина до сих пор не отремонтированы, прошу принять меры.", id: a),  // 6/12
            Self.earlier(topics: [Self.roads], text: Self.kindergartenText, id: b),  // same topic, unrelated text
            Self.earlier(topics: [Self.kindergarten], text: Self.roadsText, id: c),  // 6/11
            Self.earlier(topics: [Self.roads], text: Self.roadsText, id: d),  // same topic and 6/11
            Self.earlier(topics: [Self.kindergarten], text: Self.kindergartenText, id: e),  // nothing in common
        ]
        let found = Self.matches([Self.ivanov], topics: [Self.roads], text: Self.roadsAgain, among: earlier)
        #expect(found.map(\.documentID) == [d, b, c, a])
        #expect(found.map(\.sameTopic) == [true, true, false, false])
    }
}
