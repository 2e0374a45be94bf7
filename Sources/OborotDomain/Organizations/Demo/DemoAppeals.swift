public import Foundation

/// Turns generated appeal cards (`DemoDocuments` over the bodies' «-ОГ» journals) into appeals for load tests and
/// the demo: applicants, source, type, one to three questions from the classifier, results for most of them, the
/// term from the registration date. Pure and deterministic for a given seed.
public struct DemoAppeals: Sendable {
    private var random: SeededRandom
    private let questions: [TopicCode]
    private let calendar: WorkCalendar

    public init(topics: [TopicNode], calendar: WorkCalendar, seed: UInt64 = 59) {
        self.random = SeededRandom(seed: seed)
        self.questions = topics.filter { $0.code.isQuestion && !$0.obsolete }.map(\.code)
        self.calendar = calendar
    }

    static let surnames = ["Иванов", "Петрова", "Сидоренко", "Кузнецова", "Ковалёв", "Мельник", "Попова", "Шевченко", "Бондаренко", "Лысенко"]
    static let names = ["Иван", "Анна", "Сергей", "Елена", "Пётр", "Мария", "Алексей", "Ольга"]
    static let streets = ["ул. Садовая", "пр. Ворошиловский", "ул. Ленина", "пер. Доломановский", "ул. Пушкинская"]

    /// The appeal for a registered card.
    public mutating func appeal(for document: Document) -> Appeal {
        guard let registration = document.registration, !questions.isEmpty else {
            return Appeal(documentID: document.id, type: .statement, channel: .post, applicants: [], receivedOn: document.createdAt.calendarDay, questions: [])
        }
        let anonymous = Int.random(in: 0..<40, using: &random) == 0
        let applicants = anonymous ? [] : [
            Applicant(
                surname: Self.surnames[Int.random(in: 0..<Self.surnames.count, using: &random)],
                name: Self.names[Int.random(in: 0..<Self.names.count, using: &random)],
                postalAddress: "г. Ростов-на-Дону, \(Self.streets[Int.random(in: 0..<Self.streets.count, using: &random)]), д. \(Int.random(in: 1...120, using: &random))",
                email: Int.random(in: 0..<2, using: &random) == 0 ? "resident\(Int.random(in: 1...99999, using: &random))@example.ru" : nil)
        ]
        let channel = AppealChannel.allCases[Int.random(in: 0..<AppealChannel.allCases.count - 1, using: &random)]
        let received = registration.date.adding(days: -Int.random(in: 0...2, using: &random))
        var appeal = Appeal(
            documentID: document.id, type: AppealType.allCases[Int.random(in: 0..<3, using: &random)], channel: channel, applicants: applicants,
            collective: Int.random(in: 0..<25, using: &random) == 0, receivedOn: received,
            consideredOnSite: Int.random(in: 0..<15, using: &random) == 0,
            questions: (0..<Int.random(in: 1...3, using: &random)).map { index in
                AppealQuestion(
                    id: TimeOrderedID.make(at: document.createdAt, using: &random), number: index + 1,
                    topicCode: questions[Int.random(in: 0..<questions.count, using: &random)])
            })
        appeal = AppealRules.registered(appeal, on: registration.date, lastDay: .previous, calendar: calendar).appeal
        // Most questions have a result by now, a few late; the rest are in work.
        let results: [QuestionStatus] = [.explained, .explained, .explained, .supported, .notSupported, .answered, .transferred, .leftWithoutAnswer]
        for index in appeal.questions.indices where Int.random(in: 0..<5, using: &random) != 0 {
            let result = results[Int.random(in: 0..<results.count, using: &random)]
            appeal.questions[index].status = result
            appeal.questions[index].measuresTaken = result == .supported && Int.random(in: 0..<2, using: &random) == 0
            appeal.questions[index].resolvedOn = registration.date.adding(days: Int.random(in: 3...33, using: &random))
        }
        return appeal
    }
}

extension Date {
    /// The day in Moscow time, for generated data.
    var calendarDay: CalendarDate { CalendarDate(self, in: TimeZone(identifier: "Europe/Moscow") ?? .current) }
}
