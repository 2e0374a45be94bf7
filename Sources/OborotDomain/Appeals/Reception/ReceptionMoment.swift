public import Foundation

/// A moment as the organisation's clock shows it: the calendar date and the minute from midnight. Reception slots
/// are published in local time, so "is this slot still ahead?" is asked in local time too.
public struct ReceptionMoment: Sendable, Hashable, Comparable {
    public var date: CalendarDate
    public var minute: Int

    public init(date: CalendarDate, minute: Int) {
        self.date = date
        self.minute = minute
    }

    /// The local date and minute of `instant` in the organisation's `timeZone`.
    public init(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        self.init(date: CalendarDate(instant, in: timeZone), minute: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }

    public static func < (lhs: ReceptionMoment, rhs: ReceptionMoment) -> Bool {
        (lhs.date, lhs.minute) < (rhs.date, rhs.minute)
    }

    /// «03.03.2026 10:15».
    public var russian: String { "\(date.russian) \(ReceptionTexts.time(minute))" }
}
