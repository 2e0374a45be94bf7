public import Foundation
public import OborotDomain
import SQLKit

/// An electronic signature as stored: which file version, whose certificate, what was verified when it arrived.
public struct StoredSignature: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var documentID: UUID
    public var attachmentID: UUID
    public var attachmentVersionID: UUID
    public var versionNumber: Int
    public var contentSHA256: String
    public var signatureSHA256: String
    public var signerUserID: UUID
    public var signerEmployeeID: UUID
    public var certificate: CertificateFacts
    public var algorithm: String
    public var claimedSigningTime: Date?
    /// When the server received and verified the signature: the signing time the system vouches for.
    public var signedAt: Date
    /// The code of the public verification page (`/verify/CODE`), printed as a QR code with the signature mark.
    public var verificationCode: String

    public init(
        id: UUID, documentID: UUID, attachmentID: UUID, attachmentVersionID: UUID, versionNumber: Int, contentSHA256: String,
        signatureSHA256: String, signerUserID: UUID, signerEmployeeID: UUID, certificate: CertificateFacts, algorithm: String,
        claimedSigningTime: Date?, signedAt: Date, verificationCode: String
    ) {
        self.id = id
        self.documentID = documentID
        self.attachmentID = attachmentID
        self.attachmentVersionID = attachmentVersionID
        self.versionNumber = versionNumber
        self.contentSHA256 = contentSHA256
        self.signatureSHA256 = signatureSHA256
        self.signerUserID = signerUserID
        self.signerEmployeeID = signerEmployeeID
        self.certificate = certificate
        self.algorithm = algorithm
        self.claimedSigningTime = claimedSigningTime
        self.signedAt = signedAt
        self.verificationCode = verificationCode
    }
}

/// A root or intermediate certificate the region's administrator trusts.
public struct TrustedCertificate: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var facts: CertificateFacts
    public var der: [UInt8]
    public var active: Bool
    public var addedAt: Date

    public init(id: UUID, facts: CertificateFacts, der: [UInt8], active: Bool, addedAt: Date) {
        self.id = id
        self.facts = facts
        self.der = der
        self.active = active
        self.addedAt = addedAt
    }
}

/// Signatures, the trust store and certificate bindings.
public struct SignatureRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    struct SignatureRow: Codable, Sendable {
        var id: String
        var documentId: String
        var attachmentId: String
        var attachmentVersionId: String
        var versionNumber: Int
        var contentSha256: String
        var signatureSha256: String
        var signerUserId: String
        var signerEmployeeId: String
        var certificateSerial: String
        var certificateSubject: String
        var certificateOwner: String
        var certificateIssuer: String
        var certificateNotBefore: Int64
        var certificateNotAfter: Int64
        var certificateFingerprint: String
        var algorithm: String
        var claimedSigningTime: Int64?
        var signedAt: Int64
        var verificationCode: String

        init(_ s: StoredSignature) {
            id = s.id.lowercasedString
            documentId = s.documentID.lowercasedString
            attachmentId = s.attachmentID.lowercasedString
            attachmentVersionId = s.attachmentVersionID.lowercasedString
            versionNumber = s.versionNumber
            contentSha256 = s.contentSHA256
            signatureSha256 = s.signatureSHA256
            signerUserId = s.signerUserID.lowercasedString
            signerEmployeeId = s.signerEmployeeID.lowercasedString
            certificateSerial = s.certificate.serialNumberHex
            certificateSubject = s.certificate.subject
            certificateOwner = s.certificate.ownerName
            certificateIssuer = s.certificate.issuer
            certificateNotBefore = s.certificate.notBefore.unixMilliseconds
            certificateNotAfter = s.certificate.notAfter.unixMilliseconds
            certificateFingerprint = s.certificate.fingerprintSHA256
            algorithm = s.algorithm
            claimedSigningTime = s.claimedSigningTime?.unixMilliseconds
            signedAt = s.signedAt.unixMilliseconds
            verificationCode = s.verificationCode
        }

        func signature() throws -> StoredSignature {
            StoredSignature(
                id: try UUID.stored(id), documentID: try UUID.stored(documentId), attachmentID: try UUID.stored(attachmentId),
                attachmentVersionID: try UUID.stored(attachmentVersionId), versionNumber: versionNumber,
                contentSHA256: contentSha256, signatureSHA256: signatureSha256, signerUserID: try UUID.stored(signerUserId),
                signerEmployeeID: try UUID.stored(signerEmployeeId),
                certificate: CertificateFacts(
                    serialNumberHex: certificateSerial, subject: certificateSubject,
                    commonName: certificateOwner == certificateSubject ? nil : certificateOwner, organization: nil,
                    issuer: certificateIssuer, notBefore: Date(unixMilliseconds: certificateNotBefore),
                    notAfter: Date(unixMilliseconds: certificateNotAfter), fingerprintSHA256: certificateFingerprint),
                algorithm: algorithm, claimedSigningTime: claimedSigningTime.map(Date.init(unixMilliseconds:)),
                signedAt: Date(unixMilliseconds: signedAt), verificationCode: verificationCode)
        }
    }

    // MARK: Signatures

    public func insert(_ signature: StoredSignature) async throws {
        try await db.sql.insert(into: "signatures").rows([SignatureRow(signature)]).run()
    }

    /// Stores many signatures at once (the carried-over signatures of a delivered letter).
    public func insert(_ signatures: [StoredSignature]) async throws {
        for chunk in signatures.chunked(into: StorageLimits.rowsPerInsert(columns: 20)) {
            try await db.sql.insert(into: "signatures").rows(chunk.map(SignatureRow.init)).run()
        }
    }

    public func signatures(documentID: UUID) async throws -> [StoredSignature] {
        try await db.sql.select().column("*").from("signatures").where("document_id", .equal, documentID.lowercasedString)
            .orderBy("signed_at").rows(SignatureRow.self).map { try $0.signature() }
    }

    public func signature(verificationCode: String) async throws -> StoredSignature? {
        try await db.sql.select().column("*").from("signatures").where("verification_code", .equal, verificationCode)
            .row(SignatureRow.self)?.signature()
    }

    /// Signatures stored with exactly these signature bytes (a public check of a file and its `.p7s`).
    public func signatures(signatureSHA256: String) async throws -> [StoredSignature] {
        try await db.sql.select().column("*").from("signatures").where("signature_sha256", .equal, signatureSHA256)
            .rows(SignatureRow.self).map { try $0.signature() }
    }

    /// Whether any version of the attachment is signed (a signed file takes no new versions).
    public func isSigned(attachmentID: UUID) async throws -> Bool {
        try await db.sql.select().column("id").from("signatures").where("attachment_id", .equal, attachmentID.lowercasedString)
            .limit(1).first() != nil
    }

    // MARK: Trust store

    struct TrustedRow: Codable, Sendable {
        var id: String
        var fingerprintSha256: String
        var subject: String
        var issuer: String
        var serialHex: String
        var notBefore: Int64
        var notAfter: Int64
        var derBase64: String
        var active: Bool
        var addedByUserId: String
        var addedAt: Int64

        func certificate() throws -> TrustedCertificate {
            TrustedCertificate(
                id: try UUID.stored(id),
                facts: CertificateFacts(
                    serialNumberHex: serialHex, subject: subject, commonName: nil, organization: nil, issuer: issuer,
                    notBefore: Date(unixMilliseconds: notBefore), notAfter: Date(unixMilliseconds: notAfter),
                    fingerprintSHA256: fingerprintSha256),
                der: Array(Data(base64Encoded: derBase64) ?? Data()), active: active, addedAt: Date(unixMilliseconds: addedAt))
        }
    }

    /// Adds a certificate to the trust store; one already there (same fingerprint) is made active again. Returns the
    /// id it is stored under (the earlier row's for a certificate seen before).
    @discardableResult
    public func trust(_ certificate: TrustedCertificate, addedBy: UUID) async throws -> UUID {
        try await db.sql.insert(into: "trusted_certificates").rows([
            TrustedRow(
                id: certificate.id.lowercasedString, fingerprintSha256: certificate.facts.fingerprintSHA256,
                subject: certificate.facts.subject, issuer: certificate.facts.issuer, serialHex: certificate.facts.serialNumberHex,
                notBefore: certificate.facts.notBefore.unixMilliseconds, notAfter: certificate.facts.notAfter.unixMilliseconds,
                derBase64: Data(certificate.der).base64EncodedString(), active: true, addedByUserId: addedBy.lowercasedString,
                addedAt: db.now.unixMilliseconds)
        ]).onConflict(with: ["fingerprint_sha256"]) { $0.set("active", to: true) }.run()
        let row = try await db.sql.select().column("id").from("trusted_certificates")
            .where("fingerprint_sha256", .equal, certificate.facts.fingerprintSHA256).first()
        return try row.map { try UUID.stored(try $0.decode(column: "id", as: String.self)) } ?? certificate.id
    }

    public func trustedCertificates(includingInactive: Bool = false) async throws -> [TrustedCertificate] {
        var query = db.sql.select().column("*").from("trusted_certificates")
        if !includingInactive { query = query.where("active", .equal, true) }
        return try await query.orderBy("added_at").rows(TrustedRow.self).map { try $0.certificate() }
    }

    /// Takes a certificate out of the trust store (kept, inactive, so earlier checks stay explainable).
    public func distrust(_ id: UUID) async throws -> Bool {
        try await !db.sql.update("trusted_certificates").set("active", to: false).where("id", .equal, id.lowercasedString)
            .returning("id").all().isEmpty
    }

    // MARK: Bindings

    /// Binds a subject to an employee; a binding already there is kept. Returns the id it is stored under.
    @discardableResult
    public func bind(_ binding: CertificateBinding) async throws -> UUID {
        try await db.sql.insert(into: "certificate_bindings")
            .columns("id", "employee_id", "subject", "created_by_user_id", "created_at")
            .values(
                SQLBind(binding.id.lowercasedString), SQLBind(binding.employeeID.lowercasedString), SQLBind(binding.subject),
                SQLBind(binding.createdByUserID.lowercasedString), SQLBind(binding.createdAt.unixMilliseconds)
            ).ignoringConflicts(with: ["employee_id", "subject"]).run()
        let row = try await db.sql.select().column("id").from("certificate_bindings")
            .where("employee_id", .equal, binding.employeeID.lowercasedString).where("subject", .equal, binding.subject).first()
        return try row.map { try UUID.stored(try $0.decode(column: "id", as: String.self)) } ?? binding.id
    }

    public func bindings(employeeID: UUID? = nil) async throws -> [CertificateBinding] {
        var query = db.sql.select().column("*").from("certificate_bindings")
        if let employeeID { query = query.where("employee_id", .equal, employeeID.lowercasedString) }
        return try await query.orderBy("created_at").all().map { row in
            CertificateBinding(
                id: try UUID.stored(try row.decode(column: "id", as: String.self)),
                employeeID: try UUID.stored(try row.decode(column: "employee_id", as: String.self)),
                subject: try row.decode(column: "subject", as: String.self),
                createdByUserID: try UUID.stored(try row.decode(column: "created_by_user_id", as: String.self)),
                createdAt: Date(unixMilliseconds: try row.decode(column: "created_at", as: Int64.self)))
        }
    }

    public func unbind(_ id: UUID) async throws -> Bool {
        try await !db.sql.delete(from: "certificate_bindings").where("id", .equal, id.lowercasedString).returning("id").all().isEmpty
    }
}
