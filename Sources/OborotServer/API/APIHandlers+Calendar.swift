import Foundation
import OborotAPI
import OborotDomain
import OpenAPIRuntime

extension APIHandlers {
    func computeDeadline(_ input: Operations.ComputeDeadline.Input) async throws -> Operations.ComputeDeadline.Output {
        let query = input.query
        let (deadline, rule, confirmed) = try await services.calendar.deadline(
            try caller(), from: query.from, period: query.period, date: query.date, lastDay: query.lastDay)
        return .ok(
            .init(
                body: .json(
                    .init(
                        date: deadline.date.iso, nominalDate: deadline.nominalDate.iso,
                        explanation: deadline.explanation, period: query.period.flatMap { $0.isEmpty ? nil : $0 },
                        lastDay: .init(rawValue: rule.rawValue)!, calendarConfirmed: confirmed))))
    }

    func getCalendarSummary(_ input: Operations.GetCalendarSummary.Input) async throws -> Operations.GetCalendarSummary.Output {
        try caller().actor.require(.signedIn)
        return .ok(.init(body: .json(.init(try await services.calendar.snapshot()))))
    }

    func loadCalendar(_ input: Operations.LoadCalendar.Input) async throws -> Operations.LoadCalendar.Output {
        let caller = try caller()
        guard case .plainText(let body) = input.body else {
            throw OborotError.malformedBody(field: nil, reason: APITexts.calendarNotText)
        }
        let text: String
        do {
            text = try await String(collecting: body, upTo: ProductionCalendarFile.maximumBytes)
        } catch {
            throw OborotError(
                .payloadTooLarge, code: "calendar_too_large", title: APITexts.calendarTooLargeTitle,
                detail: APITexts.calendarTooLarge(ProductionCalendarFile.maximumBytes))
        }
        return .ok(.init(body: .json(.init(try await services.calendar.load(caller, text: text)))))
    }

    func getCalendarYear(_ input: Operations.GetCalendarYear.Input) async throws -> Operations.GetCalendarYear.Output {
        let (calendar, known) = try await services.calendar.year(try caller(), input.path.year)
        let year = input.path.year
        let dates = (0..<(CalendarDate.isLeap(year) ? 366 : 365)).map { CalendarDate(year: year, month: 1, day: 1)!.adding(days: $0) }
        let daysOff = dates.filter { !$0.isWeekend && !calendar.isWorkingDay($0) || (known?.daysOff.contains($0) ?? false) }
            .map { Components.Schemas.CalendarDayOff(date: $0.iso, reason: calendar.dayOffReason($0) ?? "рабочий день") }
        return .ok(
            .init(
                body: .json(
                    .init(
                        year: year, decree: known?.decree, confirmed: known != nil,
                        workingDays: dates.count(where: calendar.isWorkingDay), daysOff: daysOff,
                        workingWeekends: dates.filter { $0.isWeekend && calendar.isWorkingDay($0) }.map(\.iso),
                        shortened: (known?.shortened ?? []).sorted().map(\.iso)))))
    }
}

extension Components.Schemas.CalendarSummary {
    init(_ snapshot: CalendarService.Snapshot) {
        let calendar = snapshot.calendar
        self.init(
            years: calendar.years.values.sorted { $0.year < $1.year }.map { year in
                .init(
                    year: year.year, decree: year.decree, source: snapshot.loaded[year.year] == nil ? .shipped : .loaded,
                    workingDays: year.workingDayCount, loadedAt: snapshot.loaded[year.year])
            },
            regionName: snapshot.regionName,
            regionalDaysOff: calendar.overlay.daysOff.sorted { $0.key < $1.key }.map { .init(date: $0.key.iso, reason: $0.value) },
            regionalWorkingDays: calendar.overlay.workingDays.sorted().map(\.iso),
            lastDay: .init(rawValue: calendar.overlay.lastDayRule.rawValue)!)
    }
}
