import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// Personal reception over HTTP, by hand (`openapi.yaml` documents each). Times are «HH:MM» in the organisation's
/// time zone, dates ISO.
///
/// | route | what |
/// |---|---|
/// | `POST /api/v1/reception-schedules`, `GET …?organizationId=` | an official's schedule; the organisation's schedules |
/// | `GET /api/v1/reception-schedules/{id}/slots?from=&to=&priority=true` | the free slots |
/// | `POST /api/v1/reception-bookings`, `GET …?organizationId=&from=&to=` | book a slot; the bookings |
/// | `POST /api/v1/reception-bookings/{id}/events` | `cancel`, `markAttended`, `markNoShow` |
/// | `POST /api/v1/reception-cards`, `GET …?organizationId=&from=&to=` | a visitor received; the cards |
enum ReceptionRoutes {
    static func add(to router: Router<AppRequestContext>, services: AppServices) {
        let reception = services.reception
        router.post("/api/v1/reception-schedules") { request, context in
            let caller = try RequestScope.current.requireCaller()
            let body = try await ApprovalRoutes.decode(ReceptionJSON.ScheduleBody.self, request, context)
            let schedule = try await reception.createSchedule(caller, try body.input())
            return try FileRoutes.jsonResponse(status: .created, ReceptionJSON.Schedule(schedule))
        }
        router.get("/api/v1/reception-schedules") { request, _ in
            let caller = try RequestScope.current.requireCaller()
            let organization = try organizationID(request)
            let schedules = try await reception.schedules(caller, organizationID: organization)
            return try FileRoutes.jsonResponse(status: .ok, ["items": schedules.map(ReceptionJSON.Schedule.init)])
        }
        router.get("/api/v1/reception-schedules/:scheduleId/slots") { request, context in
            let caller = try RequestScope.current.requireCaller()
            let (from, to) = try period(request)
            let slots = try await reception.freeSlots(
                caller, scheduleID: try context.pathID("scheduleId", .receptionSchedule), from: from, to: to,
                priority: request.uri.queryParameters["priority"] == "true")
            return try FileRoutes.jsonResponse(status: .ok, ["items": slots.map(ReceptionJSON.Slot.init)])
        }
        router.post("/api/v1/reception-bookings") { request, context in
            let caller = try RequestScope.current.requireCaller()
            let body = try await ApprovalRoutes.decode(ReceptionJSON.BookingBody.self, request, context)
            let booking = try await reception.book(caller, try body.booking())
            return try FileRoutes.jsonResponse(status: .created, ReceptionJSON.Booking(booking))
        }
        router.get("/api/v1/reception-bookings") { request, _ in
            let caller = try RequestScope.current.requireCaller()
            let (from, to) = try period(request)
            let bookings = try await reception.bookings(caller, organizationID: try organizationID(request), from: from, to: to)
            return try FileRoutes.jsonResponse(status: .ok, ["items": bookings.map(ReceptionJSON.Booking.init)])
        }
        router.post("/api/v1/reception-bookings/:bookingId/events") { request, context in
            let caller = try RequestScope.current.requireCaller()
            let body = try await ApprovalRoutes.decode(ReceptionJSON.EventBody.self, request, context)
            guard let event = ReceptionBookingEvent(rawValue: body.event) else {
                throw OborotError.validation([FieldProblem(field: "event", code: "invalid", message: ReceptionJSONTexts.event)])
            }
            let booking = try await reception.apply(caller, bookingID: try context.pathID("bookingId", .receptionBooking), event: event)
            return try FileRoutes.jsonResponse(status: .ok, ReceptionJSON.Booking(booking))
        }
        router.post("/api/v1/reception-cards") { request, context in
            let caller = try RequestScope.current.requireCaller()
            let body = try await ApprovalRoutes.decode(ReceptionJSON.CardBody.self, request, context)
            let (card, journal) = try await body.card(schedule: { id in try await reception.schedule(caller, id: id) })
            let received = try await reception.receive(caller, card, journalID: journal)
            return try FileRoutes.jsonResponse(status: .created, ReceptionJSON.Card(received))
        }
        router.get("/api/v1/reception-cards") { request, _ in
            let caller = try RequestScope.current.requireCaller()
            let (from, to) = try period(request)
            let cards = try await reception.cards(caller, organizationID: try organizationID(request), from: from, to: to)
            return try FileRoutes.jsonResponse(status: .ok, ["items": cards.map(ReceptionJSON.Card.init)])
        }
    }

    private static func organizationID(_ request: Request) throws -> UUID {
        guard let text = request.uri.queryParameters["organizationId"] else { throw OborotError.badQuery("organizationId") }
        return try RequestValues.bodyID(String(text), field: "organizationId")
    }

    private static func period(_ request: Request) throws -> (CalendarDate, CalendarDate) {
        let query = request.uri.queryParameters
        guard let from = try AppealRoutes.date(query["from"], "from"), let to = try AppealRoutes.date(query["to"], "to") else {
            throw OborotError.badQuery("from")
        }
        guard from <= to else { throw OborotError.periodReversed }
        return (from, to)
    }
}
