import Foundation
import Hummingbird
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
            var number: String?
            var date: String?
            var refusalReason: String?
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
    }

    func deliveryPanel(_ caller: Caller, details: DocumentDetails) async throws -> DeliveryPanel? {
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
                        number: status == .refused ? nil : line.registeredNumber,
                        date: status == .refused ? nil : line.registeredDate?.russian, refusalReason: line.delivery.refusal?.reason,
                        answerId: line.delivery.answerDocumentID?.lowercasedString)
                },
                hasLines: !sheet.isEmpty, canSend: registrar && pending != nil, pendingCount: pending?.count ?? 0,
                receivedFrom: nil, canRefuse: false, refusalReason: nil)
        }
        guard document.kind == .incoming, let receipt = try await services.delivery.receipt(caller, incomingDocumentID: id) else { return nil }
        let refusable = (try? DeliveryRules.checkRefusable(receipt.delivery, incomingState: document.state).get()) != nil
        return DeliveryPanel(
            documentId: id.lowercasedString, lines: [], hasLines: false, canSend: false, pendingCount: 0,
            receivedFrom: receipt.senderName, canRefuse: registrar && refusable, refusalReason: receipt.delivery.refusal?.reason)
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
