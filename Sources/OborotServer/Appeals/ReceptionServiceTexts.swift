import OborotDomain

/// The reception service's Russian audit summaries and messages.
enum ReceptionServiceTexts {
    static let officialNotInOrganization = "Принимает руководитель или заместитель этой организации: выберите её сотрудника."
    static let journalRequired = "Письменный ответ даётся на зарегистрированное обращение: выберите журнал обращений граждан («-ОГ»)."

    static func scheduleCreated(_ schedule: ReceptionSchedule) -> String {
        "График личного приёма: \(schedule.officialName), \(schedule.russianDescription), \(schedule.place)"
    }

    static func booked(_ booking: ReceptionBooking, slot: ReceptionSlot, schedule: ReceptionSchedule) -> String {
        "Запись на личный приём к \(schedule.officialName): \(booking.visitor.displayName), \(slot.russian)"
    }

    static func received(_ card: ReceptionCard) -> String {
        "Личный приём \(card.date.russian): \(card.visitor.displayName) — \(card.outcome.russianName)"
    }
}
