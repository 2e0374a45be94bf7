import Foundation
import OborotDomain
import OborotStore
import Synchronization

/// The production calendar in force: the shipped years, the years an admin loaded (they win), the region's overlay.
///
/// Deadlines are computed on every resolution and every form, so the calendar is kept in memory. A load on this
/// instance refreshes it at once; other instances pick it up within `refreshInterval`.
///
/// | action | policy |
/// |---|---|
/// | read the calendar, compute a deadline | `signedIn` |
/// | load a calendar file | `administersARoot` (the region's administrator) |
final class CalendarService: Sendable {
    let database: any Database
    private let shipped: ProductionCalendarFile
    private let cache = Mutex<Snapshot?>(nil)
    static let refreshInterval: Duration = .seconds(30)

    /// The calendar with what each year came from.
    struct Snapshot: Sendable {
        let calendar: WorkCalendar
        let regionName: String?
        let loaded: [Int: Date]
        let takenAt: ContinuousClock.Instant
    }

    init(database: any Database) throws {
        self.database = database
        self.shipped = try ProductionCalendarFile.shipped()
    }

    func current() async throws -> WorkCalendar {
        try await snapshot().calendar
    }

    func snapshot() async throws -> Snapshot {
        if let cached = cache.withLock({ $0 }), cached.takenAt.duration(to: .now) < Self.refreshInterval {
            return cached
        }
        return try await refresh()
    }

    @discardableResult
    private func refresh() async throws -> Snapshot {
        let (stored, region) = try await database.read { db in try await CalendarRepository(db).load() }
        let loaded = Dictionary(stored.map { ($0.year.year, $0.loadedAt) }, uniquingKeysWith: { $1 })
        let calendar = WorkCalendar(years: shipped.years + stored.map(\.year), overlay: region?.overlay ?? .none)
        let snapshot = Snapshot(calendar: calendar, regionName: region?.regionName, loaded: loaded, takenAt: .now)
        cache.withLock { $0 = snapshot }
        return snapshot
    }

    /// Loads a calendar file: every year in it replaces the same year, a region block replaces the overlay.
    /// Nothing is stored from a file with problems.
    func load(_ caller: Caller, text: String) async throws -> Snapshot {
        try caller.actor.require(.administersARoot)
        let file = try ProductionCalendarFile.parse(text)
        try await database.write { db in
            try await CalendarRepository(db).store(file, loadedBy: caller.actor.performingUserID)
            for year in file.years {
                try await AuditLog(db).append(
                    caller.audit("calendar.load", .calendarYear, key: String(year.year), CalendarServiceTexts.yearLoaded(year)))
            }
            if file.regionName != nil || !file.overlay.isEmpty {
                try await AuditLog(db).append(
                    caller.audit("calendar.overlay", .calendarYear, key: "region", CalendarServiceTexts.overlayLoaded(file)))
            }
        }
        return try await refresh()
    }

    /// A deadline for the calculator: `period` or an explicit `date` from `from`; the region's last-day rule unless
    /// `lastDay` says otherwise.
    func deadline(_ caller: Caller, from: String, period: String?, date: String?, lastDay: String?) async throws
        -> (deadline: ComputedDeadline, rule: LastDayRule, confirmed: Bool)
    {
        try caller.actor.require(.signedIn)
        let calendar = try await current()
        var problems: [FieldProblem] = []
        let start = CalendarDate(iso: from)
        if start == nil { problems.append(FieldProblem(field: "from", code: "invalid_date", message: CalendarServiceTexts.badFrom)) }
        let parsedPeriod = period.flatMap { $0.isEmpty ? nil : $0 }.map { DeadlinePeriod(code: $0) }
        if case .some(nil) = parsedPeriod {
            problems.append(FieldProblem(field: "period", code: "invalid_period", message: CalendarServiceTexts.badPeriod))
        }
        let explicit = date.flatMap { $0.isEmpty ? nil : $0 }.map { CalendarDate(iso: $0) }
        if case .some(nil) = explicit {
            problems.append(FieldProblem(field: "date", code: "invalid_date", message: CalendarServiceTexts.badDate))
        }
        if parsedPeriod != nil && explicit != nil {
            problems.append(FieldProblem(field: "date", code: "period_and_date", message: CalendarServiceTexts.periodAndDate))
        }
        let rule = lastDay.flatMap { $0.isEmpty ? nil : $0 }.map { LastDayRule(rawValue: $0) } ?? calendar.overlay.lastDayRule
        if rule == nil {
            problems.append(FieldProblem(field: "lastDay", code: "invalid_last_day", message: CalendarServiceTexts.badLastDay))
        }
        try OborotError.throwIfInvalid(problems)
        guard let start, let rule else { throw OborotError.validation(problems) }
        // Both parsed without problems here; at most one of them is given.
        let choice = (explicit ?? nil).map(DeadlineChoice.date) ?? (parsedPeriod ?? nil).map(DeadlineChoice.period)
        let result = ResolutionRules.compute(choice, from: start, calendar: calendar, lastDay: rule)
        let confirmed = calendar.covers(year: result.nominalDate.year) && calendar.covers(year: result.date.year)
        return (result, rule, confirmed)
    }

    /// One year as the calendar sees it; years outside 2000–2100 do not exist.
    func year(_ caller: Caller, _ year: Int) async throws -> (WorkCalendar, ProductionCalendarYear?) {
        try caller.actor.require(.signedIn)
        guard (2000...2100).contains(year) else { throw OborotError.notFound(.calendarYear) }
        let calendar = try await current()
        return (calendar, calendar.years[year])
    }
}

enum CalendarServiceTexts {
    static let badFrom = "Укажите дату, от которой считается срок, в формате ГГГГ-ММ-ДД."
    static let badDate = "Срок датой указывается в формате ГГГГ-ММ-ДД."
    static let badPeriod =
        "Срок задаётся как 30d (календарные дни), 5wd (рабочие дни), 1m (месяцы), urgent («срочно») или operative "
        + "(«оперативно»); число — от 1 до 366."
    static let periodAndDate = "Укажите либо период, либо дату срока, но не то и другое сразу."
    static let badLastDay = "lastDay: previous (на предыдущий рабочий день) или next (на следующий)."

    static func yearLoaded(_ year: ProductionCalendarYear) -> String {
        "Загружен производственный календарь на \(year.year) год (\(year.decree)): \(year.workingDayCount) рабочих дней"
    }

    static func overlayLoaded(_ file: ProductionCalendarFile) -> String {
        "Загружены региональные особенности календаря\(file.regionName.map { " («\($0)»)" } ?? ""): "
            + "нерабочих дней \(file.overlay.daysOff.count), рабочих \(file.overlay.workingDays.count)"
    }
}
