import Foundation
import OborotDomain
import OborotExchange
import OborotStore

/// Takes in МЭДО packets from the IN folder or an upload: a document becomes an incoming card ready for
/// registration in the addressee organisation; a notification or ticket updates what we sent; anything that cannot
/// be taken in is quarantined with its reason and a copy of its files — never dropped. The same packet uid twice is
/// one packet.
struct MedoInbox: Sendable {
    let database: any Database
    let blobs: BlobStore
    let quarantineDirectory: String
    var verifier: any SignatureVerifier = CMSSignatureVerifier()

    /// `uploader`: who uploaded the packet over HTTP (nil for the IN folder), named in the audit log.
    func receive(files: [String: [UInt8]], source: String, uploader: UUID? = nil) async throws -> MedoPacketRecord {
        let xml = Self.messageXML(files)
        let packet: MedoPacket
        switch MedoPacketReader.read(files: files) {
        case .failure(let rejection):
            return try await quarantine(files, rejection, source: source, xml: xml, packet: nil)
        case .success(let read):
            packet = read
        }
        // One read for both questions: on PostgreSQL a transaction per question cost the inbound rate its margin.
        let needsRoots = if case .document(let document) = packet.content { document.files.contains { !$0.signatures.isEmpty } } else { false }
        let (known, roots) = try await database.read { db in
            let known = try await MedoRepository(db).find(direction: .inbound, packetUID: packet.header.uid)
            let roots = known == nil && needsRoots ? try await SignatureRepository(db).trustedCertificates().map(\.der) : []
            return (known, roots)
        }
        if let known { return known }
        do {
            switch packet.content {
            case .document(let document):
                return try await take(
                    document, packet: packet, files: files, source: source, xml: xml, uploader: uploader, trustRoots: roots)
            case .notification(let notification):
                return try await apply(notification, packet: packet, source: source, xml: xml)
            case .ticket(let ticket):
                return try await apply(ticket, packet: packet, source: source, xml: xml)
            }
        } catch {
            // The same packet arriving twice at once: the other copy won the unique key, and it is the answer.
            if let known = try? await database.read({ try await MedoRepository($0).find(direction: .inbound, packetUID: packet.header.uid) }) {
                return known
            }
            throw error
        }
    }

    /// A packet uploaded as a ZIP of its folder; an archive that cannot be opened is quarantined as it came.
    func receive(upload bytes: [UInt8], by uploader: UUID) async throws -> MedoPacketRecord {
        switch MedoUpload.files(zip: bytes) {
        case .success(let files): return try await receive(files: files, source: "загрузка", uploader: uploader)
        case .failure(let rejection):
            return try await quarantine(["upload.zip": bytes], rejection, source: "загрузка", xml: nil, packet: nil)
        }
    }

    // MARK: Documents

    private func take(
        _ document: MedoDocument, packet: MedoPacket, files: [String: [UInt8]], source: String, xml: String?, uploader: UUID?,
        trustRoots: [[UInt8]]
    ) async throws -> MedoPacketRecord {
        // Blobs first: a crash between the two leaves orphans for the sweeper, never a card without its files.
        let signatureCheck = try await checkSignatures(of: document, trustRoots: trustRoots)
        var stored: [(name: String, ingested: BlobStore.Ingested)] = []
        for file in document.files {
            stored.append((file.name, try await blobs.ingest(bytes: file.bytes)))
            for signature in file.signatures { stored.append((signature.name, try await blobs.ingest(bytes: signature.bytes))) }
        }
        let outcome: Result<MedoPacketRecord, MedoRejection> = try await database.write { db in
            let repository = MedoRepository(db)
            let recipient: Organization
            switch try await Self.recipient(of: document, db: db) {
            case .success(let found): recipient = found
            case .failure(let rejection): return .failure(rejection)
            }
            let correspondentID = try await Self.sender(of: packet.header, db: db)
            let now = db.now
            let card = Document(
                id: TimeOrderedID.make(at: now), organizationID: recipient.id, kind: .incoming, directiveForm: nil, state: .draft,
                requisites: DocumentRequisites(
                    title: String((document.annotation ?? document.kind).prefix(2000)), correspondentID: correspondentID,
                    correspondentNumber: document.number, correspondentDate: document.date, pages: document.pages,
                    annexCount: document.files.filter { $0.role == .annex }.count,
                    accessMark: document.isRestricted ? .restricted : .none, deliveryMethod: .medo,
                    notes: document.comment.map { String($0.prefix(2000)) }),
                signedAt: nil, registration: nil, caseFileID: nil, cancellationReason: nil, createdByUserID: SystemActor.userID,
                createdAt: now, updatedAt: now, version: 1)
            // Bulk insert: no creator grant (the system is no user); the registrars get theirs below.
            try await DocumentRepository(db).insertBulk([card], paths: [recipient.id: recipient.path])
            let attachments = AttachmentRepository(db)
            for file in stored {
                try await attachments.recordBlob(sha256: file.ingested.sha256, size: file.ingested.size, mimeType: file.ingested.fileType.mimeType)
            }
            try await attachments.createCopies(stored.map { file in
                (card.id, file.name, AttachmentVersion(
                    id: UUID(), attachmentID: UUID(), number: 1, sha256: file.ingested.sha256, size: file.ingested.size,
                    mimeType: file.ingested.fileType.mimeType, fileName: file.name, authorUserID: SystemActor.userID, createdAt: now))
            })
            let registrars = try await DeliveryRepository(db).registrars(serving: [recipient])[recipient.id] ?? []
            if card.requisites.accessMark == .restricted {
                for user in registrars { try await DocumentRepository(db).grant(documentID: card.id, userID: user, grantedBy: SystemActor.userID) }
            }
            try await NotificationRepository(db).insert(registrars.map { user in
                AppNotification(
                    key: "\(NotificationKind.delivered.rawValue):\(card.id.lowercasedString):\(user.lowercasedString)", userID: user,
                    assignmentID: nil, documentID: card.id, kind: .delivered,
                    text: MedoTexts.receivedNotice(from: packet.header.sourceOrganization, document: document), createdAt: now)
            })
            let record = MedoPacketRecord(
                id: UUID(), direction: .inbound, packetUID: packet.header.uid, messageType: "document", version: packet.version,
                state: .received, documentID: card.id, documentUID: document.uid, participantUID: packet.header.sourceUID,
                participantName: packet.header.sourceOrganization, label: document.kind, source: source, messageXML: xml,
                createdAt: now, signatureCheck: signatureCheck)
            try await repository.insert(record)
            try await AuditLog(db).append(
                AuditRecord(
                    actorUserID: uploader, actingForUserID: nil, action: "document.receive_medo", objectType: ObjectKind.document.rawValue,
                    objectID: card.id.lowercasedString, summary: MedoTexts.received(from: packet.header.sourceOrganization, document: document),
                    clientAddress: nil))
            return .success(record)
        }
        switch outcome {
        case .success(let record): return record
        case .failure(let rejection): return try await quarantine(files, rejection, source: source, xml: xml, packet: packet)
        }
    }

    /// Checks every `.p7s` of the packet against the region's trust store at the signing time the signature
    /// claims; one Russian line per signature. A signature that does not verify is reported, not a reason to refuse
    /// the letter: the registrar decides (and a GOST signature is recognised as such).
    func checkSignatures(of document: MedoDocument, trustRoots roots: [[UInt8]]) async throws -> String? {
        let signed = document.files.filter { !$0.signatures.isEmpty }
        guard !signed.isEmpty else { return nil }
        var lines: [String] = []
        for file in signed {
            for signature in file.signatures {
                switch try await verifier.verify(
                    signature: signature.bytes, content: InMemoryContent(file.bytes), trustRoots: roots,
                    moment: .claimedSigningTime(otherwise: Date()))
                {
                case .success(let verified):
                    lines.append("\(file.name): подпись действительна — \(verified.certificate.ownerName), сертификат \(verified.certificate.serialNumberHex)")
                case .failure(let problem):
                    lines.append("\(file.name): подпись не подтверждена — \(problem.russianReason)")
                }
            }
        }
        return lines.joined(separator: "; ")
    }

    /// The organisation a document is for: a destination uid of the directory, else the one organisation named like
    /// an addressee. Unknown or ambiguous is a rejection: a card in the wrong body would leak it.
    static func recipient(of document: MedoDocument, db: DatabaseHandle) async throws -> Result<Organization, MedoRejection> {
        let repository = MedoRepository(db)
        for destination in document.destinations {
            if let id = try await repository.participant(uid: destination.uid)?.organizationID,
                let organization = try await OrganizationRepository(db).find(id)
            {
                return .success(organization)
            }
        }
        let names = document.addressees.compactMap(\.organization) + document.destinations.map(\.organization)
        for name in names {
            let ids = try await repository.organizationIDs(named: name)
            if ids.count > 1 {
                return .failure(MedoRejection(
                    code: "ambiguous_addressee",
                    reason: "Адресат «\(name)» совпадает по наименованию с несколькими организациями региона. Добавьте МЭДО-идентификатор нужной организации в справочник участников и загрузите пакет снова."))
            }
            if let id = ids.first, let organization = try await OrganizationRepository(db).find(id) { return .success(organization) }
        }
        return .failure(MedoRejection(
            code: "unknown_addressee",
            reason: "Адресат пакета не найден среди организаций региона: \(addresseeNames(document)). Добавьте его МЭДО-идентификатор в справочник участников и загрузите пакет снова."))
    }

    static func addresseeNames(_ document: MedoDocument) -> String {
        let names = document.destinations.map { "\($0.organization) (\($0.uid))" } + document.addressees.compactMap(\.organization)
        return names.isEmpty ? "адресат не указан" : names.map { "«\($0)»" }.joined(separator: ", ")
    }

    /// The sender as a correspondent: through the directory, or added to both the correspondents and the directory.
    static func sender(of header: MedoHeader, db: DatabaseHandle) async throws -> UUID {
        let repository = MedoRepository(db)
        if let known = try await repository.participant(uid: header.sourceUID), let id = known.correspondentID { return id }
        let key = CorrespondentRules.deduplicationKey(name: header.sourceOrganization, inn: nil, address: nil)
        let existed = try await CorrespondentRepository(db).find(deduplicationKey: key) != nil
        let id = try await CorrespondentRepository(db).findOrInsert(
            Correspondent(
                id: UUID(), kind: .organization, name: header.sourceOrganization, inn: nil, address: nil, email: nil, phone: nil,
                organizationID: nil, version: 1))
        // A new uid is linked only to a correspondent the packet itself introduced: linking it to one already in the
        // directory by name alone would send our later letters to whoever claimed that name. An administrator links
        // known correspondents in the participants directory.
        if !existed {
            try await repository.insertIfAbsent(
                MedoParticipantRecord(id: UUID(), uid: header.sourceUID, name: header.sourceOrganization, organizationID: nil, correspondentID: id))
        }
        return id
    }

    // MARK: Notifications and tickets

    private func apply(_ notification: MedoNotification, packet: MedoPacket, source: String, xml: String?) async throws -> MedoPacketRecord {
        try await database.write { db in
            let repository = MedoRepository(db)
            let sent = try await repository.outboundDocuments(documentUID: notification.documentUID)
            let record = MedoPacketRecord(
                id: UUID(), direction: .inbound, packetUID: packet.header.uid, messageType: "notification", version: packet.version,
                state: sent.isEmpty ? .unmatched : .applied, documentID: sent.first?.documentID,
                documentUID: notification.documentUID, participantUID: packet.header.sourceUID,
                participantName: packet.header.sourceOrganization, label: notification.event.label,
                reason: MedoTexts.details(of: notification.event), source: source, messageXML: xml, createdAt: db.now)
            try await repository.insert(record)
            return record
        }
    }

    private func apply(_ ticket: MedoTicket, packet: MedoPacket, source: String, xml: String?) async throws -> MedoPacketRecord {
        try await database.write { db in
            let repository = MedoRepository(db)
            let matched = try await repository.applyTicket(
                messageUID: ticket.messageUID, delivered: ticket.accepted, at: ticket.time, comment: ticket.comment)
            let about = try await repository.find(direction: .outbound, packetUID: ticket.messageUID)
            let record = MedoPacketRecord(
                id: UUID(), direction: .inbound, packetUID: packet.header.uid, messageType: "ticket", version: packet.version,
                state: matched ? .applied : .unmatched, documentID: about?.documentID, documentUID: ticket.messageUID,
                participantUID: packet.header.sourceUID, participantName: packet.header.sourceOrganization,
                label: ticket.accepted ? "Квитанция: доставлено" : "Квитанция: не доставлено", reason: ticket.comment,
                source: source, messageXML: xml, createdAt: db.now)
            try await repository.insert(record)
            return record
        }
    }

    // MARK: Quarantine

    /// Keeps a copy of the packet's files and a row with the reason; returns the row.
    func quarantine(
        _ files: [String: [UInt8]], _ rejection: MedoRejection, source: String, xml: String?, packet: MedoPacket?
    ) async throws -> MedoPacketRecord {
        let id = UUID()
        let folder = (quarantineDirectory as NSString).appendingPathComponent(id.lowercasedString)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, bytes) in files {
            // Names come from outside: keep only the last component, so a hostile name cannot leave the folder.
            var safe = (name as NSString).lastPathComponent
            guard !safe.isEmpty, safe != ".", safe != ".." else { continue }
            // File systems take 255 bytes per name: a longer one is kept under a short name.
            if safe.utf8.count > 200 { safe = "file-\(safe.utf8.count)-\(UInt(bitPattern: safe.hashValue)).bin" }
            try Data(bytes).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(safe)))
        }
        return try await recordQuarantine(id: id, rejection, source: source, xml: xml, packet: packet)
    }

    /// Moves a packet folder that could not be read as files into the quarantine as it is, with a row saying why.
    func quarantine(folder: String, _ rejection: MedoRejection, source: String) async throws -> MedoPacketRecord {
        let id = UUID()
        try FileManager.default.createDirectory(atPath: quarantineDirectory, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: folder, toPath: (quarantineDirectory as NSString).appendingPathComponent(id.lowercasedString))
        return try await recordQuarantine(id: id, rejection, source: source, xml: nil, packet: nil)
    }

    /// The row of a quarantined packet whose files are already under `quarantine/<id>`.
    private func recordQuarantine(
        id: UUID, _ rejection: MedoRejection, source: String, xml: String?, packet: MedoPacket?
    ) async throws -> MedoPacketRecord {
        try await database.write { db in
            let record = MedoPacketRecord(
                id: id, direction: .inbound, packetUID: nil, messageType: packet.map { _ in "document" } ?? "unknown",
                version: packet?.version, state: .quarantined, participantUID: packet?.header.sourceUID,
                participantName: packet?.header.sourceOrganization, reasonCode: rejection.code, reason: rejection.reason,
                source: source, messageXML: xml, createdAt: db.now)
            try await MedoRepository(db).insert(record)
            return record
        }
    }

    /// The packet's XML as text for the administrator's view, whatever its encoding.
    static func messageXML(_ files: [String: [UInt8]]) -> String? {
        guard let bytes = files.first(where: { ["message.xml", "document.xml"].contains($0.key.lowercased()) })?.value else { return nil }
        let capped = Array(bytes.prefix(1 << 20))
        return String(validating: capped, as: UTF8.self) ?? String(data: Data(capped), encoding: .windowsCP1251)
    }
}
