public import Foundation

/// An administrator's statement that certificates with this subject belong to this employee: a signature counts as
/// the employee's only through such a binding (a certificate alone names a person, not our employee record).
public struct CertificateBinding: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var employeeID: UUID
    public var subject: String
    public var createdByUserID: UUID
    public var createdAt: Date

    public init(id: UUID, employeeID: UUID, subject: String, createdByUserID: UUID, createdAt: Date) {
        self.id = id
        self.employeeID = employeeID
        self.subject = subject
        self.createdByUserID = createdByUserID
        self.createdAt = createdAt
    }
}

/// The rules that tie a verified certificate to the document's signer.
public enum SignerRules {
    /// Subjects compare without surrounding spaces; the rest must be identical.
    public static func normalizedSubject(_ subject: String) -> String {
        subject.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the certificate is bound to the employee by one of `bindings` (the employee's own).
    public static func checkBound(_ certificate: CertificateFacts, bindings: [CertificateBinding]) -> SignatureProblem? {
        let subject = normalizedSubject(certificate.subject)
        return bindings.contains { normalizedSubject($0.subject) == subject } ? nil : .notBoundToSigner(subject: subject)
    }

    /// A certificate's validity at the moment it is checked.
    public static func checkValidity(notBefore: Date, notAfter: Date, at moment: Date) -> SignatureProblem? {
        if moment > notAfter { return .expired(notAfter: notAfter, checkedAt: moment) }
        if moment < notBefore { return .notYetValid(notBefore: notBefore, checkedAt: moment) }
        return nil
    }
}
