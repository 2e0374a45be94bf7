/// A deadline with the reasoning behind it, shown next to the date in the forms and on the card.
public struct ComputedDeadline: Sendable, Hashable {
    /// The last day to execute.
    public let date: CalendarDate
    /// The last day by the count alone, before moving off a non-working day.
    public let nominalDate: CalendarDate
    /// Russian, one or two sentences: how the date was counted and why it moved.
    public let explanation: String
}

/// The deadline rules of records management (see `records-and-control.md`): calendar days from the resolution's date;
/// no deadline → one month; «срочно» → 3 days; «оперативно» → 10 days; a last day on a non-working day moves to the
/// previous working day (or the next, where the region chose Civil Code art. 193).
public enum DeadlinePolicy {
    public static let urgentDays = 3
    public static let operativeDays = 10

    /// The deadline for a resolution dated `start`; `period` nil is the default of one month.
    public static func deadline(
        from start: CalendarDate, period: DeadlinePeriod?, lastDay: LastDayRule = .previous, calendar: WorkCalendar
    ) -> ComputedDeadline {
        let counted: CalendarDate
        var reason: String
        switch period {
        case nil:
            let (date, clamped) = addingMonths(1, to: start)
            counted = date
            reason = DeadlineTexts.defaultMonth(from: start, to: date, clamped: clamped)
        case .months(let count):
            let (date, clamped) = addingMonths(count, to: start)
            counted = date
            reason = DeadlineTexts.months(count, from: start, to: date, clamped: clamped)
        case .calendarDays(let count):
            counted = calendar.adding(calendarDays: count, to: start)
            reason = DeadlineTexts.calendarDays(count, from: start, to: counted)
        case .urgent:
            counted = calendar.adding(calendarDays: urgentDays, to: start)
            reason = DeadlineTexts.urgent(from: start, to: counted)
        case .operative:
            counted = calendar.adding(calendarDays: operativeDays, to: start)
            reason = DeadlineTexts.operative(from: start, to: counted)
        case .workingDays(let count):
            // Counting working days never lands on a day off, so there is nothing to move.
            counted = calendar.adding(workingDays: count, to: start)
            reason = DeadlineTexts.workingDays(count, from: start, to: counted)
        }
        return finish(nominal: counted, reason: reason, lastDay: lastDay, calendar: calendar)
    }

    /// A date the head picked: kept, unless it is a non-working day, which moves like any other last day.
    public static func deadline(
        on date: CalendarDate, from start: CalendarDate, lastDay: LastDayRule = .previous, calendar: WorkCalendar
    ) -> ComputedDeadline {
        finish(
            nominal: date, reason: DeadlineTexts.explicitDate(date, from: start), lastDay: lastDay,
            calendar: calendar)
    }

    private static func finish(
        nominal: CalendarDate, reason: String, lastDay: LastDayRule, calendar: WorkCalendar
    ) -> ComputedDeadline {
        var explanation = reason
        var date = nominal
        if let dayOff = calendar.dayOffReason(nominal) {
            date = lastDay == .previous
                ? calendar.previousWorkingDay(onOrBefore: nominal) : calendar.nextWorkingDay(onOrAfter: nominal)
            explanation += DeadlineTexts.moved(nominal, because: dayOff, to: date, rule: lastDay)
        }
        explanation += "."
        let years = Set([nominal.year, date.year])
        for year in years.sorted() where !calendar.covers(year: year) {
            explanation += DeadlineTexts.calendarNotLoaded(year)
        }
        return ComputedDeadline(date: date, nominalDate: nominal, explanation: explanation)
    }

    /// The same day `count` months later, or that month's last day when the day does not exist (31 January + 1 month
    /// = 28 or 29 February); `clamped` says which.
    public static func addingMonths(_ count: Int, to date: CalendarDate) -> (date: CalendarDate, clamped: Bool) {
        let monthIndex = date.year * 12 + (date.month - 1) + count
        let year = monthIndex / 12
        let month = monthIndex % 12 + 1
        let lastDay = CalendarDate.daysIn(month: month, year: year)
        let day = min(date.day, lastDay)
        return (CalendarDate(year: year, month: month, day: day)!, day != date.day)
    }

    /// The latest deadline a resolution dated `today` may set: one year ahead.
    public static func latestAllowed(today: CalendarDate) -> CalendarDate {
        addingMonths(12, to: today).date
    }

    /// A deadline in the past or beyond a year is refused, with the reason.
    public static func problems(deadline: CalendarDate, today: CalendarDate, field: String) -> [FieldProblem] {
        if deadline < today {
            return [FieldProblem(field: field, code: "deadline_in_past", message: DeadlineTexts.inPast(deadline, today: today))]
        }
        let latest = latestAllowed(today: today)
        if deadline > latest {
            return [
                FieldProblem(
                    field: field, code: "deadline_too_far", message: DeadlineTexts.tooFar(deadline, latest: latest))
            ]
        }
        return []
    }
}
