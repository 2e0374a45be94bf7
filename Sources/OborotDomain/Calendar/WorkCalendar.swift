/// The production calendar the deadlines are counted on: federal years loaded as data, a regional overlay on top.
///
/// For a year with no data (before 2025, or a year whose decree is not loaded yet) the calendar falls back to
/// Saturdays, Sundays and the fixed holidays of Labour Code art. 112 without transfers; `covers(year:)` tells the
/// two apart so the UI can warn that a deadline was counted on an unconfirmed calendar.
public struct WorkCalendar: Sendable, Hashable {
    public let years: [Int: ProductionCalendarYear]
    public let overlay: RegionalCalendarOverlay

    public init(years: [ProductionCalendarYear], overlay: RegionalCalendarOverlay = .none) {
        self.years = Dictionary(years.map { ($0.year, $0) }, uniquingKeysWith: { _, newer in newer })
        self.overlay = overlay
    }

    /// The same calendar with `year` added or replaced (an admin loading a new decree).
    public func replacing(_ year: ProductionCalendarYear) -> WorkCalendar {
        var all = years
        all[year.year] = year
        return WorkCalendar(years: Array(all.values), overlay: overlay)
    }

    public func with(overlay: RegionalCalendarOverlay) -> WorkCalendar {
        WorkCalendar(years: Array(years.values), overlay: overlay)
    }

    /// Whether the year's decree is loaded (otherwise the fallback rule counts).
    public func covers(year: Int) -> Bool { years[year] != nil }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        if overlay.daysOff[date] != nil { return false }
        if overlay.workingDays.contains(date) { return true }
        if let known = years[date.year] { return known.isWorkingDay(date) }
        return !date.isWeekend && !Self.fixedHolidays.contains(MonthDay(date))
    }

    /// A pre-holiday day one hour shorter (Labour Code art. 95).
    public func isShortened(_ date: CalendarDate) -> Bool {
        years[date.year]?.shortened.contains(date) ?? false
    }

    /// Why a day is not a working day, in Russian («выходной день», «нерабочий праздничный день»…); nil on working days.
    public func dayOffReason(_ date: CalendarDate) -> String? {
        guard !isWorkingDay(date) else { return nil }
        if let name = overlay.daysOff[date] { return CalendarTexts.regionalDayOff(name) }
        if Self.fixedHolidays.contains(MonthDay(date)) { return CalendarTexts.holiday }
        if date.isWeekend { return CalendarTexts.weekend }
        return CalendarTexts.transferredDayOff
    }

    /// The date itself when it is a working day, else the nearest working day after it.
    public func nextWorkingDay(onOrAfter date: CalendarDate) -> CalendarDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The date itself when it is a working day, else the nearest working day before it.
    public func previousWorkingDay(onOrBefore date: CalendarDate) -> CalendarDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: -1) }
        return day
    }

    /// `days` calendar days after `date`: the period starts the day after the event (Civil Code art. 191).
    public func adding(calendarDays days: Int, to date: CalendarDate) -> CalendarDate {
        date.adding(days: days)
    }

    /// The `count`-th working day after `date` (the event's own day is not counted, art. 191); `count` 0 is the
    /// date itself; a negative count goes back.
    public func adding(workingDays count: Int, to date: CalendarDate) -> CalendarDate {
        var day = date
        var left = abs(count)
        let step = count < 0 ? -1 : 1
        while left > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// Working days from `start` through `end`, both included; 0 when `end` is before `start`.
    public func workingDays(from start: CalendarDate, through end: CalendarDate) -> Int {
        guard start <= end else { return 0 }
        var count = 0
        var day = start
        while day <= end {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// Month and day of the holidays fixed by Labour Code art. 112, for years with no data.
    static let fixedHolidays: Set<MonthDay> = [
        MonthDay(1, 1), MonthDay(1, 2), MonthDay(1, 3), MonthDay(1, 4), MonthDay(1, 5), MonthDay(1, 6),
        MonthDay(1, 7), MonthDay(1, 8), MonthDay(2, 23), MonthDay(3, 8), MonthDay(5, 1), MonthDay(5, 9),
        MonthDay(6, 12), MonthDay(11, 4),
    ]

    struct MonthDay: Hashable, Sendable {
        let month: Int
        let day: Int
        init(_ month: Int, _ day: Int) {
            self.month = month
            self.day = day
        }
        init(_ date: CalendarDate) {
            self.init(date.month, date.day)
        }
    }
}
