public import Foundation

/// What a verified signer certificate says (requisite 23, the mark of the electronic signature, shows these).
public struct CertificateFacts: Sendable, Equatable, Codable {
    /// Upper-case hexadecimal, as certificate tools print it.
    public var serialNumberHex: String
    /// The subject as a distinguished-name string (`CN=…,O=…`); bindings to employees match it exactly.
    public var subject: String
    public var commonName: String?
    public var organization: String?
    public var issuer: String
    public var notBefore: Date
    public var notAfter: Date
    /// SHA-256 of the certificate's DER, lower-case hex.
    public var fingerprintSHA256: String

    public init(
        serialNumberHex: String, subject: String, commonName: String?, organization: String?, issuer: String,
        notBefore: Date, notAfter: Date, fingerprintSHA256: String
    ) {
        self.serialNumberHex = serialNumberHex
        self.subject = subject
        self.commonName = commonName
        self.organization = organization
        self.issuer = issuer
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.fingerprintSHA256 = fingerprintSHA256
    }

    /// Who the certificate names, for people: the common name, else the whole subject.
    public var ownerName: String { commonName ?? subject }
}

/// A signature that passed every check.
public struct VerifiedSignature: Sendable, Equatable {
    public var certificate: CertificateFacts
    /// The signing time the signer's tool put into the signature (a claim of the signer, not a timestamp).
    public var claimedSigningTime: Date?
    /// The moment the certificate was checked against: when the server received the signature, or the claimed
    /// signing time when an outside signature is checked later.
    public var validatedAt: Date
    public var digestAlgorithm: DigestAlgorithm
    /// E.g. «ECDSA P-256 / SHA-256», «RSA / SHA-256».
    public var algorithmName: String

    public init(
        certificate: CertificateFacts, claimedSigningTime: Date?, validatedAt: Date, digestAlgorithm: DigestAlgorithm,
        algorithmName: String
    ) {
        self.certificate = certificate
        self.claimedSigningTime = claimedSigningTime
        self.validatedAt = validatedAt
        self.digestAlgorithm = digestAlgorithm
        self.algorithmName = algorithmName
    }
}

/// Digest algorithms a signature may use over the file's bytes.
public enum DigestAlgorithm: String, Sendable, CaseIterable, Codable {
    case sha256
    case sha384
    case sha512

    public var displayName: String {
        switch self {
        case .sha256: "SHA-256"
        case .sha384: "SHA-384"
        case .sha512: "SHA-512"
        }
    }
}

/// The bytes a detached signature is checked against: they are hashed, never required whole in memory.
public protocol SignedContent: Sendable {
    func digest(_ algorithm: DigestAlgorithm) throws -> [UInt8]
}

/// At which moment the signer's certificate must have been valid.
public enum ValidationMoment: Sendable, Equatable {
    /// A fixed moment: the server's own clock when it receives a signature.
    case at(Date)
    /// The signing time written in the signature, or the given moment when it has none (checking an outside
    /// signature after the fact).
    case claimedSigningTime(otherwise: Date)
}

/// Verifies detached signatures. The CMS verifier handles RSA and ECDSA; a GOST provider plugs in by implementing
/// the same protocol.
public protocol SignatureVerifier: Sendable {
    /// Checks that `signature` is a detached signature over `content` by a certificate that chains to one of
    /// `trustRoots` (DER) and was valid at `moment`. A problem with the signature is a `failure`; a problem reading
    /// the content (a missing blob) is thrown — it is the server's fault, not the signer's.
    func verify(
        signature: [UInt8], content: any SignedContent, trustRoots: [[UInt8]], moment: ValidationMoment
    ) async throws -> Result<VerifiedSignature, SignatureProblem>
}

/// Why a signature is not accepted; each has its own stable code and Russian explanation.
public enum SignatureProblem: Error, Sendable, Equatable {
    /// Not a CMS/PKCS#7 signature at all, or damaged.
    case malformed(String)
    case gostUnsupported
    case unsupportedAlgorithm(String)
    /// The signature carries its content (attached): only detached signatures over the file are accepted.
    case attachedContent
    case multipleSigners
    case signerCertificateMissing
    /// The digest in the signature is not the digest of these bytes: it was made over another file or version.
    case contentMismatch
    /// The signature value does not verify with the certificate's key.
    case invalidSignature
    case noTrustStore
    /// The certificate does not chain to a trusted root.
    case untrusted(String)
    case expired(notAfter: Date, checkedAt: Date)
    case notYetValid(notBefore: Date, checkedAt: Date)
    /// The certificate is valid but not bound to the employee who must sign.
    case notBoundToSigner(subject: String)
}
