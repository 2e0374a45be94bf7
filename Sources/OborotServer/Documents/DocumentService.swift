import Foundation
import OborotDomain
import OborotStore

/// Registration cards: drafts, registration with gapless numbers, the lifecycle, requisites, explicit access.
///
/// | action | policy |
/// |---|---|
/// | create a draft in X | `DocumentAccess.createsDrafts(X)`; created and registered at once: `registers(X)` |
/// | see a card | `DocumentAccess.canView` (hidden cards are "not found") |
/// | edit requisites | `DocumentAccess.canEdit` |
/// | register, start work, mark executed, return to work, file, cancel | `DocumentAccess.registers(X)` |
/// | sign | `DocumentAccess.signs` (the signer named on the card) |
/// | grant or revoke explicit access | `registers(X)` |
struct DocumentService: Sendable {
    let database: any Database
    /// For the terms that start at registration (appeals); nil only where no appeal is ever registered.
    var calendar: CalendarService? = nil

    /// What a registrar or author sends to create a card.
    struct NewDocument: Sendable {
        var organizationID: UUID
        var kind: DocumentKind
        var directiveForm: DirectiveForm?
        var requisites: DocumentRequisites
        /// Register at once in this journal (the registrar's fast path for incoming documents).
        var registerIn: UUID?
        var caseFileID: UUID?
    }

    /// Parameters some transitions need.
    struct TransitionInput: Sendable {
        var journalID: UUID?
        var caseFileID: UUID?
        var reason: String?
    }

    /// Creates a card — and, with `registerIn`, registers it in the same statement: the number is taken and the
    /// card stored with it in one transaction. Returns the card as its page shows it, assembled from what the
    /// transaction already read.
    /// `alongside` runs in the same transaction once the card is stored (an appeal's own rows), so both land or neither.
    func create(
        _ caller: Caller, _ input: NewDocument,
        alongside: (@Sendable (Document, DatabaseHandle) async throws -> Void)? = nil
    ) async throws -> DocumentDetails {
        // Everything that only reads happens before the write transaction, on a reader connection: the single
        // writer of the embedded database is the bottleneck of registration. The store's foreign keys still refuse a
        // reference that disappears in between.
        let (organization, requisites, references, registerIn, caseFile) = try await database.read { db in
            let organization = try await OrganizationRepository(db).get(input.organizationID)
            try caller.actor.require(
                input.registerIn == nil ? DocumentAccess.createsDrafts(in: organization.path) : DocumentAccess.registers(organization.path))
            let today = organization.date(at: Date())
            let requisites = try RequisiteRules.validate(
                input.requisites, kind: input.kind, directiveForm: input.directiveForm, today: today,
                stage: input.registerIn == nil ? .draft : .registration
            ).get()
            let journal = try await input.registerIn.asyncMap { try await Self.journal($0, of: organization, db: db) }
            let caseFile = try await input.caseFileID.asyncMap { try await CaseFileRepository(db).get($0) }
            return (organization, requisites, try await DocumentReferences.resolve(requisites, db: db), journal, caseFile)
        }
        return try await database.write { db in
            var document = Document(
                id: TimeOrderedID.make(at: db.now), organizationID: organization.id, kind: input.kind,
                directiveForm: input.directiveForm, state: .draft, requisites: requisites, signedAt: nil, registration: nil,
                caseFileID: nil, cancellationReason: nil, createdByUserID: caller.actor.principal.userID, createdAt: db.now,
                updatedAt: db.now, version: 1)
            var journal: Journal?
            var summary = DocumentTexts.created(document)
            if let registerIn {
                let numbered = try await number(
                    document, organization: organization, journal: registerIn, caseFile: caseFile, caller: caller, db: db)
                document = numbered.document
                journal = numbered.journal
                summary = DocumentTexts.registered(document, journal: numbered.journal)
            }
            try await DocumentRepository(db).insert(document, organizationPath: organization.path)
            try await AuditLog(db).append(
                caller.audit(input.registerIn == nil ? "document.create" : "document.register", .document, document.id, summary))
            try await alongside?(document, db)
            return DocumentDetails.fresh(
                document, organization: organization, journal: journal, references: references, actor: caller.actor)
        }
    }

    /// A card with everything its page shows.
    func details(_ caller: Caller, id: UUID) async throws -> DocumentDetails {
        try await database.read { db in
            let loaded = try await DocumentRepository(db).visible(id, to: caller.actor)
            return try await DocumentDetails.load(loaded, actor: caller.actor, db: db)
        }
    }

    /// Applies `change` to the requisites of a card whose version is still `expectedVersion`.
    func update(
        _ caller: Caller, id: UUID, expectedVersion: Int, change: @Sendable (inout DocumentRequisites, inout DirectiveForm?) -> Void
    ) async throws -> Document {
        try await database.write { db in
            let repository = DocumentRepository(db)
            let loaded = try await repository.visible(id, to: caller.actor, lockingRow: true)
            guard DocumentAccess.canEdit(caller.actor, loaded.facts) else { throw OborotError.forbidden(DocumentTexts.editPolicy) }
            var document = loaded.document
            guard document.state != .cancelled, document.state != .filed else {
                throw OborotError.documentClosed(document.state)
            }
            if document.version != expectedVersion {
                throw OborotError.staleVersion(.document, expected: expectedVersion, actual: document.version)
            }
            let organization = try await OrganizationRepository(db).get(document.organizationID)
            var requisites = document.requisites
            var form = document.directiveForm
            change(&requisites, &form)
            let today = organization.date(at: db.now)
            document.requisites = try RequisiteRules.validate(
                requisites, kind: document.kind, directiveForm: form, today: today,
                stage: document.state == .draft ? .draft : .registration
            ).get()
            document.directiveForm = form
            _ = try await DocumentReferences.resolve(document.requisites, db: db)
            // A signed draft is frozen until approval routes can restart: changing it would void the signature.
            if document.signedAt != nil, document.state == .draft, document.requisites != loaded.document.requisites {
                throw OborotError.signedDocumentFrozen
            }
            document.updatedAt = db.now
            document.version = try await repository.update(document, organizationPath: organization.path, expectedVersion: expectedVersion)
            if document.requisites.accessMark == .restricted {
                try await repository.grant(documentID: id, userID: caller.actor.principal.userID, grantedBy: caller.actor.principal.userID)
            }
            try await AuditLog(db).append(
                caller.audit("document.update", .document, id, DocumentTexts.updated(loaded.document, document)))
            return document
        }
    }

    /// Moves a card through its lifecycle; illegal moves are `409` and change nothing.
    func transition(
        _ caller: Caller, id: UUID, expectedVersion: Int, event: DocumentEvent, input: TransitionInput
    ) async throws -> Document {
        try await database.write { db in
            let repository = DocumentRepository(db)
            let loaded = try await repository.visible(id, to: caller.actor, lockingRow: true)
            var document = loaded.document
            if document.version != expectedVersion {
                throw OborotError.staleVersion(.document, expected: expectedVersion, actual: document.version)
            }
            let organization = try await OrganizationRepository(db).get(document.organizationID)
            try caller.actor.require(event == .sign ? DocumentAccess.signs(loaded.facts) : DocumentAccess.registers(organization.path))
            let next = try DocumentLifecycle.apply(event, to: document.lifecycleFacts).get()
            switch event {
            case .register:
                guard let journalID = input.journalID else { throw OborotError.journalRequired }
                return try await register(
                    caller, document: document, facts: loaded.facts, organization: organization, journalID: journalID,
                    caseFileID: input.caseFileID, db: db)
            case .sign:
                // A handwritten signature is no way around an approval route either.
                try ApprovalRules.checkSigningAllowed(try await ApprovalRepository(db).route(documentID: id, lockingRow: true))
                document.signedAt = db.now
            case .file:
                guard let caseFileID = input.caseFileID else { throw OborotError.caseFileRequired }
                let caseFile = try await CaseFileRepository(db).get(caseFileID)
                let year = document.registration?.date.year
                    ?? organization.date(at: db.now).year
                try DocumentFiling.check(caseFile: caseFile, organizationID: organization.id, documentYear: year).get()
                document.caseFileID = caseFile.id
            case .cancel:
                guard let reason = input.reason.nonBlank else { throw OborotError.cancellationReasonRequired }
                document.cancellationReason = String(reason.prefix(2000))
            case .startWork, .markExecuted, .returnToWork:
                break
            }
            let before = document.state
            document.state = next
            document.updatedAt = db.now
            document.version = try await repository.update(document, organizationPath: organization.path, expectedVersion: expectedVersion)
            try await AuditLog(db).append(
                caller.audit("document.\(event.rawValue)", .document, id, DocumentTexts.transitioned(document, event: event, from: before)))
            return document
        }
    }

    /// Registers an existing draft in a journal inside the caller's transaction. A registrar registers by hand; the
    /// signer's electronic signature registers an outgoing or organisational document at once
    /// (`bySignature`), which is why the registrar check is then skipped.
    func register(
        _ caller: Caller, document: Document, facts: DocumentAccess.Facts, organization: Organization, journalID: UUID,
        caseFileID: UUID?, bySignature: Bool = false, db: DatabaseHandle
    ) async throws -> Document {
        let journal = try await Self.journal(journalID, of: organization, db: db)
        let caseFile = try await caseFileID.asyncMap { try await CaseFileRepository(db).get($0) }
        let numbered = try await number(
            document, organization: organization, journal: journal, caseFile: caseFile, caller: caller,
            bySignature: bySignature, db: db)
        var document = numbered.document
        let version = document.version
        document.version = try await DocumentRepository(db).update(document, organizationPath: organization.path, expectedVersion: version)
        try await AuditLog(db).append(
            caller.audit("document.register", .document, document.id, DocumentTexts.registered(document, journal: numbered.journal)))
        try await DeliveryService.registered(document, db: db)
        try await MedoOutbox.registered(document, db: db)
        if document.kind == .appeal, let calendar {
            try await AppealService.registered(document, calendar: try await calendar.current(), db: db)
        }
        return document
    }

    /// The document as registered: checks the rules, takes the next number of the journal's period (the counter row
    /// stays locked until the transaction ends) and fills in the registration. Stores nothing else.
    private func number(
        _ document: Document, organization: Organization, journal: Journal, caseFile: CaseFile?, caller: Caller,
        bySignature: Bool = false, db: DatabaseHandle
    ) async throws -> (document: Document, journal: Journal) {
        var document = document
        if !bySignature { try caller.actor.require(DocumentAccess.registers(organization.path)) }
        let next = try DocumentLifecycle.apply(.register, to: document.lifecycleFacts).get()
        try journal.accepts(document.kind).get()
        let date = organization.date(at: db.now)
        document.requisites = try RequisiteRules.validate(
            document.requisites, kind: document.kind, directiveForm: document.directiveForm, today: date, stage: .registration
        ).get()
        var caseIndex: String?
        if let caseFile {
            try DocumentFiling.check(caseFile: caseFile, organizationID: organization.id, documentYear: date.year).get()
            caseIndex = caseFile.index
        }
        if journal.template.needsCaseIndex, caseIndex == nil, journal.defaultCaseIndex == nil {
            throw OborotError.caseIndexRequired(journal.name)
        }
        let year = journal.numberingYear(for: date)
        let sequence = try await JournalRepository(db).nextSequence(journalID: journal.id, numberingYear: year)
        document.registration = Document.Registration(
            journalID: journal.id, numberingYear: year, sequence: sequence,
            number: journal.number(sequence: sequence, date: date, caseIndex: caseIndex), date: date,
            registeredByUserID: caller.actor.principal.userID)
        document.state = next
        document.updatedAt = db.now
        return (document, journal)
    }

    /// A journal of the organisation (another organisation's journal is "not found").
    private static func journal(_ id: UUID, of organization: Organization, db: DatabaseHandle) async throws -> Journal {
        guard let journal = try await JournalRepository(db).find(id), journal.organizationID == organization.id else {
            throw OborotError.notFound(.journal)
        }
        return journal
    }

    // MARK: Lists

    func list(_ caller: Caller, filter: DocumentFilter, order: DocumentOrder, limit: Int) async throws -> [DocumentListItem] {
        try await database.read { db in
            try await DocumentRepository(db).list(visibleTo: caller.actor, filter: filter, order: order, limit: limit)
        }
    }

    // MARK: Explicit access

    func grantAccess(_ caller: Caller, documentID: UUID, userID: UUID) async throws {
        try await database.write { db in
            let loaded = try await DocumentRepository(db).visible(documentID, to: caller.actor)
            try caller.actor.require(DocumentAccess.registers(loaded.facts.organizationPath))
            let user = try await UserRepository(db).get(userID)
            try await DocumentRepository(db).grant(documentID: documentID, userID: userID, grantedBy: caller.actor.principal.userID)
            try await AuditLog(db).append(caller.audit("document.grant_access", .document, documentID, DocumentTexts.granted(user.login)))
        }
    }

    func revokeAccess(_ caller: Caller, documentID: UUID, userID: UUID) async throws {
        try await database.write { db in
            let loaded = try await DocumentRepository(db).visible(documentID, to: caller.actor)
            try caller.actor.require(DocumentAccess.registers(loaded.facts.organizationPath))
            let user = try await UserRepository(db).get(userID)
            try await DocumentRepository(db).revokeGrant(documentID: documentID, userID: userID)
            try await AuditLog(db).append(caller.audit("document.revoke_access", .document, documentID, DocumentTexts.revoked(user.login)))
        }
    }
}

extension DocumentService {
    /// Links `id` to another document; the caller must be able to edit this one and see the other.
    func link(_ caller: Caller, from id: UUID, to target: UUID, kind: DocumentLinkKind) async throws -> DocumentDetails.LinkView {
        try OborotError.throwIfInvalid(DocumentLink.problems(from: id, to: target))
        return try await database.write { db in
            let repository = DocumentRepository(db)
            let source = try await repository.visible(id, to: caller.actor)
            guard DocumentAccess.canEdit(caller.actor, source.facts) else { throw OborotError.forbidden(DocumentTexts.editPolicy) }
            let other = try await repository.visible(target, to: caller.actor)
            let link = DocumentLink(id: UUID(), fromDocumentID: id, toDocumentID: target, kind: kind)
            try await DocumentLinkRepository(db).insert(link, createdBy: caller.actor.principal.userID)
            try await AuditLog(db).append(
                caller.audit("document.link", .document, id, "Связь «\(kind.forwardName)» с документом \(DocumentTexts.label(other.document))"))
            return DocumentDetails.LinkView(
                link: link, outgoing: true, otherDocumentID: target, otherLabel: DocumentTexts.label(other.document))
        }
    }

    func unlink(_ caller: Caller, documentID: UUID, linkID: UUID) async throws {
        try await database.write { db in
            let source = try await DocumentRepository(db).visible(documentID, to: caller.actor)
            guard DocumentAccess.canEdit(caller.actor, source.facts) else { throw OborotError.forbidden(DocumentTexts.editPolicy) }
            let links = DocumentLinkRepository(db)
            guard let link = try await links.find(linkID), link.fromDocumentID == documentID || link.toDocumentID == documentID else {
                throw OborotError.notFound(.documentLink)
            }
            try await links.delete(linkID)
            try await AuditLog(db).append(caller.audit("document.unlink", .document, documentID, "Удалена связь «\(link.kind.forwardName)»"))
        }
    }

    /// The document's audit trail; a view of a ДСП card is itself recorded.
    func history(_ caller: Caller, id: UUID) async throws -> [AuditEvent] {
        try await database.read { db in
            _ = try await DocumentRepository(db).visible(id, to: caller.actor)
            return try await AuditLog(db).events(objectType: ObjectKind.document.rawValue, objectID: id.lowercasedString, limit: 500)
        }
    }

    /// Records a view of a ДСП card: who looked at restricted information must be known.
    func recordRestrictedView(_ caller: Caller, details: DocumentDetails) async throws {
        guard details.document.requisites.accessMark == .restricted else { return }
        _ = try await database.write { db in
            try await AuditLog(db).append(
                caller.audit("document.restricted_view", .document, details.document.id, "Просмотр карточки ДСП \(DocumentTexts.label(details.document))"))
        }
    }
}
