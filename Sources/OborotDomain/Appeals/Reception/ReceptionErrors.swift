/// The errors of personal reception; `code`s are stable for clients.
extension OborotError {
    public static let receptionScheduleInactive = OborotError(
        .conflict, code: "reception_schedule_inactive", title: "График приёма не действует",
        detail: "Этот график личного приёма отключён: запись по нему закрыта.")

    /// `dayOff` says why a day the rule names has no reception (a holiday, a transferred day off).
    public static func receptionSlotNotInSchedule(date: CalendarDate, minute: Int, dayOff: String?) -> OborotError {
        let why = dayOff.map { " \(date.russian) — \($0): приём не проводится." } ?? ""
        return OborotError(
            .unprocessable, code: "reception_slot_unknown", title: "Нет такого времени приёма",
            detail: "В графике приёма нет времени \(date.russian) \(ReceptionTexts.time(minute)).\(why)")
    }

    public static func receptionSlotInPast(_ slot: ReceptionSlot) -> OborotError {
        OborotError(
            .conflict, code: "reception_slot_past", title: "Время приёма прошло",
            detail: "Приём \(slot.russian) уже начался или прошёл; выберите другое время.")
    }

    public static func receptionSlotHeldBack(_ slot: ReceptionSlot) -> OborotError {
        OborotError(
            .conflict, code: "reception_slot_held_back", title: "Время отведено для первоочередного приёма",
            detail: "Время \(slot.russian) отведено для граждан, имеющих право на личный приём в первоочередном порядке "
                + "(\(ReceptionPriority.article)); выберите другое время.")
    }

    public static func receptionSlotTaken(_ slot: ReceptionSlot) -> OborotError {
        OborotError(
            .conflict, code: "reception_slot_taken", title: "Время уже занято",
            detail: "На \(slot.russian) уже записан другой гражданин; выберите другое время.")
    }

    public static func receptionVisitorAlreadyBooked(_ booking: ReceptionBooking) -> OborotError {
        OborotError(
            .conflict, code: "reception_visitor_already_booked", title: "Гражданин уже записан",
            detail: "Гражданин уже записан к этому должностному лицу на \(booking.start.russian): в один день — одна запись. "
                + "Изложите все вопросы на этом приёме или отмените прежнюю запись.")
    }

    /// The state is named, so the clerk sees why the button does nothing.
    public static func receptionIllegalTransition(_ event: ReceptionBookingEvent, from state: ReceptionBookingState) -> OborotError {
        OborotError(
            .conflict, code: "illegal_transition", title: "Действие недоступно",
            detail: "Запись на приём в состоянии «\(state.russianName)»: \(event.russianName) невозможно.")
    }

    public static func receptionAlreadyStarted(_ booking: ReceptionBooking) -> OborotError {
        OborotError(
            .conflict, code: "reception_already_started", title: "Приём уже начался",
            detail: "Отменить запись можно только до начала приёма (\(booking.start.russian)).")
    }

    public static func receptionBookingTooEarly(_ event: ReceptionBookingEvent, _ booking: ReceptionBooking) -> OborotError {
        let detail = switch event {
        case .markAttended: "Отметить, что гражданин принят, можно не раньше дня приёма (\(booking.date.russian))."
        case .markNoShow: "Отметить неявку можно только после начала приёма (\(booking.start.russian))."
        case .cancel: "Действие пока недоступно (приём \(booking.start.russian))."
        }
        return OborotError(.conflict, code: "reception_too_early", title: "Время приёма ещё не наступило", detail: detail)
    }

    public static let receptionBookingOfAnotherSchedule = OborotError(
        .unprocessable, code: "reception_booking_other_schedule", title: "Запись к другому должностному лицу",
        detail: "Запись сделана по другому графику приёма; откройте карточку из графика, по которому гражданин записан.")

    public static func receptionBookingNotReceivable(_ state: ReceptionBookingState) -> OborotError {
        OborotError(
            .conflict, code: "reception_booking_not_receivable", title: "Запись не действует",
            detail: "Запись в состоянии «\(state.russianName)»: карточку приёма по ней не открыть; примите гражданина без записи.")
    }

    public static func receptionCardNotRegistered(_ outcome: ReceptionOutcome) -> OborotError {
        OborotError(
            .conflict, code: "reception_card_not_registered", title: "Обращение не регистрируется",
            detail: "При результате «\(outcome.russianName)» (\(outcome.article)) письменное обращение не регистрируется; "
                + "оно регистрируется, когда ответ даётся письменно (ст. 13 ч. 3 59-ФЗ) или гражданин подал письменное "
                + "обращение (ст. 13 ч. 4 59-ФЗ).")
    }
}
