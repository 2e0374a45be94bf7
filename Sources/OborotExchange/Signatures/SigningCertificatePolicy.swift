import SwiftASN1
import X509

/// A signer's certificate must be meant for signatures: when it states its key usage, that includes a digital
/// signature or non-repudiation (a TLS server key, for instance, does not sign documents).
struct SigningCertificatePolicy: VerifierPolicy {
    /// Key usage is checked here; an extended key usage marked critical is left to the library, which refuses
    /// what no policy claims to understand.
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [.X509ExtensionID.keyUsage]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) async -> PolicyEvaluationResult {
        guard let usage = try? chain.leaf.extensions.keyUsage else { return .meetsPolicy }
        return usage.digitalSignature || usage.nonRepudiation
            ? .meetsPolicy
            : .failsToMeetPolicy(reason: "сертификат не предназначен для электронной подписи (использование ключа)")
    }
}
