import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// The form on «Личный приём» that sets up an official's reception schedule (what `POST /api/v1/reception-schedules`
/// does), for those who manage the organisation's reception.
extension WebPages {
    struct ReceptionScheduleForm: Decodable {
        init() {}
        var organizationId: String?
        var officialEmployeeId: String?
        var officialPosition: String?
        var place: String?
        /// "" every week, or one week of the month (`WeekOfMonth`): «первый вторник месяца».
        var week: String?
        var weekday1: String?
        var weekday2: String?
        var weekday3: String?
        var weekday4: String?
        var weekday5: String?
        var weekday6: String?
        var weekday7: String?
        var start: String?
        var end: String?
        var slotMinutes: String?
        var heldBackSlots: String?
        var validFrom: String?

        var weekdays: [Int] {
            [weekday1, weekday2, weekday3, weekday4, weekday5, weekday6, weekday7].enumerated().compactMap { $1 == "on" ? $0 + 1 : nil }
        }

        /// The API's body, so the page and the API read a schedule the same way.
        func body() throws -> ReceptionJSON.ScheduleBody {
            func number(_ text: String?, _ field: String, default value: Int) throws -> Int {
                guard let text = text?.trimmed, !text.isEmpty else { return value }
                guard let number = Int(text) else {
                    throw OborotError.validation([FieldProblem(field: field, code: "invalid", message: ReceptionScheduleTexts.number)])
                }
                return number
            }
            let monthly = week?.nilIfEmpty.map { week in ReceptionJSON.ScheduleBody.Monthly(weeks: [week], weekday: weekdays.first ?? 0) }
            if monthly != nil, weekdays.count != 1 {
                throw OborotError.validation([FieldProblem(field: "weekdays", code: "invalid", message: ReceptionScheduleTexts.oneWeekday)])
            }
            return ReceptionJSON.ScheduleBody(
                organizationId: organizationId ?? "", officialEmployeeId: officialEmployeeId ?? "", officialName: nil,
                officialPosition: officialPosition, place: place, weekdays: monthly == nil ? weekdays : nil, monthly: monthly,
                start: start, end: end, slotMinutes: try number(slotMinutes, "slotMinutes", default: 15),
                heldBackSlots: try number(heldBackSlots, "heldBackSlots", default: 0), validFrom: validFrom, validTo: nil)
        }
    }

    func addReceptionScheduleRoutes(to router: Router<AppRequestContext>) {
        router.post("/reception/schedules") { request, _ in
            let caller = try signedIn(request)
            let form = try await WebForms.decode(ReceptionScheduleForm.self, from: request)
            let organizationID = form.organizationId.flatMap(UUID.init(uuidString:))
            do {
                _ = try await services.reception.createSchedule(caller, try form.body().input())
                return WebRedirect(location: "/reception?organizationId=\(organizationID?.lowercasedString ?? "")&scheduled=1").response
            } catch let error as OborotError where error.kind != .notFound && error.kind != .unauthorized {
                return try await receptionPage(
                    caller, organizationID: organizationID, scheduleTyped: form, error: Self.problemText(error), status: error.kind.status)
            }
        }
    }

    /// The schedule form's choices: the organisation's people, the weekdays, the weeks of a month.
    func receptionScheduleChoices(organizationID: UUID, typed: ReceptionScheduleForm) async throws -> ReceptionPageModel.ScheduleChoices {
        let employees = try await services.database.read { db in try await EmployeeRepository(db).list(organizationID: organizationID, limit: 500) }
        let names = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]
        let chosen = Set(typed.weekdays)
        let weeks: [(String, String)] = [("", "каждую неделю"), ("first", "первая неделя месяца"), ("second", "вторая"), ("third", "третья"), ("fourth", "четвёртая"), ("last", "последняя")]
        return ReceptionPageModel.ScheduleChoices(
            officials: employees.filter(\.active).map { .init(value: $0.id.lowercasedString, name: $0.name.full, selected: $0.id.lowercasedString == typed.officialEmployeeId) },
            weekdays: names.enumerated().map { .init(value: "weekday\($0 + 1)", name: $1, selected: chosen.contains($0 + 1)) },
            weeks: weeks.map { .init(value: $0.0, name: $0.1, selected: $0.0 == (typed.week ?? "")) },
            today: CalendarDate(Date(), in: TimeZone(identifier: OrganizationRules.defaultTimeZone) ?? .current).iso)
    }
}

enum ReceptionScheduleTexts {
    static let number = "Укажите число (длительность приёма одного посетителя — в минутах, резерв — числом мест)."
    static let oneWeekday = "Для приёма раз в месяц («первый вторник») отметьте ровно один день недели."
    static let created = "График приёма добавлен."
}
