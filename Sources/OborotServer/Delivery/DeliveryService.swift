import Foundation
import OborotDomain
import OborotStore

/// Delivery between the region's bodies in one step: sending a registered letter creates, in the same transaction,
/// an incoming card ready for registration in every addressee organisation, with the sender's number and date, the
/// files (shared blobs) and the signatures carried over.
///
/// | action | policy |
/// |---|---|
/// | send | registrar of the sender (`DocumentAccess.registers`) |
/// | see the delivery sheet | whoever may see the sent document (its statuses are the sender's own business) |
/// | refuse a delivered card | registrar of the recipient |
/// | register a delivered card | the ordinary registration (`DocumentService.transition`) |
struct DeliveryService: Sendable {
    let database: any Database
    /// The files of a letter sent by МЭДO go into its packet.
    let blobs: BlobStore

    /// Sends `documentID` to every addressee organisation that has no copy yet; returns the sheet.
    func send(_ caller: Caller, documentID: UUID) async throws -> [DeliverySheetLine] {
        try await database.write { db in
            let loaded = try await DocumentRepository(db).visible(documentID, to: caller.actor, lockingRow: true)
            let sent = loaded.document
            let organizations = OrganizationRepository(db)
            let sender = try await organizations.get(sent.organizationID)
            try caller.actor.require(DocumentAccess.registers(sender.path))
            let deliveries = DeliveryRepository(db)
            let medo = try await Self.medoAddressees(of: sent, db: db)
            let pending = try DeliveryRules.recipients(
                of: sent, alreadyDelivered: try await deliveries.recipients(ofSent: documentID),
                medoParticipants: Set(medo.participants.keys), alreadySentByMedo: medo.alreadySent
            ).get()
            let recipients = try await organizations.findMany(pending.organizations)
            guard recipients.count == pending.organizations.count else { throw OborotError.notFound(.organization) }
            if !recipients.isEmpty {
                let plan = DeliveryPlan(
                    sent: sent, sender: sender, recipients: recipients,
                    senderCorrespondentID: try await Self.correspondent(for: sender, db: db),
                    files: try await AttachmentRepository(db).summaries(documentID: documentID),
                    signatures: try await SignatureRepository(db).signatures(documentID: documentID),
                    registrars: try await deliveries.registrars(serving: recipients),
                    caller: caller, now: db.now)
                try await plan.store(db: db)
                try await answer(sent, plan: plan, caller: caller, db: db)
            } else {
                try await AuditLog(db).append(caller.audit("document.send", .document, sent.id, DeliveryTexts.sent(count: pending.count)))
            }
            try await MedoOutbox.send(
                sent, from: sender, to: pending.medoCorrespondents.compactMap { medo.participants[$0] }, blobs: blobs, db: db)
            for link in try await DocumentLinkRepository(db).links(of: sent.id) where link.kind == .inReplyTo && link.fromDocumentID == sent.id {
                try await MedoOutbox.reportSent(sent, answering: link.toDocumentID, db: db)
            }
            return try await deliveries.sheet(ofSent: documentID)
        }
    }

    /// The МЭДО participants among a document's correspondent addressees, and those a packet has already gone to.
    static func medoAddressees(of document: Document, db: DatabaseHandle) async throws -> (participants: [UUID: MedoParticipantRecord], alreadySent: Set<UUID>) {
        let correspondents = document.requisites.addressees.compactMap(\.correspondentID)
        let repository = MedoRepository(db)
        var participants: [UUID: MedoParticipantRecord] = [:]
        for participant in try await repository.participants(correspondentIDs: correspondents) {
            if let id = participant.correspondentID { participants[id] = participant }
        }
        let sentUIDs = Set(try await repository.outboundDocuments(documentUID: document.id.lowercasedString).compactMap(\.participantUID))
        return (participants, Set(participants.filter { sentUIDs.contains($0.value.uid) }.keys))
    }

    /// Who a sent document still has to reach, for the card's «Отправить» button; nil when nobody.
    func pending(_ caller: Caller, document: Document, sheet: [DeliverySheetLine]) async throws -> DeliveryRules.Recipients? {
        try await database.read { db in
            let medo = try await Self.medoAddressees(of: document, db: db)
            return try? DeliveryRules.recipients(
                of: document, alreadyDelivered: Set(sheet.map(\.delivery.recipientOrganizationID)),
                medoParticipants: Set(medo.participants.keys), alreadySentByMedo: medo.alreadySent
            ).get()
        }
    }

    /// The dispatch register of an organisation for a day and a channel: its registrars keep it.
    func dispatchRegister(
        _ caller: Caller, organizationID: UUID, date: CalendarDate, channel: DispatchChannel
    ) async throws -> (organization: Organization, lines: [DispatchLine]) {
        try await database.read { db in
            let organization = try await OrganizationRepository(db).get(organizationID)
            try caller.actor.require(DocumentAccess.registers(organization.path))
            let letters = try await DeliveryRepository(db).registeredLetters(
                organizationID: organizationID, on: date, methods: channel.methods, visibleTo: caller.actor)
            let ids = Array(Set(letters.flatMap { $0.requisites.addressees.compactMap(\.correspondentID) }))
            var correspondents: [UUID: Correspondent] = [:]
            for correspondent in try await CorrespondentRepository(db).findMany(ids) { correspondents[correspondent.id] = correspondent }
            // Only correspondents a МЭДО packet of this very letter went to are left out: paper goes to the rest.
            var sentByMedo: [UUID: Set<UUID>] = [:]
            for letter in letters {
                sentByMedo[letter.id] = try await Self.medoAddressees(of: letter, db: db).alreadySent
            }
            return (organization, DispatchRegister.lines(letters, correspondents: correspondents, channel: channel, sentByMedo: sentByMedo))
        }
    }

    /// The sender's sheet of a document: who received it and what became of it.
    func sheet(_ caller: Caller, documentID: UUID) async throws -> [DeliverySheetLine] {
        try await database.read { db in
            let loaded = try await DocumentRepository(db).visible(documentID, to: caller.actor)
            return try await DeliveryRepository(db).sheet(ofSent: loaded.document.id)
        }
    }

    /// How a card reached its organisation by delivery, for its page: the delivery and the sender's short name.
    func receipt(_ caller: Caller, incomingDocumentID: UUID) async throws -> (delivery: Delivery, senderName: String)? {
        try await database.read { db in
            _ = try await DocumentRepository(db).visible(incomingDocumentID, to: caller.actor)
            guard let delivery = try await DeliveryRepository(db).find(incomingDocumentID: incomingDocumentID) else { return nil }
            let sender = try await OrganizationRepository(db).get(delivery.senderOrganizationID)
            return (delivery, sender.shortName)
        }
    }

    /// The recipient's registrar refuses a delivered card — from another body of the region or by МЭДО: the card is
    /// cancelled with the reason, which the sender sees (in its sheet, or as «Отказано в регистрации» by МЭДО).
    func refuse(_ caller: Caller, incomingDocumentID: UUID, reason: String?) async throws -> Document {
        let reason = try DeliveryRules.refusalReason(reason).get()
        return try await database.write { db in
            let documents = DocumentRepository(db)
            let loaded = try await documents.visible(incomingDocumentID, to: caller.actor, lockingRow: true)
            let recipient = try await OrganizationRepository(db).get(loaded.document.organizationID)
            try caller.actor.require(DocumentAccess.registers(recipient.path))
            let deliveries = DeliveryRepository(db)
            let delivery = try await deliveries.find(incomingDocumentID: incomingDocumentID, lockingRow: true)
            let byMedo = delivery == nil ? try await MedoRepository(db).inboundDocument(of: incomingDocumentID) : nil
            guard delivery != nil || byMedo != nil else { throw OborotError.notFound(.delivery) }
            if let delivery {
                try DeliveryRules.checkRefusable(delivery, incomingState: loaded.document.state).get()
            } else if loaded.document.state != .draft {
                throw loaded.document.state == .cancelled ? OborotError.deliveryAlreadyRefused : .deliveryAlreadyRegistered(loaded.document.state)
            }
            var card = loaded.document
            card.state = try DocumentLifecycle.apply(.cancel, to: card.lifecycleFacts).get()
            card.cancellationReason = String("Отказано в регистрации: \(reason)".prefix(2000))
            card.updatedAt = db.now
            card.version = try await documents.update(card, organizationPath: recipient.path, expectedVersion: card.version)
            try await AuditLog(db).append(caller.audit("document.refuse_delivery", .document, card.id, DeliveryTexts.refused(reason: reason)))
            if let delivery {
                try await deliveries.refuse(delivery.id, refusal: Delivery.Refusal(reason: reason, byUserID: caller.actor.principal.userID, at: db.now))
                if let sent = try await documents.find(delivery.sentDocumentID) {
                    try await Self.notifySender(
                        of: delivery, sent: sent, kind: .deliveryRefused,
                        text: DeliveryTexts.refusedNotice(by: recipient, sent: sent, reason: reason), db: db)
                }
            } else {
                try await MedoOutbox.refused(card, reason: reason, db: db)
            }
            return card
        }
    }

    /// Called inside the registering transaction of any card: a delivered card's sender learns the number.
    static func registered(_ card: Document, db: DatabaseHandle) async throws {
        guard card.requisites.deliveryMethod == .internalDelivery, let number = card.registration?.number,
            let delivery = try await DeliveryRepository(db).find(incomingDocumentID: card.id),
            let sent = try await DocumentRepository(db).find(delivery.sentDocumentID)
        else { return }
        let recipient = try await OrganizationRepository(db).get(card.organizationID)
        try await notifySender(
            of: delivery, sent: sent, kind: .deliveryRegistered,
            text: DeliveryTexts.registeredNotice(by: recipient, sent: sent, number: number), db: db)
    }

    /// The sent card's creator and the sender's registrars hear about what the addressee did.
    private static func notifySender(of delivery: Delivery, sent: Document, kind: NotificationKind, text: String, db: DatabaseHandle) async throws {
        let sender = try await OrganizationRepository(db).get(delivery.senderOrganizationID)
        var users = Set(try await DeliveryRepository(db).registrars(serving: [sender])[sender.id] ?? [])
        users.insert(sent.createdByUserID)
        try await NotificationRepository(db).insert(
            users.map { user in
                AppNotification(
                    key: "\(kind.rawValue):\(delivery.id.lowercasedString):\(user.lowercasedString)", userID: user,
                    assignmentID: nil, documentID: sent.id, kind: kind, text: text, createdAt: db.now)
            })
    }

    /// When the sent letter answers a card that reached us by delivery, the original sender's copy of it is that
    /// answer: their delivery records it and their copy links to their own letter.
    private func answer(_ sent: Document, plan: DeliveryPlan, caller: Caller, db: DatabaseHandle) async throws {
        let replies = try await DocumentLinkRepository(db).links(of: sent.id)
            .filter { $0.kind == .inReplyTo && $0.fromDocumentID == sent.id }
        for reply in replies {
            guard let original = try await DeliveryRepository(db).find(incomingDocumentID: reply.toDocumentID),
                let copy = plan.incomingCardID(for: original.senderOrganizationID)
            else { continue }
            try await DeliveryRepository(db).recordAnswer(original.id, answerDocumentID: copy)
            try await DocumentLinkRepository(db).insert(
                DocumentLink(id: UUID(), fromDocumentID: copy, toDocumentID: original.sentDocumentID, kind: .inReplyTo),
                createdBy: caller.actor.principal.userID)
            if let first = try await DocumentRepository(db).find(original.sentDocumentID) {
                try await AuditLog(db).append(caller.audit("document.answer_received", .document, first.id, DeliveryTexts.answerLinked(first)))
            }
        }
    }

    /// The sender as a correspondent of the directory: found by its deduplication key or added, linked to the organisation.
    static func correspondent(for organization: Organization, db: DatabaseHandle) async throws -> UUID {
        try await CorrespondentRepository(db).findOrInsert(
            Correspondent(
                id: UUID(), kind: .organization, name: organization.fullName, inn: organization.inn, address: nil, email: nil,
                phone: nil, organizationID: organization.id, version: 1))
    }

}
