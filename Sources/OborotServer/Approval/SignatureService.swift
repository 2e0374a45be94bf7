import Crypto
import Foundation
import NIOCore
import OborotDomain
import OborotExchange
import OborotStore

/// Electronic signatures: signing a file version with a detached `.p7s`, the trust store, certificate bindings,
/// and verification for anyone.
///
/// | action | policy |
/// |---|---|
/// | sign a version | `DocumentAccess.signs` (the signer named on the card), the route approved, certificate bound to them |
/// | see signatures | `DocumentAccess.canView` |
/// | trust store, bindings | `administersARoot` (the region's administrator) |
/// | verify by code or by file and signature | anyone, no sign-in |
struct SignatureService: Sendable {
    let database: any Database
    let blobs: BlobStore
    let verifier: any SignatureVerifier
    let documents: DocumentService
    /// The largest `.p7s` accepted: a signature with a certificate chain is a few kilobytes.
    static let maxSignatureBytes = 256 * 1024

    /// What a signer sends: which file of which document, and the `.p7s` bytes.
    struct SignInput: Sendable {
        var documentID: UUID
        var attachmentID: UUID
        var versionNumber: Int?
        var signature: [UInt8]
        /// The journal to register in after signing; by default the one journal of the organisation for the kind.
        var journalID: UUID?
    }

    /// Verifies the signature over the version's exact bytes and, if everything holds, records it, marks the
    /// document signed and — for outgoing and organisational documents — registers it. Nothing is written on failure.
    ///
    /// Every rule is checked twice: before the (slow) verification, so a refusal comes at once, and again inside the
    /// write transaction under the document's row lock, so a new version or a restarted route in between is caught.
    func sign(_ caller: Caller, _ input: SignInput) async throws -> (StoredSignature, Document) {
        let (version, roots, bindings) = try await database.read { db in
            let loaded = try await DocumentRepository(db).visible(input.documentID, to: caller.actor)
            let version = try await Self.checkSignable(caller, loaded, input, db: db)
            let signatures = SignatureRepository(db)
            let roots = try await signatures.trustedCertificates().map(\.der)
            let bindings = try await signatures.bindings(employeeID: caller.actor.principal.employeeID)
            return (version, roots, bindings)
        }
        let content = FileContent(path: blobs.filePath(of: version.sha256), knownSHA256Hex: version.sha256)
        let verified: VerifiedSignature
        switch try await verifier.verify(signature: input.signature, content: content, trustRoots: roots, moment: .at(Date())) {
        case .success(let result): verified = result
        case .failure(let problem): throw problem.error
        }
        if let problem = SignerRules.checkBound(verified.certificate, bindings: bindings) { throw problem.error }

        let ingested = try await blobs.ingest(OneBuffer(ByteBuffer(bytes: input.signature)), maxBytes: Int64(Self.maxSignatureBytes))
        return try await database.write { db in
            let repository = DocumentRepository(db)
            let current = try await repository.visible(input.documentID, to: caller.actor, lockingRow: true)
            guard try await Self.checkSignable(caller, current, input, lockingRoute: true, db: db).id == version.id else {
                throw SignatureTexts.notCurrentVersion
            }
            var document = current.document
            try await AttachmentRepository(db).recordBlob(sha256: ingested.sha256, size: ingested.size, mimeType: "application/pkcs7-signature")
            let stored = StoredSignature(
                id: UUID(), documentID: document.id, attachmentID: version.attachmentID, attachmentVersionID: version.id,
                versionNumber: version.number, contentSHA256: version.sha256, signatureSHA256: ingested.sha256,
                signerUserID: caller.actor.principal.userID, signerEmployeeID: caller.actor.principal.employeeID,
                certificate: verified.certificate, algorithm: verified.algorithmName,
                claimedSigningTime: verified.claimedSigningTime, signedAt: db.now, verificationCode: VerificationCode.make())
            try await SignatureRepository(db).insert(stored)
            let organization = try await OrganizationRepository(db).get(document.organizationID)
            document.signedAt = db.now
            document.updatedAt = db.now
            document.version = try await repository.update(document, organizationPath: organization.path, expectedVersion: document.version)
            try await AuditLog(db).append(
                caller.audit("document.esign", .document, document.id, SignatureServiceTexts.signed(stored, version: version)))
            if document.kind.numberedAfterSigning,
                let journalID = try await registrationJournal(input.journalID, document: document, organization: organization, db: db)
            {
                document = try await documents.register(
                    caller, document: document, facts: current.facts, organization: organization, journalID: journalID,
                    caseFileID: nil, bySignature: true, db: db)
            }
            return (stored, document)
        }
    }

    /// The version to sign if the caller may sign it now: the signer in person (an assistant acting for a head does
    /// not sign for them), an unsigned draft, its route approved, the attachment's current version (an older one may
    /// be what the approvers refused), and the requisites registration will need.
    private static func checkSignable(
        _ caller: Caller, _ loaded: DocumentRepository.Loaded, _ input: SignInput, lockingRoute: Bool = false,
        db: DatabaseHandle
    ) async throws -> AttachmentVersion {
        try caller.actor.require(DocumentAccess.signs(loaded.facts))
        if caller.actor.performer != nil { throw SignatureTexts.signsInPerson }
        let document = loaded.document
        _ = try DocumentLifecycle.apply(.sign, to: document.lifecycleFacts).get()
        try ApprovalRules.checkSigningAllowed(try await ApprovalRepository(db).route(documentID: document.id, lockingRow: lockingRoute))
        guard let summary = try await AttachmentRepository(db).summary(input.attachmentID, documentID: document.id),
            let version = summary.current
        else { throw OborotError.notFound(.attachment) }
        if let asked = input.versionNumber, asked != summary.currentVersion { throw SignatureTexts.notCurrentVersion }
        // Signing registers outgoing and organisational documents: say what is missing before anything else.
        if document.kind.numberedAfterSigning {
            let organization = try await OrganizationRepository(db).get(document.organizationID)
            _ = try RequisiteRules.validate(
                document.requisites, kind: document.kind, directiveForm: document.directiveForm,
                today: organization.date(at: db.now), stage: .registration
            ).get()
        }
        return version
    }

    /// The journal named, or the only active journal of the organisation that takes the kind (none when ambiguous:
    /// the registrar then registers by hand).
    private func registrationJournal(_ named: UUID?, document: Document, organization: Organization, db: DatabaseHandle) async throws -> UUID? {
        if let named { return named }
        let candidates = try await JournalRepository(db).list(organizationID: organization.id)
            .filter { $0.active && $0.kinds.contains(document.kind) }
        return candidates.count == 1 ? candidates[0].id : nil
    }

    func signatures(_ caller: Caller, documentID: UUID) async throws -> [StoredSignature] {
        try await database.read { db in
            _ = try await DocumentRepository(db).visible(documentID, to: caller.actor)
            return try await SignatureRepository(db).signatures(documentID: documentID)
        }
    }

    // MARK: Verification for anyone

    /// What the public page and the API say about a signature.
    struct PublicCheck: Sendable {
        var valid: Bool
        var reason: String?
        var reasonCode: String?
        var certificate: CertificateFacts?
        var algorithm: String?
        var claimedSigningTime: Date?
        var validatedAt: Date?
        /// The registered document the signature belongs to, when it is ours.
        var registered: RegisteredDocument?
    }

    /// What the public page may say about the registered document a signature belongs to.
    struct RegisteredDocument: Sendable {
        var organizationName: String
        var kind: DocumentKind
        var number: String?
        var date: CalendarDate?
        /// Left out for ДСП documents: the page is public.
        var title: String?
        var signerName: String
        var signedAt: Date
        var fileName: String
        var versionNumber: Int
        var verificationCode: String
    }

    /// The signature behind a verification code, checked again now against the stored bytes, at the moment it was
    /// received (the system's own record of the signing time).
    func check(code: String) async throws -> PublicCheck {
        let normalized = VerificationCode.normalize(code)
        let (stored, roots, registered) = try await database.read { db in
            guard let normalized, let stored = try await SignatureRepository(db).signature(verificationCode: normalized) else {
                throw OborotError.notFound(.signature)
            }
            return (stored, try await SignatureRepository(db).trustedCertificates().map(\.der), try await Self.registered(stored, db: db))
        }
        let bytes = try await blobs.readAll(stored.signatureSHA256, maxBytes: Self.maxSignatureBytes)
        let content = FileContent(path: blobs.filePath(of: stored.contentSHA256), knownSHA256Hex: stored.contentSHA256)
        let result = try await verifier.verify(signature: bytes, content: content, trustRoots: roots, moment: .at(stored.signedAt))
        return Self.publicCheck(result, registered: registered)
    }

    /// A file and its signature brought by anyone. The signing time inside a signature is the signer's own claim,
    /// so the certificate is checked at the moment the system received this very signature when it is on record
    /// (and the file is the one signed), otherwise now.
    func check(file: [UInt8], signature: [UInt8]) async throws -> PublicCheck {
        let signatureSHA256 = Hex.encode(SHA256.hash(data: signature))
        let fileSHA256 = Hex.encode(SHA256.hash(data: file))
        let (roots, stored) = try await database.read { db in
            let signatures = SignatureRepository(db)
            return (
                try await signatures.trustedCertificates().map(\.der),
                try await signatures.signatures(signatureSHA256: signatureSHA256).first { $0.contentSHA256 == fileSHA256 })
        }
        let result = try await verifier.verify(
            signature: signature, content: InMemoryContent(file), trustRoots: roots, moment: .at(stored?.signedAt ?? Date()))
        // Only a valid signature over the very file on record names the registered document.
        var registered: RegisteredDocument?
        if case .success = result, let stored {
            registered = try await database.read { try await Self.registered(stored, db: $0) }
        }
        return Self.publicCheck(result, registered: registered)
    }

    private static func publicCheck(_ result: Result<VerifiedSignature, SignatureProblem>, registered: RegisteredDocument?) -> PublicCheck {
        switch result {
        case .success(let verified):
            PublicCheck(
                valid: true, certificate: verified.certificate, algorithm: verified.algorithmName,
                claimedSigningTime: verified.claimedSigningTime, validatedAt: verified.validatedAt, registered: registered)
        case .failure(let problem):
            PublicCheck(valid: false, reason: problem.russianReason, reasonCode: problem.code, registered: registered)
        }
    }

    private static func registered(_ stored: StoredSignature, db: DatabaseHandle) async throws -> RegisteredDocument? {
        guard let row = try await DocumentRepository(db).find(stored.documentID) else { return nil }
        let organization = try await OrganizationRepository(db).get(row.organizationID)
        let version = try await AttachmentRepository(db).summary(stored.attachmentID, documentID: stored.documentID)?
            .versions.first { $0.id == stored.attachmentVersionID }
        let restricted = row.requisites.accessMark == .restricted
        return RegisteredDocument(
            organizationName: organization.shortName, kind: row.kind, number: row.registration?.number,
            date: row.registration?.date, title: restricted ? nil : row.requisites.title,
            signerName: stored.certificate.ownerName, signedAt: stored.signedAt,
            // A file's name often repeats the title, so a ДСП document's is not shown either.
            fileName: restricted ? SignatureTexts.restrictedFileName : version?.fileName ?? "",
            versionNumber: stored.versionNumber, verificationCode: stored.verificationCode)
    }
}

/// Russian wording of signing (audit summaries).
enum SignatureServiceTexts {
    static func signed(_ signature: StoredSignature, version: AttachmentVersion) -> String {
        "Подписан файл «\(version.fileName)», версия \(version.number): сертификат \(signature.certificate.serialNumberHex), владелец \(signature.certificate.ownerName), \(signature.algorithm)"
    }
}
