import Foundation
import OborotDomain
import OborotStore

/// A card with everything its page and the API show: names instead of ids, links from both ends, files, and the
/// actions the caller may take.
struct DocumentDetails: Sendable {
    struct NamedAddressee: Sendable {
        var addressee: Addressee
        var name: String
    }

    struct LinkView: Sendable {
        var link: DocumentLink
        /// Whether this card is the one holding the link.
        var outgoing: Bool
        var otherDocumentID: UUID
        /// The other card's number and title, or nil when the caller may not see it.
        var otherLabel: String?

        var label: String { outgoing ? link.kind.forwardName : link.kind.backwardName }
    }

    var document: Document
    var facts: DocumentAccess.Facts
    var organization: Organization
    var journal: Journal?
    var correspondent: Correspondent?
    var addressees: [NamedAddressee]
    var signerName: String?
    var executorName: String?
    var caseFile: CaseFile?
    var links: [LinkView]
    var attachments: [AttachmentSummary]
    /// Why the current version of a file is not searchable by its text, by attachment (files read fine are absent).
    var textNotices: [UUID: String] = [:]
    var allowedEvents: [DocumentEvent]
    var canEdit: Bool
    /// People with explicit access, shown to registrars only.
    var grantedUsers: [(userID: UUID, displayName: String)]

    static func load(_ loaded: DocumentRepository.Loaded, actor: Actor, db: DatabaseHandle) async throws -> DocumentDetails {
        let document = loaded.document
        let requisites = document.requisites
        let organization = try await OrganizationRepository(db).get(document.organizationID)
        let employees = EmployeeRepository(db)
        func employeeName(_ id: UUID?) async throws -> String? {
            guard let id else { return nil }
            return try await employees.find(id)?.name.withInitials
        }
        var addressees: [NamedAddressee] = []
        for addressee in requisites.addressees {
            let name: String? = switch addressee {
            case .organization(let id): try await OrganizationRepository(db).find(id)?.shortName
            case .correspondent(let id): try await CorrespondentRepository(db).find(id)?.name
            case .employee(let id): try await employeeName(id)
            }
            addressees.append(NamedAddressee(addressee: addressee, name: name ?? "—"))
        }
        let repository = DocumentRepository(db)
        var links: [LinkView] = []
        for link in try await DocumentLinkRepository(db).links(of: document.id) {
            let outgoing = link.fromDocumentID == document.id
            let other = outgoing ? link.toDocumentID : link.fromDocumentID
            var label: String?
            if let target = try await repository.load(other, for: actor), DocumentAccess.canView(actor, target.facts) {
                label = DocumentTexts.label(target.document)
            }
            links.append(LinkView(link: link, outgoing: outgoing, otherDocumentID: other, otherLabel: label))
        }
        let isRegistrar = actor.holds(.registrar, over: loaded.facts.organizationPath)
        let allowed = DocumentLifecycle.allowedEvents(document.lifecycleFacts).filter { event in
            event == .sign ? DocumentAccess.signs(loaded.facts).allows(actor) : isRegistrar
        }
        var granted: [(UUID, String)] = []
        if isRegistrar {
            for userID in try await repository.grantedUsers(documentID: document.id) {
                granted.append((userID, try await ActorRepository(db).person(userID: userID)?.displayName ?? userID.lowercasedString))
            }
        }
        let attachments = try await AttachmentRepository(db).summaries(documentID: document.id)
        return DocumentDetails(
            document: document, facts: loaded.facts, organization: organization,
            journal: try await document.registration.asyncMap { try await JournalRepository(db).find($0.journalID) } ?? nil,
            correspondent: try await requisites.correspondentID.asyncMap { try await CorrespondentRepository(db).find($0) } ?? nil,
            addressees: addressees, signerName: try await employeeName(requisites.signerEmployeeID),
            executorName: try await employeeName(requisites.executorEmployeeID),
            caseFile: try await document.caseFileID.asyncMap { try await CaseFileRepository(db).find($0) } ?? nil,
            links: links, attachments: attachments, textNotices: try await textNotices(attachments, db: db),
            allowedEvents: allowed, canEdit: DocumentAccess.canEdit(actor, loaded.facts), grantedUsers: granted)
    }

    /// «текст не извлечён» with the reason, or «текст извлекается», for each current file version that needs it.
    private static func textNotices(_ attachments: [AttachmentSummary], db: DatabaseHandle) async throws -> [UUID: String] {
        let current = attachments.compactMap { attachment in attachment.versions.first.map { (attachment.id, $0.sha256) } }
        let states = try await SearchIndexRepository(db).textStates(current.map(\.1))
        var notices: [UUID: String] = [:]
        for (attachment, sha256) in current {
            switch states[sha256]?.state {
            case .failed?, .unavailable?:
                notices[attachment] = "\(SearchTexts.notExtractedPrefix): \(states[sha256]?.reason ?? SearchTexts.unsupportedFormat)"
            case .pending?: notices[attachment] = SearchTexts.extracting
            default: break
            }
        }
        return notices
    }

    /// The card of a document just created in this transaction: nothing links to it and no files are attached yet,
    /// so everything comes from what the transaction already holds.
    static func fresh(
        _ document: Document, organization: Organization, journal: Journal?, references: DocumentReferences, actor: Actor
    ) -> DocumentDetails {
        let facts = DocumentAccess.Facts(
            organizationPath: organization.path, accessMark: document.requisites.accessMark,
            createdByUserID: document.createdByUserID, signerEmployeeID: document.requisites.signerEmployeeID,
            executorEmployeeID: document.requisites.executorEmployeeID,
            hasExplicitGrant: document.requisites.accessMark == .restricted, state: document.state)
        let isRegistrar = actor.holds(.registrar, over: organization.path)
        let allowed = DocumentLifecycle.allowedEvents(document.lifecycleFacts).filter { event in
            event == .sign ? DocumentAccess.signs(facts).allows(actor) : isRegistrar
        }
        let requisites = document.requisites
        return DocumentDetails(
            document: document, facts: facts, organization: organization, journal: journal,
            correspondent: references.correspondent,
            addressees: requisites.addressees.map { NamedAddressee(addressee: $0, name: references.name(of: $0) ?? "—") },
            signerName: requisites.signerEmployeeID.flatMap { references.employees[$0]?.name.withInitials },
            executorName: requisites.executorEmployeeID.flatMap { references.employees[$0]?.name.withInitials },
            caseFile: nil, links: [], attachments: [], allowedEvents: allowed, canEdit: DocumentAccess.canEdit(actor, facts),
            grantedUsers: isRegistrar && requisites.accessMark == .restricted
                ? [(actor.principal.userID, actor.principal.displayName)] : [])
    }
}
