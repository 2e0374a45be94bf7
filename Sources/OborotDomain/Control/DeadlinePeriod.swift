import Foundation

/// How a deadline is set on a resolution: a period from the resolution's date, or a mark.
public enum DeadlinePeriod: Sendable, Hashable {
    /// N calendar days (59-ФЗ, assignments).
    case calendarDays(Int)
    /// N working days on the production calendar (210-ФЗ periods).
    case workingDays(Int)
    /// N months: the same day N months later, or that month's last day.
    case months(Int)
    /// «срочно»: 3 calendar days.
    case urgent
    /// «оперативно»: 10 calendar days.
    case operative

    /// The longest period a form may ask for: deadlines beyond a year are refused anyway.
    public static let maximumCount = 366

    /// Reads the API's codes: `30d`, `5wd`, `1m`, `urgent`, `operative`.
    public init?(code: String) {
        let text = code.trimmingCharacters(in: .whitespaces).lowercased()
        switch text {
        case "urgent": self = .urgent
        case "operative": self = .operative
        default:
            for (suffix, make) in [("wd", Self.workingDays), ("d", Self.calendarDays), ("m", Self.months)]
            where text.hasSuffix(suffix) {
                let digits = text.dropLast(suffix.count)
                guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let count = Int(digits),
                    (1...Self.maximumCount).contains(count)
                else { return nil }
                self = make(count)
                return
            }
            return nil
        }
    }

    public var code: String {
        switch self {
        case .calendarDays(let count): "\(count)d"
        case .workingDays(let count): "\(count)wd"
        case .months(let count): "\(count)m"
        case .urgent: "urgent"
        case .operative: "operative"
        }
    }
}

/// What happens when a deadline counted in calendar days ends on a non-working day.
public enum LastDayRule: String, Sendable, Hashable, CaseIterable {
    /// The records-management rule: the last day moves back to the previous working day.
    case previous
    /// Civil Code art. 193: the last day moves forward to the next working day (a region may choose it).
    case next
}
