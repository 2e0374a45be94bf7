import Foundation
import OborotDomain
import Testing

@Suite("Шаблоны регистрационных номеров")
struct NumberTemplateTests {
    @Test("templates render numbers the way journals print them", arguments: [
        ("{seq}", 7, "7"), ("01-15/{seq}", 123, "01-15/123"), ("{seq}-п", 45, "45-п"), ("{seq}-ОГ", 125, "125-ОГ"),
        ("{seq}/{code}-{yy}", 9, "9/ВХ-26"), ("{yyyy}/{seq:4}", 12, "2026/0012"), ("{index}/{seq}", 3, "02-07/3"),
        ("{seq:3}", 12345, "12345"),
    ])
    func rendering(_ template: String, _ sequence: Int, _ expected: String) throws {
        let parsed = try NumberTemplate.parse(template).get()
        #expect(parsed.render(sequence: sequence, year: 2026, caseIndex: "02-07", journalCode: "ВХ") == expected)
    }

    @Test("invalid templates are refused with a Russian reason", arguments: [
        "", "без номера", "{seq}-{seq}", "{seq", "seq}", "{sequence}", "{seq:0}", "{seq:x}", "{}",
        String(repeating: "а", count: 99) + "{seq}",
    ])
    func invalid(_ template: String) {
        guard case .failure(let error) = NumberTemplate.parse(template) else {
            Issue.record("accepted \(template)")
            return
        }
        #expect(error.fieldProblems.first?.field == "numberTemplate")
        #expect(error.kind == .unprocessable)
    }

    @Test("a template with {index} says so")
    func needsIndex() throws {
        #expect(try NumberTemplate.parse("{index}/{seq}").get().needsCaseIndex)
        #expect(try !NumberTemplate.parse("{seq}").get().needsCaseIndex)
    }

    @Test("journals number per year unless told otherwise, and accept only their kinds")
    func journals() throws {
        let date = try #require(CalendarDate(iso: "2026-03-05"))
        var journal = Journal(
            id: .init(), organizationID: .init(), name: "Входящие", code: "ВХ", template: try NumberTemplate.parse("{seq}-вх").get(),
            kinds: [.incoming], restartsYearly: true, defaultCaseIndex: nil, active: true, version: 1)
        #expect(journal.numberingYear(for: date) == 2026)
        #expect(journal.number(sequence: 17, date: date, caseIndex: nil) == "17-вх")
        #expect((try? journal.accepts(.incoming).get()) != nil)
        #expect((try? journal.accepts(.outgoing).get()) == nil)
        journal.restartsYearly = false
        #expect(journal.numberingYear(for: date) == 0)
        journal.active = false
        if case .failure(let error) = journal.accepts(.incoming) { #expect(error.code == "journal_closed") } else { Issue.record("closed journal accepted") }
        let standard = Journal.standardSet(for: .init(), newID: { .init() })
        #expect(Set(standard.flatMap(\.kinds)) == Set(DocumentKind.allCases))
        #expect(standard.contains { $0.template.text == "{seq}-ОГ" })
    }
}
