import Foundation
import OborotDomain
import Testing

private typealias F = ReceptionFixtures
private func day(_ iso: String) -> CalendarDate { F.day(iso) }

@Suite("Личный приём: запись")
struct ReceptionBookingTests {
    let calendar: WorkCalendar

    init() throws {
        calendar = try WorkCalendar.shipped()
    }

    /// Monday morning before the Tuesday reception.
    static let now = F.at("2026-03-02", "09:00")

    func book(
        _ candidate: ReceptionBooking, schedule: ReceptionSchedule = F.schedule(), existing: [ReceptionBooking] = [],
        now: ReceptionMoment = ReceptionBookingTests.now
    ) -> Result<ReceptionBooking, OborotError> {
        ReceptionBookingRules.booking(candidate, in: schedule, existing: existing, now: now, calendar: calendar)
    }

    // MARK: Booking

    @Test("a free future slot is booked; the visitor and the texts are cleaned")
    func books() throws {
        let candidate = F.booking(
            visitor: Applicant(surname: " Семёнов ", name: "Пётр", patronymic: "  ", email: " Semenov@Mail.RU "),
            question: "  Ремонт дороги  ", state: .cancelled)
        let booking = try book(candidate).get()
        #expect(booking.id == candidate.id && booking.scheduleID == F.scheduleID)
        #expect(booking.date == day("2026-03-03") && booking.startMinute == 600)
        #expect(booking.visitor == Applicant(surname: "Семёнов", name: "Пётр", email: "semenov@mail.ru"))
        #expect(booking.question == "Ремонт дороги")
        #expect(booking.state == .booked && booking.isActive)
        #expect(booking.topicCode == TopicCode(F.roads))
    }

    @Test("every problem of the fields at once")
    func fieldProblems() {
        let failure = book(F.booking(
            visitor: Applicant(kind: .organization, name: " ", email: "semenov@", phone: "звоните"), question: " ",
            priority: .other)).failure
        #expect(failure?.code == "validation_failed")
        #expect(failure?.fieldProblems.map { "\($0.field) \($0.code)" } == [
            "visitor.kind not_person", "visitor.surname required", "visitor.name required", "visitor.email email_malformed",
            "visitor.phone phone_malformed", "question required", "priorityNote required",
        ])
        #expect(failure?.fieldProblems.map(\.message).last == "Укажите категорию граждан и закон, дающий право на первоочередной приём.")
    }

    @Test("a phone or an e-mail is needed to tell the visitor of a change")
    func contact() throws {
        let none = book(F.booking(visitor: Applicant(surname: "Иванов", name: "Иван", postalAddress: "Ростов, ул. Мира, 1"))).failure
        #expect(none?.fieldProblems.map { "\($0.field) \($0.code)" } == ["visitor.phone contact_required"])
        #expect(none?.fieldProblems.first?.message == "Укажите телефон или электронную почту: по ним гражданину сообщат, если приём перенесут.")
        #expect((try? book(F.booking(visitor: Applicant(surname: "Иванов", name: "Иван", phone: "240-12-34"))).get()) != nil)
        #expect((try? book(F.booking(visitor: Applicant(surname: "Иванов", name: "Иван", email: "i@mail.ru"))).get()) != nil)
    }

    @Test("texts longer than allowed")
    func tooLong() {
        let long = String(repeating: "я", count: 201)
        let failure = book(F.booking(
            visitor: Applicant(surname: long, name: "Пётр", phone: "8 863 240 12 34"),
            question: String(repeating: "в", count: ReceptionBookingRules.maxQuestionLength + 1),
            priority: .combatVeteran, priorityNote: String(repeating: "у", count: ReceptionBookingRules.maxPriorityNoteLength + 1))).failure
        #expect(failure?.fieldProblems.map { "\($0.field) \($0.code)" } == ["visitor.surname too_long", "question too_long", "priorityNote too_long"])
        let exact = F.booking(
            question: String(repeating: "в", count: ReceptionBookingRules.maxQuestionLength), priority: .combatVeteran,
            priorityNote: String(repeating: "у", count: ReceptionBookingRules.maxPriorityNoteLength))
        #expect((try? book(exact).get()) != nil)
    }

    @Test("phone numbers", arguments: [
        ("8 (863) 240-12-34", "78632401234"), ("+7 863 240 12 34", "78632401234"), ("863 240-12-34", "78632401234"),
        ("+78632401234", "78632401234"), ("2-40-12", "24012"), ("+375 29 123-45-67", "375291234567"),
        ("1234", nil), ("8 863 240 12 34 ext 5", nil), ("863+2401234", nil), ("+7 (863) 240-12-34-00-00-00", nil), ("", nil),
    ] as [(String, String?)])
    func phones(_ phone: String, _ digits: String?) {
        #expect(ReceptionVisitors.phoneDigits(phone) == digits)
    }

    @Test("the schedule must be active")
    func inactive() {
        let failure = book(F.booking(), schedule: F.schedule(active: false)).failure
        #expect(failure?.code == "reception_schedule_inactive")
        #expect(failure?.kind == .conflict)
    }

    @Test("the slot must exist in the schedule", arguments: [
        // date, time, detail
        ("2026-03-03", "10:05", "В графике приёма нет времени 03.03.2026 10:05."),
        ("2026-03-03", "12:00", "В графике приёма нет времени 03.03.2026 12:00."),
        ("2026-03-03", "09:45", "В графике приёма нет времени 03.03.2026 09:45."),
        ("2026-03-04", "10:00", "В графике приёма нет времени 04.03.2026 10:00."),
        ("2026-12-31", "10:00", "В графике приёма нет времени 31.12.2026 10:00. 31.12.2026 — перенесённый выходной день: приём не проводится."),
        ("2027-01-07", "10:00", "В графике приёма нет времени 07.01.2027 10:00. 07.01.2027 — нерабочий праздничный день: приём не проводится."),
    ])
    func unknownSlot(_ date: String, _ time: String, _ detail: String) {
        let failure = book(F.booking(date, time)).failure
        #expect(failure?.code == "reception_slot_unknown")
        #expect(failure?.kind == .unprocessable)
        #expect(failure?.detail == detail)
    }

    @Test("no slot outside the schedule's validity or for a booking of another schedule")
    func outsideValidity() {
        #expect(book(F.booking("2026-03-03"), schedule: F.schedule(validFrom: "2026-03-04")).failure?.code == "reception_slot_unknown")
        #expect(book(F.booking("2026-03-10"), schedule: F.schedule(validTo: "2026-03-09")).failure?.code == "reception_slot_unknown")
        #expect(book(F.booking(scheduleID: UUID())).failure?.code == "reception_slot_unknown")
    }

    @Test("the slot must be ahead of now", arguments: [
        ("2026-03-03", "10:00", "2026-03-03", "10:00", false), ("2026-03-03", "10:00", "2026-03-03", "09:59", true),
        ("2026-03-03", "10:15", "2026-03-03", "10:00", true), ("2026-03-03", "10:00", "2026-03-03", "10:01", false),
        ("2026-03-03", "10:00", "2026-03-04", "08:00", false), ("2026-03-05", "10:00", "2026-03-04", "18:00", true),
    ])
    func future(_ date: String, _ time: String, _ nowDate: String, _ nowTime: String, _ allowed: Bool) {
        let result = book(F.booking(date, time), now: F.at(nowDate, nowTime))
        if allowed {
            #expect((try? result.get())?.state == .booked)
        } else {
            #expect(result.failure?.code == "reception_slot_past")
            #expect(result.failure?.detail == "Приём \(day(date).russian) \(time)–\(time == "10:00" ? "10:15" : "10:30") уже начался или прошёл; выберите другое время.")
        }
    }

    @Test("held-back slots are for first-priority visitors only", arguments: ReceptionPriority.allCases)
    func heldBack(_ priority: ReceptionPriority) throws {
        let ordinary = book(F.booking("2026-03-03", "11:30")).failure
        #expect(ordinary?.code == "reception_slot_held_back")
        #expect(ordinary?.detail == "Время 03.03.2026 11:30–11:45 отведено для граждан, имеющих право на личный приём в первоочередном порядке (ст. 13 ч. 7 59-ФЗ); выберите другое время.")
        let note = priority == .other ? "Почётный гражданин области (областной закон № 12-ЗС)" : nil
        let booked = try book(F.booking("2026-03-03", "11:45", priority: priority, priorityNote: note)).get()
        #expect(booked.priority == priority && booked.priorityNote == note)
        // A priority visitor may take an ordinary slot too.
        #expect((try? book(F.booking("2026-03-03", "10:00", priority: priority, priorityNote: note)).get()) != nil)
    }

    @Test("a note without a priority is dropped")
    func noteWithoutPriority() throws {
        #expect(try book(F.booking(priorityNote: "удостоверение № 123")).get().priorityNote == nil)
        #expect(try book(F.booking(priority: .disabledGroupOneOrTwo, priorityNote: "  ")).get().priorityNote == nil)
    }

    @Test("a slot held by an active booking is taken; a cancelled or settled one frees it", arguments: [
        (ReceptionBookingState.booked, false), (.cancelled, true), (.attended, true), (.noShow, true),
    ])
    func taken(_ state: ReceptionBookingState, _ free: Bool) {
        let other = F.booking(visitor: F.petrova, state: state)
        let result = book(F.booking(), existing: [other])
        if free {
            #expect((try? result.get()) != nil)
        } else {
            #expect(result.failure?.code == "reception_slot_taken")
            #expect(result.failure?.detail == "На 03.03.2026 10:00–10:15 уже записан другой гражданин; выберите другое время.")
        }
    }

    @Test("bookings of another schedule or another time do not take the slot; re-checking the same booking does not clash with itself")
    func notTaken() {
        #expect((try? book(F.booking(), existing: [F.booking(visitor: F.petrova, scheduleID: UUID())]).get()) != nil)
        #expect((try? book(F.booking(), existing: [F.booking("2026-03-03", "10:15", visitor: F.petrova)]).get()) != nil)
        #expect((try? book(F.booking(), existing: [F.booking("2026-03-05", "10:00", visitor: F.petrova)]).get()) != nil)
        let id = UUID()
        #expect((try? book(F.booking(id: id), existing: [F.booking(id: id)]).get()) != nil)
    }

    @Test("one active booking per visitor and day with the official: the same person written differently", arguments: [
        Applicant(surname: "Семенов", name: "Петр", patronymic: "Ильич", phone: "+7 863 240-12-34"),
        Applicant(surname: "СЕМЁНОВ", name: "пётр", patronymic: "ильич", email: "semenov@mail.ru "),
        Applicant(surname: "Семёнов", name: "Пётр", patronymic: "Ильич", postalAddress: "Ростов-на-Дону, улица Ленина, дом 5, квартира 12", phone: "8 900 000-00-00"),
        Applicant(surname: "Семёнов", name: "Пётр", patronymic: "Ильич", phone: "(863) 2401234"),
    ])
    func oneBookingPerDay(_ visitor: Applicant) {
        let first = F.booking("2026-03-03", "10:00")
        let failure = book(F.booking("2026-03-03", "10:30", visitor: visitor), existing: [first]).failure
        #expect(failure?.code == "reception_visitor_already_booked")
        #expect(failure?.detail == "Гражданин уже записан к этому должностному лицу на 03.03.2026 10:00: в один день — одна запись. Изложите все вопросы на этом приёме или отмените прежнюю запись.")
    }

    @Test("another day, a cancelled booking, another official, a namesake or a relative with the same phone are not a second booking")
    func notASecondBooking() {
        let first = F.booking("2026-03-03", "10:00")
        #expect((try? book(F.booking("2026-03-05", "10:00"), existing: [first]).get()) != nil)
        #expect((try? book(F.booking("2026-03-03", "10:30"), existing: [F.booking(state: .cancelled)]).get()) != nil)
        #expect((try? book(F.booking("2026-03-03", "10:30"), existing: [F.booking(scheduleID: UUID())]).get()) != nil)
        let namesake = Applicant(surname: "Семёнов", name: "Пётр", patronymic: "Ильич", phone: "+7 928 000-00-01")
        #expect((try? book(F.booking("2026-03-03", "10:30", visitor: namesake), existing: [first]).get()) != nil)
        let wife = Applicant(surname: "Семёнова", name: "Ольга", phone: "8 (863) 240-12-34")
        #expect((try? book(F.booking("2026-03-03", "10:30", visitor: wife), existing: [first]).get()) != nil)
    }

    @Test("the visitor's keys: the name with the address, the e-mail and the phone's digits")
    func keys() {
        #expect(ReceptionVisitors.keys(of: F.ivanov) == [
            "семенов петр ильич|ростов на дону ленина 5 12", "семенов петр ильич|semenov@mail.ru",
            "семенов петр ильич|tel:78632401234",
        ])
        #expect(ReceptionVisitors.keys(of: F.petrova) == ["петрова анна|tel:79281112233"])
        #expect(ReceptionVisitors.keys(of: Applicant(surname: "Петрова", name: "Анна", email: "P@Mail.ru")) == ["петрова анна|p@mail.ru"])
        #expect(ReceptionVisitors.keys(of: Applicant(name: "Анна", phone: "89281112233")).isEmpty)
        #expect(ReceptionVisitors.keys(of: Applicant(surname: "Петрова")).isEmpty)
    }

    @Test("the order of the checks: fields, schedule, slot, time, hold, taken, visitor")
    func order() {
        let taken = F.booking("2026-03-03", "11:30", visitor: F.petrova)
        #expect(book(F.booking(question: ""), schedule: F.schedule(active: false)).failure?.code == "validation_failed")
        #expect(book(F.booking("2026-03-04"), schedule: F.schedule(active: false)).failure?.code == "reception_schedule_inactive")
        #expect(book(F.booking("2026-03-03", "11:30"), existing: [taken], now: F.at("2026-03-03", "12:00")).failure?.code == "reception_slot_past")
        #expect(book(F.booking("2026-03-03", "11:30"), existing: [taken]).failure?.code == "reception_slot_held_back")
        #expect(book(F.booking("2026-03-03", "11:30", priority: .heroOfLabour), existing: [taken]).failure?.code == "reception_slot_taken")
    }

    // MARK: Free slots

    @Test("free slots: ahead, not taken, and held back only for priority visitors")
    func freeSlots() {
        let existing = [
            F.booking("2026-03-03", "10:30"), F.booking("2026-03-03", "10:45", state: .cancelled),
            F.booking("2026-03-05", "11:30", priority: .combatVeteran),
        ]
        func free(priority: Bool) -> [String] {
            ReceptionBookingRules.freeSlots(
                F.schedule(), from: day("2026-03-03"), to: day("2026-03-05"), calendar: calendar, existing: existing,
                now: F.at("2026-03-03", "10:15"), priority: priority
            ).map { "\($0.date.day) \($0.startMinute)" }
        }
        #expect(free(priority: false) == ["3 645", "3 660", "3 675", "5 600", "5 615", "5 630", "5 645", "5 660", "5 675"])
        #expect(free(priority: true) == ["3 645", "3 660", "3 675", "3 690", "3 705", "5 600", "5 615", "5 630", "5 645", "5 660", "5 675", "5 705"])
    }

    // MARK: Transitions

    @Test("every state and event: only a booked booking moves, to the event's state", arguments: ReceptionBookingState.allCases, ReceptionBookingEvent.allCases)
    func transitions(_ state: ReceptionBookingState, _ event: ReceptionBookingEvent) {
        let result = ReceptionBookingLifecycle.next(state, on: event)
        let expected: [ReceptionBookingEvent: ReceptionBookingState] = [.cancel: .cancelled, .markAttended: .attended, .markNoShow: .noShow]
        if state == .booked {
            #expect((try? result.get()) == expected[event])
        } else {
            #expect(result.failure?.code == "illegal_transition")
            #expect(result.failure?.kind == .conflict)
            #expect(result.failure?.detail == "Запись на приём в состоянии «\(state.russianName)»: \(event.russianName) невозможно.")
        }
    }

    @Test("the buttons of each state")
    func events() {
        #expect(ReceptionBookingLifecycle.events(from: .booked) == [.cancel, .markAttended, .markNoShow])
        for state in [ReceptionBookingState.cancelled, .attended, .noShow] { #expect(ReceptionBookingLifecycle.events(from: state).isEmpty) }
        #expect(ReceptionBookingLifecycle.next(.attended, on: .cancel).failure?.detail
            == "Запись на приём в состоянии «Принят»: отменить запись невозможно.")
        #expect(ReceptionBookingLifecycle.next(.cancelled, on: .markNoShow).failure?.detail
            == "Запись на приём в состоянии «Запись отменена»: отметить неявку невозможно.")
        #expect(ReceptionBookingLifecycle.next(.noShow, on: .markAttended).failure?.detail
            == "Запись на приём в состоянии «Не явился»: отметить приём гражданина невозможно.")
    }

    @Test("when each event is allowed", arguments: [
        // event, now, allowed (the booking is 03.03.2026 10:00)
        (ReceptionBookingEvent.cancel, "2026-03-02 18:00", true), (.cancel, "2026-03-03 09:59", true),
        (.cancel, "2026-03-03 10:00", false), (.cancel, "2026-03-04 09:00", false),
        (.markAttended, "2026-03-02 18:00", false), (.markAttended, "2026-03-03 09:30", true), (.markAttended, "2026-03-03 10:20", true),
        (.markAttended, "2026-03-04 09:00", true),
        (.markNoShow, "2026-03-03 09:59", false), (.markNoShow, "2026-03-03 10:00", true), (.markNoShow, "2026-03-05 10:00", true),
    ])
    func timing(_ event: ReceptionBookingEvent, _ now: String, _ allowed: Bool) {
        let parts = now.split(separator: " ").map(String.init)
        let booking = F.booking("2026-03-03", "10:00")
        let result = ReceptionBookingRules.applying(event, to: booking, now: F.at(parts[0], parts[1]))
        if allowed {
            var expected = booking
            expected.state = event.target
            #expect((try? result.get()) == expected)
        } else {
            let code = event == .cancel ? "reception_already_started" : "reception_too_early"
            #expect(result.failure?.code == code)
        }
    }

    @Test("the timing messages, and a settled booking refuses with the transition error first")
    func timingMessages() {
        let booking = F.booking("2026-03-03", "10:00")
        #expect(ReceptionBookingRules.applying(.cancel, to: booking, now: F.at("2026-03-03", "10:00")).failure?.detail
            == "Отменить запись можно только до начала приёма (03.03.2026 10:00).")
        #expect(ReceptionBookingRules.applying(.markAttended, to: booking, now: F.at("2026-03-02", "10:00")).failure?.detail
            == "Отметить, что гражданин принят, можно не раньше дня приёма (03.03.2026).")
        #expect(ReceptionBookingRules.applying(.markNoShow, to: booking, now: F.at("2026-03-03", "09:00")).failure?.detail
            == "Отметить неявку можно только после начала приёма (03.03.2026 10:00).")
        let cancelled = F.booking(state: .cancelled)
        #expect(ReceptionBookingRules.applying(.markNoShow, to: cancelled, now: F.at("2026-03-02", "10:00")).failure?.code == "illegal_transition")
    }

    @Test("state names")
    func names() {
        #expect(ReceptionBookingState.allCases.map(\.russianName) == ["Записан", "Запись отменена", "Принят", "Не явился"])
        #expect(Set(ReceptionPriority.allCases.map(\.russianName)).count == ReceptionPriority.allCases.count)
        #expect(ReceptionPriority.disabledGroupOneOrTwo.russianName == "Инвалид I или II группы")
    }
}
