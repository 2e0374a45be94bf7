import Foundation
import OborotDomain
import OborotStore

extension AppealService {
    /// Where to forward: a body of the region (it receives a registered-ready appeal at once) or an outside one
    /// (a covering letter is drafted to it as a correspondent).
    enum ForwardTarget: Sendable {
        case organization(UUID)
        case outside(name: String, address: String?)
    }

    /// Forwards the chosen open questions (all open ones by default) «по компетенции» (59-ФЗ ст. 8 ч. 3): inside
    /// the region the body gets an incoming appeal card with the applicants, these questions and the files; outside
    /// it a covering letter is drafted. Either way the applicant's notice is drafted; the questions become
    /// «Направлено по компетенции».
    func forward(_ caller: Caller, id: UUID, to target: ForwardTarget, questionIDs: Set<UUID>, expectedVersion: Int?) async throws -> View {
        try await change(caller, id: id, expectedVersion: expectedVersion, policy: AppealAccess.administers, action: "appeal.forward") { appeal, context in
            guard let registration = context.document.registration else { throw OborotError.appealNotRegistered }
            let db = context.db
            let bodyName: String
            var organizationID: UUID?
            var forwardedDocumentID: UUID?
            switch target {
            case .organization(let targetID):
                guard targetID != context.organization.id else { throw OborotError.forwardToItself }
                guard let recipient = try await OrganizationRepository(db).find(targetID) else { throw OborotError.notFound(.organization) }
                bodyName = recipient.fullName
                organizationID = recipient.id
                let chosen = appeal.questions.filter { questionIDs.isEmpty ? !$0.status.isFinal : questionIDs.contains($0.id) }
                forwardedDocumentID = try await Self.deliverForwarded(
                    appeal, questions: chosen, of: context.document, registration: registration, from: context.organization,
                    to: recipient, context: context)
            case .outside(let name, let address):
                let trimmed = name.trimmed
                guard !trimmed.isEmpty, trimmed.count <= AppealRules.maxNameLength else { throw OborotError.forwardBodyRequired }
                bodyName = trimmed
                let correspondentID = try await CorrespondentRepository(db).findOrInsert(
                    Correspondent(id: UUID(), kind: .organization, name: trimmed, inn: nil, address: address?.trimmed.nilIfEmpty, email: nil, phone: nil, organizationID: nil, version: 1))
                forwardedDocumentID = try await AppealNotices.outgoingDraft(
                    AppealServiceTexts.coveringLetterTitle(context.document),
                    notes: AppealServiceTexts.coveringLetterText(context.document, appeal: appeal), to: correspondentID,
                    about: context.document, context: context, audit: nil)
            }
            appeal = try AppealRules.forwarding(
                appeal, questionIDs: questionIDs,
                to: Forwarding(bodyName: bodyName, organizationID: organizationID, documentID: forwardedDocumentID, forwardedOn: context.today)
            ).get()
            _ = try await AppealNotices.draft(
                AppealServiceTexts.forwardNoticeTitle, text: AppealServiceTexts.forwardNoticeText(to: bodyName, document: context.document),
                to: appeal, about: context.document, context: context)
            return ChangeOutcome(summary: AppealServiceTexts.forwarded(to: bodyName))
        }
    }

    /// The incoming appeal card of the body the questions go to, as a delivery would make it.
    private static func deliverForwarded(
        _ appeal: Appeal, questions: [AppealQuestion], of document: Document, registration: Document.Registration,
        from sender: Organization, to recipient: Organization, context: ChangeContext
    ) async throws -> UUID {
        let db = context.db
        let now = db.now
        let senderCorrespondent = try await CorrespondentRepository(db).findOrInsert(
            Correspondent(id: UUID(), kind: .organization, name: sender.fullName, inn: sender.inn, address: nil, email: nil, phone: nil, organizationID: sender.id, version: 1))
        let card = Document(
            id: TimeOrderedID.make(at: now), organizationID: recipient.id, kind: .appeal, directiveForm: nil, state: .draft,
            requisites: DocumentRequisites(
                title: document.requisites.title, correspondentID: senderCorrespondent, correspondentNumber: registration.number,
                correspondentDate: registration.date, pages: document.requisites.pages, annexCount: document.requisites.annexCount,
                accessMark: document.requisites.accessMark, deliveryMethod: .internalDelivery),
            signedAt: nil, registration: nil, caseFileID: nil, cancellationReason: nil, createdByUserID: SystemActor.userID,
            createdAt: now, updatedAt: now, version: 1)
        try await DocumentRepository(db).insertBulk([card], paths: [recipient.id: recipient.path])
        let forwarded = Appeal(
            documentID: card.id, type: appeal.type, channel: .forwarded, applicants: appeal.applicants, collective: appeal.collective,
            receivedOn: context.today, forwardedFrom: ForwardedFrom(bodyName: sender.fullName, number: registration.number, date: registration.date),
            migrationMatterToHead: appeal.migrationMatterToHead,
            questions: questions.enumerated().map { index, question in
                AppealQuestion(id: UUID(), number: index + 1, topicCode: question.topicCode, text: question.text)
            })
        try await AppealRepository(db).insert(forwarded, organizationID: recipient.id, explanation: nil)
        let files = try await AttachmentRepository(db).summaries(documentID: document.id)
        try await AttachmentRepository(db).createCopies(files.compactMap { file in
            file.current.map { version in
                (card.id, file.name, AttachmentVersion(
                    id: UUID(), attachmentID: UUID(), number: 1, sha256: version.sha256, size: version.size, mimeType: version.mimeType,
                    fileName: version.fileName, authorUserID: SystemActor.userID, createdAt: now))
            }
        })
        let registrars = try await DeliveryRepository(db).registrars(serving: [recipient])[recipient.id] ?? []
        if card.requisites.accessMark == .restricted {
            for user in registrars { try await DocumentRepository(db).grant(documentID: card.id, userID: user, grantedBy: SystemActor.userID) }
        }
        try await NotificationRepository(db).insert(registrars.map { user in
            AppNotification(
                key: "\(NotificationKind.delivered.rawValue):\(card.id.lowercasedString):\(user.lowercasedString)", userID: user,
                assignmentID: nil, documentID: card.id, kind: .delivered,
                text: AppealServiceTexts.forwardedArrived(from: sender, number: registration.number), createdAt: now)
        })
        try await AuditLog(db).append(context.caller.audit("appeal.receive_forwarded", .appeal, card.id, AppealServiceTexts.forwardedArrived(from: sender, number: registration.number)))
        return card.id
    }

    /// Closes the appeal as one of the special cases of ст. 8 and 11, drafting the notice the law requires.
    func close(_ caller: Caller, id: UUID, as specialCase: AppealSpecialCase, detail: String?, expectedVersion: Int?) async throws -> View {
        let headDecides = specialCase == .correspondenceTerminated
        return try await change(
            caller, id: id, expectedVersion: expectedVersion,
            policy: { facts in headDecides ? AppealAccess.decides(facts) : AppealAccess.administers(facts) }, action: "appeal.close"
        ) { appeal, context in
            let text = detail?.trimmed.nilIfEmpty
            appeal = try AppealRules.closing(appeal, as: specialCase, detail: text, on: context.today).get()
            if specialCase.requiresNotice {
                _ = try await AppealNotices.draft(
                    specialCase.noticeTitle, text: specialCase.noticeText(detail: text), to: appeal, about: context.document, context: context)
            }
            return ChangeOutcome(summary: AppealServiceTexts.closed(specialCase), specialCaseDetail: text)
        }
    }

    /// Prepares the answer letter: an outgoing draft to the applicant «в ответ на» the appeal, which the executor
    /// completes, has signed and registers like any letter; its registration and file go into the ССТУ export. One per
    /// appeal: asking again returns the letter already prepared (unless it was cancelled).
    func prepareAnswer(_ caller: Caller, id: UUID, text: String?) async throws -> (documentID: UUID, created: Bool) {
        let calendar = try await calendar.current()
        return try await database.write { db in
            let loaded = try await DocumentRepository(db).visible(id, to: caller.actor, lockingRow: true)
            try caller.actor.require(AppealAccess.handles(loaded.facts))
            guard let stored = try await AppealRepository(db).find(id) else { throw OborotError.notFound(.appeal) }
            if let existing = stored.answerDocumentID, let answer = try await DocumentRepository(db).find(existing), answer.state != .cancelled {
                return (existing, false)
            }
            try AppealRules.answering(stored.appeal).get()
            let notes = text?.trimmed.nilIfEmpty ?? AppealServiceTexts.answerNotes(stored.appeal)
            guard notes.count <= AppealRules.maxReasonLength else { throw OborotError.answerTextTooLong }
            let context = try await ChangeContext.opening(loaded.document, by: caller, calendar: calendar, db: db)
            guard let answerID = try await AppealNotices.draft(
                AppealServiceTexts.answerTitle(loaded.document), text: notes, to: stored.appeal, about: loaded.document, context: context)
            else { throw OborotError.answerNeedsAddress }
            try await AppealRepository(db).setAnswer(id, answer: answerID)
            try await AuditLog(db).append(caller.audit("appeal.answer_draft", .appeal, id, AppealServiceTexts.answerPrepared(loaded.document)))
            return (answerID, true)
        }
    }
}
