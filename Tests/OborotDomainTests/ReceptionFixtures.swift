import Foundation
import OborotDomain

/// Schedules, visitors, bookings and cards the reception suites build on.
enum ReceptionFixtures {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    static func at(_ iso: String, _ time: String) -> ReceptionMoment {
        let parts = time.split(separator: ":").map { Int($0)! }
        return ReceptionMoment(date: day(iso), minute: parts[0] * 60 + parts[1])
    }
    static func minute(_ time: String) -> Int { at("2026-01-01", time).minute }

    static let organizationID = UUID(uuidString: "00000000-0000-0000-0000-0000000000A1")!
    static let governorID = UUID(uuidString: "00000000-0000-0000-0000-0000000000B1")!
    static let deputyID = UUID(uuidString: "00000000-0000-0000-0000-0000000000B2")!
    static let scheduleID = UUID(uuidString: "00000000-0000-0000-0000-0000000000C1")!

    /// Tuesdays and Thursdays 10:00–12:00 in 15-minute slots, the last two held back for first-priority visitors.
    static func schedule(
        recurrence: ReceptionRecurrence = .weekly(weekdays: [2, 4]), start: String = "10:00", end: String = "12:00",
        slotMinutes: Int = 15, heldBack: Int = 2, validFrom: String = "2026-01-01", validTo: String? = nil, active: Bool = true
    ) -> ReceptionSchedule {
        ReceptionSchedule(
            id: scheduleID, organizationID: organizationID, officialEmployeeID: governorID,
            officialName: "Голубев Василий Юрьевич", officialPosition: "Губернатор Ростовской области",
            place: "г. Ростов-на-Дону, ул. Социалистическая, д. 112, каб. 101", recurrence: recurrence,
            startMinute: minute(start), endMinute: minute(end), slotMinutes: slotMinutes, heldBackSlots: heldBack,
            validFrom: day(validFrom), validTo: validTo.map(day), active: active)
    }

    static let ivanov = Applicant(
        surname: "Семёнов", name: "Пётр", patronymic: "Ильич", postalAddress: "г. Ростов-на-Дону, ул. Ленина, д. 5, кв. 12",
        email: "Semenov@Mail.ru", phone: "8 (863) 240-12-34")
    static let petrova = Applicant(surname: "Петрова", name: "Анна", phone: "+7 928 111-22-33")

    static func booking(
        _ date: String = "2026-03-03", _ time: String = "10:00", visitor: Applicant = ivanov,
        question: String = "Ремонт дороги по ул. Ленина", priority: ReceptionPriority? = nil, priorityNote: String? = nil,
        state: ReceptionBookingState = .booked, scheduleID: UUID = scheduleID, id: UUID = UUID()
    ) -> ReceptionBooking {
        ReceptionBooking(
            id: id, scheduleID: scheduleID, date: day(date), startMinute: minute(time), visitor: visitor, question: question,
            topicCode: TopicCode("0003.0009.0099.0742"), priority: priority, priorityNote: priorityNote, state: state)
    }

    static let roads = "0003.0009.0099.0742"
    static let housing = "0005.0005.0056.1154"
    static let obsolete = "0001.0002.0027.0122"
    static let classifier: [TopicCode: TopicNode] = [
        TopicCode(roads)!: TopicNode(code: TopicCode(roads)!, name: "Эксплуатация и сохранность автомобильных дорог", obsolete: false),
        TopicCode(housing)!: TopicNode(code: TopicCode(housing)!, name: "Капитальный ремонт", obsolete: false),
        TopicCode(obsolete)!: TopicNode(code: TopicCode(obsolete)!, name: "Неполучение ответа на обращение", obsolete: true),
    ]

    static func card(
        outcome: ReceptionOutcome, consent: Bool = false, detail: String? = nil, visitor: Applicant = ivanov,
        date: String = "2026-03-03", questions: [AppealDraft.QuestionDraft] = [.init(topicCode: roads)],
        substance: String = "Просит отремонтировать дорогу по ул. Ленина", official: UUID = governorID,
        officialName: String = "Голубев Василий Юрьевич", officialPosition: String = "Губернатор Ростовской области",
        bookingID: UUID? = UUID(), priority: ReceptionPriority? = nil
    ) -> ReceptionCard {
        ReceptionCard(
            id: UUID(), organizationID: organizationID, scheduleID: scheduleID, bookingID: bookingID,
            officialEmployeeID: official, officialName: officialName, officialPosition: officialPosition, date: day(date),
            visitor: visitor, priority: priority, type: .complaint, substance: substance, questions: questions,
            outcome: outcome, oralAnswerConsent: consent, outcomeDetail: detail)
    }
}
