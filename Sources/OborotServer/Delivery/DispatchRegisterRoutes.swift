import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// The dispatch register (реестр отправки), by hand like the other exports (`openapi.yaml` documents it):
/// `GET /api/v1/organizations/{organizationId}/dispatch-register?date=YYYY-MM-DD&channel=paper|email[&format=csv]`
/// for the organisation's registrars, and the printable page `/dispatch-register?organizationId=&date=&channel=`.
enum DispatchRegisterRoutes {
    struct Query {
        var date: CalendarDate
        var channel: DispatchChannel
    }

    static func query(_ request: Request, today: CalendarDate) throws -> Query {
        let parameters = request.uri.queryParameters
        var date = today
        if let text = parameters["date"], !text.isEmpty {
            guard let parsed = CalendarDate(iso: String(text)) else { throw OborotError.badQuery("date") }
            date = parsed
        }
        var channel = DispatchChannel.paper
        if let text = parameters["channel"], !text.isEmpty {
            guard let parsed = DispatchChannel(rawValue: String(text)) else { throw OborotError.badQuery("channel") }
            channel = parsed
        }
        return Query(date: date, channel: channel)
    }

    static func today() -> CalendarDate {
        CalendarDate(Date(), in: TimeZone(identifier: OrganizationRules.defaultTimeZone) ?? .current)
    }

    static let csvHeader = CSV.line(["№ п/п", "Рег. номер", "Дата", "Заголовок", "Адресат", "Адрес", "Листов", "Приложений"])

    static func csv(_ lines: [DispatchLine]) -> String {
        CSV.byteOrderMark + csvHeader + lines.enumerated().map { index, line in
            CSV.line([
                String(index + 1), line.number, line.date.russian, line.title, line.addressee, line.destination ?? "адрес не указан",
                line.pages.map(String.init) ?? "", line.annexCount.map(String.init) ?? "",
            ])
        }.joined()
    }

    struct RegisterJSON: Encodable {
        struct Line: Encodable {
            var documentId: String
            var number: String
            var date: String
            var title: String
            var addressee: String
            var destination: String?
            var pages: Int?
            var annexCount: Int?
        }

        var organizationId: String
        var organizationName: String
        var date: String
        var channel: String
        var channelName: String
        var lines: [Line]
    }

    static func add(to router: Router<AppRequestContext>, services: AppServices) {
        router.get("/api/v1/organizations/:organizationId/dispatch-register") { request, context in
            let caller = try RequestScope.current.requireCaller()
            guard let id = context.parameters.get("organizationId").flatMap(UUID.init(uuidString:)) else {
                throw OborotError.notFound(.organization)
            }
            let query = try query(request, today: today())
            let register = try await services.delivery.dispatchRegister(caller, organizationID: id, date: query.date, channel: query.channel)
            if request.uri.queryParameters["format"] == "csv" {
                return Response(
                    status: .ok,
                    headers: [
                        .contentType: "text/csv; charset=utf-8",
                        .contentDisposition: "attachment; filename=\"dispatch-\(query.date.iso)-\(query.channel.rawValue).csv\"",
                    ],
                    body: .init(byteBuffer: ByteBuffer(string: csv(register.lines))))
            }
            return try FileRoutes.jsonResponse(
                status: .ok,
                RegisterJSON(
                    organizationId: register.organization.id.lowercasedString, organizationName: register.organization.shortName,
                    date: query.date.iso, channel: query.channel.rawValue, channelName: query.channel.russianName,
                    lines: register.lines.map {
                        .init(
                            documentId: $0.documentID.lowercasedString, number: $0.number, date: $0.date.iso, title: $0.title,
                            addressee: $0.addressee, destination: $0.destination, pages: $0.pages, annexCount: $0.annexCount)
                    }))
        }
    }
}
