import OborotDomain
import Testing

/// The decrees' facts typed in independently of the shipped file, so a typo in either is caught.
private let decreeFacts: [(year: Int, daysOff: [String], workingWeekends: [String], shortened: [String])] = [
    (
        2025,
        [
            "01-01", "01-02", "01-03", "01-04", "01-05", "01-06", "01-07", "01-08", "02-23", "03-08", "05-01", "05-02",
            "05-08", "05-09", "06-12", "06-13", "11-03", "11-04", "12-31",
        ], ["11-01"], ["03-07", "04-30", "06-11", "11-01"]
    ),
    (
        2026,
        [
            "01-01", "01-02", "01-03", "01-04", "01-05", "01-06", "01-07", "01-08", "01-09", "02-23", "03-08", "03-09",
            "05-01", "05-09", "05-11", "06-12", "11-04", "12-31",
        ], [], ["04-30", "05-08", "06-11", "11-03"]
    ),
    (
        2027,
        [
            "01-01", "01-02", "01-03", "01-04", "01-05", "01-06", "01-07", "01-08", "02-22", "02-23", "03-08", "05-01",
            "05-03", "05-09", "05-10", "06-12", "06-14", "11-04", "11-05", "12-31",
        ], ["02-20"], ["02-20", "04-30", "06-11", "11-03"]
    ),
]

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

private func everyDay(of year: Int) -> [CalendarDate] {
    let first = day("\(year)-01-01")
    return (0..<(CalendarDate.isLeap(year) ? 366 : 365)).map { first.adding(days: $0) }
}

@Suite("Производственный календарь")
struct WorkCalendarTests {
    let calendar: WorkCalendar

    init() throws {
        calendar = try WorkCalendar.shipped()
    }

    @Test("ships 2025–2027 with 247 working days and 118 days off in each year")
    func shippedYears() {
        for year in 2025...2027 {
            #expect(calendar.covers(year: year))
            let working = everyDay(of: year).count(where: calendar.isWorkingDay)
            #expect(working == 247, "\(year)")
            #expect(everyDay(of: year).count - working == 118, "\(year)")
        }
        #expect(!calendar.covers(year: 2024))
        #expect(!calendar.covers(year: 2028))
    }

    @Test("every day of the shipped years agrees with the decrees", arguments: [2025, 2026, 2027])
    func everyDayAgrees(_ year: Int) {
        let facts = decreeFacts.first { $0.year == year }!
        let daysOff = Set(facts.daysOff.map { day("\(year)-\($0)") })
        let workingWeekends = Set(facts.workingWeekends.map { day("\(year)-\($0)") })
        let shortened = Set(facts.shortened.map { day("\(year)-\($0)") })
        for date in everyDay(of: year) {
            let expected = workingWeekends.contains(date) || (!date.isWeekend && !daysOff.contains(date))
            #expect(calendar.isWorkingDay(date) == expected, "\(date)")
            #expect(calendar.isShortened(date) == shortened.contains(date), "\(date)")
            #expect((calendar.dayOffReason(date) == nil) == expected, "\(date)")
        }
    }

    @Test("New Year holidays, transferred days off and working Saturdays")
    func notableDays() {
        for iso in ["2025-01-08", "2026-01-09", "2027-01-08"] { #expect(!calendar.isWorkingDay(day(iso)), "\(iso)") }
        for iso in ["2025-01-09", "2026-01-12", "2027-01-11"] { #expect(calendar.isWorkingDay(day(iso)), "\(iso)") }
        // Transferred days off on weekdays.
        for iso in ["2025-05-02", "2025-05-08", "2025-06-13", "2025-11-03", "2025-12-31", "2026-03-09", "2026-05-11",
            "2026-12-31", "2027-02-22", "2027-05-03", "2027-05-10", "2027-06-14", "2027-11-05"]
        {
            #expect(!calendar.isWorkingDay(day(iso)), "\(iso)")
            #expect(calendar.dayOffReason(day(iso)) == "перенесённый выходной день", "\(iso)")
        }
        #expect(calendar.dayOffReason(day("2026-06-12")) == "нерабочий праздничный день")
        #expect(calendar.dayOffReason(day("2026-11-21")) == "выходной день")
        // Working Saturdays.
        #expect(calendar.isWorkingDay(day("2025-11-01")) && day("2025-11-01").isWeekend)
        #expect(calendar.isWorkingDay(day("2027-02-20")) && day("2027-02-20").isWeekend)
        #expect(calendar.isShortened(day("2027-02-20")))
    }

    @Test("adding N working days from every day of the shipped years lands on the N-th working day after it")
    func addingWorkingDays() {
        for year in 2025...2027 {
            for date in everyDay(of: year) {
                for count in [1, 2, 3, 5, 10, 15] {
                    let result = calendar.adding(workingDays: count, to: date)
                    #expect(calendar.isWorkingDay(result))
                    #expect(calendar.workingDays(from: date.adding(days: 1), through: result) == count)
                    #expect(calendar.adding(workingDays: -count, to: result) <= date)
                }
                #expect(calendar.adding(workingDays: 0, to: date) == date)
            }
        }
    }

    @Test("the previous and next working days are working and skip only days off")
    func movingToWorkingDays() {
        for date in everyDay(of: 2025) + everyDay(of: 2026) + everyDay(of: 2027) {
            let previous = calendar.previousWorkingDay(onOrBefore: date)
            let next = calendar.nextWorkingDay(onOrAfter: date)
            #expect(calendar.isWorkingDay(previous) && calendar.isWorkingDay(next))
            #expect(calendar.workingDays(from: previous, through: date) == 1)
            #expect(calendar.workingDays(from: date, through: next) == 1)
            if calendar.isWorkingDay(date) { #expect(previous == date && next == date) }
        }
        #expect(calendar.nextWorkingDay(onOrAfter: day("2025-12-31")) == day("2026-01-12"))
        #expect(calendar.previousWorkingDay(onOrBefore: day("2027-01-10")) == day("2026-12-30"))
        #expect(calendar.adding(workingDays: 5, to: day("2025-12-26")) == day("2026-01-14"))
        #expect(calendar.adding(workingDays: 1, to: day("2025-10-31")) == day("2025-11-01"))
    }

    @Test("years with no data fall back to weekends and the fixed holidays of art. 112")
    func fallbackYears() {
        #expect(!calendar.isWorkingDay(day("2028-01-03")))
        #expect(!calendar.isWorkingDay(day("2028-06-12")))
        #expect(calendar.isWorkingDay(day("2028-06-13")))
        #expect(!calendar.isWorkingDay(day("2028-06-17")))  // a Saturday
    }

    @Test("a regional overlay adds days off and working days on top of the federal calendar")
    func regionalOverlay() {
        let overlay = RegionalCalendarOverlay(daysOff: [day("2026-08-31"): "День Республики"], workingDays: [day("2026-06-13")])
        let regional = calendar.with(overlay: overlay)
        #expect(!regional.isWorkingDay(day("2026-08-31")))
        #expect(regional.dayOffReason(day("2026-08-31")) == "нерабочий день в регионе («День Республики»)")
        #expect(regional.isWorkingDay(day("2026-06-13")))
        #expect(calendar.isWorkingDay(day("2026-08-31")))
    }
}

@Suite("Файл производственного календаря")
struct ProductionCalendarFileTests {
    @Test("the shipped file renders and reads back to the same calendar")
    func roundTrip() throws {
        let shipped = try ProductionCalendarFile.shipped()
        #expect(shipped.years.map(\.year) == [2025, 2026, 2027])
        #expect(shipped.years[1].decree == "Постановление Правительства РФ от 24.09.2025 № 1466")
        #expect(try ProductionCalendarFile.parse(shipped.render()) == shipped)
    }

    @Test("a regional block reads into the overlay")
    func regionBlock() throws {
        let file = try ProductionCalendarFile.parse("""
            region: Республика Татарстан
            day_off: 2026-08-30 День Республики
            day_off: 2026-03-20
            working_day: 2026-06-13
            last_day: next
            """)
        #expect(file.years.isEmpty)
        #expect(file.regionName == "Республика Татарстан")
        #expect(file.overlay.daysOff[day("2026-08-30")] == "День Республики")
        #expect(file.overlay.daysOff[day("2026-03-20")] == "региональный нерабочий день")
        #expect(file.overlay.workingDays == [day("2026-06-13")])
        #expect(file.overlay.lastDayRule == .next)
        #expect(try ProductionCalendarFile.parse(file.render()) == file)
    }

    @Test("bad files are refused with every problem and its line number", arguments: [
        ("year: 2028\ndecree: x\ndays_off: [2028-01-01, 2028-13-01]", "Строка 3: «2028-13-01» — не дата"),
        ("year: 2028\ndecree: x\ndays_off: [2028-01-01,\n 2028-01-02", "Строка 3: список дат не закрыт"),
        ("year: 2028\ndecree: x\ndays_off: []\nholidays: []", "Строка 4: неизвестный ключ «holidays»"),
        ("year: 2028\ndecree: x\ndays_off: []\nworking_weekends: [2028-01-10]", "10.01.2028 (понедельник) указан как рабочая суббота"),
        ("year: 2028\ndecree: x\ndays_off: [2027-12-31]", "31.12.2027 в списке «days_off» относится не к 2028 году"),
        ("year: 2028\ndays_off: []", "для 2028 года не указано «decree»"),
        ("year: двадцать\n", "Строка 1: «двадцать» — не год"),
        ("decree: x", "Строка 1: «decree» должно идти после строки «year: …»"),
        ("# только комментарий\n", "Файл не содержит ни одного года"),
        ("просто текст", "Строка 1: ожидается «ключ: значение»"),
        ("region: X\nlast_day: soon", "Строка 2: «soon» — ожидается previous"),
        ("year: 2028\ndecree: x\ndays_off: []\nyear: 2028\ndecree: y\ndays_off: []", "Строка 4: 2028 год описан в файле дважды"),
    ])
    func badFiles(_ text: String, _ expected: String) {
        do {
            _ = try ProductionCalendarFile.parse(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.code == "calendar_invalid")
            #expect(error.kind == .unprocessable)
            #expect(error.detail.contains(expected), "\(error.detail)")
        }
    }
}
