import Crypto
import Foundation
import OborotDomain
import SwiftASN1
import X509

/// Reading a certificate into the plain facts the domain keeps.
enum CertificateDescription {
    static func facts(_ certificate: Certificate) -> CertificateFacts {
        var serializer = DER.Serializer()
        let der = (try? serializer.serialize(certificate)).map { serializer.serializedBytes } ?? []
        return CertificateFacts(
            serialNumberHex: Hex.encode(certificate.serialNumber.bytes.drop { $0 == 0 }).uppercased(),
            subject: certificate.subject.description, commonName: attribute(.RDNAttributeType.commonName, of: certificate.subject),
            organization: attribute(.RDNAttributeType.organizationName, of: certificate.subject),
            issuer: certificate.issuer.description, notBefore: certificate.notValidBefore,
            notAfter: certificate.notValidAfter, fingerprintSHA256: Hex.encode(SHA256.hash(data: der)))
    }

    static func attribute(_ type: ASN1ObjectIdentifier, of name: DistinguishedName) -> String? {
        for rdn in name {
            for attribute in rdn where attribute.type == type {
                // The value prints as text for string types; the library has no other public accessor.
                return attribute.value.description
            }
        }
        return nil
    }

    /// The library's reason a chain failed, in a few Russian words where we know the case.
    static func reason(_ failure: PolicyFailureReason) -> String {
        let text = failure.description
        if text.contains("expired") || text.contains("notValidAfter") { return "срок действия сертификата в цепочке истёк" }
        if text.contains("signing") || text.contains("подпис") { return text }
        return "цепочка до доверенного корня не построена"
    }
}
