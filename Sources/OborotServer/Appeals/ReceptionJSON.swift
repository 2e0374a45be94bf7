import Foundation
import OborotDomain

/// Personal reception as the API gives and takes it.
enum ReceptionJSON {
    struct Visitor: Codable {
        var surname: String?
        var name: String?
        var patronymic: String?
        var postalAddress: String?
        var email: String?
        var phone: String?

        init(_ applicant: Applicant) {
            surname = applicant.surname
            name = applicant.name
            patronymic = applicant.patronymic
            postalAddress = applicant.postalAddress
            email = applicant.email
            phone = applicant.phone
        }

        var applicant: Applicant {
            Applicant(surname: surname, name: name, patronymic: patronymic, postalAddress: postalAddress, email: email, phone: phone)
        }
    }

    struct Schedule: Encodable {
        var id: String
        var organizationId: String
        var officialEmployeeId: String
        var officialName: String
        var officialPosition: String
        var place: String
        var description: String
        var start: String
        var end: String
        var slotMinutes: Int
        var heldBackSlots: Int
        var validFrom: String
        var validTo: String?
        var active: Bool

        init(_ schedule: ReceptionSchedule) {
            id = schedule.id.lowercasedString
            organizationId = schedule.organizationID.lowercasedString
            officialEmployeeId = schedule.officialEmployeeID.lowercasedString
            officialName = schedule.officialName
            officialPosition = schedule.officialPosition
            place = schedule.place
            description = schedule.russianDescription
            start = ReceptionTexts.time(schedule.startMinute)
            end = ReceptionTexts.time(schedule.endMinute)
            slotMinutes = schedule.slotMinutes
            heldBackSlots = schedule.heldBackSlots
            validFrom = schedule.validFrom.iso
            validTo = schedule.validTo?.iso
            active = schedule.active
        }
    }

    struct Slot: Encodable {
        var date: String
        var start: String
        var end: String
        var heldBack: Bool

        init(_ slot: ReceptionSlot) {
            date = slot.date.iso
            start = ReceptionTexts.time(slot.startMinute)
            end = ReceptionTexts.time(slot.endMinute)
            heldBack = slot.heldBack
        }
    }

    struct Booking: Encodable {
        var id: String
        var scheduleId: String
        var date: String
        var start: String
        var visitor: Visitor
        var visitorName: String
        var question: String
        var topicCode: String?
        var priority: String?
        var priorityName: String?
        var state: String
        var stateName: String

        init(_ booking: ReceptionBooking) {
            id = booking.id.lowercasedString
            scheduleId = booking.scheduleID.lowercasedString
            date = booking.date.iso
            start = ReceptionTexts.time(booking.startMinute)
            visitor = Visitor(booking.visitor)
            visitorName = booking.visitor.displayName
            question = booking.question
            topicCode = booking.topicCode?.description
            priority = booking.priority?.rawValue
            priorityName = booking.priority?.russianName
            state = booking.state.rawValue
            stateName = booking.state.russianName
        }
    }

    struct Card: Encodable {
        var id: String
        var organizationId: String
        var scheduleId: String?
        var bookingId: String?
        var officialName: String
        var officialPosition: String
        var date: String
        var visitor: Visitor
        var visitorName: String
        var type: String
        var substance: String
        var questions: [AppealDraft.QuestionDraft]
        var outcome: String
        var outcomeName: String
        var article: String
        var oralAnswerConsent: Bool
        var outcomeDetail: String?
        var appealDocumentId: String?

        init(_ card: ReceptionCard) {
            id = card.id.lowercasedString
            organizationId = card.organizationID.lowercasedString
            scheduleId = card.scheduleID?.lowercasedString
            bookingId = card.bookingID?.lowercasedString
            officialName = card.officialName
            officialPosition = card.officialPosition
            date = card.date.iso
            visitor = Visitor(card.visitor)
            visitorName = card.visitor.displayName
            type = card.type.rawValue
            substance = card.substance
            questions = card.questions
            outcome = card.outcome.rawValue
            outcomeName = card.outcome.russianName
            article = card.outcome.article
            oralAnswerConsent = card.oralAnswerConsent
            outcomeDetail = card.outcomeDetail
            appealDocumentId = card.appealDocumentID?.lowercasedString
        }
    }

    // MARK: Bodies

    /// «10:00» → 600; nil when it is not a time of day.
    static func minute(_ text: String?) -> Int? {
        let parts = (text ?? "").split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...24).contains(hours), (0..<60).contains(minutes),
            hours * 60 + minutes <= 1440
        else { return nil }
        return hours * 60 + minutes
    }

    struct ScheduleBody: Decodable {
        struct Monthly: Decodable {
            var weeks: [String]
            var weekday: Int
        }
        var organizationId: String
        var officialEmployeeId: String
        var officialName: String?
        var officialPosition: String?
        var place: String?
        var weekdays: [Int]?
        var monthly: Monthly?
        var start: String?
        var end: String?
        var slotMinutes: Int?
        var heldBackSlots: Int?
        var validFrom: String?
        var validTo: String?

        func input() throws -> ReceptionService.NewSchedule {
            var problems: [FieldProblem] = []
            let recurrence: ReceptionRecurrence
            if let monthly {
                let weeks = monthly.weeks.compactMap(WeekOfMonth.init(rawValue:))
                if weeks.count != monthly.weeks.count || weeks.isEmpty {
                    problems.append(FieldProblem(field: "monthly.weeks", code: "invalid", message: ReceptionJSONTexts.weeks))
                }
                recurrence = .monthly(weeks: Set(weeks), weekday: monthly.weekday)
            } else {
                recurrence = .weekly(weekdays: Set(weekdays ?? []))
            }
            let startMinute = Self.minuteField(start, "start", &problems)
            let endMinute = Self.minuteField(end, "end", &problems)
            let from = validFrom.flatMap(CalendarDate.init(iso:))
            if from == nil { problems.append(FieldProblem(field: "validFrom", code: "invalid_date", message: ReceptionJSONTexts.date)) }
            let until = validTo.flatMap(CalendarDate.init(iso:))
            if validTo != nil && until == nil { problems.append(FieldProblem(field: "validTo", code: "invalid_date", message: ReceptionJSONTexts.date)) }
            try OborotError.throwIfInvalid(problems)
            return ReceptionService.NewSchedule(
                organizationID: try RequestValues.bodyID(organizationId, field: "organizationId"),
                officialEmployeeID: try RequestValues.bodyID(officialEmployeeId, field: "officialEmployeeId"), officialName: officialName,
                officialPosition: officialPosition ?? "", place: place ?? "", recurrence: recurrence, startMinute: startMinute ?? 0,
                endMinute: endMinute ?? 0, slotMinutes: slotMinutes ?? ReceptionSchedule.defaultSlotMinutes, heldBackSlots: heldBackSlots ?? 0,
                validFrom: from!, validTo: until)
        }

        private static func minuteField(_ text: String?, _ field: String, _ problems: inout [FieldProblem]) -> Int? {
            let value = ReceptionJSON.minute(text)
            if value == nil { problems.append(FieldProblem(field: field, code: "invalid_time", message: ReceptionJSONTexts.time)) }
            return value
        }
    }

    struct BookingBody: Decodable {
        var scheduleId: String
        var date: String
        var start: String
        var visitor: Visitor
        var question: String?
        var topicCode: String?
        var priority: String?
        var priorityNote: String?

        func booking() throws -> ReceptionBooking {
            var problems: [FieldProblem] = []
            let day = CalendarDate(iso: date)
            if day == nil { problems.append(FieldProblem(field: "date", code: "invalid_date", message: ReceptionJSONTexts.date)) }
            let minute = ReceptionJSON.minute(start)
            if minute == nil { problems.append(FieldProblem(field: "start", code: "invalid_time", message: ReceptionJSONTexts.time)) }
            let category = priority.map { ReceptionPriority(rawValue: $0) }
            if category == .some(nil) { problems.append(FieldProblem(field: "priority", code: "invalid", message: ReceptionJSONTexts.priority)) }
            let code = topicCode.map { TopicCode($0) }
            if code == .some(nil) { problems.append(FieldProblem(field: "topicCode", code: "invalid", message: ReceptionJSONTexts.topic)) }
            try OborotError.throwIfInvalid(problems)
            return ReceptionBooking(
                id: UUID(), scheduleID: try RequestValues.bodyID(scheduleId, field: "scheduleId"), date: day!, startMinute: minute!,
                visitor: visitor.applicant, question: question ?? "", topicCode: code ?? nil, priority: category ?? nil, priorityNote: priorityNote)
        }
    }

    struct EventBody: Decodable { var event: String }

    struct CardBody: Decodable {
        var scheduleId: String
        var bookingId: String?
        var date: String?
        var visitor: Visitor
        var type: String?
        var substance: String?
        var questions: [AppealDraft.QuestionDraft]?
        var outcome: String
        var oralAnswerConsent: Bool?
        var outcomeDetail: String?
        var priority: String?
        var registerInJournalId: String?

        /// The card, with the official from the schedule; and the journal for a written answer.
        func card(schedule: (UUID) async throws -> ReceptionSchedule) async throws -> (ReceptionCard, UUID?) {
            var problems: [FieldProblem] = []
            let outcomeValue = ReceptionOutcome(rawValue: outcome)
            if outcomeValue == nil { problems.append(FieldProblem(field: "outcome", code: "invalid", message: ReceptionJSONTexts.outcome)) }
            let appealType = type.map { AppealType(rawValue: $0) } ?? .statement
            if appealType == nil { problems.append(FieldProblem(field: "type", code: "invalid", message: ReceptionJSONTexts.type)) }
            let day = date.map { CalendarDate(iso: $0) }
            if day == .some(nil) { problems.append(FieldProblem(field: "date", code: "invalid_date", message: ReceptionJSONTexts.date)) }
            let category = priority.map { ReceptionPriority(rawValue: $0) }
            if category == .some(nil) { problems.append(FieldProblem(field: "priority", code: "invalid", message: ReceptionJSONTexts.priority)) }
            try OborotError.throwIfInvalid(problems)
            let schedule = try await schedule(try RequestValues.bodyID(scheduleId, field: "scheduleId"))
            let today = CalendarDate(Date(), in: TimeZone(identifier: OrganizationRules.defaultTimeZone) ?? .current)
            let card = ReceptionCard(
                id: UUID(), organizationID: schedule.organizationID, scheduleID: schedule.id,
                bookingID: try bookingId.map { try RequestValues.bodyID($0, field: "bookingId") }, officialEmployeeID: schedule.officialEmployeeID,
                officialName: schedule.officialName, officialPosition: schedule.officialPosition, date: (day ?? nil) ?? today,
                visitor: visitor.applicant, priority: category ?? nil, type: appealType ?? .statement, substance: substance ?? "",
                questions: questions ?? [], outcome: outcomeValue!, oralAnswerConsent: oralAnswerConsent ?? false,
                outcomeDetail: outcomeDetail)
            return (card, try registerInJournalId.map { try RequestValues.bodyID($0, field: "registerInJournalId") })
        }
    }
}

enum ReceptionJSONTexts {
    static let date = "Дата в формате ГГГГ-ММ-ДД."
    static let time = "Время в формате ЧЧ:ММ, например 10:00."
    static let weeks = "Недели месяца: first, second, third, fourth или last."
    static let priority = "Неизвестная категория первоочередного приёма."
    static let topic = "Код классификатора — четыре группы по четыре цифры через точку."
    static let outcome = "Результат приёма: oralAnswer, writtenAnswer, writtenAppealHandedIn, redirected или refusedAlreadyAnswered."
    static let type = "Вид обращения: statement, proposal или complaint."
    static let event = "Действие: cancel, markAttended или markNoShow."
}
