import OborotDomain
import SwiftASN1
import X509

/// The digest and signature algorithms we accept, by object identifier.
enum SignatureAlgorithms {
    /// Every GOST algorithm lives under the Russian arc 1.2.643.
    static func isGOST(_ oid: ASN1ObjectIdentifier) -> Bool {
        Array(oid.oidComponents.prefix(3)) == [1, 2, 643]
    }

    static func digest(_ oid: ASN1ObjectIdentifier) -> DigestAlgorithm? {
        switch oid {
        case [2, 16, 840, 1, 101, 3, 4, 2, 1]: .sha256
        case [2, 16, 840, 1, 101, 3, 4, 2, 2]: .sha384
        case [2, 16, 840, 1, 101, 3, 4, 2, 3]: .sha512
        default: nil
        }
    }

    /// The signature algorithm to verify with, or nil when it is not one we support.
    ///
    /// openssl (and others) write the key's algorithm, `rsaEncryption` or `id-ecPublicKey`, where RFC 5652 expects a
    /// signature algorithm; the identifier is not covered by the signature, so reading it together with the digest
    /// algorithm is sound (tampering with the signed bytes is still caught).
    static func signature(_ oid: ASN1ObjectIdentifier, digest: DigestAlgorithm) -> (Certificate.SignatureAlgorithm, name: String)? {
        let rsa: [DigestAlgorithm: Certificate.SignatureAlgorithm] = [
            .sha256: .sha256WithRSAEncryption, .sha384: .sha384WithRSAEncryption, .sha512: .sha512WithRSAEncryption,
        ]
        let ecdsa: [DigestAlgorithm: Certificate.SignatureAlgorithm] = [
            .sha256: .ecdsaWithSHA256, .sha384: .ecdsaWithSHA384, .sha512: .ecdsaWithSHA512,
        ]
        switch oid {
        case [1, 2, 840, 113_549, 1, 1, 1]:
            return rsa[digest].map { ($0, "RSA / \(digest.displayName)") }
        case [1, 2, 840, 113_549, 1, 1, 11] where digest == .sha256,
            [1, 2, 840, 113_549, 1, 1, 12] where digest == .sha384,
            [1, 2, 840, 113_549, 1, 1, 13] where digest == .sha512:
            return rsa[digest].map { ($0, "RSA / \(digest.displayName)") }
        case [1, 2, 840, 10045, 2, 1]:
            return ecdsa[digest].map { ($0, "ECDSA / \(digest.displayName)") }
        case [1, 2, 840, 10045, 4, 3, 2] where digest == .sha256,
            [1, 2, 840, 10045, 4, 3, 3] where digest == .sha384,
            [1, 2, 840, 10045, 4, 3, 4] where digest == .sha512:
            return ecdsa[digest].map { ($0, "ECDSA / \(digest.displayName)") }
        default:
            return nil
        }
    }

    /// A readable name of an unsupported algorithm for the error message.
    static func name(_ oid: ASN1ObjectIdentifier) -> String {
        switch oid {
        case [1, 2, 840, 113_549, 1, 1, 10]: "RSASSA-PSS"
        case [1, 2, 840, 113_549, 1, 1, 5]: "RSA / SHA-1"
        case [1, 2, 840, 10045, 4, 1]: "ECDSA / SHA-1"
        case [1, 3, 14, 3, 2, 26]: "SHA-1"
        case [1, 3, 101, 112]: "Ed25519"
        default: oid.description
        }
    }
}
