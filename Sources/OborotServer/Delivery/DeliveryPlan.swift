import Foundation
import OborotDomain
import OborotStore

/// Everything one send writes, built in memory first and stored with a handful of bulk statements, so a letter to
/// all 463 municipalities costs about as much as a letter to three.
struct DeliveryPlan {
    private(set) var cards: [Document] = []
    private(set) var paths: [UUID: OrganizationPath] = [:]
    private(set) var deliveries: [Delivery] = []
    private(set) var files: [(documentID: UUID, name: String, version: AttachmentVersion)] = []
    private(set) var signatures: [StoredSignature] = []
    private(set) var grants: [(documentID: UUID, userID: UUID)] = []
    private(set) var notifications: [AppNotification] = []
    private(set) var audit: [AuditRecord] = []
    private let grantedBy: UUID

    init(
        sent: Document, sender: Organization, recipients: [Organization], senderCorrespondentID: UUID,
        files sentFiles: [AttachmentSummary], signatures sentSignatures: [StoredSignature], registrars: [UUID: [UUID]],
        caller: Caller, now: Date
    ) {
        let requisites = DeliveryRules.incomingRequisites(of: sent, senderCorrespondentID: senderCorrespondentID)
        let userID = caller.actor.principal.userID
        grantedBy = userID
        let currentVersions = sentFiles.compactMap { file in file.current.map { (file, $0) } }
        for recipient in recipients {
            let card = Document(
                id: TimeOrderedID.make(at: now), organizationID: recipient.id, kind: .incoming, directiveForm: nil,
                state: .draft, requisites: requisites, signedAt: nil, registration: nil, caseFileID: nil,
                // The system, not the sender, creates the card: a creator sees and edits their drafts, and the
                // sender's registrar must not see into 463 other bodies' incoming mail.
                cancellationReason: nil, createdByUserID: SystemActor.userID, createdAt: now, updatedAt: now, version: 1)
            cards.append(card)
            paths[recipient.id] = recipient.path
            deliveries.append(
                Delivery(
                    id: UUID(), sentDocumentID: sent.id, senderOrganizationID: sender.id, recipientOrganizationID: recipient.id,
                    incomingDocumentID: card.id, sentByUserID: userID, sentAt: now))
            for (file, version) in currentVersions {
                let copy = AttachmentVersion(
                    id: UUID(), attachmentID: UUID(), number: 1, sha256: version.sha256, size: version.size,
                    mimeType: version.mimeType, fileName: version.fileName, authorUserID: version.authorUserID, createdAt: now)
                files.append((card.id, file.name, copy))
                for signature in sentSignatures where signature.attachmentVersionID == version.id {
                    var carried = signature
                    carried.id = UUID()
                    carried.documentID = card.id
                    carried.attachmentID = copy.attachmentID
                    carried.attachmentVersionID = copy.id
                    carried.versionNumber = 1
                    carried.verificationCode = VerificationCode.make()
                    signatures.append(carried)
                }
            }
            let registrarsHere = registrars[recipient.id] ?? []
            // A ДСП card is seen only through explicit grants: the recipient's registrars must be able to register it.
            if requisites.accessMark == .restricted {
                grants += registrarsHere.map { (card.id, $0) }
            }
            notifications += registrarsHere.map { user in
                AppNotification(
                    key: "\(NotificationKind.delivered.rawValue):\(card.id.lowercasedString):\(user.lowercasedString)",
                    userID: user, assignmentID: nil, documentID: card.id, kind: .delivered,
                    text: DeliveryTexts.deliveredNotice(from: sender, title: requisites.title), createdAt: now)
            }
            audit.append(caller.audit("document.receive", .document, card.id, DeliveryTexts.received(from: sender, sent: sent)))
        }
        audit.append(caller.audit("document.send", .document, sent.id, DeliveryTexts.sent(count: recipients.count)))
    }

    /// The incoming card created for `organizationID` by this send, if it was one of the recipients.
    func incomingCardID(for organizationID: UUID) -> UUID? {
        deliveries.first { $0.recipientOrganizationID == organizationID }?.incomingDocumentID
    }

    func store(db: DatabaseHandle) async throws {
        try await DocumentRepository(db).insertBulk(cards, paths: paths)
        try await DeliveryRepository(db).insert(deliveries)
        try await AttachmentRepository(db).createCopies(files)
        try await SignatureRepository(db).insert(signatures)
        for grant in grants {
            try await DocumentRepository(db).grant(documentID: grant.documentID, userID: grant.userID, grantedBy: grantedBy)
        }
        try await NotificationRepository(db).insert(notifications)
        try await AuditLog(db).appendAll(audit)
    }
}
