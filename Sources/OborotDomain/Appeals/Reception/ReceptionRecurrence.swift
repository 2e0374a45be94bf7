/// On which days a reception takes place: every week on some weekdays, or on some weeks of each month on one weekday
/// («первый вторник месяца», as governors often hold it). Weekdays are ISO: 1 Monday … 7 Sunday.
public enum ReceptionRecurrence: Sendable, Hashable, Codable {
    case weekly(weekdays: Set<Int>)
    case monthly(weeks: Set<WeekOfMonth>, weekday: Int)

    /// Whether the rule names `date` (holidays are the calendar's business, not the rule's).
    public func matches(_ date: CalendarDate) -> Bool {
        switch self {
        case .weekly(let weekdays):
            return weekdays.contains(date.weekday)
        case .monthly(let weeks, let weekday):
            return date.weekday == weekday && weeks.contains { $0.contains(date) }
        }
    }

    /// «по вторникам и четвергам», «в первую и третью среду месяца».
    public var russianDescription: String {
        switch self {
        case .weekly(let weekdays):
            return "по " + ReceptionTexts.list(weekdays.sorted().map(ReceptionTexts.weekdayDativePlural))
        case .monthly(let weeks, let weekday):
            let ordinals = weeks.sorted { $0.order < $1.order }.map { ReceptionTexts.ordinal($0, weekday: weekday) }
            // «во второй», but «в первый», «в третью».
            let preposition = ordinals.first?.hasPrefix("втор") == true ? "во" : "в"
            return "\(preposition) \(ReceptionTexts.list(ordinals)) \(ReceptionTexts.weekdayAccusative(weekday)) месяца"
        }
    }
}

/// Which occurrence of a weekday in its month: the first to the fourth, or the last (the fourth or the fifth).
public enum WeekOfMonth: String, Sendable, Hashable, CaseIterable, Codable {
    case first
    case second
    case third
    case fourth
    case last

    /// For sorting in descriptions: the first before the last.
    var order: Int {
        switch self {
        case .first: 1
        case .second: 2
        case .third: 3
        case .fourth: 4
        case .last: 5
        }
    }

    /// Whether `date` is this occurrence of its own weekday in its month.
    public func contains(_ date: CalendarDate) -> Bool {
        switch self {
        case .last: date.day + 7 > CalendarDate.daysIn(month: date.month, year: date.year)
        default: (date.day - 1) / 7 + 1 == order
        }
    }
}
