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

extension MedoOutbox {
    /// «Назначен исполнитель» to the sender of a МЭДО card when a resolution's assignments are issued on it.
    static func executorAssigned(_ assignments: [Assignment], db: DatabaseHandle) async throws {
        guard let first = assignments.first(where: \.responsible) ?? assignments.first,
            let card = try await DocumentRepository(db).find(first.documentID), card.requisites.deliveryMethod == .medo
        else { return }
        let names = ControlNames(db)
        let organization = try await names.organizations([first.executor.organizationID])[first.executor.organizationID]
        var person: String?
        if case .person(let userID, _) = first.executor { person = try await names.people([userID])[userID] }
        try await notify(.executorAssigned(executor: MedoParticipant(organization: organization, person: person)), about: card, db: db)
    }

    /// «Доклад направлен» with our letter's number and date, when a registered letter answers a МЭДО card.
    static func reportSent(_ letter: Document, answering cardID: UUID, db: DatabaseHandle) async throws {
        guard let registration = letter.registration, let card = try await DocumentRepository(db).find(cardID),
            card.requisites.deliveryMethod == .medo
        else { return }
        let event = MedoNotification.Event.reportSent(number: registration.number, date: registration.date)
        // A later send of the same letter (to new addressees) reports nothing new.
        let label = event.label
        if try await MedoRepository(db).log(documentID: card.id).contains(where: { $0.direction == .outbound && $0.label == label }) { return }
        try await notify(event, about: card, db: db)
    }

    /// A 2.7.1 document packet of `sent` for each МЭДО participant: the signed PDF as the main document with its
    /// `.p7s`, the other current files as attachments, a registration stamp image, routed to the participant's uid.
    static func send(
        _ sent: Document, from organization: Organization, to participants: [MedoParticipantRecord], blobs: BlobStore,
        db: DatabaseHandle
    ) async throws {
        guard !participants.isEmpty, let registration = sent.registration else { return }
        let current = try await AttachmentRepository(db).summaries(documentID: sent.id).compactMap(\.current)
        let signatures = try await SignatureRepository(db).signatures(documentID: sent.id)
        guard let main = current.first(where: { version in
            version.mimeType == "application/pdf" && signatures.contains { $0.attachmentVersionID == version.id }
        }) else { throw OborotError.medoNeedsSignedPDF }
        var files: [MedoFile] = []
        for (index, version) in ([main] + current.filter { $0.id != main.id }).enumerated() {
            let name = index == 0 ? "document.pdf" : "annex\(index).\(MedoOutbox.extensionOf(version.fileName))"
            var attached: [MedoSignature] = []
            for signature in signatures where signature.attachmentVersionID == version.id {
                let suffix = attached.isEmpty ? "p7s" : "\(attached.count + 1).p7s"
                attached.append(MedoSignature(name: "\(name).\(suffix)", bytes: try await blobs.readAll(signature.signatureSHA256, maxBytes: 10 << 20)))
            }
            files.append(
                MedoFile(
                    name: name, bytes: try await blobs.readAll(version.sha256, maxBytes: MedoService.maxUploadBytes),
                    role: index == 0 ? .main : .annex, description: version.fileName, signatures: attached))
        }
        files.append(
            MedoFile(
                name: "regstamp.png", bytes: MedoStampImage.framedRectangle(width: 240, height: 90), role: .stamp,
                description: "Регистрационный штамп: № \(registration.number) от \(registration.date.russian)",
                stampPosition: MedoStampPosition(page: 1, x: 20, y: 240, width: 60, height: 22)))
        let repository = MedoRepository(db)
        let ourUID = try await repository.participant(organizationID: organization.id)?.uid ?? organization.id.lowercasedString
        for participant in participants {
            let document = MedoDocument(
                uid: sent.id.lowercasedString, kind: MedoOutbox.kindName(sent), number: registration.number, date: registration.date,
                classification: sent.requisites.accessMark == .restricted ? MedoRules.restrictedClassification : nil,
                annotation: sent.requisites.title, pages: sent.requisites.pages,
                addressees: [MedoParticipant(organization: participant.name)],
                destinations: [MedoDestination(uid: participant.uid, organization: participant.name)], files: files)
            let packetUID = UUID().lowercasedString
            let packet = MedoPacket(
                version: MedoPacketWriter.version,
                header: MedoHeader(type: .document, uid: packetUID, created: db.now, sourceUID: ourUID, sourceOrganization: organization.fullName),
                content: .document(document))
            let written: [String: [UInt8]]
            switch MedoPacketWriter.write(packet) {
            case .success(let files): written = files
            case .failure(let rejection): throw OborotError.medoNotWritable(rejection)
            }
            try await repository.enqueue(
                MedoPacketRecord(
                    id: UUID(), direction: .outbound, packetUID: packetUID, messageType: "document", version: packet.version,
                    state: .pending, documentID: sent.id, documentUID: document.uid, participantUID: participant.uid,
                    participantName: participant.name, label: document.kind, source: packetUID,
                    messageXML: written[MedoPacketWriter.messageName].map { String(decoding: $0, as: UTF8.self) }, createdAt: db.now),
                files: written)
        }
    }

    static func kindName(_ document: Document) -> String {
        document.kind == .outgoing ? "Письмо" : (document.directiveForm?.russianName ?? document.kind.russianName)
    }

    /// A Latin extension for a file name in the container (the format allows no Cyrillic there).
    static func extensionOf(_ fileName: String) -> String {
        let ext = (fileName as NSString).pathExtension.lowercased()
        return !ext.isEmpty && ext.count <= 8 && ext.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) ? ext : "bin"
    }
}

extension OborotError {
    static let medoNeedsSignedPDF = OborotError(
        .conflict, code: "medo_needs_signed_pdf", title: "Нет подписанного PDF",
        detail: "Для отправки по МЭДО нужен файл PDF, подписанный электронной подписью: приложите PDF и подпишите его.")

    static func medoNotWritable(_ rejection: MedoRejection) -> OborotError {
        OborotError(
            .internalFailure, code: "medo_not_writable", title: "Пакет МЭДО не сформирован",
            detail: "Не удалось сформировать пакет МЭДО: \(rejection.reason)")
    }
}
