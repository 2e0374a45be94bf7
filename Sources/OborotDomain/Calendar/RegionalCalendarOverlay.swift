/// A region's own changes to the federal calendar: extra days off (republics' holidays, a regional day of
/// remembrance) and, rarely, extra working days. Applied on top of every year.
public struct RegionalCalendarOverlay: Sendable, Hashable {
    /// Extra days off with their names, e.g. «День Республики».
    public let daysOff: [CalendarDate: String]
    public let workingDays: Set<CalendarDate>
    /// Where a deadline ending on a day off moves: back (the records-management rule, the default) or forward.
    public let lastDayRule: LastDayRule

    public static let none = RegionalCalendarOverlay(daysOff: [:], workingDays: [])

    public init(daysOff: [CalendarDate: String], workingDays: Set<CalendarDate>, lastDayRule: LastDayRule = .previous) {
        self.daysOff = daysOff
        self.workingDays = workingDays.subtracting(daysOff.keys)
        self.lastDayRule = lastDayRule
    }

    public var isEmpty: Bool { daysOff.isEmpty && workingDays.isEmpty && lastDayRule == .previous }
}
