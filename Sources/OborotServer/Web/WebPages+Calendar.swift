import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// The production calendar page: the years in force, one year's days off, a deadline calculator, and for the
/// region's administrator the form that loads a calendar file.
extension WebPages {
    struct CalendarModel {
        struct YearRow {
            var year: Int
            var decree: String
            var workingDays: Int
            var source: String
            var current: Bool
        }

        struct Day {
            var date: String
            var reason: String
        }

        var years: [YearRow]
        var year: Int
        var confirmed: Bool
        var daysOff: [Day]
        var workingWeekends: [String]
        var hasWorkingWeekends: Bool
        var shortened: [String]
        var hasShortened: Bool
        var lastDayRule: String
        var regionalDaysOff: [Day]
        var hasRegionalDaysOff: Bool
        var canLoad: Bool
        var notice: String?
        var error: String?
        var text: String
        var from: String
        var period: String
        var explanation: String?
    }

    func addCalendarRoutes(to router: Router<AppRequestContext>) {
        router.get("/calendar") { request, _ in
            let caller = try signedIn(request)
            let parameters = request.uri.queryParameters
            return try await calendarPage(
                caller, year: parameters["year"].flatMap { Int($0) }, from: parameters["from"].map(String.init),
                period: parameters["period"].map(String.init), notice: parameters["loaded"] == "1" ? "Календарь загружен." : nil)
        }
        router.post("/calendar") { request, _ in
            let caller = try signedIn(request)
            let form = Dictionary(try await WebForms.pairs(from: request), uniquingKeysWith: { first, _ in first })
            let text = form["text"] ?? ""
            do {
                _ = try await services.calendar.load(caller, text: text)
                return WebRedirect(location: "/calendar?loaded=1").response
            } catch let error as OborotError where error.kind == .unprocessable {
                return try await calendarPage(caller, year: nil, from: nil, period: nil, error: error, text: text)
            }
        }
    }

    private func calendarPage(
        _ caller: Caller, year requested: Int?, from: String?, period: String?, notice: String? = nil,
        error: OborotError? = nil, text: String = ""
    ) async throws -> Response {
        let snapshot = try await services.calendar.snapshot()
        let calendar = snapshot.calendar
        let today = try await services.control.today(for: caller)
        let year = requested.flatMap { (2000...2100).contains($0) ? $0 : nil } ?? today.year
        let known = calendar.years[year]
        let dates = (0..<(CalendarDate.isLeap(year) ? 366 : 365)).map { CalendarDate(year: year, month: 1, day: 1)!.adding(days: $0) }
        var explanation: String?
        var calculatorFrom = from ?? today.iso
        if let from, let start = CalendarDate(iso: from) {
            let choice = period.flatMap { DeadlinePeriod(code: $0) }
            explanation = DeadlinePolicy.deadline(
                from: start, period: choice, lastDay: calendar.overlay.lastDayRule, calendar: calendar
            ).explanation
            if period.nonBlank != nil && choice == nil { explanation = CalendarServiceTexts.badPeriod }
        } else if from != nil {
            explanation = CalendarServiceTexts.badFrom
            calculatorFrom = today.iso
        }
        let model = CalendarModel(
            years: calendar.years.values.sorted { $0.year < $1.year }.map {
                .init(
                    year: $0.year, decree: $0.decree, workingDays: $0.workingDayCount,
                    source: snapshot.loaded[$0.year] == nil ? "в поставке" : "загружен", current: $0.year == year)
            },
            year: year, confirmed: known != nil,
            daysOff: dates.filter { (!$0.isWeekend || (known?.daysOff.contains($0) ?? false)) && !calendar.isWorkingDay($0) }
                .map { .init(date: CalendarTexts.dayWithWeekday($0), reason: calendar.dayOffReason($0) ?? "") },
            workingWeekends: dates.filter { $0.isWeekend && calendar.isWorkingDay($0) }.map(CalendarTexts.dayWithWeekday),
            hasWorkingWeekends: dates.contains { $0.isWeekend && calendar.isWorkingDay($0) },
            shortened: (known?.shortened ?? []).sorted().map(CalendarTexts.dayWithWeekday),
            hasShortened: !(known?.shortened ?? []).isEmpty,
            lastDayRule: calendar.overlay.lastDayRule == .previous
                ? "на предыдущий рабочий день" : "на следующий рабочий день",
            regionalDaysOff: calendar.overlay.daysOff.sorted { $0.key < $1.key }.map { .init(date: $0.key.russian, reason: $0.value) },
            hasRegionalDaysOff: !calendar.overlay.daysOff.isEmpty,
            canLoad: AccessPolicy.administersARoot.allows(caller.actor), notice: notice, error: error?.detail, text: text,
            from: calculatorFrom, period: period ?? "", explanation: explanation)
        return page("calendar", title: "Производственный календарь", model: model, caller: caller, path: "/calendar",
                    status: error?.kind.status ?? .ok)
    }
}
