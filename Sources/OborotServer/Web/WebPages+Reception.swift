import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// Personal reception pages: the schedules with the booking form and the next two weeks' bookings (`/reception`),
/// and the reception card (`/reception/card`), which records the outcome or registers the appeal.
extension WebPages {
    struct ReceptionPageModel {
        struct Schedule {
            var id: String
            var official: String
            var description: String
            var place: String
        }
        struct Option {
            var value: String
            var name: String
            var selected = false
        }
        struct Booking {
            var id: String
            var when: String
            var official: String
            var visitor: String
            var question: String
            var priority: String?
            var stateName: String
            var active: Bool
        }
        struct Card {
            var date: String
            var visitor: String
            var outcome: String
            var appealId: String?
        }
        var organizationId: String
        var organizations: [Option]
        var severalOrganizations: Bool
        /// What the clerk typed into a refused booking, shown again.
        var typed: ReceptionBookForm
        var schedules: [Schedule]
        var hasSchedules: Bool
        var slots: [Option]
        var priorities: [Option]
        var bookings: [Booking]
        var hasBookings: Bool
        var cards: [Card]
        var hasCards: Bool
        var error: String?
        var notice: String?
        /// The schedule form, for those who manage the reception.
        var canManage: Bool
        var scheduleChoices: ScheduleChoices?
        var scheduleTyped: ReceptionScheduleForm

        struct ScheduleChoices {
            var officials: [Option]
            var weekdays: [Option]
            var weeks: [Option]
            var today: String
        }
    }

    struct ReceptionBookForm: Decodable {
        init() {}
        var organizationId: String?
        var slot: String?
        var surname: String?
        var name: String?
        var patronymic: String?
        var phone: String?
        var email: String?
        var question: String?
        var priority: String?
        var priorityNote: String?
    }

    struct ReceptionCardForm: Decodable {
        var scheduleId: String?
        var bookingId: String?
        var surname: String?
        var name: String?
        var patronymic: String?
        var postalAddress: String?
        var email: String?
        var phone: String?
        var type: String?
        var substance: String?
        var topicCode: String?
        var outcome: String?
        var consent: String?
        var detail: String?
    }

    struct ReceptionEventForm: Decodable {
        var event: String?
        var organizationId: String?
    }

    func addReceptionRoutes(to router: Router<AppRequestContext>) {
        let reception = services.reception
        router.get("/reception") { request, _ in
            let caller = try signedIn(request)
            let query = request.uri.queryParameters
            let notice = query["received"] != nil ? "Карточка приёма сохранена." : query["scheduled"] != nil ? ReceptionScheduleTexts.created : nil
            return try await receptionPage(caller, organizationID: request.uri.queryParameters["organizationId"].flatMap { UUID(uuidString: String($0)) }, notice: notice)
        }
        router.post("/reception/book") { request, _ in
            let caller = try signedIn(request)
            let form = try await WebForms.decode(ReceptionBookForm.self, from: request)
            let organizationID = form.organizationId.flatMap(UUID.init(uuidString:))
            do {
                let parts = (form.slot ?? "").split(separator: "|").map(String.init)
                guard parts.count == 3, let scheduleID = UUID(uuidString: parts[0]), let date = CalendarDate(iso: parts[1]), let minute = ReceptionJSON.minute(parts[2]) else {
                    throw OborotError.validation([FieldProblem(field: "slot", code: "required", message: "Выберите время приёма.")])
                }
                let priority = form.priority?.nilIfEmpty.flatMap(ReceptionPriority.init(rawValue:))
                _ = try await reception.book(
                    caller,
                    ReceptionBooking(
                        id: UUID(), scheduleID: scheduleID, date: date, startMinute: minute,
                        visitor: Applicant(surname: form.surname, name: form.name, patronymic: form.patronymic, email: form.email, phone: form.phone),
                        question: form.question ?? "", priority: priority, priorityNote: form.priorityNote))
                return WebRedirect(location: "/reception?organizationId=\(organizationID?.lowercasedString ?? "")").response
            } catch let error as OborotError where error.kind != .notFound && error.kind != .unauthorized {
                return try await receptionPage(caller, organizationID: organizationID, typed: form, error: Self.problemText(error), status: error.kind.status)
            }
        }
        router.post("/reception/bookings/:bookingId/event") { request, context in
            let caller = try signedIn(request)
            let form = try await WebForms.decode(ReceptionEventForm.self, from: request)
            let organizationID = form.organizationId.flatMap(UUID.init(uuidString:))
            do {
                guard let event = ReceptionBookingEvent(rawValue: form.event ?? "") else { throw OborotError.badQuery("event") }
                _ = try await reception.apply(caller, bookingID: try context.pathID("bookingId", .receptionBooking), event: event)
                return WebRedirect(location: "/reception?organizationId=\(organizationID?.lowercasedString ?? "")").response
            } catch let error as OborotError where error.kind != .notFound && error.kind != .unauthorized {
                return try await receptionPage(caller, organizationID: organizationID, error: error.detail, status: error.kind.status)
            }
        }
        router.get("/reception/card") { request, _ in
            let caller = try signedIn(request)
            let query = request.uri.queryParameters
            var values = ReceptionCardForm(scheduleId: query["scheduleId"].map(String.init))
            if let bookingID = query["bookingId"].flatMap({ UUID(uuidString: String($0)) }),
                let booking = try await reception.booking(caller, id: bookingID)
            {
                values = ReceptionCardForm(
                    scheduleId: booking.scheduleID.lowercasedString, bookingId: booking.id.lowercasedString, surname: booking.visitor.surname,
                    name: booking.visitor.name, patronymic: booking.visitor.patronymic, email: booking.visitor.email, phone: booking.visitor.phone,
                    substance: booking.question, topicCode: booking.topicCode?.description)
            }
            return try await receptionCardPage(caller, values: values, error: nil)
        }
        router.post("/reception/card") { request, _ in
            let caller = try signedIn(request)
            let form = try await WebForms.decode(ReceptionCardForm.self, from: request)
            do {
                guard let scheduleID = form.scheduleId.flatMap(UUID.init(uuidString:)) else { throw OborotError.notFound(.receptionSchedule) }
                let schedule = try await reception.schedule(caller, id: scheduleID)
                let outcome = ReceptionOutcome(rawValue: form.outcome ?? "") ?? .writtenAnswer
                let today = CalendarDate(Date(), in: TimeZone(identifier: OrganizationRules.defaultTimeZone) ?? .current)
                let card = ReceptionCard(
                    id: UUID(), organizationID: schedule.organizationID, scheduleID: schedule.id, bookingID: form.bookingId.flatMap(UUID.init(uuidString:)),
                    officialEmployeeID: schedule.officialEmployeeID, officialName: schedule.officialName, officialPosition: schedule.officialPosition,
                    date: today,
                    visitor: Applicant(surname: form.surname, name: form.name, patronymic: form.patronymic, postalAddress: form.postalAddress, email: form.email, phone: form.phone),
                    type: AppealType(rawValue: form.type ?? "") ?? .statement, substance: form.substance ?? "",
                    questions: (form.topicCode?.trimmed.nilIfEmpty).map { [AppealDraft.QuestionDraft(topicCode: $0)] } ?? [],
                    outcome: outcome, oralAnswerConsent: form.consent == "on", outcomeDetail: form.detail)
                let journal = outcome.registersAppeal
                    ? try await services.registry.journals(caller, organizationID: schedule.organizationID).map(\.0).first { $0.kinds.contains(.appeal) }?.id
                    : nil
                let received = try await reception.receive(caller, card, journalID: journal)
                if let appeal = received.appealDocumentID { return WebRedirect(location: "/appeals/\(appeal.lowercasedString)?created=1").response }
                return WebRedirect(location: "/reception?organizationId=\(schedule.organizationID.lowercasedString)&received=1").response
            } catch let error as OborotError where error.kind != .notFound && error.kind != .unauthorized {
                return try await receptionCardPage(caller, values: form, error: error, status: error.kind.status)
            }
        }
    }

    /// Every field problem of a refusal, or its detail.
    static func problemText(_ error: OborotError) -> String {
        error.fieldProblems.isEmpty ? error.detail : error.fieldProblems.map(\.message).joined(separator: " ")
    }

    func receptionPage(
        _ caller: Caller, organizationID: UUID?, typed: ReceptionBookForm = ReceptionBookForm(),
        scheduleTyped: ReceptionScheduleForm = ReceptionScheduleForm(), error: String? = nil, notice: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let ids = Self.organizationIDs(of: caller.actor, holding: [.registrar, .head, .receptionOperator])
        let organizationID = organizationID ?? ids.first ?? caller.actor.principal.organizationID
        let names = Dictionary(
            try await services.database.read { try await OrganizationRepository($0).findMany(ids) }.map { ($0.id, $0.shortName) },
            uniquingKeysWith: { first, _ in first })
        let reception = services.reception
        let schedules = try await reception.schedules(caller, organizationID: organizationID)
        let today = CalendarDate(Date(), in: TimeZone(identifier: OrganizationRules.defaultTimeZone) ?? .current)
        let until = today.adding(days: 14)
        var slots: [ReceptionPageModel.Option] = []
        for schedule in schedules where schedule.active {
            for slot in try await reception.freeSlots(caller, scheduleID: schedule.id, from: today, to: until, priority: true).prefix(60) {
                let value = "\(schedule.id.lowercasedString)|\(slot.date.iso)|\(ReceptionTexts.time(slot.startMinute))"
                slots.append(.init(
                    value: value, name: "\(slot.russian) — \(schedule.officialName)\(slot.heldBack ? " (для первоочередного приёма)" : "")",
                    selected: value == typed.slot))
            }
        }
        let officials = Dictionary(schedules.map { ($0.id, $0.officialName) }, uniquingKeysWith: { first, _ in first })
        let bookings = try await reception.bookings(caller, organizationID: organizationID, from: today, to: until)
        let path = try await services.database.read { try await OrganizationRepository($0).find(organizationID)?.path }
        let canManage = path.map { ReceptionAccess.manages($0).allows(caller.actor) } ?? false
        let cards = try await reception.cards(caller, organizationID: organizationID, from: today.adding(days: -30), to: today)
        let model = ReceptionPageModel(
            organizationId: organizationID.lowercasedString,
            organizations: ids.map { .init(value: $0.lowercasedString, name: names[$0] ?? "", selected: $0 == organizationID) },
            severalOrganizations: ids.count > 1, typed: typed,
            schedules: schedules.map { .init(id: $0.id.lowercasedString, official: "\($0.officialName), \($0.officialPosition)", description: $0.russianDescription, place: $0.place) },
            hasSchedules: !schedules.isEmpty, slots: slots,
            priorities: ReceptionPriority.allCases.map { .init(value: $0.rawValue, name: $0.russianName, selected: $0.rawValue == typed.priority) },
            bookings: bookings.map { booking in
                .init(id: booking.id.lowercasedString, when: booking.start.russian, official: officials[booking.scheduleID] ?? "",
                      visitor: booking.visitor.displayName, question: booking.question, priority: booking.priority?.russianName,
                      stateName: booking.state.russianName, active: booking.isActive)
            },
            hasBookings: !bookings.isEmpty,
            cards: cards.map { .init(date: $0.date.russian, visitor: $0.visitor.displayName, outcome: $0.outcome.russianName, appealId: $0.appealDocumentID?.lowercasedString) },
            hasCards: !cards.isEmpty, error: error, notice: notice, canManage: canManage,
            scheduleChoices: canManage ? try await receptionScheduleChoices(organizationID: organizationID, typed: scheduleTyped) : nil,
            scheduleTyped: scheduleTyped)
        return page("reception", title: "Личный приём граждан", model: model, caller: caller, path: "/reception", status: status)
    }

    func receptionCardPage(_ caller: Caller, values: ReceptionCardForm, error: OborotError?, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let scheduleID = values.scheduleId.flatMap(UUID.init(uuidString:)) else { throw OborotError.notFound(.receptionSchedule) }
        let schedule = try await services.reception.schedule(caller, id: scheduleID)
        let outcome = values.outcome ?? ReceptionOutcome.writtenAnswer.rawValue
        let model: [String: Any] = [
            "values": values, "official": "\(schedule.officialName), \(schedule.officialPosition)",
            "outcomes": ReceptionOutcome.allCases.map { ["value": $0.rawValue, "name": "\($0.russianName) — \($0.article)", "selected": $0.rawValue == outcome] },
            "types": AppealType.allCases.map { ["value": $0.rawValue, "name": $0.russianName, "selected": $0.rawValue == (values.type ?? "statement")] },
            "consentChecked": values.consent == "on",
            "problems": (error?.fieldProblems.map(\.message) ?? []) + (error.map { $0.fieldProblems.isEmpty ? [$0.detail] : [] } ?? []),
            "hasProblems": error != nil,
        ]
        return page("reception-card", title: "Карточка личного приёма", model: model, caller: caller, path: "/reception", status: status)
    }
}
