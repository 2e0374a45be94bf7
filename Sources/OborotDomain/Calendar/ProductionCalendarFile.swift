import Foundation

/// The text format the production calendar ships and loads in (the same shape as the published tables):
///
///     # comment
///     year: 2026
///     decree: Постановление Правительства РФ от 24.09.2025 № 1466
///     days_off: [2026-01-01, 2026-01-02, …]          (a list may run over several lines)
///     working_weekends: []
///     shortened: [2026-04-30, …]
///
///     region: Республика Татарстан                    (optional: the regional overlay)
///     day_off: 2026-08-30 День Республики
///     working_day: 2026-…
///     last_day: previous                              (or `next`: where a deadline on a day off moves)
///
/// Every problem is reported with its line number, in Russian, and nothing is taken from a file with problems.
public struct ProductionCalendarFile: Sendable, Hashable {
    public var years: [ProductionCalendarYear]
    public var regionName: String?
    public var overlay: RegionalCalendarOverlay

    public init(years: [ProductionCalendarYear], regionName: String? = nil, overlay: RegionalCalendarOverlay = .none) {
        self.years = years.sorted { $0.year < $1.year }
        self.regionName = regionName
        self.overlay = overlay
    }

    /// Files larger than this are refused before parsing: a decade of calendars is under 10 KB.
    public static let maximumBytes = 256 * 1024

    public static func parse(_ text: String) throws(OborotError) -> ProductionCalendarFile {
        var parser = Parser()
        parser.read(text)
        return try parser.finish()
    }

    /// The canonical text: what `parse` reads back to the same value.
    public func render() -> String {
        var lines: [String] = []
        for year in years {
            lines.append("year: \(year.year)")
            lines.append("decree: \(year.decree)")
            lines.append("days_off: \(Self.list(year.daysOff))")
            lines.append("working_weekends: \(Self.list(year.workingWeekends))")
            lines.append("shortened: \(Self.list(year.shortened))")
            lines.append("")
        }
        if !overlay.isEmpty || regionName != nil {
            lines.append("region: \(regionName ?? "")")
            for (date, name) in overlay.daysOff.sorted(by: { $0.key < $1.key }) {
                lines.append("day_off: \(date.iso) \(name)")
            }
            for date in overlay.workingDays.sorted() { lines.append("working_day: \(date.iso)") }
            lines.append("last_day: \(overlay.lastDayRule.rawValue)")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private static func list(_ dates: Set<CalendarDate>) -> String {
        "[" + dates.sorted().map(\.iso).joined(separator: ", ") + "]"
    }

    private struct Parser {
        struct YearDraft {
            var line: Int
            var year: Int
            var decree = ""
            var daysOff: Set<CalendarDate> = []
            var workingWeekends: Set<CalendarDate> = []
            var shortened: Set<CalendarDate> = []
            var seenKeys: Set<String> = []
        }

        var problems: [String] = []
        var drafts: [YearDraft] = []
        var inRegion = false
        var regionName: String?
        var regionalDaysOff: [CalendarDate: String] = [:]
        var regionalWorkingDays: Set<CalendarDate> = []
        var lastDayRule = LastDayRule.previous
        /// A `[`-list still open: its key, the line it started on, and the text so far.
        var pending: (key: String, line: Int, text: String)?

        mutating func read(_ text: String) {
            for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let lineNumber = index + 1
                var line = Substring(raw)
                if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
                let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                if var open = pending {
                    open.text += " " + trimmed
                    pending = open
                    if trimmed.contains("]") {
                        pending = nil
                        take(key: open.key, value: open.text, line: open.line)
                    }
                    continue
                }
                guard !trimmed.isEmpty else { continue }
                guard let colon = trimmed.firstIndex(of: ":") else {
                    problems.append(CalendarTexts.lineNotUnderstood(lineNumber))
                    continue
                }
                let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if value.hasPrefix("[") && !value.contains("]") {
                    pending = (key, lineNumber, value)
                    continue
                }
                take(key: key, value: value, line: lineNumber)
            }
            if let open = pending { problems.append(CalendarTexts.listNotClosed(open.line)) }
        }

        mutating func take(key: String, value: String, line: Int) {
            switch key {
            case "year":
                inRegion = false
                guard let year = Int(value), (2000...2100).contains(year) else {
                    problems.append(CalendarTexts.badYear(value, line: line))
                    return
                }
                if drafts.contains(where: { $0.year == year }) { problems.append(CalendarTexts.yearTwice(year, line: line)) }
                drafts.append(YearDraft(line: line, year: year))
            case "region":
                inRegion = true
                regionName = value.isEmpty ? nil : value
            case "day_off" where inRegion, "working_day" where inRegion:
                let parts = value.split(separator: " ", maxSplits: 1)
                guard let first = parts.first, let date = CalendarDate(iso: String(first)) else {
                    problems.append(CalendarTexts.badDate(value, line: line))
                    return
                }
                if key == "day_off" {
                    let name = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
                    regionalDaysOff[date] = name.isEmpty ? CalendarTexts.unnamedRegionalDayOff : name
                } else {
                    regionalWorkingDays.insert(date)
                }
            case "last_day" where inRegion:
                guard let rule = LastDayRule(rawValue: value.lowercased()) else {
                    problems.append(CalendarTexts.badLastDay(value, line: line))
                    return
                }
                lastDayRule = rule
            case "decree", "days_off", "working_weekends", "shortened":
                guard !inRegion, var draft = drafts.popLast() else {
                    problems.append(CalendarTexts.keyOutsideYear(key, line: line))
                    return
                }
                defer { drafts.append(draft) }
                if !draft.seenKeys.insert(key).inserted { problems.append(CalendarTexts.keyTwice(key, line: line)) }
                if key == "decree" {
                    draft.decree = value
                    return
                }
                let dates = list(value, line: line)
                switch key {
                case "days_off": draft.daysOff = dates
                case "working_weekends": draft.workingWeekends = dates
                default: draft.shortened = dates
                }
            default:
                problems.append(CalendarTexts.unknownKey(key, line: line))
            }
        }

        mutating func list(_ value: String, line: Int) -> Set<CalendarDate> {
            var body = Substring(value)
            if body.hasPrefix("[") { body = body.dropFirst() }
            if body.hasSuffix("]") { body = body.dropLast() }
            var dates: Set<CalendarDate> = []
            for item in body.split(separator: ",") {
                let text = item.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                if let date = CalendarDate(iso: text) { dates.insert(date) } else {
                    problems.append(CalendarTexts.badDate(text, line: line))
                }
            }
            return dates
        }

        mutating func finish() throws(OborotError) -> ProductionCalendarFile {
            var years: [ProductionCalendarYear] = []
            for draft in drafts {
                for key in ["decree", "days_off"] where !draft.seenKeys.contains(key) {
                    problems.append(CalendarTexts.keyMissing(key, year: draft.year, line: draft.line))
                }
                let yearProblems = ProductionCalendarYear.problems(
                    year: draft.year, daysOff: draft.daysOff, workingWeekends: draft.workingWeekends,
                    shortened: draft.shortened)
                problems.append(contentsOf: yearProblems)
                if yearProblems.isEmpty, draft.seenKeys.contains("decree"),
                    let year = try? ProductionCalendarYear(
                        year: draft.year, decree: draft.decree, daysOff: draft.daysOff,
                        workingWeekends: draft.workingWeekends, shortened: draft.shortened)
                {
                    years.append(year)
                }
            }
            if drafts.isEmpty && regionName == nil && regionalDaysOff.isEmpty && problems.isEmpty {
                problems.append(CalendarTexts.emptyFile)
            }
            guard problems.isEmpty else { throw CalendarTexts.invalidFile(problems) }
            return ProductionCalendarFile(
                years: years, regionName: regionName,
                overlay: RegionalCalendarOverlay(
                    daysOff: regionalDaysOff, workingDays: regionalWorkingDays, lastDayRule: lastDayRule))
        }
    }
}
