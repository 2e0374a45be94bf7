import Foundation
import OborotAPI
import OborotDomain
import OborotStore

extension APIHandlers {
    func sendDocument(_ input: Operations.SendDocument.Input) async throws -> Operations.SendDocument.Output {
        let lines = try await services.delivery.send(try caller(), documentID: try id(input.path.documentId, .document))
        return .ok(.init(body: .json(lines.map(Components.Schemas.DeliveryLine.init))))
    }

    func listDocumentDeliveries(
        _ input: Operations.ListDocumentDeliveries.Input
    ) async throws -> Operations.ListDocumentDeliveries.Output {
        let lines = try await services.delivery.sheet(try caller(), documentID: try id(input.path.documentId, .document))
        return .ok(.init(body: .json(lines.map(Components.Schemas.DeliveryLine.init))))
    }

    func refuseDelivery(_ input: Operations.RefuseDelivery.Input) async throws -> Operations.RefuseDelivery.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let card = try await services.delivery.refuse(
            caller, incomingDocumentID: try id(input.path.documentId, .document), reason: body.reason)
        return .ok(.init(body: .json(.init(try await services.documents.details(caller, id: card.id)))))
    }
}

extension Components.Schemas.DeliveryLine {
    init(_ line: DeliverySheetLine) {
        let status = line.status
        self.init(
            id: line.delivery.id.lowercasedString, recipientOrganizationId: line.delivery.recipientOrganizationID.lowercasedString,
            recipientName: line.recipientName, status: .init(rawValue: status.rawValue)!, statusName: status.russianName,
            incomingDocumentId: line.delivery.incomingDocumentID.lowercasedString,
            registrationNumber: status == .refused ? nil : line.registeredNumber,
            registrationDate: status == .refused ? nil : line.registeredDate?.iso,
            refusalReason: line.delivery.refusal?.reason, refusedAt: line.delivery.refusal?.at,
            answerDocumentId: line.delivery.answerDocumentID?.lowercasedString, sentAt: line.delivery.sentAt)
    }
}
