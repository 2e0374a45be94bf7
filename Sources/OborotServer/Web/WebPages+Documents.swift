import Foundation
import Hummingbird
import Mustache
import OborotDomain
import OborotStore

extension WebPages {
    struct Option {
        var value: String
        var title: String
        var selected: Bool
    }

    struct ListModel {
        var heading: String
        var canRegister: Bool
        var journalId: String?
        var query: String
        var kinds: [Option]
        var states: [Option]
        var from: String
        var to: String
        var markNone: Bool
        var markRestricted: Bool
        var resetHref: String
        var items: [ListRow]
        var hasItems: Bool
        var nextHref: String?
        var csvHref: String
        var pageSize: Int
    }

    struct ListRow {
        var id: String
        var number: String?
        var date: String
        var kindName: String
        var title: String
        var correspondent: String
        var correspondentNumber: String?
        var state: String
        var stateName: String
        var restricted: Bool
    }

    static let pageSize = 50

    func addDocumentRoutes(to router: Router<AppRequestContext>) {
        router.get("/documents") { request, _ in
            let caller = try signedIn(request)
            return try await documentList(request, caller: caller)
        }
        router.get("/documents/new") { request, _ in
            let caller = try signedIn(request)
            let kind = request.uri.queryParameters["kind"].flatMap { DocumentKind(rawValue: String($0)) } ?? .incoming
            return try await registrationForm(caller, kind: kind, values: RegistrationForm(kind: kind.rawValue), error: nil)
        }
        router.post("/documents/new") { request, _ in
            let caller = try signedIn(request)
            let form = try await WebForms.decode(RegistrationForm.self, from: request)
            return try await register(caller, form: form)
        }
        router.get("/documents/:id") { request, context in
            let caller = try signedIn(request)
            let id = try documentID(context)
            return try await documentCard(
                caller, id: id, registeredNotice: request.uri.queryParameters["registered"] == "1",
                resolutionNotice: request.uri.queryParameters["resolution"].map(String.init))
        }
        router.post("/documents/:id/transitions") { request, context in
            let caller = try signedIn(request)
            let id = try documentID(context)
            let form = try await WebForms.decode(TransitionForm.self, from: request)
            do {
                guard let event = form.event.flatMap(DocumentEvent.init(rawValue:)), let version = form.version.flatMap({ Int($0) }) else {
                    throw OborotError.malformedBody(field: "event", reason: WebTexts.unreadableForm)
                }
                _ = try await services.documents.transition(
                    caller, id: id, expectedVersion: version, event: event,
                    input: .init(
                        journalID: form.journalId.flatMap(UUID.init(uuidString:)), caseFileID: form.caseFileId.flatMap(UUID.init(uuidString:)),
                        reason: form.reason))
                return WebRedirect(location: "/documents/\(id.lowercasedString)\(event == .register ? "?registered=1" : "")").response
            } catch let error as OborotError where error.kind != .notFound && error.kind != .unauthorized {
                return try await documentCard(caller, id: id, error: error.detail, status: error.kind.status)
            }
        }
        router.post("/documents/:id/files") { request, context in
            try await webUpload(request, context, attachmentID: nil)
        }
        router.post("/documents/:id/files/:attachmentId/versions") { request, context in
            try await webUpload(request, context, attachmentID: context.parameters.get("attachmentId").flatMap(UUID.init(uuidString:)))
        }
        router.get("/documents/:id/stamp") { request, context in
            let caller = try signedIn(request)
            let details = try await services.documents.details(caller, id: try documentID(context))
            let model = PrintModel(details, assetVersion: assets.version)
            return html(library.render(model, withTemplate: "stamp") ?? "")
        }
        router.get("/documents/:id/print") { request, context in
            let caller = try signedIn(request)
            let details = try await services.documents.details(caller, id: try documentID(context))
            try await services.documents.recordRestrictedView(caller, details: details)
            return html(library.render(PrintModel(details, assetVersion: assets.version), withTemplate: "document-print") ?? "")
        }
    }

    func documentID(_ context: AppRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw OborotError.notFound(.document) }
        return id
    }

    // MARK: List

    private func documentList(_ request: Request, caller: Caller) async throws -> Response {
        let parameters = request.uri.queryParameters
        func value(_ name: String) -> String? { parameters[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 } }
        var filter = DocumentFilter()
        let kind = value("kind").flatMap(DocumentKind.init(rawValue:))
        let state = value("state").flatMap(DocumentState.init(rawValue:))
        if let kind { filter.kinds = [kind] }
        if let state { filter.states = [state] }
        filter.journalID = value("journalId").flatMap(UUID.init(uuidString:))
        filter.registeredFrom = value("from").flatMap(CalendarDate.init(iso:))
        filter.registeredTo = value("to").flatMap(CalendarDate.init(iso:))
        filter.accessMark = value("accessMark").flatMap(AccessMark.init(rawValue:))
        filter.text = value("q").map { String($0.prefix(200)) }
        let order = (try? DocumentCursor.order(cursor: value("cursor"), registerOrder: filter.journalID != nil))
            ?? (filter.journalID != nil ? .register(after: nil) : .newest(after: nil))
        let items = try await services.documents.list(caller, filter: filter, order: order, limit: Self.pageSize + 1)
        let rows = Array(items.prefix(Self.pageSize))
        var heading = "Документы"
        if let journalID = filter.journalID, let journal = try? await services.database.read({ try await JournalRepository($0).find(journalID) }) {
            heading = "Журнал «\(journal.name)»"
        }
        var query = parameters.filter { $0.key != "cursor" }.map { "\($0.key)=\(URLQuery.value(String($0.value)))" }.joined(separator: "&")
        if !query.isEmpty { query += "&" }
        let next = items.count > Self.pageSize ? rows.last.map { "/documents?\(query)cursor=\(DocumentCursor.encode(after: $0, order: order))" } : nil
        let model = ListModel(
            heading: heading, canRegister: caller.actor.holdsAnywhere(.registrar) || caller.actor.holdsAnywhere(.head),
            journalId: filter.journalID?.lowercasedString, query: filter.text ?? "",
            kinds: DocumentKind.allCases.map { Option(value: $0.rawValue, title: $0.russianName, selected: $0 == kind) },
            states: DocumentState.allCases.map { Option(value: $0.rawValue, title: $0.russianName, selected: $0 == state) },
            from: filter.registeredFrom?.iso ?? "", to: filter.registeredTo?.iso ?? "",
            markNone: filter.accessMark == AccessMark.none, markRestricted: filter.accessMark == .restricted,
            resetHref: filter.journalID.map { "/documents?journalId=\($0.lowercasedString)" } ?? "/documents",
            items: rows.map { item in
                ListRow(
                    id: item.id.lowercasedString, number: item.registrationNumber, date: item.registrationDate?.russian ?? "",
                    kindName: item.kind.russianName, title: item.title, correspondent: item.correspondentName ?? "",
                    correspondentNumber: item.correspondentNumber, state: item.state.rawValue, stateName: item.state.russianName,
                    restricted: item.accessMark == .restricted)
            },
            hasItems: !rows.isEmpty, nextHref: next, csvHref: "/api/v1/documents/export.csv?\(query)", pageSize: Self.pageSize)
        return page(
            "documents", title: heading, model: model, caller: caller, path: "/documents",
            flash: request.uri.queryParameters["done"].flatMap { Self.flashes[String($0)] })
    }
}
