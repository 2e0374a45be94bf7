/// One year of the Russian production calendar as published by a Government decree: the days off that are not
/// ordinary Saturdays and Sundays (holidays and transferred days off; holidays on weekends are listed too), the
/// Saturdays and Sundays that are working days, and the shortened pre-holiday working days.
public struct ProductionCalendarYear: Sendable, Hashable {
    public let year: Int
    /// The decree that set the transfers, e.g. «Постановление Правительства РФ от 24.09.2025 № 1466».
    public let decree: String
    public let daysOff: Set<CalendarDate>
    public let workingWeekends: Set<CalendarDate>
    public let shortened: Set<CalendarDate>

    /// Checks the facts fit together; the problems are Russian sentences for the person loading a file.
    public init(
        year: Int, decree: String, daysOff: Set<CalendarDate>, workingWeekends: Set<CalendarDate>,
        shortened: Set<CalendarDate>
    ) throws(OborotError) {
        let problems = Self.problems(
            year: year, daysOff: daysOff, workingWeekends: workingWeekends, shortened: shortened)
        guard problems.isEmpty else { throw CalendarTexts.invalidFile(problems) }
        self.year = year
        self.decree = decree
        self.daysOff = daysOff
        self.workingWeekends = workingWeekends
        self.shortened = shortened
    }

    /// What is wrong with a year's facts: dates from another year, a "working weekend" that is a weekday, a day
    /// both off and working, a shortened day that is not a working day.
    public static func problems(
        year: Int, daysOff: Set<CalendarDate>, workingWeekends: Set<CalendarDate>, shortened: Set<CalendarDate>
    ) -> [String] {
        var problems: [String] = []
        for (name, dates) in [("days_off", daysOff), ("working_weekends", workingWeekends), ("shortened", shortened)] {
            for date in dates.sorted() where date.year != year {
                problems.append(CalendarTexts.dateOutsideYear(date, list: name, year: year))
            }
        }
        for date in workingWeekends.sorted() where !date.isWeekend {
            problems.append(CalendarTexts.workingWeekendNotWeekend(date))
        }
        for date in daysOff.intersection(workingWeekends).sorted() {
            problems.append(CalendarTexts.bothOffAndWorking(date))
        }
        for date in shortened.sorted() where daysOff.contains(date) || (date.isWeekend && !workingWeekends.contains(date)) {
            problems.append(CalendarTexts.shortenedNotWorking(date))
        }
        return problems
    }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        if workingWeekends.contains(date) { return true }
        return !date.isWeekend && !daysOff.contains(date)
    }

    /// Every date of the year, 1 January to 31 December.
    public var dates: [CalendarDate] {
        let first = CalendarDate(year: year, month: 1, day: 1)!
        let count = CalendarDate.isLeap(year) ? 366 : 365
        return (0..<count).map { first.adding(days: $0) }
    }

    public var workingDayCount: Int { dates.count(where: isWorkingDay) }
}
