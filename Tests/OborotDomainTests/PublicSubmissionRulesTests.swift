import Foundation
import OborotDomain
import Testing

/// The public form's anti-spam rules by the form's age: the API test can check «too fast» only when the machine is
/// quick enough, so the rule is pinned here with exact ages.
@Suite("Публичная форма: минимальное время заполнения, устаревшая форма, ловушка для роботов")
struct PublicSubmissionRulesTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func submission(renderedSecondsAgo age: TimeInterval?, honeypot: String = "") -> PublicSubmission {
        PublicSubmission(
            organizationID: UUID(), surname: "Сидорова", name: "Анна", patronymic: "", postalAddress: "", email: "sidorova@example.ru",
            phone: "", text: "Прошу отремонтировать дорогу", consent: true, honeypot: honeypot,
            renderedAt: age.map { now.addingTimeInterval(-$0) })
    }

    @Test("the form's problem by its age", arguments: [
        (0.0, "too_fast"), (PublicSubmissionRules.minimumFillSeconds - 0.1, "too_fast"), (PublicSubmissionRules.minimumFillSeconds, nil),
        (600.0, nil), (PublicSubmissionRules.maximumFormAgeSeconds, nil), (PublicSubmissionRules.maximumFormAgeSeconds + 1, "form_expired"),
    ] as [(TimeInterval, String?)])
    func age(seconds: TimeInterval, code: String?) {
        let codes = PublicSubmissionRules.problems(of: Self.submission(renderedSecondsAgo: seconds), now: Self.now)
            .filter { $0.field == "form" }.map(\.code)
        #expect(codes == (code.map { [$0] } ?? []))
    }

    @Test("no rendering time (a forged or broken token) is an expired form; a filled honeypot is spam")
    func forgedAndRobot() {
        #expect(PublicSubmissionRules.problems(of: Self.submission(renderedSecondsAgo: nil), now: Self.now).map(\.code).contains("form_expired"))
        let robot = PublicSubmissionRules.problems(of: Self.submission(renderedSecondsAgo: 60, honeypot: "http://spam.example"), now: Self.now)
        #expect(robot.map(\.code) == ["spam"])
    }
}
