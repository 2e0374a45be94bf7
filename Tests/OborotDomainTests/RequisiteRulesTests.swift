import Foundation
import OborotDomain
import Testing

@Suite("Реквизиты документов")
struct RequisiteRulesTests {
    let today = CalendarDate(iso: "2026-11-23")!

    func fields(_ result: Result<DocumentRequisites, OborotError>) -> Set<String> {
        if case .failure(let error) = result { return Set(error.fieldProblems.map(\.field)) }
        return []
    }

    static let required: [(DocumentKind, Set<String>)] = [
        (.incoming, ["title", "correspondentId", "correspondentNumber", "correspondentDate", "deliveryMethod"]),
        (.outgoing, ["title", "addressees", "signerEmployeeId", "executorEmployeeId"]),
        (.internal, ["title", "addressees", "signerEmployeeId"]),
        (.directive, ["title", "directiveForm", "signerEmployeeId"]),
        (.legalAct, ["title", "signerEmployeeId"]),
        (.appeal, ["title", "deliveryMethod"]),
    ]

    @Test("each kind lists every missing requisite at once", arguments: Self.required)
    func missing(kind: DocumentKind, expected: Set<String>) {
        let empty = DocumentRequisites(title: "  ")
        #expect(fields(RequisiteRules.validate(empty, kind: kind, directiveForm: nil, today: today)) == expected)
        #expect(Set(RequisiteRules.requiredFields(for: kind)) == expected)
        // A draft only needs its title.
        #expect(fields(RequisiteRules.validate(empty, kind: kind, directiveForm: nil, today: today, stage: .draft)) == ["title"])
    }

    @Test("a complete incoming card passes and is cleaned")
    func complete() throws {
        let requisites = DocumentRequisites(
            title: "  О ремонте дорог  ", correspondentID: UUID(), correspondentNumber: " 12-345 ",
            correspondentDate: today.adding(days: -2), addressees: [.organization(UUIDs.a), .organization(UUIDs.a)],
            pages: 3, annexCount: 1, deliveryMethod: .medo, notes: " ")
        let cleaned = try RequisiteRules.validate(requisites, kind: .incoming, directiveForm: nil, today: today).get()
        #expect(cleaned.title == "О ремонте дорог")
        #expect(cleaned.correspondentNumber == "12-345")
        #expect(cleaned.notes == nil)
        #expect(cleaned.addressees == [.organization(UUIDs.a)])
    }

    @Test("values out of range are refused in Russian")
    func values() {
        let requisites = DocumentRequisites(
            title: "Т", correspondentDate: today.adding(days: 1), pages: 0, annexCount: -1)
        let result = RequisiteRules.validate(requisites, kind: .internal, directiveForm: .order, today: today, stage: .draft)
        #expect(fields(result) == ["correspondentDate", "pages", "annexCount", "directiveForm"])
        if case .failure(let error) = result { #expect(error.detail.contains("не может быть позже сегодняшней")) }
    }

    enum UUIDs {
        static let a = UUID()
    }
}

@Suite("Номенклатура, корреспонденты, связи")
struct RegistryRulesTests {
    @Test("retention periods read naturally and set the destruction year")
    func retention() {
        #expect(Retention.years(1).russianName == "1 год")
        #expect(Retention.years(3).russianName == "3 года")
        #expect(Retention.years(5).russianName == "5 лет")
        #expect(Retention.years(11).russianName == "11 лет")
        #expect(Retention.years(21).russianName == "21 год")
        #expect(Retention.permanent.russianName == "Постоянно")
        let caseFile = CaseFile(id: UUID(), organizationID: UUID(), year: 2026, index: "01-15", title: "Приказы", retention: .years(5), version: 1)
        #expect(caseFile.destructionYear == 2032)
        #expect(Retention(storedYears: nil) == .permanent)
        #expect(CaseFileRules.validate(index: "", title: "", year: 1999, retentionYears: 0).map(\.field) == ["index", "title", "year", "retentionYears"])
    }

    @Test("correspondents are the same by ИНН, or by name and address ignoring case, ё and punctuation")
    func deduplication() {
        let byINN = CorrespondentRules.deduplicationKey(name: "ООО «Ромашка»", inn: "7707083893", address: "где-то")
        #expect(byINN == CorrespondentRules.deduplicationKey(name: "Ромашка", inn: " 7707083893 ", address: nil))
        let first = CorrespondentRules.deduplicationKey(name: "Иванов Пётр", inn: nil, address: "г. Ростов, ул. Ленина, 1")
        let second = CorrespondentRules.deduplicationKey(name: "ИВАНОВ  ПЕТР", inn: nil, address: "г Ростов ул Ленина 1")
        #expect(first == second)
        #expect(first != CorrespondentRules.deduplicationKey(name: "Иванов Пётр", inn: nil, address: "г. Азов"))
        guard case .failure(let error) = CorrespondentRules.validate(kind: .organization, name: " ", inn: "123", address: nil, email: "x", phone: nil) else {
            Issue.record("accepted")
            return
        }
        #expect(Set(error.fieldProblems.map(\.field)) == ["name", "inn", "email"])
    }

    @Test("links read both ways and never point at themselves")
    func links() {
        #expect(DocumentLinkKind.inReplyTo.forwardName == "В ответ на")
        #expect(DocumentLinkKind.inReplyTo.backwardName == "Ответ")
        let id = UUID()
        #expect(DocumentLink.problems(from: id, to: id).map(\.code) == ["self_link"])
        #expect(DocumentLink.problems(from: id, to: UUID()).isEmpty)
    }

    @Test("filing checks the case's organisation and year")
    func filing() {
        let organization = UUID()
        let caseFile = CaseFile(id: UUID(), organizationID: organization, year: 2026, index: "01", title: "Дело", retention: .permanent, version: 1)
        #expect((try? DocumentFiling.check(caseFile: caseFile, organizationID: organization, documentYear: 2026).get()) != nil)
        #expect((try? DocumentFiling.check(caseFile: caseFile, organizationID: UUID(), documentYear: 2026).get()) == nil)
        #expect((try? DocumentFiling.check(caseFile: caseFile, organizationID: organization, documentYear: 2025).get()) == nil)
    }
}
