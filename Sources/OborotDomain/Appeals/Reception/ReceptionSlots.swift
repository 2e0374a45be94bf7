public import Foundation

/// One bookable interval of a reception day.
public struct ReceptionSlot: Sendable, Hashable {
    public var scheduleID: UUID
    public var date: CalendarDate
    public var startMinute: Int
    public var endMinute: Int
    /// Kept for citizens with the right to a first-priority reception (ст. 13 ч. 7).
    public var heldBack: Bool

    public init(scheduleID: UUID, date: CalendarDate, startMinute: Int, endMinute: Int, heldBack: Bool) {
        self.scheduleID = scheduleID
        self.date = date
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.heldBack = heldBack
    }

    public var start: ReceptionMoment { ReceptionMoment(date: date, minute: startMinute) }

    /// «03.03.2026 10:00–10:15».
    public var russian: String { "\(date.russian) \(ReceptionTexts.time(startMinute))–\(ReceptionTexts.time(endMinute))" }
}

/// The slots a schedule offers, day by day. A reception day that falls on a holiday or a transferred day off is
/// skipped, not moved: the official's other duties fill the next working day, and a moved reception would surprise
/// citizens who read the published rule. A schedule with problems offers nothing: its slots would not be the ones
/// the form shows.
public enum ReceptionSlots {
    /// Every slot from `from` through `to` (both included), in time order; none for an inactive or invalid schedule.
    public static func slots(
        _ schedule: ReceptionSchedule, from: CalendarDate, to: CalendarDate, calendar: WorkCalendar
    ) -> [ReceptionSlot] {
        guard from <= to, ReceptionScheduleRules.problems(of: schedule).isEmpty else { return [] }
        return (0...from.days(until: to)).flatMap { offset in
            daySlots(schedule, on: from.adding(days: offset), calendar: calendar)
        }
    }

    /// The slots of one day; none when the rule does not name the day, the day is not a working day, or it is
    /// outside the schedule's validity.
    public static func slots(_ schedule: ReceptionSchedule, on date: CalendarDate, calendar: WorkCalendar) -> [ReceptionSlot] {
        guard ReceptionScheduleRules.problems(of: schedule).isEmpty else { return [] }
        return daySlots(schedule, on: date, calendar: calendar)
    }

    /// The slot that starts at `startMinute` on `date`, if the schedule has one.
    public static func slot(
        _ schedule: ReceptionSchedule, on date: CalendarDate, startingAt startMinute: Int, calendar: WorkCalendar
    ) -> ReceptionSlot? {
        slots(schedule, on: date, calendar: calendar).first { $0.startMinute == startMinute }
    }

    /// The schedule is active and valid on `date`, its rule names the day, and the calendar says people work.
    public static func isReceptionDay(_ date: CalendarDate, of schedule: ReceptionSchedule, calendar: WorkCalendar) -> Bool {
        schedule.active && schedule.isInEffect(on: date) && schedule.recurrence.matches(date) && calendar.isWorkingDay(date)
    }

    /// The held-back slots are the day's last ones, so unused ones shorten the reception instead of leaving a gap.
    private static func daySlots(_ schedule: ReceptionSchedule, on date: CalendarDate, calendar: WorkCalendar) -> [ReceptionSlot] {
        guard isReceptionDay(date, of: schedule, calendar: calendar) else { return [] }
        let count = schedule.slotsPerDay
        return (0..<count).map { index in
            let start = schedule.startMinute + index * schedule.slotMinutes
            return ReceptionSlot(
                scheduleID: schedule.id, date: date, startMinute: start, endMinute: start + schedule.slotMinutes,
                heldBack: index >= count - schedule.heldBackSlots)
        }
    }
}
