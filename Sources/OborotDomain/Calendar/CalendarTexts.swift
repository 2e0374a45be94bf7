/// Russian words and messages of the production calendar and deadlines.
public enum CalendarTexts {
    static let weekend = "выходной день"
    static let holiday = "нерабочий праздничный день"
    static let transferredDayOff = "перенесённый выходной день"
    static let unnamedRegionalDayOff = "региональный нерабочий день"
    static func regionalDayOff(_ name: String) -> String { "нерабочий день в регионе («\(name)»)" }

    /// «декабрь 2026»: a month of reports and exports.
    public static func monthYear(_ date: CalendarDate) -> String {
        let names = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"]
        return "\(names[date.month - 1]) \(date.year)"
    }

    /// «понедельник» … «воскресенье» by ISO weekday (1 = Monday).
    public static func weekdayName(_ date: CalendarDate) -> String {
        ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"][date.weekday - 1]
    }

    /// «31.12.2026 (четверг)».
    public static func dayWithWeekday(_ date: CalendarDate) -> String {
        "\(date.russian) (\(weekdayName(date)))"
    }

    static let calendarDays = RussianPlural("календарный день", "календарных дня", "календарных дней")
    static let workingDays = RussianPlural("рабочий день", "рабочих дня", "рабочих дней")
    static let months = RussianPlural("месяц", "месяца", "месяцев")

    // MARK: - Loading a calendar file

    static func invalidFile(_ problems: [String]) -> OborotError {
        let shown = problems.prefix(20)
        var detail = shown.joined(separator: "\n")
        if problems.count > shown.count { detail += "\n… и ещё \(problems.count - shown.count)" }
        return OborotError(
            .unprocessable, code: "calendar_invalid", title: "Производственный календарь не загружен",
            detail: detail)
    }

    static func lineNotUnderstood(_ line: Int) -> String {
        "Строка \(line): ожидается «ключ: значение», например «year: 2027»."
    }
    static func listNotClosed(_ line: Int) -> String { "Строка \(line): список дат не закрыт скобкой «]»." }
    static func badYear(_ value: String, line: Int) -> String {
        "Строка \(line): «\(value)» — не год (ожидается число от 2000 до 2100)."
    }
    static func yearTwice(_ year: Int, line: Int) -> String { "Строка \(line): \(year) год описан в файле дважды." }
    static func badDate(_ value: String, line: Int) -> String {
        "Строка \(line): «\(value)» — не дата в формате ГГГГ-ММ-ДД."
    }
    static func keyOutsideYear(_ key: String, line: Int) -> String {
        "Строка \(line): «\(key)» должно идти после строки «year: …»."
    }
    static func keyTwice(_ key: String, line: Int) -> String { "Строка \(line): «\(key)» для этого года указано дважды." }
    static func keyMissing(_ key: String, year: Int, line: Int) -> String {
        "Строка \(line): для \(year) года не указано «\(key)»."
    }
    static func unknownKey(_ key: String, line: Int) -> String {
        "Строка \(line): неизвестный ключ «\(key)» (допустимы year, decree, days_off, working_weekends, shortened, "
            + "region, day_off, working_day, last_day)."
    }
    static func badLastDay(_ value: String, line: Int) -> String {
        "Строка \(line): «\(value)» — ожидается previous (на предыдущий рабочий день) или next (на следующий)."
    }
    static let emptyFile = "Файл не содержит ни одного года."
    static func dateOutsideYear(_ date: CalendarDate, list: String, year: Int) -> String {
        "\(date.russian) в списке «\(list)» относится не к \(year) году."
    }
    static func workingWeekendNotWeekend(_ date: CalendarDate) -> String {
        "\(dayWithWeekday(date)) указан как рабочая суббота или воскресенье, но это будний день."
    }
    static func bothOffAndWorking(_ date: CalendarDate) -> String {
        "\(date.russian) указан одновременно как выходной и как рабочий день."
    }
    static func shortenedNotWorking(_ date: CalendarDate) -> String {
        "\(date.russian) указан как сокращённый день, но это нерабочий день."
    }
}
