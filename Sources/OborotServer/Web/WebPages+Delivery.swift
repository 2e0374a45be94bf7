import Foundation
import Hummingbird
import Mustache
import OborotDomain
import OborotStore

extension WebPages {
    /// The card's delivery block: the sheet of a sent letter with the «Отправить» button, or, on a card that came by
    /// delivery, where it came from and the refusal form.
    struct DeliveryPanel {
        struct Line {
            var recipient: String
            var status: String
            var statusName: String
            /// Named apart from the card's own `number` and `date`: Mustache would otherwise show the sent letter's.
            var recipientNumber: String?
            var recipientDate: String?
            var refusalText: String?
            var answerId: String?
        }

        var documentId: String
        var lines: [Line]
        var hasLines: Bool
        var canSend: Bool
        var pendingCount: Int
        var receivedFrom: String?
        var canRefuse: Bool
        var refusalReason: String?
        var exchange: [MedoPacketRow] = []
        var hasExchange: Bool { !exchange.isEmpty }
    }

    func deliveryPanel(_ caller: Caller, details: DocumentDetails) async throws -> DeliveryPanel? {
        var panel = try await internalDeliveryPanel(caller, details: details)
        let exchange = try await exchangeLog(caller, documentID: details.document.id)
        guard !exchange.isEmpty else { return panel }
        let document = details.document
        if panel == nil {
            // A card that came by МЭДО: where from, and the refusal form while it waits for registration.
            let inbound = exchange.last { $0.direction == "Входящий" && $0.documentId != nil }
            panel = DeliveryPanel(
                documentId: document.id.lowercasedString, lines: [], hasLines: false, canSend: false, pendingCount: 0,
                receivedFrom: inbound.map { "\($0.participant) по МЭДО" }, canRefuse: document.kind == .incoming && document.state == .draft
                    && document.requisites.deliveryMethod == .medo && caller.actor.holds(.registrar, over: details.organization.path),
                refusalReason: nil)
        }
        panel?.exchange = exchange
        return panel
    }

    private func internalDeliveryPanel(_ caller: Caller, details: DocumentDetails) async throws -> DeliveryPanel? {
        let document = details.document
        let id = document.id
        let registrar = caller.actor.holds(.registrar, over: details.organization.path)
        if DeliveryRules.sendableKinds.contains(document.kind) {
            let sheet = try await services.delivery.sheet(caller, documentID: id)
            let pending = try await services.delivery.pending(caller, document: document, sheet: sheet)
            guard !sheet.isEmpty || pending != nil else { return nil }
            return DeliveryPanel(
                documentId: id.lowercasedString,
                lines: sheet.map { line in
                    let status = line.status
                    return DeliveryPanel.Line(
                        recipient: line.recipientName, status: status.rawValue, statusName: status.russianName,
                        recipientNumber: status == .refused ? nil : line.registeredNumber,
                        recipientDate: status == .refused ? nil : line.registeredDate?.russian, refusalText: line.delivery.refusal?.reason,
                        answerId: line.delivery.answerDocumentID?.lowercasedString)
                },
                hasLines: !sheet.isEmpty, canSend: registrar && pending != nil, pendingCount: pending?.count ?? 0,
                receivedFrom: nil, canRefuse: false, refusalReason: nil)
        }
        guard document.kind == .incoming, let receipt = try await services.delivery.receipt(caller, incomingDocumentID: id) else { return nil }
        let refusable = (try? DeliveryRules.checkRefusable(receipt.delivery, incomingState: document.state).get()) != nil
        return DeliveryPanel(
            documentId: id.lowercasedString, lines: [], hasLines: false, canSend: false, pendingCount: 0,
            receivedFrom: "\(receipt.senderName) по внутренней доставке", canRefuse: registrar && refusable, refusalReason: receipt.delivery.refusal?.reason)
    }

    struct RefusalForm: Decodable {
        var reason: String?
    }

    func addDeliveryRoutes(to router: Router<AppRequestContext>) {
        router.post("/documents/:id/send") { request, context in
            let caller = try signedIn(request)
            let id = try documentID(context)
            do {
                _ = try await services.delivery.send(caller, documentID: id)
                return WebRedirect(location: "/documents/\(id.lowercasedString)#delivery").response
            } catch let error as OborotError where error.kind != .notFound && error.kind != .unauthorized {
                return try await documentCard(caller, id: id, error: error.detail, status: error.kind.status)
            }
        }
        router.post("/documents/:id/refuse") { request, context in
            let caller = try signedIn(request)
            let id = try documentID(context)
            let form = try await WebForms.decode(RefusalForm.self, from: request)
            do {
                _ = try await services.delivery.refuse(caller, incomingDocumentID: id, reason: form.reason)
                return WebRedirect(location: "/documents/\(id.lowercasedString)").response
            } catch let error as OborotError where error.kind != .notFound && error.kind != .unauthorized {
                return try await documentCard(caller, id: id, error: error.detail, status: error.kind.status)
            }
        }
    }
}

extension WebPages {
    struct DispatchPageModel {
        struct Line {
            var index: Int
            var documentId: String
            var number: String
            var date: String
            var title: String
            var addressee: String
            var destination: String
            var pages: String
        }

        var assetVersion: String
        var organizationId: String
        var organizationName: String
        var date: String
        var dateISO: String
        var channelName: String
        var paper: Bool
        var lines: [Line]
        var hasLines: Bool
        var csvHref: String
    }

    /// The printable dispatch register of the caller's organisation (or `organizationId`), for a day and a channel.
    func addDispatchRegisterPage(to router: Router<AppRequestContext>) {
        router.get("/dispatch-register") { request, _ in
            let caller = try signedIn(request)
            let organizationID = request.uri.queryParameters["organizationId"].flatMap { UUID(uuidString: String($0)) }
                ?? caller.actor.principal.organizationID
            let query = try DispatchRegisterRoutes.query(request, today: DispatchRegisterRoutes.today())
            let register = try await services.delivery.dispatchRegister(caller, organizationID: organizationID, date: query.date, channel: query.channel)
            let model = DispatchPageModel(
                assetVersion: assets.version, organizationId: organizationID.lowercasedString,
                organizationName: register.organization.fullName, date: query.date.russian, dateISO: query.date.iso,
                channelName: query.channel.russianName, paper: query.channel == .paper,
                lines: register.lines.enumerated().map { index, line in
                    .init(
                        index: index + 1, documentId: line.documentID.lowercasedString, number: line.number, date: line.date.russian,
                        title: line.title, addressee: line.addressee, destination: line.destination ?? "адрес не указан",
                        pages: [line.pages.map(String.init), line.annexCount.map { "прил. \($0)" }].compactMap { $0 }.joined(separator: ", "))
                },
                hasLines: !register.lines.isEmpty,
                csvHref: "/api/v1/organizations/\(organizationID.lowercasedString)/dispatch-register?date=\(query.date.iso)&channel=\(query.channel.rawValue)&format=csv")
            return html(library.render(model, withTemplate: "dispatch-register") ?? "")
        }
    }
}
