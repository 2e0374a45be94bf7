import Foundation
import OborotDomain
import OborotStore

/// The notices 59-ФЗ requires (extension, forwarding, the special cases): each an outgoing draft of the body,
/// addressed to the applicant (added to correspondents), «в ответ на» the appeal, its text in the notes for the
/// executor to finish, sign and send. An applicant with no name or address gets none: there is nobody to send it to.
enum AppealNotices {
    static func draft(
        _ title: String, text: String, to appeal: Appeal, about appealDocument: Document, context: AppealService.ChangeContext
    ) async throws -> UUID? {
        guard let applicant = appeal.applicants.first(where: { !$0.isAnonymous }) else { return nil }
        let db = context.db
        let correspondentID = try await CorrespondentRepository(db).findOrInsert(
            Correspondent(
                id: UUID(), kind: applicant.kind == .organization ? .organization : .person, name: applicant.displayName, inn: nil,
                address: applicant.postalAddress, email: applicant.email, phone: applicant.phone, organizationID: nil, version: 1))
        return try await outgoingDraft(
            title, notes: text, to: correspondentID, about: appealDocument, context: context,
            audit: "Подготовлено уведомление заявителю: \(title)")
    }

    /// An outgoing draft of the body «в ответ на» the appeal, for its executor to finish, sign and send: the notices,
    /// and the covering letter to an outside body. `audit`, when given, is the creation's audit summary.
    static func outgoingDraft(
        _ title: String, notes: String, to correspondentID: UUID, about appealDocument: Document,
        context: AppealService.ChangeContext, audit: String?
    ) async throws -> UUID {
        let db = context.db
        let now = db.now
        let draft = Document(
            id: TimeOrderedID.make(at: now), organizationID: context.organization.id, kind: .outgoing, directiveForm: nil, state: .draft,
            requisites: DocumentRequisites(
                title: String(title.prefix(2000)), addressees: [.correspondent(correspondentID)],
                // The appeal's executor, else whoever prepares the letter: an outgoing letter is registered with one.
                executorEmployeeID: appealDocument.requisites.executorEmployeeID ?? context.caller.actor.principal.employeeID,
                notes: String(notes.prefix(2000))),
            signedAt: nil, registration: nil, caseFileID: nil, cancellationReason: nil,
            createdByUserID: context.caller.actor.principal.userID, createdAt: now, updatedAt: now, version: 1)
        try await DocumentRepository(db).insert(draft, organizationPath: context.organization.path)
        try await DocumentLinkRepository(db).insert(
            DocumentLink(id: UUID(), fromDocumentID: draft.id, toDocumentID: appealDocument.id, kind: .inReplyTo),
            createdBy: context.caller.actor.principal.userID)
        if let audit { try await AuditLog(db).append(context.caller.audit("document.create", .document, draft.id, audit)) }
        return draft.id
    }
}
