public import Foundation
public import OborotDomain
import SQLKit

/// Personal reception: schedules, bookings and reception cards (migration 14).
public struct ReceptionRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    // MARK: Schedules

    public func insert(_ schedule: ReceptionSchedule) async throws {
        try await db.sql.insert(into: "reception_schedules").rows([try ScheduleRow(schedule, now: db.now)]).run()
    }

    public func schedule(_ id: UUID) async throws -> ReceptionSchedule? {
        try await db.sql.select().column("*").from("reception_schedules").where("id", .equal, id.lowercasedString)
            .row(ScheduleRow.self)?.schedule()
    }

    /// The schedules of the organisations given (a body and the ones it reports on), active first.
    public func schedules(organizationIDs: [UUID]) async throws -> [ReceptionSchedule] {
        guard !organizationIDs.isEmpty else { return [] }
        return try await db.sql.select().column("*").from("reception_schedules")
            .where("organization_id", .in, organizationIDs.map(\.lowercasedString))
            .orderBy("active", .descending).orderBy("official_name").rows(ScheduleRow.self).map { try $0.schedule() }
    }

    // MARK: Bookings

    /// Stores a booking; a second active booking of the same slot (another operator a moment earlier) is refused by
    /// the unique index and answered as the slot being taken.
    public func insert(_ booking: ReceptionBooking, slot: ReceptionSlot, createdBy: UUID) async throws {
        do {
            try await db.sql.insert(into: "reception_bookings").rows([try BookingRow(booking, createdBy: createdBy, now: db.now)]).run()
        } catch let error where DatabaseErrors.isUniqueViolation(error) {
            throw OborotError.receptionSlotTaken(slot)
        }
    }

    public func booking(_ id: UUID) async throws -> ReceptionBooking? {
        try await db.sql.select().column("*").from("reception_bookings").where("id", .equal, id.lowercasedString)
            .row(BookingRow.self)?.booking()
    }

    /// The bookings of a schedule from `from` to `to`, in slot order.
    public func bookings(scheduleIDs: [UUID], from: CalendarDate, to: CalendarDate) async throws -> [ReceptionBooking] {
        guard !scheduleIDs.isEmpty else { return [] }
        return try await db.sql.select().column("*").from("reception_bookings")
            .where("schedule_id", .in, scheduleIDs.map(\.lowercasedString))
            .where("reception_date", .greaterThanOrEqual, from.iso).where("reception_date", .lessThanOrEqual, to.iso)
            .orderBy("reception_date").orderBy("start_minute").rows(BookingRow.self).map { try $0.booking() }
    }

    public func setState(_ booking: ReceptionBooking) async throws {
        try await db.sql.update("reception_bookings").set("state", to: booking.state.rawValue)
            .where("id", .equal, booking.id.lowercasedString).run()
    }

    // MARK: Cards

    public func insert(_ card: ReceptionCard, createdBy: UUID) async throws {
        try await db.sql.insert(into: "reception_cards").rows([try CardRow(card, createdBy: createdBy, now: db.now)]).run()
    }

    public func card(_ id: UUID) async throws -> ReceptionCard? {
        try await db.sql.select().column("*").from("reception_cards").where("id", .equal, id.lowercasedString)
            .row(CardRow.self)?.card()
    }

    /// The cards of the organisations given from `from` to `to`, latest first.
    public func cards(organizationIDs: [UUID], from: CalendarDate, to: CalendarDate) async throws -> [ReceptionCard] {
        guard !organizationIDs.isEmpty else { return [] }
        return try await db.sql.select().column("*").from("reception_cards")
            .where("organization_id", .in, organizationIDs.map(\.lowercasedString))
            .where("reception_date", .greaterThanOrEqual, from.iso).where("reception_date", .lessThanOrEqual, to.iso)
            .orderBy("reception_date", .descending).orderBy("created_at", .descending).rows(CardRow.self).map { try $0.card() }
    }
}

// MARK: Rows

private struct ScheduleRow: Codable {
    var id: String
    var organizationId: String
    var officialEmployeeId: String
    var officialName: String
    var officialPosition: String
    var place: String
    var recurrence: String
    var startMinute: Int
    var endMinute: Int
    var slotMinutes: Int
    var heldBackSlots: Int
    var validFrom: String
    var validTo: String?
    var active: Bool
    var createdAt: Int64

    init(_ schedule: ReceptionSchedule, now: Date) throws {
        id = schedule.id.lowercasedString
        organizationId = schedule.organizationID.lowercasedString
        officialEmployeeId = schedule.officialEmployeeID.lowercasedString
        officialName = schedule.officialName
        officialPosition = schedule.officialPosition
        place = schedule.place
        recurrence = try JSONColumn.text(schedule.recurrence)
        startMinute = schedule.startMinute
        endMinute = schedule.endMinute
        slotMinutes = schedule.slotMinutes
        heldBackSlots = schedule.heldBackSlots
        validFrom = schedule.validFrom.iso
        validTo = schedule.validTo?.iso
        active = schedule.active
        createdAt = now.unixMilliseconds
    }

    func schedule() throws -> ReceptionSchedule {
        ReceptionSchedule(
            id: try UUID.stored(id), organizationID: try UUID.stored(organizationId), officialEmployeeID: try UUID.stored(officialEmployeeId),
            officialName: officialName, officialPosition: officialPosition, place: place,
            recurrence: try JSONColumn.value(ReceptionRecurrence.self, recurrence, "reception schedule \(id)"), startMinute: startMinute,
            endMinute: endMinute, slotMinutes: slotMinutes, heldBackSlots: heldBackSlots, validFrom: try CalendarDate.stored(validFrom),
            validTo: try validTo.map(CalendarDate.stored), active: active)
    }
}

private struct BookingRow: Codable {
    var id: String
    var scheduleId: String
    var receptionDate: String
    var startMinute: Int
    var visitor: String
    var visitorName: String
    var question: String
    var topicCode: String?
    var priority: String?
    var priorityNote: String?
    var state: String
    var createdByUserId: String
    var createdAt: Int64

    init(_ booking: ReceptionBooking, createdBy: UUID, now: Date) throws {
        id = booking.id.lowercasedString
        scheduleId = booking.scheduleID.lowercasedString
        receptionDate = booking.date.iso
        startMinute = booking.startMinute
        visitor = try JSONColumn.text(booking.visitor)
        visitorName = booking.visitor.displayName
        question = booking.question
        topicCode = booking.topicCode?.description
        priority = booking.priority?.rawValue
        priorityNote = booking.priorityNote
        state = booking.state.rawValue
        createdByUserId = createdBy.lowercasedString
        createdAt = now.unixMilliseconds
    }

    func booking() throws -> ReceptionBooking {
        guard let state = ReceptionBookingState(rawValue: state) else { throw CorruptRowError(detail: "reception booking \(id): \(self.state)") }
        return ReceptionBooking(
            id: try UUID.stored(id), scheduleID: try UUID.stored(scheduleId), date: try CalendarDate.stored(receptionDate),
            startMinute: startMinute, visitor: try JSONColumn.value(Applicant.self, visitor, "reception booking \(id)"), question: question,
            topicCode: topicCode.flatMap(TopicCode.init), priority: priority.flatMap(ReceptionPriority.init(rawValue:)),
            priorityNote: priorityNote, state: state)
    }
}

private struct CardRow: Codable {
    var id: String
    var organizationId: String
    var scheduleId: String?
    var bookingId: String?
    var officialEmployeeId: String
    var officialName: String
    var officialPosition: String
    var receptionDate: String
    var visitor: String
    var visitorName: String
    var priority: String?
    var appealType: String
    var substance: String
    var questions: String
    var outcome: String
    var oralAnswerConsent: Bool
    var outcomeDetail: String?
    var appealDocumentId: String?
    var createdByUserId: String
    var createdAt: Int64

    init(_ card: ReceptionCard, createdBy: UUID, now: Date) throws {
        id = card.id.lowercasedString
        organizationId = card.organizationID.lowercasedString
        scheduleId = card.scheduleID?.lowercasedString
        bookingId = card.bookingID?.lowercasedString
        officialEmployeeId = card.officialEmployeeID.lowercasedString
        officialName = card.officialName
        officialPosition = card.officialPosition
        receptionDate = card.date.iso
        visitor = try JSONColumn.text(card.visitor)
        visitorName = card.visitor.displayName
        priority = card.priority?.rawValue
        appealType = card.type.rawValue
        substance = card.substance
        questions = try JSONColumn.text(card.questions)
        outcome = card.outcome.rawValue
        oralAnswerConsent = card.oralAnswerConsent
        outcomeDetail = card.outcomeDetail
        appealDocumentId = card.appealDocumentID?.lowercasedString
        createdByUserId = createdBy.lowercasedString
        createdAt = now.unixMilliseconds
    }

    func card() throws -> ReceptionCard {
        guard let type = AppealType(rawValue: appealType), let outcome = ReceptionOutcome(rawValue: outcome) else {
            throw CorruptRowError(detail: "reception card \(id): \(appealType) \(self.outcome)")
        }
        return ReceptionCard(
            id: try UUID.stored(id), organizationID: try UUID.stored(organizationId), scheduleID: try scheduleId.map(UUID.stored),
            bookingID: try bookingId.map(UUID.stored), officialEmployeeID: try UUID.stored(officialEmployeeId), officialName: officialName,
            officialPosition: officialPosition, date: try CalendarDate.stored(receptionDate),
            visitor: try JSONColumn.value(Applicant.self, visitor, "reception card \(id)"), priority: priority.flatMap(ReceptionPriority.init(rawValue:)),
            type: type, substance: substance, questions: try JSONColumn.value([AppealDraft.QuestionDraft].self, questions, "reception card \(id)"),
            outcome: outcome, oralAnswerConsent: oralAnswerConsent, outcomeDetail: outcomeDetail,
            appealDocumentID: try appealDocumentId.map(UUID.stored))
    }
}
