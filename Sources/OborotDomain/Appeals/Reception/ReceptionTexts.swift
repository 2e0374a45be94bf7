import Foundation

/// The Russian texts of personal reception, kept in one place so the wording can be reviewed.
public enum ReceptionTexts {
    // MARK: Words

    /// `600` → «10:00»; 1440 is «24:00», the end of the day.
    public static func time(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }

    /// «а», «а и б», «а, б и в».
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " и " + last
    }

    static func weekdayName(_ weekday: Int) -> String {
        name(weekday, ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"])
    }

    /// «по вторникам».
    static func weekdayDativePlural(_ weekday: Int) -> String {
        name(weekday, ["понедельникам", "вторникам", "средам", "четвергам", "пятницам", "субботам", "воскресеньям"])
    }

    /// «в среду».
    static func weekdayAccusative(_ weekday: Int) -> String {
        name(weekday, ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"])
    }

    /// «первый» (вторник), «первую» (среду), «первое» (воскресенье): the ordinal agrees with the weekday's gender.
    static func ordinal(_ week: WeekOfMonth, weekday: Int) -> String {
        let forms: (masculine: String, feminine: String, neuter: String) = switch week {
        case .first: ("первый", "первую", "первое")
        case .second: ("второй", "вторую", "второе")
        case .third: ("третий", "третью", "третье")
        case .fourth: ("четвёртый", "четвёртую", "четвёртое")
        case .last: ("последний", "последнюю", "последнее")
        }
        switch weekday {
        case 3, 5, 6: return forms.feminine
        case 7: return forms.neuter
        default: return forms.masculine
        }
    }

    private static func name(_ weekday: Int, _ names: [String]) -> String {
        (1...7).contains(weekday) ? names[weekday - 1] : "день \(weekday)"
    }

    /// «Иванов Иван Иванович, губернатор Ростовской области».
    static func official(_ name: String, _ position: String) -> String {
        [name.trimmed, position.trimmed].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    // MARK: Schedule

    static let weekdaysRequired = "Укажите хотя бы один день недели приёма."
    static let weeksRequired = "Укажите, в какой по счёту день недели месяца проводится приём: первый, второй, третий, четвёртый или последний."
    static func weekdayOutOfRange(_ weekday: Int) -> String {
        "День недели — число от 1 (понедельник) до 7 (воскресенье); указано \(weekday)."
    }
    static func weekendWeekday(_ weekday: Int) -> String {
        "\(weekdayName(weekday).capitalized) — выходной день: приём назначается на рабочие дни, записи на выходные дни нет."
    }
    static let startOutOfRange = "Время начала приёма — от 00:00 до 23:59."
    static let endOutOfRange = "Время окончания приёма — от 00:01 до 24:00."
    static func endNotAfterStart(_ start: Int, _ end: Int) -> String {
        "Приём должен заканчиваться позже, чем начинается: указано \(time(start))–\(time(end))."
    }
    static func slotTooShort(_ minutes: Int) -> String {
        "Время на одного гражданина — не меньше \(ReceptionScheduleRules.minimumSlotMinutes) минут; указано \(minutes)."
    }
    static func slotLongerThanReception(_ slot: Int, _ duration: Int) -> String {
        "Время на одного гражданина (\(slot) мин) больше продолжительности приёма (\(duration) мин)."
    }
    static func slotNotDividing(_ slot: Int, start: Int, end: Int) -> String {
        "Приём \(time(start))–\(time(end)) (\(end - start) мин) не делится на интервалы по \(slot) мин: "
            + "последний интервал был бы короче остальных."
    }
    static let heldBackNegative = "Число интервалов для первоочередного приёма не может быть отрицательным."
    static func heldBackTooMany(_ slotsPerDay: Int) -> String {
        "Для первоочередного приёма можно отвести не больше \(slotsPerDay - 1) из \(slotsPerDay) интервалов дня: "
            + "хотя бы один остаётся для записи всех граждан."
    }
    static func validToBeforeValidFrom(_ validTo: CalendarDate, _ validFrom: CalendarDate) -> String {
        "График не может действовать до \(validTo.russian): это раньше начала его действия (\(validFrom.russian))."
    }

    // MARK: Visitor and booking

    static let visitorNotPerson = "На личный приём записывается гражданин; представитель организации указывается как гражданин."
    static func phoneMalformed(_ phone: String) -> String {
        "«\(phone.prefix(60))» — не номер телефона: нужно от 5 до 15 цифр, допустимы пробелы, скобки, дефисы и «+» в начале."
    }
    static let contactRequired = "Укажите телефон или электронную почту: по ним гражданину сообщат, если приём перенесут."
    static let answerAddressRequired = "Для письменного ответа укажите почтовый адрес или электронную почту гражданина."
    static let priorityCategoryRequired = "Укажите категорию граждан и закон, дающий право на первоочередной приём."

    // MARK: Card

    static func receptionInFuture(_ date: CalendarDate) -> String { "Дата приёма \(date.russian) ещё не наступила." }
    static let oralAnswerConsentRequired =
        "Устный ответ даётся только с согласия гражданина (ст. 13 ч. 3 59-ФЗ): отметьте согласие или выберите письменный ответ."
    static func outcomeDetailRequired(_ label: String, _ outcome: ReceptionOutcome) -> String {
        "Укажите: \(label.lowercased()) (\(outcome.article))."
    }
}
