/// The legal deadlines of 59-ФЗ, each with its Russian explanation. Days are calendar days counted from the day after
/// the event; a last day on a non-working day moves by the region's rule (default: to the previous working day).
public enum AppealDeadlines {
    public static let registrationDays = 3
    public static let forwardingDays = 7
    public static let answerDays = 30
    public static let migrationAnswerDays = 20
    public static let maximumExtensionDays = 30
    public static let informationRequestDays = 15
    public static let noticeDays = 7

    /// ст. 8 ч. 2: a written appeal is registered within 3 days of receipt.
    public static func registration(receivedOn: CalendarDate, lastDay: LastDayRule, calendar: WorkCalendar) -> ComputedDeadline {
        counted(registrationDays, from: receivedOn, basis: "Регистрация — в течение 3 дней с момента поступления (ст. 8 ч. 2 59-ФЗ)", lastDay, calendar)
    }

    /// ст. 8 ч. 3–4: forwarding to the competent body (and notifying the applicant) within 7 days of registration.
    public static func forwarding(registeredOn: CalendarDate, lastDay: LastDayRule, calendar: WorkCalendar) -> ComputedDeadline {
        counted(forwardingDays, from: registeredOn,
            basis: "Направление по компетенции с уведомлением заявителя — в течение 7 дней со дня регистрации (ст. 8 ч. 3 59-ФЗ)",
            lastDay, calendar)
    }

    /// ст. 12 ч. 1 and 1.1: the answer within 30 days of registration; 20 for an appeal to the head of the region
    /// about possible violations of migration law.
    public static func answer(
        registeredOn: CalendarDate, migrationMatterToHead: Bool, lastDay: LastDayRule, calendar: WorkCalendar
    ) -> ComputedDeadline {
        migrationMatterToHead
            ? counted(migrationAnswerDays, from: registeredOn,
                basis: "Обращение к высшему должностному лицу субъекта о возможном нарушении миграционного законодательства "
                    + "рассматривается в течение 20 дней со дня регистрации (ст. 12 ч. 1.1 59-ФЗ)", lastDay, calendar)
            : counted(answerDays, from: registeredOn,
                basis: "Рассмотрение — в течение 30 дней со дня регистрации (ст. 12 ч. 1 59-ФЗ)", lastDay, calendar)
    }

    /// ст. 10 ч. 2: another body answers our information request within 15 days.
    public static func informationRequest(sentOn: CalendarDate, lastDay: LastDayRule, calendar: WorkCalendar) -> ComputedDeadline {
        counted(informationRequestDays, from: sentOn,
            basis: "Ответ на запрос информации — в течение 15 дней (ст. 10 ч. 2 59-ФЗ)", lastDay, calendar)
    }

    /// The 7 days of ст. 11 for returns and notices (court decisions, unreadable text, answers already published);
    /// nil for the cases with no term.
    public static func notice(
        for specialCase: AppealSpecialCase, registeredOn: CalendarDate, lastDay: LastDayRule, calendar: WorkCalendar
    ) -> ComputedDeadline? {
        guard let days = specialCase.noticeDays else { return nil }
        return counted(days, from: registeredOn,
            basis: "\(specialCase.russianName): уведомить заявителя в течение \(days) дней со дня регистрации (\(specialCase.article))",
            lastDay, calendar)
    }

    /// ст. 12 ч. 2: the term extended by `days` (1–30) from the current deadline.
    public static func extended(
        from current: CalendarDate, days: Int, lastDay: LastDayRule, calendar: WorkCalendar
    ) -> ComputedDeadline {
        counted(days, from: current,
            basis: "Срок рассмотрения продлён не более чем на 30 дней (ст. 12 ч. 2 59-ФЗ)", lastDay, calendar)
    }

    /// When every day of the term is a day off (an appeal received on 5 January), the previous working day falls on
    /// or before the day the count starts from — a term that ends before it begins; the term then ends on the next
    /// working day, whatever the region's rule.
    private static func counted(
        _ days: Int, from start: CalendarDate, basis: String, _ lastDay: LastDayRule, _ calendar: WorkCalendar
    ) -> ComputedDeadline {
        let computed = DeadlinePolicy.deadline(from: start, period: .calendarDays(days), lastDay: lastDay, calendar: calendar)
        guard lastDay == .previous, computed.date <= start else {
            return ComputedDeadline(date: computed.date, nominalDate: computed.nominalDate, explanation: "\(basis): \(computed.explanation)")
        }
        let forward = DeadlinePolicy.deadline(from: start, period: .calendarDays(days), lastDay: .next, calendar: calendar)
        return ComputedDeadline(
            date: forward.date, nominalDate: forward.nominalDate,
            explanation: "\(basis): \(forward.explanation) \(AppealTexts.noWorkingDayInTerm(previous: computed.date, start: start))")
    }
}
