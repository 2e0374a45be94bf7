/// The Russian explanations of computed deadlines.
enum DeadlineTexts {
    private static let monthsPrepositional = [
        "январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре",
        "декабре",
    ]

    private static func until(_ date: CalendarDate) -> String { "до \(CalendarTexts.dayWithWeekday(date))" }

    static func defaultMonth(from start: CalendarDate, to end: CalendarDate, clamped: Bool) -> String {
        "Срок не указан — один месяц с \(start.russian)" + monthEnd(from: start, to: end, clamped: clamped)
    }

    static func months(_ count: Int, from start: CalendarDate, to end: CalendarDate, clamped: Bool) -> String {
        "\(CalendarTexts.months.counted(count)) с \(start.russian)" + monthEnd(from: start, to: end, clamped: clamped)
    }

    private static func monthEnd(from start: CalendarDate, to end: CalendarDate, clamped: Bool) -> String {
        if clamped {
            return ": в \(monthsPrepositional[end.month - 1]) \(end.year) года нет \(start.day)-го числа, поэтому срок — "
                + "последний день месяца, \(CalendarTexts.dayWithWeekday(end))"
        }
        return " — \(until(end))"
    }

    static func calendarDays(_ count: Int, from start: CalendarDate, to end: CalendarDate) -> String {
        "\(CalendarTexts.calendarDays.counted(count)) с \(start.russian) — \(until(end))"
    }

    static func urgent(from start: CalendarDate, to end: CalendarDate) -> String {
        "«Срочно» — \(CalendarTexts.calendarDays.counted(DeadlinePolicy.urgentDays)) с \(start.russian) — \(until(end))"
    }

    static func operative(from start: CalendarDate, to end: CalendarDate) -> String {
        "«Оперативно» — \(CalendarTexts.calendarDays.counted(DeadlinePolicy.operativeDays)) с \(start.russian) — "
            + until(end)
    }

    static func workingDays(_ count: Int, from start: CalendarDate, to end: CalendarDate) -> String {
        "\(CalendarTexts.workingDays.counted(count)) по производственному календарю с \(start.russian) — \(until(end))"
    }

    static func explicitDate(_ date: CalendarDate, from start: CalendarDate) -> String {
        let days = start.days(until: date)
        return "Срок установлен датой: \(CalendarTexts.dayWithWeekday(date)), "
            + "\(CalendarTexts.calendarDays.counted(days)) с \(start.russian)"
    }

    static func moved(_ nominal: CalendarDate, because reason: String, to date: CalendarDate, rule: LastDayRule) -> String {
        let direction = rule == .previous ? "предыдущий" : "следующий"
        return "; \(nominal.russian) — \(reason), поэтому срок переносится на \(direction) рабочий день, "
            + CalendarTexts.dayWithWeekday(date)
    }

    static func calendarNotLoaded(_ year: Int) -> String {
        " Производственный календарь на \(year) год не загружен: учтены только субботы, воскресенья и праздники "
            + "ст. 112 ТК РФ без переносов."
    }

    static func inPast(_ deadline: CalendarDate, today: CalendarDate) -> String {
        "Срок \(deadline.russian) уже прошёл (сегодня \(today.russian))."
    }

    static func tooFar(_ deadline: CalendarDate, latest: CalendarDate) -> String {
        "Срок \(deadline.russian) больше чем через год: укажите дату не позднее \(latest.russian)."
    }
}
