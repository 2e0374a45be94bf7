import OborotDomain
import Testing

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

@Suite("Обращения граждан: сроки 59-ФЗ")
struct AppealDeadlinesTests {
    let calendar: WorkCalendar

    init() throws {
        calendar = try WorkCalendar.shipped()
    }

    @Test("the terms of the law in days")
    func terms() {
        #expect(AppealDeadlines.registrationDays == 3)
        #expect(AppealDeadlines.forwardingDays == 7)
        #expect(AppealDeadlines.answerDays == 30)
        #expect(AppealDeadlines.migrationAnswerDays == 20)
        #expect(AppealDeadlines.maximumExtensionDays == 30)
        #expect(AppealDeadlines.informationRequestDays == 15)
        #expect(AppealDeadlines.noticeDays == 7)
    }

    @Test("registration: 3 calendar days from the day after receipt (ст. 8 ч. 2)", arguments: [
        // received, last-day rule, nominal last day, deadline
        ("2026-03-02", LastDayRule.previous, "2026-03-05", "2026-03-05"),  // Monday → Thursday, a working day
        ("2026-03-02", .next, "2026-03-05", "2026-03-05"),
        ("2026-03-04", .previous, "2026-03-07", "2026-03-06"),  // Saturday → Friday
        ("2026-03-04", .next, "2026-03-07", "2026-03-10"),  // Saturday → over Sunday and 9 March (8 March moved) to Tuesday
        ("2025-12-29", .previous, "2026-01-01", "2025-12-30"),  // New Year: back over 31 December 2025 (a day off)
        ("2025-12-29", .next, "2026-01-01", "2026-01-12"),  // … or forward over the whole break (to 11 January)
        // Received in the holidays (Госуслуги work every day): every day of the term is off and the previous working
        // day (30.12.2025) lies before the receipt, so the term ends on the next working day by either rule.
        ("2026-01-05", .previous, "2026-01-08", "2026-01-12"),
        ("2026-01-05", .next, "2026-01-08", "2026-01-12"),
    ])
    func registration(_ received: String, _ rule: LastDayRule, _ nominal: String, _ expected: String) {
        let deadline = AppealDeadlines.registration(receivedOn: day(received), lastDay: rule, calendar: calendar)
        #expect(deadline.nominalDate == day(nominal))
        #expect(deadline.date == day(expected))
        #expect(deadline.date > day(received))
        #expect(calendar.isWorkingDay(deadline.date))
        #expect(deadline.explanation.hasPrefix("Регистрация — в течение 3 дней с момента поступления (ст. 8 ч. 2 59-ФЗ): "))
        #expect(deadline.explanation.contains(day(expected).russian))
    }

    @Test("forwarding to the competent body: 7 days from registration (ст. 8 ч. 3)", arguments: [
        ("2026-03-02", LastDayRule.previous, "2026-03-09", "2026-03-06"),  // 9 March 2026 is the moved 8 March
        ("2026-03-02", .next, "2026-03-09", "2026-03-10"),
        ("2026-03-10", .previous, "2026-03-17", "2026-03-17"),
        // Registered on the last working day of 2026: the whole week is off, forward on 11 January.
        ("2026-12-30", .previous, "2027-01-06", "2027-01-11"),
        ("2026-12-30", .next, "2027-01-06", "2027-01-11"),
    ])
    func forwarding(_ registered: String, _ rule: LastDayRule, _ nominal: String, _ expected: String) {
        let deadline = AppealDeadlines.forwarding(registeredOn: day(registered), lastDay: rule, calendar: calendar)
        #expect(deadline.nominalDate == day(nominal))
        #expect(deadline.date == day(expected))
        #expect(deadline.explanation.hasPrefix(
            "Направление по компетенции с уведомлением заявителя — в течение 7 дней со дня регистрации (ст. 8 ч. 3 59-ФЗ): "))
        #expect(deadline.explanation.contains(day(expected).russian))
    }

    @Test("the answer: 30 days from registration (ст. 12 ч. 1), 20 for migration matters to the head (ч. 1.1)", arguments: [
        // registered, migration to the head, rule, nominal, deadline
        ("2026-03-02", false, LastDayRule.previous, "2026-04-01", "2026-04-01"),
        ("2026-03-02", false, .next, "2026-04-01", "2026-04-01"),
        ("2026-12-02", false, .previous, "2027-01-01", "2026-12-30"),  // 31 December 2026 is off too
        ("2026-12-02", false, .next, "2027-01-01", "2027-01-11"),
        ("2026-03-02", true, .previous, "2026-03-22", "2026-03-20"),  // Sunday → Friday
        ("2026-03-02", true, .next, "2026-03-22", "2026-03-23"),  // Sunday → Monday
        ("2026-12-09", true, .previous, "2026-12-29", "2026-12-29"),
    ])
    func answer(_ registered: String, _ migration: Bool, _ rule: LastDayRule, _ nominal: String, _ expected: String) {
        let deadline = AppealDeadlines.answer(
            registeredOn: day(registered), migrationMatterToHead: migration, lastDay: rule, calendar: calendar)
        #expect(deadline.nominalDate == day(nominal))
        #expect(deadline.date == day(expected))
        #expect(day(registered).days(until: deadline.nominalDate) == (migration ? 20 : 30))
        if migration {
            #expect(deadline.explanation.hasPrefix(
                "Обращение к высшему должностному лицу субъекта о возможном нарушении миграционного законодательства "
                + "рассматривается в течение 20 дней со дня регистрации (ст. 12 ч. 1.1 59-ФЗ): 20 календарных дней с "))
        } else {
            #expect(deadline.explanation.hasPrefix(
                "Рассмотрение — в течение 30 дней со дня регистрации (ст. 12 ч. 1 59-ФЗ): 30 календарных дней с "))
        }
        #expect(deadline.explanation.contains(day(expected).russian))
    }

    @Test("an information request to another body: 15 days (ст. 10 ч. 2)", arguments: [
        ("2026-03-02", LastDayRule.previous, "2026-03-17", "2026-03-17"),
        ("2025-12-30", .previous, "2026-01-14", "2026-01-14"),  // over the holidays, the last day is a working one
        ("2026-02-25", .previous, "2026-03-12", "2026-03-12"),
        ("2026-04-16", .previous, "2026-05-01", "2026-04-30"),  // 1 May
        ("2026-04-16", .next, "2026-05-01", "2026-05-04"),
    ])
    func informationRequest(_ sent: String, _ rule: LastDayRule, _ nominal: String, _ expected: String) {
        let deadline = AppealDeadlines.informationRequest(sentOn: day(sent), lastDay: rule, calendar: calendar)
        #expect(deadline.nominalDate == day(nominal))
        #expect(deadline.date == day(expected))
        #expect(deadline.explanation.hasPrefix("Ответ на запрос информации — в течение 15 дней (ст. 10 ч. 2 59-ФЗ): "))
        #expect(deadline.explanation.contains(day(expected).russian))
    }

    @Test("an extension: at most 30 days counted from the current deadline (ст. 12 ч. 2)", arguments: [
        // current deadline, days, rule, nominal, deadline
        ("2026-04-01", 30, LastDayRule.previous, "2026-05-01", "2026-04-30"),  // 1 May → Thursday 30 April (shortened, working)
        ("2026-04-01", 30, .next, "2026-05-01", "2026-05-04"),
        ("2026-04-01", 10, .previous, "2026-04-11", "2026-04-10"),
        ("2026-04-01", 14, .previous, "2026-04-15", "2026-04-15"),
        // One day from a Friday lands on Saturday; moving back would give the old deadline again, so the extension
        // runs to the next working day (Monday 9 March 2026 is off too).
        ("2026-03-06", 1, .previous, "2026-03-07", "2026-03-10"),
        ("2026-03-06", 1, .next, "2026-03-07", "2026-03-10"),
    ])
    func extended(_ current: String, _ days: Int, _ rule: LastDayRule, _ nominal: String, _ expected: String) {
        let deadline = AppealDeadlines.extended(from: day(current), days: days, lastDay: rule, calendar: calendar)
        #expect(deadline.nominalDate == day(nominal))
        #expect(deadline.date == day(expected))
        #expect(deadline.date > day(current))
        #expect(deadline.explanation.hasPrefix("Срок рассмотрения продлён не более чем на 30 дней (ст. 12 ч. 2 59-ФЗ): "))
        #expect(deadline.explanation.contains(day(expected).russian))
    }

    @Test("the 7-day notices of ст. 11 where the law sets them, and none where it does not", arguments: [
        (AppealSpecialCase.courtDecision, 7 as Int?, "ст. 11 ч. 2 59-ФЗ"),
        (.unreadable, 7, "ст. 11 ч. 4 и 4.1 59-ФЗ"),
        (.alreadyPublished, 7, "ст. 11 ч. 5.1 59-ФЗ"),
        (.anonymous, nil, "ст. 11 ч. 1 59-ФЗ"),
        (.obscene, nil, "ст. 11 ч. 3 59-ФЗ"),
        (.correspondenceTerminated, nil, "ст. 11 ч. 5 59-ФЗ"),
        // ст. 8 ч. 6–7: the complaint is returned with an explanation; the law sets no term for it.
        (.complaintAgainstAddressee, nil, "ст. 8 ч. 6–7 59-ФЗ"),
    ])
    func notices(_ specialCase: AppealSpecialCase, _ days: Int?, _ article: String) {
        #expect(specialCase.noticeDays == days)
        #expect(specialCase.article == article)
        let registered = day("2026-03-10")
        let notice = AppealDeadlines.notice(for: specialCase, registeredOn: registered, lastDay: .previous, calendar: calendar)
        guard let days else {
            #expect(notice == nil)
            return
        }
        #expect(notice?.nominalDate == day("2026-03-17"))
        #expect(notice?.date == day("2026-03-17"))
        #expect(notice?.explanation == "\(specialCase.russianName): уведомить заявителя в течение \(days) дней со дня "
            + "регистрации (\(article)): 7 календарных дней с 10.03.2026 — до 17.03.2026 (вторник).")
    }

    @Test("a notice over the New Year moves by the region's rule", arguments: [
        (LastDayRule.previous, "2026-12-30"), (.next, "2027-01-11"),
    ])
    func noticeOverNewYear(_ rule: LastDayRule, _ expected: String) {
        let notice = AppealDeadlines.notice(for: .courtDecision, registeredOn: day("2026-12-25"), lastDay: rule, calendar: calendar)
        #expect(notice?.nominalDate == day("2027-01-01"))
        #expect(notice?.date == day(expected))
    }

    @Test("explanations are Russian, name the article and end with the final date")
    func explanations() {
        #expect(AppealDeadlines.registration(receivedOn: day("2025-12-29"), lastDay: .previous, calendar: calendar).explanation
            == "Регистрация — в течение 3 дней с момента поступления (ст. 8 ч. 2 59-ФЗ): 3 календарных дня с 29.12.2025 — "
            + "до 01.01.2026 (четверг); 01.01.2026 — нерабочий праздничный день, поэтому срок переносится на предыдущий "
            + "рабочий день, 30.12.2025 (вторник).")
        #expect(AppealDeadlines.registration(receivedOn: day("2025-12-29"), lastDay: .next, calendar: calendar).explanation
            == "Регистрация — в течение 3 дней с момента поступления (ст. 8 ч. 2 59-ФЗ): 3 календарных дня с 29.12.2025 — "
            + "до 01.01.2026 (четверг); 01.01.2026 — нерабочий праздничный день, поэтому срок переносится на следующий "
            + "рабочий день, 12.01.2026 (понедельник).")
        #expect(AppealDeadlines.answer(registeredOn: day("2026-03-02"), migrationMatterToHead: false, lastDay: .previous, calendar: calendar).explanation
            == "Рассмотрение — в течение 30 дней со дня регистрации (ст. 12 ч. 1 59-ФЗ): 30 календарных дней с 02.03.2026 — "
            + "до 01.04.2026 (среда).")
        #expect(AppealDeadlines.answer(registeredOn: day("2026-03-02"), migrationMatterToHead: true, lastDay: .previous, calendar: calendar).explanation
            .hasSuffix("20 календарных дней с 02.03.2026 — до 22.03.2026 (воскресенье); 22.03.2026 — выходной день, "
                + "поэтому срок переносится на предыдущий рабочий день, 20.03.2026 (пятница)."))
        #expect(AppealDeadlines.forwarding(registeredOn: day("2026-03-02"), lastDay: .previous, calendar: calendar).explanation
            .hasSuffix("7 календарных дней с 02.03.2026 — до 09.03.2026 (понедельник); 09.03.2026 — перенесённый выходной "
                + "день, поэтому срок переносится на предыдущий рабочий день, 06.03.2026 (пятница)."))
        #expect(AppealDeadlines.informationRequest(sentOn: day("2026-03-02"), lastDay: .previous, calendar: calendar).explanation
            == "Ответ на запрос информации — в течение 15 дней (ст. 10 ч. 2 59-ФЗ): 15 календарных дней с 02.03.2026 — "
            + "до 17.03.2026 (вторник).")
        #expect(AppealDeadlines.extended(from: day("2026-04-01"), days: 30, lastDay: .previous, calendar: calendar).explanation
            == "Срок рассмотрения продлён не более чем на 30 дней (ст. 12 ч. 2 59-ФЗ): 30 календарных дней с 01.04.2026 — "
            + "до 01.05.2026 (пятница); 01.05.2026 — нерабочий праздничный день, поэтому срок переносится на предыдущий "
            + "рабочий день, 30.04.2026 (четверг).")
        // No working day in the term: why the previous-day rule gave way.
        #expect(AppealDeadlines.registration(receivedOn: day("2026-01-05"), lastDay: .previous, calendar: calendar).explanation
            == "Регистрация — в течение 3 дней с момента поступления (ст. 8 ч. 2 59-ФЗ): 3 календарных дня с 05.01.2026 — "
            + "до 08.01.2026 (четверг); 08.01.2026 — нерабочий праздничный день, поэтому срок переносится на следующий "
            + "рабочий день, 12.01.2026 (понедельник). Все дни срока нерабочие, а предыдущий рабочий день (30.12.2025) "
            + "не позже дня начала отсчёта (05.01.2026), поэтому срок перенесён на следующий рабочий день.")
        // A year with no calendar loaded is said so.
        #expect(AppealDeadlines.answer(registeredOn: day("2027-12-20"), migrationMatterToHead: false, lastDay: .previous, calendar: calendar)
            .explanation.contains("Производственный календарь на 2028 год не загружен"))
    }
}
