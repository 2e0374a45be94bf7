import Foundation
import SwiftASN1

/// Reading signature and certificate files as people bring them: DER or PEM, one certificate or a bundle.
public enum SignatureFiles {
    /// The DER of a `.p7s`: PEM (`-----BEGIN CMS-----`, `PKCS7`, `SIGNED MESSAGE`), bare base64, or DER as is.
    static func der(fromSignatureFile bytes: [UInt8]) throws -> [UInt8] {
        if let first = bytes.first, first == 0x30 { return bytes }
        guard let text = String(bytes: bytes, encoding: .utf8) else { return bytes }
        if text.contains("-----BEGIN"), let document = try? PEMDocument(pemString: text.trimmingCharacters(in: .whitespacesAndNewlines)) {
            return document.derBytes
        }
        let base64 = text.filter { !$0.isWhitespace }
        if let data = Data(base64Encoded: base64), data.first == 0x30 { return Array(data) }
        return bytes
    }

    /// Every certificate in a PEM bundle or a single DER certificate, as DER.
    public static func certificatesDER(from bytes: [UInt8]) -> [[UInt8]] {
        if bytes.first == 0x30 { return [bytes] }
        guard let text = String(bytes: bytes, encoding: .utf8),
            let documents = try? PEMDocument.parseMultiple(pemString: text)
        else { return [] }
        return documents.filter { $0.discriminator == "CERTIFICATE" }.map(\.derBytes)
    }

    /// The DER of the GOST key, digest and signature algorithm identifiers (R 34.10/34.11-2001 and -2012). Only
    /// these count: ordinary certificates of Russian CAs carry other 1.2.643 identifiers (ИНН, ОГРН, СНИЛС,
    /// policies) that say nothing about the algorithm.
    static let gostAlgorithmIdentifiers: [[UInt8]] = [
        [0x06, 0x06, 0x2A, 0x85, 0x03, 0x02, 0x02, 0x13],  // 1.2.643.2.2.19 ГОСТ Р 34.10-2001 key
        [0x06, 0x06, 0x2A, 0x85, 0x03, 0x02, 0x02, 0x03],  // 1.2.643.2.2.3 ГОСТ Р 34.11/34.10-2001 signature
        [0x06, 0x06, 0x2A, 0x85, 0x03, 0x02, 0x02, 0x09],  // 1.2.643.2.2.9 ГОСТ Р 34.11-94 digest
    ] + [[0x01, 0x01], [0x01, 0x02], [0x02, 0x02], [0x02, 0x03], [0x03, 0x02], [0x03, 0x03]].map {
        [0x06, 0x08, 0x2A, 0x85, 0x03, 0x07, 0x01, 0x01] + $0  // 1.2.643.7.1.1.{1,2,3}.{1,2,3}: the 2012 family
    }

    /// Whether the bytes carry a GOST algorithm identifier anywhere (for signatures we could not parse).
    static func mentionsGOST(_ der: [UInt8]) -> Bool {
        gostAlgorithmIdentifiers.contains { identifier in
            guard der.count >= identifier.count else { return false }
            return (0...(der.count - identifier.count)).contains { start in
                der[start] == 0x06 && der[start..<(start + identifier.count)].elementsEqual(identifier)
            }
        }
    }

    /// The instant of a CMS `Time` (UTCTime or GeneralizedTime).
    static func date(fromTime node: ASN1Node) -> Date? {
        var parts = DateComponents()
        if let time = try? UTCTime(derEncoded: node) {
            (parts.year, parts.month, parts.day) = (time.year, time.month, time.day)
            (parts.hour, parts.minute, parts.second) = (time.hours, time.minutes, time.seconds)
        } else if let time = try? GeneralizedTime(derEncoded: node) {
            (parts.year, parts.month, parts.day) = (time.year, time.month, time.day)
            (parts.hour, parts.minute, parts.second) = (time.hours, time.minutes, time.seconds)
        } else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: parts)
    }
}
