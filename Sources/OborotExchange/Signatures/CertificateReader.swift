public import OborotDomain
import SwiftASN1
import X509

/// Reads certificates an administrator loads into the trust store or binds to an employee.
public enum CertificateReader {
    /// A certificate read from DER.
    public struct Read: Sendable {
        public var facts: CertificateFacts
        public var der: [UInt8]
        /// A certificate authority (`CA:TRUE`): only those can be trust roots.
        public var isAuthority: Bool
    }

    /// Every certificate in a PEM bundle or a DER file; nil when the bytes hold none.
    public static func read(_ bytes: [UInt8]) -> [Read]? {
        let ders = SignatureFiles.certificatesDER(from: bytes)
        var result: [Read] = []
        for der in ders {
            guard let certificate = try? Certificate(derEncoded: der) else { return nil }
            let constraints = try? certificate.extensions.basicConstraints
            let isAuthority: Bool
            if case .isCertificateAuthority = constraints { isAuthority = true } else { isAuthority = false }
            result.append(Read(facts: CertificateDescription.facts(certificate), der: der, isAuthority: isAuthority))
        }
        return result.isEmpty ? nil : result
    }
}
