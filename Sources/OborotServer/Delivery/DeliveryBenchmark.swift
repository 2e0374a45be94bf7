public import Foundation
public import OborotStore
public import OborotDomain
import SQLKit

/// What `oborot bench delivery` measures: one registered letter with files and a signature sent, in-process, from
/// the region's government to every municipality of the demo region (the target: 463 in < 2 s).
public struct DeliveryBenchmark: Sendable {
    let database: any Database
    let service: DeliveryService
    let caller: Caller
    let government: Organization
    let municipalities: [UUID]

    /// As the demo government's registrar (`registrar`); nil when the demo region is not loaded.
    public init?(database: any Database, login: String = "registrar") async throws {
        let found: (Actor, Organization, [UUID])? = try await database.read { db in
            guard let user = try await UserRepository(db).find(login: login),
                let actor = try await ActorRepository(db).actor(userID: user.id)
            else { return nil }
            let organization = try await OrganizationRepository(db).get(actor.principal.organizationID)
            let municipalities = try await db.sql.raw(
                "SELECT id FROM organizations WHERE kind IN ('municipalDistrict', 'urbanOkrug', 'urbanSettlement', 'ruralSettlement') ORDER BY path"
            ).all().compactMap { UUID(uuidString: try $0.decode(column: "id", as: String.self)) }
            return (actor, organization, municipalities)
        }
        guard let found else { return nil }
        self.database = database
        service = DeliveryService(database: database, blobs: BlobStore(root: NSTemporaryDirectory()))
        caller = Caller(actor: found.0, clientAddress: nil)
        government = found.1
        municipalities = found.2
    }

    public var recipientCount: Int { municipalities.count }

    /// A registered outgoing letter to every municipality with `files` attached files (their blobs recorded, the
    /// bytes are not needed to send) and a signature row on the first, as a signed letter carries.
    public func prepareLetter(files: Int) async throws -> UUID {
        try await database.write { db in
            guard let journal = try await JournalRepository(db).list(organizationID: government.id).first(where: { $0.kinds.contains(.outgoing) }) else {
                throw OborotError.notFound(.journal)
            }
            let today = government.date(at: db.now)
            let year = journal.numberingYear(for: today)
            let sequence = try await JournalRepository(db).nextSequence(journalID: journal.id, numberingYear: year)
            let user = caller.actor.principal
            let document = Document(
                id: TimeOrderedID.make(at: db.now), organizationID: government.id, kind: .outgoing, directiveForm: nil,
                state: .registered,
                requisites: DocumentRequisites(
                    title: "О подготовке объектов жилищно-коммунального хозяйства к отопительному сезону",
                    addressees: municipalities.map(Addressee.organization), signerEmployeeID: user.employeeID,
                    executorEmployeeID: user.employeeID, pages: 4, annexCount: files - 1),
                signedAt: db.now,
                registration: Document.Registration(
                    journalID: journal.id, numberingYear: year, sequence: sequence,
                    number: journal.number(sequence: sequence, date: today, caseIndex: journal.defaultCaseIndex), date: today,
                    registeredByUserID: user.userID),
                caseFileID: nil, cancellationReason: nil, createdByUserID: user.userID, createdAt: db.now, updatedAt: db.now, version: 1)
            try await DocumentRepository(db).insert(document, organizationPath: government.path)
            let attachments = AttachmentRepository(db)
            for index in 0..<files {
                let sha = String(repeating: String(format: "%02x", (sequence + index) % 256), count: 32)
                try await attachments.recordBlob(sha256: sha, size: 2_000_000, mimeType: "application/pdf")
                let version = AttachmentVersion(
                    id: UUID(), attachmentID: UUID(), number: 1, sha256: sha, size: 2_000_000, mimeType: "application/pdf",
                    fileName: index == 0 ? "letter.pdf" : "annex\(index).pdf", authorUserID: user.userID, createdAt: db.now)
                try await attachments.create(documentID: document.id, name: version.fileName, version: version)
            }
            return document.id
        }
    }

    /// Sends the letter; returns how many incoming cards were created.
    public func send(_ letterID: UUID) async throws -> Int {
        try await service.send(caller, documentID: letterID).count
    }
}
