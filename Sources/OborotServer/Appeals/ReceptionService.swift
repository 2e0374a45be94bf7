import Foundation
import OborotDomain
import OborotStore

/// Personal reception of citizens (59-ФЗ ст. 13): the officials' schedules, booking their slots, and the reception
/// card, which either records an oral answer (with the visitor's consent), a referral or a refusal, or becomes a
/// registered appeal answered in writing — the card and the appeal in one transaction.
///
/// | action | policy |
/// |---|---|
/// | keep schedules, book, mark a booking, fill in a card in X | `ReceptionAccess.manages(X)` |
/// | see schedules, slots, bookings and cards of X | `ReceptionAccess.reads(X)` |
struct ReceptionService: Sendable {
    let database: any Database
    let appeals: AppealService
    let calendar: CalendarService

    /// What the official's schedule is made of; the name is the employee's unless given.
    struct NewSchedule: Sendable {
        var organizationID: UUID
        var officialEmployeeID: UUID
        var officialName: String?
        var officialPosition: String
        var place: String
        var recurrence: ReceptionRecurrence
        var startMinute: Int
        var endMinute: Int
        var slotMinutes: Int
        var heldBackSlots: Int
        var validFrom: CalendarDate
        var validTo: CalendarDate?
    }

    func createSchedule(_ caller: Caller, _ input: NewSchedule) async throws -> ReceptionSchedule {
        try await database.write { db in
            let organization = try await OrganizationRepository(db).get(input.organizationID)
            try caller.actor.require(ReceptionAccess.manages(organization.path))
            guard let official = try await EmployeeRepository(db).find(input.officialEmployeeID), official.organizationID == organization.id else {
                throw OborotError.validation([FieldProblem(field: "officialEmployeeId", code: "invalid", message: ReceptionServiceTexts.officialNotInOrganization)])
            }
            let schedule = ReceptionSchedule(
                id: UUID(), organizationID: organization.id, officialEmployeeID: official.id,
                officialName: input.officialName?.trimmed.nilIfEmpty ?? official.name.full, officialPosition: input.officialPosition.trimmed,
                place: input.place.trimmed, recurrence: input.recurrence, startMinute: input.startMinute, endMinute: input.endMinute,
                slotMinutes: input.slotMinutes, heldBackSlots: input.heldBackSlots, validFrom: input.validFrom, validTo: input.validTo)
            try OborotError.throwIfInvalid(ReceptionScheduleRules.problems(of: schedule).map { problem in
                var problem = problem
                problem.field = Self.scheduleBodyFields[problem.field] ?? problem.field
                return problem
            })
            try await ReceptionRepository(db).insert(schedule)
            try await AuditLog(db).append(caller.audit("reception.schedule_create", .organization, organization.id, ReceptionServiceTexts.scheduleCreated(schedule)))
            return schedule
        }
    }

    func schedule(_ caller: Caller, id: UUID) async throws -> ReceptionSchedule {
        try await database.read { db in
            let (schedule, organization) = try await Self.schedule(id, db: db)
            try caller.actor.require(ReceptionAccess.reads(organization.path))
            return schedule
        }
    }

    /// The domain's field names as the request body spells them (`ReceptionJSON.ScheduleBody`).
    static let scheduleBodyFields = [
        "startMinute": "start", "endMinute": "end", "recurrence.weekdays": "weekdays", "recurrence.weekday": "monthly.weekday",
        "recurrence.weeks": "monthly.weeks",
    ]

    /// The schedules of an organisation.
    func schedules(_ caller: Caller, organizationID: UUID) async throws -> [ReceptionSchedule] {
        try await database.read { db in
            let organization = try await OrganizationRepository(db).get(organizationID)
            try caller.actor.require(ReceptionAccess.reads(organization.path))
            return try await ReceptionRepository(db).schedules(organizationIDs: [organization.id])
        }
    }

    /// The free slots of a schedule from `from` to `to` (at most 62 days), held-back ones only for priority visitors.
    func freeSlots(_ caller: Caller, scheduleID: UUID, from: CalendarDate, to: CalendarDate, priority: Bool) async throws -> [ReceptionSlot] {
        guard from <= to else { throw OborotError.periodReversed }
        guard from.days(until: to) <= 62 else { throw OborotError.badQuery("to") }
        let calendar = try await calendar.current()
        return try await database.read { db in
            let (schedule, organization) = try await Self.schedule(scheduleID, db: db)
            try caller.actor.require(ReceptionAccess.reads(organization.path))
            let existing = try await ReceptionRepository(db).bookings(scheduleIDs: [schedule.id], from: from, to: to)
            return ReceptionBookingRules.freeSlots(
                schedule, from: from, to: to, calendar: calendar, existing: existing, now: Self.now(organization, db: db), priority: priority)
        }
    }

    /// Books a slot for a visitor.
    func book(_ caller: Caller, _ candidate: ReceptionBooking) async throws -> ReceptionBooking {
        let calendar = try await calendar.current()
        return try await database.write { db in
            let (schedule, organization) = try await Self.schedule(candidate.scheduleID, db: db)
            try caller.actor.require(ReceptionAccess.manages(organization.path))
            let existing = try await ReceptionRepository(db).bookings(scheduleIDs: [schedule.id], from: candidate.date, to: candidate.date)
            let booking = try ReceptionBookingRules.booking(
                candidate, in: schedule, existing: existing, now: Self.now(organization, db: db), calendar: calendar
            ).get()
            guard let slot = ReceptionSlots.slot(schedule, on: booking.date, startingAt: booking.startMinute, calendar: calendar) else {
                throw OborotError.notFound(.receptionBooking)
            }
            try await ReceptionRepository(db).insert(booking, slot: slot, createdBy: caller.actor.principal.userID)
            try await AuditLog(db).append(caller.audit("reception.book", .receptionBooking, booking.id, ReceptionServiceTexts.booked(booking, slot: slot, schedule: schedule)))
            return booking
        }
    }

    /// Cancels a booking, or marks the visitor received or not come.
    func apply(_ caller: Caller, bookingID: UUID, event: ReceptionBookingEvent) async throws -> ReceptionBooking {
        try await database.write { db in
            guard let booking = try await ReceptionRepository(db).booking(bookingID) else { throw OborotError.notFound(.receptionBooking) }
            let (_, organization) = try await Self.schedule(booking.scheduleID, db: db)
            try caller.actor.require(ReceptionAccess.manages(organization.path))
            let next = try ReceptionBookingRules.applying(event, to: booking, now: Self.now(organization, db: db)).get()
            try await ReceptionRepository(db).setState(next)
            try await AuditLog(db).append(caller.audit("reception.booking_\(event.rawValue)", .receptionBooking, booking.id, next.state.russianName))
            return next
        }
    }

    func booking(_ caller: Caller, id: UUID) async throws -> ReceptionBooking? {
        try await database.read { db in
            guard let booking = try await ReceptionRepository(db).booking(id) else { return nil }
            let (_, organization) = try await Self.schedule(booking.scheduleID, db: db)
            try caller.actor.require(ReceptionAccess.reads(organization.path))
            return booking
        }
    }

    /// The bookings of an organisation's schedules from `from` to `to`.
    func bookings(_ caller: Caller, organizationID: UUID, from: CalendarDate, to: CalendarDate) async throws -> [ReceptionBooking] {
        try await database.read { db in
            let organization = try await OrganizationRepository(db).get(organizationID)
            try caller.actor.require(ReceptionAccess.reads(organization.path))
            let schedules = try await ReceptionRepository(db).schedules(organizationIDs: [organization.id])
            return try await ReceptionRepository(db).bookings(scheduleIDs: schedules.map(\.id), from: from, to: to)
        }
    }

    /// A visitor received: the card as filled in (from a booking, or a walk-in with the schedule's official). A written
    /// outcome registers the appeal in `journalID` (the «-ОГ» journal) with the card in the same transaction.
    func receive(_ caller: Caller, _ filled: ReceptionCard, journalID: UUID?) async throws -> ReceptionCard {
        let (organization, topics, booking) = try await database.read { db in
            let organization = try await OrganizationRepository(db).get(filled.organizationID)
            let codes = Set(filled.questions.compactMap { TopicCode($0.topicCode) })
            var booking: ReceptionBooking?
            if let id = filled.bookingID {
                guard let found = try await ReceptionRepository(db).booking(id) else { throw OborotError.notFound(.receptionBooking) }
                booking = found
            }
            return (organization, try await TopicRepository(db).find(codes), booking)
        }
        try caller.actor.require(ReceptionAccess.manages(organization.path))
        if let booking, booking.scheduleID != filled.scheduleID { throw OborotError.receptionBookingOfAnotherSchedule }
        if let booking, !(booking.state == .booked || booking.state == .attended) {
            throw OborotError.receptionBookingNotReceivable(booking.state)
        }
        let today = organization.date(at: Date())
        try OborotError.throwIfInvalid(ReceptionCardRules.problems(of: filled, today: today, topic: { topics[$0] }))
        let card = Self.cleaned(filled)
        guard card.outcome.registersAppeal else {
            try await database.write { db in
                try await Self.store(card, booking: booking, caller: caller, db: db)
            }
            return card
        }
        guard let journalID else {
            throw OborotError.validation([FieldProblem(field: "registerInJournalId", code: "required", message: ReceptionServiceTexts.journalRequired)])
        }
        let draft = try ReceptionCardRules.appealDraft(from: card).get()
        var stored = card
        let created = try await appeals.create(
            caller,
            AppealService.NewAppeal(
                organizationID: organization.id,
                requisites: DocumentRequisites(title: String(card.substance.prefix(2000)), deliveryMethod: .personalReception),
                draft: draft, registerIn: journalID,
                alongside: { document, db in
                    var withAppeal = card
                    withAppeal.appealDocumentID = document.id
                    try await Self.store(withAppeal, booking: booking, caller: caller, db: db)
                }))
        stored.appealDocumentID = created.view.document.id
        return stored
    }

    /// The cards of an organisation from `from` to `to`.
    func cards(_ caller: Caller, organizationID: UUID, from: CalendarDate, to: CalendarDate) async throws -> [ReceptionCard] {
        try await database.read { db in
            let organization = try await OrganizationRepository(db).get(organizationID)
            try caller.actor.require(ReceptionAccess.reads(organization.path))
            return try await ReceptionRepository(db).cards(organizationIDs: [organization.id], from: from, to: to)
        }
    }

    // MARK: Helpers

    private static func store(_ card: ReceptionCard, booking: ReceptionBooking?, caller: Caller, db: DatabaseHandle) async throws {
        try await ReceptionRepository(db).insert(card, createdBy: caller.actor.principal.userID)
        if var booking, booking.state == .booked {
            booking.state = .attended
            try await ReceptionRepository(db).setState(booking)
        }
        try await AuditLog(db).append(caller.audit("reception.card", .receptionCard, card.id, ReceptionServiceTexts.received(card)))
    }

    private static func cleaned(_ card: ReceptionCard) -> ReceptionCard {
        var card = card
        card.visitor = AppealRules.cleaned(card.visitor)
        card.substance = card.substance.trimmed
        card.outcomeDetail = card.outcomeDetail?.trimmed.nilIfEmpty
        card.officialName = card.officialName.trimmed
        card.officialPosition = card.officialPosition.trimmed
        return card
    }

    static func schedule(_ id: UUID, db: DatabaseHandle) async throws -> (ReceptionSchedule, Organization) {
        guard let schedule = try await ReceptionRepository(db).schedule(id) else { throw OborotError.notFound(.receptionSchedule) }
        return (schedule, try await OrganizationRepository(db).get(schedule.organizationID))
    }

    /// The organisation's clock, for «is this slot still ahead».
    static func now(_ organization: Organization, db: DatabaseHandle) -> ReceptionMoment {
        ReceptionMoment(db.now, in: TimeZone(identifier: organization.timeZone) ?? TimeZone(identifier: OrganizationRules.defaultTimeZone)!)
    }
}
