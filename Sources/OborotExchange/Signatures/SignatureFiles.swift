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

    /// Whether the bytes carry an object identifier under the Russian GOST arc 1.2.643 (DER `06 len 2A 85 03`).
    static func mentionsGOST(_ der: [UInt8]) -> Bool {
        guard der.count > 5 else { return false }
        for index in 0..<(der.count - 4) where der[index] == 0x06 && der[index + 2] == 0x2A && der[index + 3] == 0x85
            && der[index + 4] == 0x03
        {
            return true
        }
        return false
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
