import Foundation
import OborotDomain
import OborotExchange
import OborotStore

/// What we send by МЭДО: notifications about cards that came by МЭДО, committed with the change they report and
/// written to the OUT folder by the exchange job (so a rolled-back registration never sends «Зарегистрирован»).
enum MedoOutbox {
    /// Queues a notification to the sender of the card `card`, if it came by МЭДО; inside the caller's transaction.
    static func notify(_ event: MedoNotification.Event, about card: Document, db: DatabaseHandle) async throws {
        let repository = MedoRepository(db)
        guard let inbound = try await repository.inboundDocument(of: card.id), let documentUID = inbound.documentUID else { return }
        let organization = try await OrganizationRepository(db).get(card.organizationID)
        let ourUID = try await repository.participant(organizationID: organization.id)?.uid ?? organization.id.lowercasedString
        let packetUID = UUID().lowercasedString
        let packet = MedoPacket(
            version: MedoPacketWriter.version,
            header: MedoHeader(type: .notification, uid: packetUID, created: db.now, sourceUID: ourUID, sourceOrganization: organization.fullName),
            content: .notification(MedoNotification(documentUID: documentUID, event: event)))
        let files: [String: [UInt8]]
        switch MedoPacketWriter.write(packet) {
        case .success(let written): files = written
        case .failure(let rejection): throw OborotError.medoNotWritable(rejection)
        }
        try await repository.enqueue(
            MedoPacketRecord(
                id: UUID(), direction: .outbound, packetUID: packetUID, messageType: "notification", version: packet.version,
                state: .pending, documentID: card.id, documentUID: documentUID, participantUID: inbound.participantUID,
                participantName: inbound.participantName, label: event.label, reason: MedoTexts.details(of: event),
                source: packetUID, messageXML: files[MedoPacketWriter.messageName].map { String(decoding: $0, as: UTF8.self) },
                createdAt: db.now),
            files: files)
    }

    /// «Зарегистрирован» with our number, when a card that came by МЭДО is registered.
    static func registered(_ card: Document, db: DatabaseHandle) async throws {
        guard card.requisites.deliveryMethod == .medo, let registration = card.registration else { return }
        try await notify(
            .accepted(MedoAcceptance(
                time: db.now, number: registration.number, date: registration.date,
                foundation: MedoCorrespondent(number: card.requisites.correspondentNumber, date: card.requisites.correspondentDate))),
            about: card, db: db)
    }

    /// «Отказано в регистрации» with the reason.
    static func refused(_ card: Document, reason: String, db: DatabaseHandle) async throws {
        try await notify(.refused(MedoRefusal(time: db.now, reason: reason)), about: card, db: db)
    }
}

extension OborotError {
    static func medoNotWritable(_ rejection: MedoRejection) -> OborotError {
        OborotError(
            .internalFailure, code: "medo_not_writable", title: "Пакет МЭДО не сформирован",
            detail: "Не удалось сформировать пакет МЭДО: \(rejection.reason)")
    }
}
