import Foundation
import OborotDomain
import Testing

@Suite("Календарные даты")
struct CalendarDateTests {
    @Test("ISO parsing is strict and rejects impossible dates", arguments: [
        ("2026-02-28", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-04-31", false), ("2026-13-01", false),
        ("2026-1-01", false), ("26-01-01", false), ("2026-01-01T00:00", false), ("", false), ("2000-02-29", true),
        ("1900-02-29", false),
    ])
    func parsing(_ text: String, _ valid: Bool) {
        let date = CalendarDate(iso: text)
        #expect((date != nil) == valid)
        if let date { #expect(date.iso == text) }
    }

    @Test("day numbers round-trip over four centuries and match Foundation's weekdays")
    func dayNumbers() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for dayNumber in stride(from: -150_000, through: 150_000, by: 37) {
            let date = CalendarDate(dayNumber: dayNumber)
            #expect(date.dayNumber == dayNumber)
            let instant = Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
            let foundationWeekday = calendar.component(.weekday, from: instant)  // 1 = Sunday
            #expect(date.weekday == (foundationWeekday + 5) % 7 + 1)  // weekdays run on regardless of the calendar reform
            // Foundation switches to the Julian calendar before 15 October 1582; ours is proleptic Gregorian.
            if dayNumber > -141_000 { #expect(date == CalendarDate(instant, in: calendar.timeZone)) }
        }
    }

    @Test("arithmetic and formats")
    func arithmetic() throws {
        let date = try #require(CalendarDate(iso: "2026-12-31"))
        #expect(date.adding(days: 1).iso == "2027-01-01")
        #expect(date.adding(days: -365).iso == "2025-12-31")
        #expect(date.days(until: date.adding(days: 10)) == 10)
        #expect(date.russian == "31.12.2026")
        #expect(CalendarDate(iso: "2026-11-21")?.isWeekend == true)
        #expect(CalendarDate(iso: "2026-11-23")?.weekday == 1)
    }

    @Test("an instant falls on the date of the organisation's time zone")
    func zones() throws {
        let instant = Date(timeIntervalSince1970: 1_798_750_800)  // 2026-12-31 21:00 UTC
        #expect(CalendarDate(instant, in: TimeZone(identifier: "UTC")!).iso == "2026-12-31")
        #expect(CalendarDate(instant, in: TimeZone(identifier: "Europe/Moscow")!).iso == "2027-01-01")
        #expect(CalendarDate(instant, in: TimeZone(identifier: "Asia/Vladivostok")!).iso == "2027-01-01")
    }
}
