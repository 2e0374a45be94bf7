import Foundation
import OborotDomain
import Testing

private typealias F = ReceptionFixtures
private func day(_ iso: String) -> CalendarDate { F.day(iso) }

@Suite("Личный приём: график и интервалы записи")
struct ReceptionRulesTests {
    let calendar: WorkCalendar

    init() throws {
        calendar = try WorkCalendar.shipped()
    }

    static func fieldsAndCodes(_ schedule: ReceptionSchedule) -> [String] {
        ReceptionScheduleRules.problems(of: schedule).map { "\($0.field) \($0.code)" }
    }

    // MARK: Validation

    @Test("a valid schedule has no problems")
    func validSchedule() {
        #expect(ReceptionScheduleRules.problems(of: F.schedule()).isEmpty)
        #expect(ReceptionScheduleRules.problems(of: F.schedule(recurrence: .monthly(weeks: [.first], weekday: 2))).isEmpty)
        #expect(ReceptionScheduleRules.problems(of: F.schedule(start: "09:00", end: "09:05", slotMinutes: 5, heldBack: 0)).isEmpty)
        #expect(ReceptionScheduleRules.problems(of: F.schedule(start: "00:00", end: "24:00", slotMinutes: 60, heldBack: 23)).isEmpty)
        #expect(ReceptionScheduleRules.problems(of: F.schedule(validFrom: "2026-03-01", validTo: "2026-03-01")).isEmpty)
        #expect(F.schedule().slotsPerDay == 8)
    }

    @Test("schedule problems, one at a time", arguments: [
        (F.schedule(recurrence: .weekly(weekdays: [])), ["recurrence.weekdays required"]),
        (F.schedule(recurrence: .weekly(weekdays: [0, 2, 8])), ["recurrence.weekdays out_of_range", "recurrence.weekdays out_of_range"]),
        (F.schedule(recurrence: .weekly(weekdays: [5, 6, 7])), ["recurrence.weekdays weekend", "recurrence.weekdays weekend"]),
        (F.schedule(recurrence: .monthly(weeks: [], weekday: 2)), ["recurrence.weeks required"]),
        (F.schedule(recurrence: .monthly(weeks: [.last], weekday: 9)), ["recurrence.weekday out_of_range"]),
        (F.schedule(recurrence: .monthly(weeks: [], weekday: 6)), ["recurrence.weeks required", "recurrence.weekday weekend"]),
        (F.schedule(start: "12:00", end: "10:00"), ["endMinute not_after_start"]),
        (F.schedule(start: "10:00", end: "10:00"), ["endMinute not_after_start"]),
        (F.schedule(slotMinutes: 4, heldBack: 0), ["slotMinutes too_short"]),
        (F.schedule(slotMinutes: 0, heldBack: 0), ["slotMinutes too_short"]),
        (F.schedule(slotMinutes: 150, heldBack: 0), ["slotMinutes too_long"]),
        (F.schedule(end: "12:50", heldBack: 0), ["slotMinutes not_divisible"]),
        (F.schedule(heldBack: -1), ["heldBackSlots out_of_range"]),
        (F.schedule(heldBack: 8), ["heldBackSlots too_many"]),
        (F.schedule(validFrom: "2026-03-01", validTo: "2026-02-28"), ["validTo before_valid_from"]),
    ])
    func scheduleProblem(_ schedule: ReceptionSchedule, _ expected: [String]) {
        #expect(Self.fieldsAndCodes(schedule) == expected)
    }

    @Test("hours out of the day")
    func hoursOutOfRange() {
        var schedule = F.schedule(heldBack: 0)
        schedule.startMinute = -1
        schedule.endMinute = 1441
        #expect(Self.fieldsAndCodes(schedule) == ["startMinute out_of_range", "endMinute out_of_range"])
        schedule.startMinute = 1440
        schedule.endMinute = 0
        #expect(Self.fieldsAndCodes(schedule) == ["startMinute out_of_range", "endMinute out_of_range"])
        // Slot length is still checked against the minimum, not against hours that make no sense.
        schedule.slotMinutes = 2
        #expect(Self.fieldsAndCodes(schedule) == ["startMinute out_of_range", "endMinute out_of_range", "slotMinutes too_short"])
    }

    @Test("the messages say what is wrong, in Russian")
    func messages() {
        func messages(_ schedule: ReceptionSchedule) -> [String] { ReceptionScheduleRules.problems(of: schedule).map(\.message) }
        #expect(messages(F.schedule(recurrence: .weekly(weekdays: []))) == ["Укажите хотя бы один день недели приёма."])
        #expect(messages(F.schedule(recurrence: .weekly(weekdays: [8])))
            == ["День недели — число от 1 (понедельник) до 7 (воскресенье); указано 8."])
        #expect(messages(F.schedule(recurrence: .weekly(weekdays: [6])))
            == ["Суббота — выходной день: приём назначается на рабочие дни, записи на выходные дни нет."])
        #expect(messages(F.schedule(start: "13:00", end: "10:00"))
            == ["Приём должен заканчиваться позже, чем начинается: указано 13:00–10:00."])
        #expect(messages(F.schedule(slotMinutes: 3, heldBack: 0)) == ["Время на одного гражданина — не меньше 5 минут; указано 3."])
        #expect(messages(F.schedule(slotMinutes: 180, heldBack: 0))
            == ["Время на одного гражданина (180 мин) больше продолжительности приёма (120 мин)."])
        #expect(messages(F.schedule(end: "12:50", heldBack: 0))
            == ["Приём 10:00–12:50 (170 мин) не делится на интервалы по 15 мин: последний интервал был бы короче остальных."])
        #expect(messages(F.schedule(heldBack: 9))
            == ["Для первоочередного приёма можно отвести не больше 7 из 8 интервалов дня: хотя бы один остаётся для записи всех граждан."])
        #expect(messages(F.schedule(validFrom: "2026-03-01", validTo: "2026-02-01"))
            == ["График не может действовать до 01.02.2026: это раньше начала его действия (01.03.2026)."])
    }

    @Test("the official, the position and the place are required, and not too long")
    func texts() {
        var schedule = F.schedule()
        schedule.officialName = "  "
        schedule.officialPosition = ""
        schedule.place = "\n"
        #expect(Self.fieldsAndCodes(schedule) == ["officialName required", "officialPosition required", "place required"])
        #expect(ReceptionScheduleRules.problems(of: schedule).first?.message == "Поле «Должностное лицо» обязательно.")
        schedule.officialName = String(repeating: "я", count: 201)
        schedule.officialPosition = String(repeating: "я", count: 200)
        schedule.place = String(repeating: "я", count: 501)
        #expect(Self.fieldsAndCodes(schedule) == ["officialName too_long", "place too_long"])
    }

    @Test("every problem at once, in field order")
    func everything() {
        var schedule = F.schedule(
            recurrence: .weekly(weekdays: [7]), start: "12:00", end: "11:00", slotMinutes: 1, heldBack: -2,
            validFrom: "2026-05-01", validTo: "2026-04-30")
        schedule.place = ""
        #expect(Self.fieldsAndCodes(schedule) == [
            "place required", "recurrence.weekdays weekend", "endMinute not_after_start", "slotMinutes too_short",
            "heldBackSlots out_of_range", "validTo before_valid_from",
        ])
    }

    // MARK: The published line

    @Test("the published line of days and hours", arguments: [
        (ReceptionRecurrence.weekly(weekdays: [2]), "10:00", "12:00", "по вторникам, 10:00–12:00"),
        (.weekly(weekdays: [4, 2]), "10:00", "13:00", "по вторникам и четвергам, 10:00–13:00"),
        (.weekly(weekdays: [1, 3, 5]), "09:30", "11:00", "по понедельникам, средам и пятницам, 09:30–11:00"),
        (.monthly(weeks: [.first], weekday: 2), "10:00", "12:00", "в первый вторник месяца, 10:00–12:00"),
        (.monthly(weeks: [.third, .first], weekday: 3), "14:00", "17:00", "в первую и третью среду месяца, 14:00–17:00"),
        (.monthly(weeks: [.last], weekday: 5), "15:00", "24:00", "в последнюю пятницу месяца, 15:00–24:00"),
        (.monthly(weeks: [.last, .second, .fourth], weekday: 4), "10:00", "11:00", "во второй, четвёртый и последний четверг месяца, 10:00–11:00"),
    ])
    func description(_ recurrence: ReceptionRecurrence, _ start: String, _ end: String, _ expected: String) {
        #expect(F.schedule(recurrence: recurrence, start: start, end: end).russianDescription == expected)
    }

    // MARK: Occurrences

    @Test("the week of the month: first to fourth by the day, last by what is left of the month", arguments: [
        ("2026-01-06", WeekOfMonth.first, true), ("2026-01-07", .first, true), ("2026-01-08", .second, true),
        ("2026-01-13", .first, false), ("2026-01-13", .second, true), ("2026-01-21", .third, true), ("2026-01-22", .fourth, true),
        ("2026-01-28", .fourth, true), ("2026-01-29", .fourth, false), ("2026-01-29", .last, true), ("2026-01-24", .last, false),
        ("2026-01-25", .last, true), ("2026-02-22", .fourth, true), ("2026-02-22", .last, true), ("2026-02-21", .last, false),
        ("2024-02-29", .last, true), ("2024-02-22", .last, false), ("2026-04-30", .last, true), ("2026-04-24", .last, true),
        ("2026-04-23", .last, false),
    ])
    func weekOfMonth(_ iso: String, _ week: WeekOfMonth, _ expected: Bool) {
        #expect(week.contains(day(iso)) == expected)
    }

    // MARK: Slots

    @Test("a reception day in 15-minute slots, the last ones held back")
    func daySlots() {
        let slots = ReceptionSlots.slots(F.schedule(), on: day("2026-03-03"), calendar: calendar)
        #expect(slots.map(\.startMinute) == [600, 615, 630, 645, 660, 675, 690, 705])
        #expect(slots.map(\.endMinute) == [615, 630, 645, 660, 675, 690, 705, 720])
        #expect(slots.map(\.heldBack) == [false, false, false, false, false, false, true, true])
        #expect(slots.allSatisfy { $0.date == day("2026-03-03") && $0.scheduleID == F.scheduleID })
        #expect(slots.first?.russian == "03.03.2026 10:00–10:15")
        #expect(ReceptionSlots.slots(F.schedule(heldBack: 0), on: day("2026-03-03"), calendar: calendar).allSatisfy { !$0.heldBack })
        #expect(ReceptionSlots.slots(F.schedule(), on: day("2026-03-04"), calendar: calendar).isEmpty)  // Wednesday
    }

    @Test("Mondays across 23 February and the transferred 9 March: those receptions are skipped, not moved")
    func acrossHolidays() {
        let mondays = F.schedule(recurrence: .weekly(weekdays: [1]), start: "15:00", end: "16:00", slotMinutes: 30, heldBack: 0)
        let slots = ReceptionSlots.slots(mondays, from: day("2026-02-16"), to: day("2026-03-16"), calendar: calendar)
        #expect(slots.map(\.date) == [day("2026-02-16"), day("2026-02-16"), day("2026-03-02"), day("2026-03-02"), day("2026-03-16"), day("2026-03-16")])
        #expect(slots.map(\.startMinute) == [900, 930, 900, 930, 900, 930])
        #expect(!calendar.isWorkingDay(day("2026-02-23")) && !calendar.isWorkingDay(day("2026-03-09")))
        #expect(!ReceptionSlots.isReceptionDay(day("2026-03-09"), of: mondays, calendar: calendar))
        #expect(ReceptionSlots.isReceptionDay(day("2026-03-02"), of: mondays, calendar: calendar))
    }

    @Test("Tuesdays and Thursdays in May 2026 and the New Year holidays")
    func mayAndNewYear() {
        let may = ReceptionSlots.slots(F.schedule(), from: day("2026-04-30"), to: day("2026-05-31"), calendar: calendar)
        // 30 April is a shortened working day: the reception still takes place.
        #expect(Array(Set(may.map(\.date))).sorted().map(\.iso) == [
            "2026-04-30", "2026-05-05", "2026-05-07", "2026-05-12", "2026-05-14", "2026-05-19", "2026-05-21", "2026-05-26", "2026-05-28",
        ])
        #expect(may.count == 9 * 8)
        let january = ReceptionSlots.slots(F.schedule(), from: day("2026-01-01"), to: day("2026-01-15"), calendar: calendar)
        #expect(Array(Set(january.map(\.date))).sorted().map(\.iso) == ["2026-01-13", "2026-01-15"])
        let december = ReceptionSlots.slots(F.schedule(), from: day("2026-12-29"), to: day("2026-12-31"), calendar: calendar)
        #expect(Array(Set(december.map(\.date))) == [day("2026-12-29")])  // 31 December 2026 is a transferred day off
    }

    @Test("the first Tuesday of every month of 2026: 6 January is a holiday, so January has none")
    func firstTuesday() {
        let governor = F.schedule(recurrence: .monthly(weeks: [.first], weekday: 2), start: "10:00", end: "12:00", slotMinutes: 20, heldBack: 1)
        let slots = ReceptionSlots.slots(governor, from: day("2026-01-01"), to: day("2026-12-31"), calendar: calendar)
        let days = Array(Set(slots.map(\.date))).sorted().map(\.iso)
        #expect(days == [
            "2026-02-03", "2026-03-03", "2026-04-07", "2026-05-05", "2026-06-02", "2026-07-07", "2026-08-04", "2026-09-01",
            "2026-10-06", "2026-11-03", "2026-12-01",
        ])
        #expect(slots.count == 11 * 6)
        #expect(slots.filter(\.heldBack).map(\.startMinute) == Array(repeating: 700, count: 11))
        #expect(slots == slots.sorted { ($0.date, $0.startMinute) < ($1.date, $1.startMinute) })
    }

    @Test("the last Friday, and the first and third Wednesday")
    func otherMonthlyRules() {
        let lastFriday = F.schedule(recurrence: .monthly(weeks: [.last], weekday: 5), heldBack: 0)
        #expect(Array(Set(ReceptionSlots.slots(lastFriday, from: day("2026-01-01"), to: day("2026-06-30"), calendar: calendar).map(\.date)))
            .sorted().map(\.iso) == ["2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29", "2026-06-26"])
        let wednesdays = F.schedule(recurrence: .monthly(weeks: [.first, .third], weekday: 3), heldBack: 0)
        // 4 November 2026 (the first Wednesday) is National Unity Day.
        #expect(Array(Set(ReceptionSlots.slots(wednesdays, from: day("2026-10-01"), to: day("2026-11-30"), calendar: calendar).map(\.date)))
            .sorted().map(\.iso) == ["2026-10-07", "2026-10-21", "2026-11-18"])
    }

    @Test("a regional day off is skipped too")
    func regionalDayOff() {
        let regional = calendar.with(overlay: RegionalCalendarOverlay(daysOff: [day("2026-03-05"): "День Республики"], workingDays: []))
        let slots = ReceptionSlots.slots(F.schedule(), from: day("2026-03-02"), to: day("2026-03-08"), calendar: regional)
        #expect(Set(slots.map(\.date)) == [day("2026-03-03")])
        #expect(Set(ReceptionSlots.slots(F.schedule(), from: day("2026-03-02"), to: day("2026-03-08"), calendar: calendar).map(\.date))
            == [day("2026-03-03"), day("2026-03-05")])
    }

    @Test("validity bounds, inactive and invalid schedules, an empty period")
    func bounds() {
        let bounded = F.schedule(validFrom: "2026-03-05", validTo: "2026-03-12")
        #expect(Array(Set(ReceptionSlots.slots(bounded, from: day("2026-03-01"), to: day("2026-03-31"), calendar: calendar).map(\.date)))
            .sorted().map(\.iso) == ["2026-03-05", "2026-03-10", "2026-03-12"])
        #expect(ReceptionSlots.slots(F.schedule(active: false), from: day("2026-03-01"), to: day("2026-03-31"), calendar: calendar).isEmpty)
        #expect(ReceptionSlots.slots(F.schedule(end: "12:10"), from: day("2026-03-01"), to: day("2026-03-31"), calendar: calendar).isEmpty)
        #expect(ReceptionSlots.slots(F.schedule(end: "12:10"), on: day("2026-03-03"), calendar: calendar).isEmpty)
        #expect(ReceptionSlots.slots(F.schedule(), from: day("2026-03-04"), to: day("2026-03-03"), calendar: calendar).isEmpty)
        #expect(ReceptionSlots.slots(F.schedule(), from: day("2026-03-03"), to: day("2026-03-03"), calendar: calendar).count == 8)
    }

    @Test("one slot by its start")
    func slotByStart() {
        let slot = ReceptionSlots.slot(F.schedule(), on: day("2026-03-05"), startingAt: 645, calendar: calendar)
        #expect(slot == ReceptionSlot(scheduleID: F.scheduleID, date: day("2026-03-05"), startMinute: 645, endMinute: 660, heldBack: false))
        #expect(ReceptionSlots.slot(F.schedule(), on: day("2026-03-05"), startingAt: 650, calendar: calendar) == nil)
        #expect(ReceptionSlots.slot(F.schedule(), on: day("2026-03-05"), startingAt: 720, calendar: calendar) == nil)
        #expect(ReceptionSlots.slot(F.schedule(), on: day("2026-03-05"), startingAt: 705, calendar: calendar)?.heldBack == true)
    }

    // MARK: Local time

    @Test("an instant in the organisation's time zone", arguments: [
        ("2026-03-03T07:15:00Z", "Europe/Moscow", "2026-03-03", 435 + 180),
        ("2026-03-02T22:30:00Z", "Asia/Vladivostok", "2026-03-03", 510),
        ("2026-03-03T00:00:00Z", "Europe/Kaliningrad", "2026-03-03", 120),
        ("2026-03-02T23:59:00Z", "UTC", "2026-03-02", 1439),
    ])
    func localMoment(_ instant: String, _ zone: String, _ iso: String, _ minute: Int) throws {
        let date = try #require(ISO8601DateFormatter().date(from: instant))
        let moment = ReceptionMoment(date, in: try #require(TimeZone(identifier: zone)))
        #expect(moment == ReceptionMoment(date: day(iso), minute: minute))
    }

    @Test("moments order by date, then minute")
    func momentOrder() {
        #expect(F.at("2026-03-03", "09:59") < F.at("2026-03-03", "10:00"))
        #expect(F.at("2026-03-02", "23:59") < F.at("2026-03-03", "00:00"))
        #expect(!(F.at("2026-03-03", "10:00") < F.at("2026-03-03", "10:00")))
        #expect(F.at("2026-03-03", "09:05").russian == "03.03.2026 09:05")
    }
}
