import Foundation
import OborotDomain
import Testing

@Suite("Сотрудники и учётные записи")
struct PeopleRulesTests {
    @Test("logins are lowercased and limited to latin letters, digits and . _ -", arguments: [
        ("Admin", true), ("minfin-ro.head", true), ("a", false), ("иванов", false), ("with space", false),
        (String(repeating: "x", count: 65), false), ("ok_login", true),
    ])
    func logins(_ login: String, _ valid: Bool) {
        #expect(PeopleRules.loginProblems(PeopleRules.normalizedLogin(login)).isEmpty == valid)
    }

    @Test("passwords: at least 8 characters, at most 72 bytes")
    func passwords() {
        #expect(PeopleRules.passwordProblems("short").map(\.code) == ["password_too_short"])
        #expect(PeopleRules.passwordProblems("длинный пароль").isEmpty)
        #expect(PeopleRules.passwordProblems(String(repeating: "я", count: 37)).map(\.code) == ["password_too_long"])
    }

    @Test("an employee draft is cleaned and checked")
    func employee() throws {
        let draft = EmployeeDraft(
            organizationID: UUID(), positionID: nil,
            name: PersonName(surname: " Иванова ", givenName: "Анна", patronymic: "  "), email: " ", phone: nil)
        let cleaned = try PeopleRules.validate(draft).get()
        #expect(cleaned.name == PersonName(surname: "Иванова", givenName: "Анна", patronymic: nil))
        #expect(cleaned.email == nil)
        var bad = draft
        bad.name.surname = ""
        bad.email = "not-an-email"
        if case .failure(let error) = PeopleRules.validate(bad) {
            #expect(Set(error.fieldProblems.map(\.field)) == ["surname", "email"])
            #expect(error.detail.contains("Фамилия"))
        } else {
            Issue.record("expected a validation error")
        }
    }

    @Test("names print in full and with initials")
    func names() {
        let name = PersonName(surname: "Петров", givenName: "Иван", patronymic: "Сергеевич")
        #expect(name.full == "Петров Иван Сергеевич")
        #expect(name.withInitials == "Петров И. С.")
        #expect(PersonName(surname: "Ли", givenName: "Ан").withInitials == "Ли А.")
    }
}
