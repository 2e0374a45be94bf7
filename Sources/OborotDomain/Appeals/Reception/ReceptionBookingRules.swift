/// The rules of booking a reception slot. Pure: the service loads the schedule and its active bookings of the day,
/// calls, and stores. Two clerks booking the same slot at once are the store's to stop (a unique index on the active
/// slot); these rules answer with the reason a person can act on.
public enum ReceptionBookingRules {
    public static let maxQuestionLength = 1000
    public static let maxPriorityNoteLength = 500

    /// The booking as it will be stored (visitor and texts cleaned, state `booked`), or why it cannot be:
    /// the fields (every problem at once), an inactive schedule, no such slot, a slot already begun, a slot held
    /// back for first-priority visitors, a slot taken, or the visitor already booked that day with this official.
    public static func booking(
        _ candidate: ReceptionBooking, in schedule: ReceptionSchedule, existing: [ReceptionBooking], now: ReceptionMoment,
        calendar: WorkCalendar
    ) -> Result<ReceptionBooking, OborotError> {
        let problems = self.problems(of: candidate)
        guard problems.isEmpty else { return .failure(.validation(problems)) }
        guard schedule.active else { return .failure(.receptionScheduleInactive) }
        guard candidate.scheduleID == schedule.id,
            let slot = ReceptionSlots.slot(schedule, on: candidate.date, startingAt: candidate.startMinute, calendar: calendar)
        else {
            return .failure(.receptionSlotNotInSchedule(
                date: candidate.date, minute: candidate.startMinute, dayOff: dayOff(candidate.date, schedule, calendar)))
        }
        guard slot.start > now else { return .failure(.receptionSlotInPast(slot)) }
        if slot.heldBack && candidate.priority == nil { return .failure(.receptionSlotHeldBack(slot)) }
        let active = existing.filter { $0.isActive && $0.scheduleID == schedule.id && $0.id != candidate.id }
        if active.contains(where: { $0.date == slot.date && $0.startMinute == slot.startMinute }) {
            return .failure(.receptionSlotTaken(slot))
        }
        let keys = ReceptionVisitors.keys(of: candidate.visitor)
        if let earlier = active.first(where: { $0.date == slot.date && !ReceptionVisitors.keys(of: $0.visitor).isDisjoint(with: keys) }) {
            return .failure(.receptionVisitorAlreadyBooked(earlier))
        }
        var booking = candidate
        booking.visitor = AppealRules.cleaned(candidate.visitor)
        booking.question = candidate.question.trimmed
        booking.priorityNote = candidate.priority == nil ? nil : candidate.priorityNote?.trimmed.nilIfEmpty
        booking.state = .booked
        return .success(booking)
    }

    /// Every problem of a booking's own fields, in field order.
    public static func problems(of booking: ReceptionBooking) -> [FieldProblem] {
        var problems = ReceptionVisitors.problems(of: booking.visitor, field: "visitor", contact: .phoneOrEmail)
        problems += TextRules.required(booking.question.trimmed, field: "question", maxLength: maxQuestionLength, label: "Суть вопроса")
        let note = booking.priorityNote?.trimmed ?? ""
        if booking.priority == .other && note.isEmpty {
            problems.append(FieldProblem(field: "priorityNote", code: "required", message: ReceptionTexts.priorityCategoryRequired))
        }
        problems += TextRules.optional(note, field: "priorityNote", maxLength: maxPriorityNoteLength, label: "Основание первоочередного приёма")
        return problems
    }

    /// The slots a visitor can still book: ahead of `now`, not taken by an active booking, and not held back
    /// unless the visitor has the right to a first-priority reception.
    public static func freeSlots(
        _ schedule: ReceptionSchedule, from: CalendarDate, to: CalendarDate, calendar: WorkCalendar,
        existing: [ReceptionBooking], now: ReceptionMoment, priority: Bool
    ) -> [ReceptionSlot] {
        let taken = Set(existing.filter { $0.isActive && $0.scheduleID == schedule.id }.map(\.start))
        return ReceptionSlots.slots(schedule, from: from, to: to, calendar: calendar).filter { slot in
            slot.start > now && !taken.contains(slot.start) && (priority || !slot.heldBack)
        }
    }

    /// The booking after `event` at `now`: cancelled only before its slot begins; attended from the reception day
    /// (a visitor may be received earlier than booked); a no-show only once the slot has begun.
    public static func applying(
        _ event: ReceptionBookingEvent, to booking: ReceptionBooking, now: ReceptionMoment
    ) -> Result<ReceptionBooking, OborotError> {
        let state: ReceptionBookingState
        switch ReceptionBookingLifecycle.next(booking.state, on: event) {
        case .success(let next): state = next
        case .failure(let error): return .failure(error)
        }
        switch event {
        case .cancel where now >= booking.start:
            return .failure(.receptionAlreadyStarted(booking))
        case .markAttended where now.date < booking.date, .markNoShow where now < booking.start:
            return .failure(.receptionBookingTooEarly(event, booking))
        default:
            var next = booking
            next.state = state
            return .success(next)
        }
    }

    /// Why a day the rule names has no slots, when it is because the calendar says nobody works.
    private static func dayOff(_ date: CalendarDate, _ schedule: ReceptionSchedule, _ calendar: WorkCalendar) -> String? {
        guard schedule.recurrence.matches(date) else { return nil }
        return calendar.dayOffReason(date)
    }
}
