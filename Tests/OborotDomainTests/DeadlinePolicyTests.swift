import OborotDomain
import Testing

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

@Suite("Сроки исполнения")
struct DeadlinePolicyTests {
    let calendar: WorkCalendar

    init() throws {
        calendar = try WorkCalendar.shipped()
    }

    private func deadline(_ from: String, _ code: String?, _ lastDay: LastDayRule = .previous) -> ComputedDeadline {
        DeadlinePolicy.deadline(
            from: day(from), period: code.map { DeadlinePeriod(code: $0)! }, lastDay: lastDay, calendar: calendar)
    }

    @Test("the rules on the shipped calendars", arguments: [
        // from, period, last-day rule, nominal last day, deadline
        ("2026-11-23", nil, LastDayRule.previous, "2026-12-23", "2026-12-23"),  // a month, a Wednesday
        ("2026-01-31", nil, .previous, "2026-02-28", "2026-02-27"),  // no 31 February; Saturday → Friday
        ("2024-01-31", nil, .previous, "2024-02-29", "2024-02-29"),  // leap year
        ("2026-03-31", "1m", .previous, "2026-04-30", "2026-04-30"),  // a shortened day is a working day
        ("2026-12-01", "30d", .previous, "2026-12-31", "2026-12-30"),  // 31 December 2026 is a transferred day off
        ("2026-12-29", "urgent", .previous, "2027-01-01", "2026-12-30"),  // New Year holidays, back over 31 December
        ("2026-12-29", "urgent", .next, "2027-01-01", "2027-01-11"),  // … or forward over the whole break
        ("2026-02-27", "operative", .previous, "2026-03-09", "2026-03-06"),  // 8 March on Sunday moved to Monday 9th
        ("2025-04-21", "operative", .previous, "2025-05-01", "2025-04-30"),
        ("2025-04-28", "operative", .previous, "2025-05-08", "2025-05-07"),  // 2 and 8 May 2025 transferred
        ("2025-12-26", "5wd", .previous, "2026-01-14", "2026-01-14"),  // working days skip the holidays
        ("2025-10-31", "1wd", .previous, "2025-11-01", "2025-11-01"),  // a working Saturday counts
        ("2027-02-17", "3d", .previous, "2027-02-20", "2027-02-20"),  // working Saturday 20 February 2027
        ("2027-02-19", "3d", .previous, "2027-02-22", "2027-02-20"),  // 22 February 2027 off
        ("2026-06-09", "3d", .previous, "2026-06-12", "2026-06-11"),  // Russia Day
        ("2026-05-01", "10d", .next, "2026-05-11", "2026-05-12"),
    ])
    func rules(_ from: String, _ code: String?, _ rule: LastDayRule, _ nominal: String, _ expected: String) {
        let result = deadline(from, code, rule)
        #expect(result.nominalDate == day(nominal))
        #expect(result.date == day(expected))
        #expect(calendar.isWorkingDay(result.date))
        #expect(result.explanation.hasSuffix(".") || result.explanation.contains("не загружен"))
    }

    @Test("explanations say how the date was counted and why it moved")
    func explanations() {
        #expect(deadline("2026-11-23", nil).explanation
            == "Срок не указан — один месяц с 23.11.2026 — до 23.12.2026 (среда).")
        #expect(deadline("2026-01-31", nil).explanation
            == "Срок не указан — один месяц с 31.01.2026: в феврале 2026 года нет 31-го числа, поэтому срок — "
            + "последний день месяца, 28.02.2026 (суббота); 28.02.2026 — выходной день, поэтому срок переносится "
            + "на предыдущий рабочий день, 27.02.2026 (пятница).")
        #expect(deadline("2026-12-01", "30d").explanation
            == "30 календарных дней с 01.12.2026 — до 31.12.2026 (четверг); 31.12.2026 — перенесённый выходной "
            + "день, поэтому срок переносится на предыдущий рабочий день, 30.12.2026 (среда).")
        #expect(deadline("2026-12-29", "urgent", .next).explanation
            == "«Срочно» — 3 календарных дня с 29.12.2026 — до 01.01.2027 (пятница); 01.01.2027 — нерабочий "
            + "праздничный день, поэтому срок переносится на следующий рабочий день, 11.01.2027 (понедельник).")
        #expect(deadline("2026-11-23", "operative").explanation
            == "«Оперативно» — 10 календарных дней с 23.11.2026 — до 03.12.2026 (четверг).")
        #expect(deadline("2025-12-26", "5wd").explanation
            == "5 рабочих дней по производственному календарю с 26.12.2025 — до 14.01.2026 (среда).")
        #expect(deadline("2026-11-23", "21d").explanation.hasPrefix("21 календарный день"))
        #expect(deadline("2026-11-23", "2m").explanation.hasPrefix("2 месяца"))
        #expect(deadline("2027-12-20", "1m").explanation.contains("Производственный календарь на 2028 год не загружен"))
    }

    @Test("a date the head picks moves off a day off like any last day")
    func explicitDate() {
        let result = DeadlinePolicy.deadline(on: day("2026-05-09"), from: day("2026-04-20"), calendar: calendar)
        #expect(result.date == day("2026-05-08"))
        #expect(result.explanation.hasPrefix("Срок установлен датой: 09.05.2026 (суббота), 19 календарных дней с 20.04.2026"))
        let working = DeadlinePolicy.deadline(on: day("2026-05-12"), from: day("2026-04-20"), calendar: calendar)
        #expect(working.date == day("2026-05-12") && working.nominalDate == working.date)
    }

    @Test("period codes", arguments: [
        ("30d", DeadlinePeriod.calendarDays(30)), ("5wd", .workingDays(5)), ("1m", .months(1)), ("urgent", .urgent),
        ("operative", .operative), ("366d", .calendarDays(366)), (" 12M ", .months(12)),
    ])
    func periodCodes(_ code: String, _ expected: DeadlinePeriod) {
        #expect(DeadlinePeriod(code: code) == expected)
        #expect(DeadlinePeriod(code: expected.code) == expected)
    }

    @Test("bad period codes", arguments: ["", "d", "0d", "-3d", "3x", "367d", "3", "wd", "٣d", "1.5m", "срочно", "3 d"])
    func badPeriodCodes(_ code: String) {
        #expect(DeadlinePeriod(code: code) == nil)
    }

    @Test("months keep the day or take the month's last day")
    func addingMonths() {
        #expect(DeadlinePolicy.addingMonths(1, to: day("2026-01-31")) == (day("2026-02-28"), true))
        #expect(DeadlinePolicy.addingMonths(1, to: day("2026-12-15")) == (day("2027-01-15"), false))
        #expect(DeadlinePolicy.addingMonths(13, to: day("2026-12-31")) == (day("2028-01-31"), false))
        #expect(DeadlinePolicy.addingMonths(12, to: day("2024-02-29")) == (day("2025-02-28"), true))
    }

    @Test("a deadline in the past or beyond a year is refused with the reason")
    func validation() {
        let today = day("2026-11-23")
        #expect(DeadlinePolicy.problems(deadline: today, today: today, field: "deadline").isEmpty)
        #expect(DeadlinePolicy.problems(deadline: day("2027-11-23"), today: today, field: "deadline").isEmpty)
        let past = DeadlinePolicy.problems(deadline: day("2026-11-22"), today: today, field: "deadline")
        #expect(past.map(\.code) == ["deadline_in_past"])
        #expect(past.first?.message == "Срок 22.11.2026 уже прошёл (сегодня 23.11.2026).")
        let far = DeadlinePolicy.problems(deadline: day("2027-11-24"), today: today, field: "deadline")
        #expect(far.map(\.code) == ["deadline_too_far"])
        #expect(far.first?.message == "Срок 24.11.2027 больше чем через год: укажите дату не позднее 23.11.2027.")
    }

    @Test("Russian plural forms")
    func plurals() {
        let days = RussianPlural("день", "дня", "дней")
        #expect([1, 2, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112].map(days.form(for:))
            == ["день", "дня", "дней", "дней", "дней", "дней", "день", "дня", "дней", "день", "дней", "дней"])
    }
}
