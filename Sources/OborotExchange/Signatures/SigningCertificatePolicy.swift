import SwiftASN1
import X509

/// A signer's certificate must be meant for signatures: when it states its key usage, that includes a digital
/// signature or non-repudiation (a TLS server key, for instance, does not sign documents).
struct SigningCertificatePolicy: VerifierPolicy {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [
        .X509ExtensionID.keyUsage, .X509ExtensionID.extendedKeyUsage,
    ]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) async -> PolicyEvaluationResult {
        guard let usage = try? chain.leaf.extensions.keyUsage else { return .meetsPolicy }
        return usage.digitalSignature || usage.nonRepudiation
            ? .meetsPolicy
            : .failsToMeetPolicy(reason: "сертификат не предназначен для электронной подписи (использование ключа)")
    }
}
