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
        let now = db.now
        let notice = Document(
            id: TimeOrderedID.make(at: now), organizationID: context.organization.id, kind: .outgoing, directiveForm: nil, state: .draft,
            requisites: DocumentRequisites(
                title: String(title.prefix(2000)), addressees: [.correspondent(correspondentID)],
                executorEmployeeID: appealDocument.requisites.executorEmployeeID, notes: String(text.prefix(2000))),
            signedAt: nil, registration: nil, caseFileID: nil, cancellationReason: nil,
            createdByUserID: context.caller.actor.principal.userID, createdAt: now, updatedAt: now, version: 1)
        try await DocumentRepository(db).insert(notice, organizationPath: context.organization.path)
        try await DocumentLinkRepository(db).insert(
            DocumentLink(id: UUID(), fromDocumentID: notice.id, toDocumentID: appealDocument.id, kind: .inReplyTo),
            createdBy: context.caller.actor.principal.userID)
        try await AuditLog(db).append(context.caller.audit("document.create", .document, notice.id, "Подготовлено уведомление заявителю: \(title)"))
        return notice.id
    }
}
