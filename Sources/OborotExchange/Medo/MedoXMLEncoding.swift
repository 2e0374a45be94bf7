import Foundation

/// The МЭДО rule for encodings: the XML declaration must name one (windows-1251 or UTF-8) and the bytes must be
/// in it. Everything is handed to the parser as UTF-8, so the parser never has to know windows-1251.
///
/// Why transcode ourselves: libxml2 reads windows-1251 only when it was built with iconv. The Linux build here
/// has it (`MedoEncodingTests` records that), but a 2.5 packet must read the same on every machine, and the
/// check that the bytes really are in the declared encoding has to be ours anyway.
enum MedoXMLEncoding {
    enum Declared: Equatable { case utf8, windows1251 }

    /// The document as UTF-8 bytes with a UTF-8 declaration, or why it breaks the rule.
    static func utf8Document(_ bytes: [UInt8], file: String) throws(MedoRejection) -> [UInt8] {
        var body = ArraySlice(bytes)
        let hasBOM = body.starts(with: [0xEF, 0xBB, 0xBF])
        if hasBOM { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) || body.starts(with: [0x3C, 0x00])
            || body.starts(with: [0x00, 0x3C]) {
            throw .unknownEncoding(file, "UTF-16")
        }
        guard let found = declaration(body) else { throw .missingDeclaration(file) }
        let (encoding, declarationEnd) = found
        switch normalized(encoding) {
        case .utf8:
            guard String(validating: body, as: UTF8.self) != nil else {
                throw .encodingMismatch(file, declared: "UTF-8")
            }
            return Array(body)
        case .windows1251:
            let rest = body[declarationEnd...]
            // 0x98 is the one byte windows-1251 leaves undefined. Non-ASCII text that is valid UTF-8 is UTF-8:
            // Cyrillic in windows-1251 practically never forms valid multi-byte sequences.
            if hasBOM || rest.contains(0x98)
                || (rest.contains { $0 >= 0x80 } && String(validating: rest, as: UTF8.self) != nil) {
                throw .encodingMismatch(file, declared: "windows-1251")
            }
            let text = DocumentText.CodePage.windows1251.decode(Array(rest))
            return Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8) + Array(text.utf8)
        case nil:
            throw .unknownEncoding(file, encoding)
        }
    }

    static func normalized(_ encoding: String) -> Declared? {
        switch encoding.lowercased() {
        case "utf-8", "utf8": .utf8
        case "windows-1251", "cp1251", "cp-1251", "win-1251": .windows1251
        default: nil
        }
    }

    /// The `encoding` pseudo-attribute of the declaration the document must open with, and the index just past
    /// the declaration; nil when there is no declaration or it names no encoding.
    static func declaration(_ bytes: ArraySlice<UInt8>) -> (String, Int)? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        // The declaration is ASCII by definition and short; 512 bytes is generous.
        let window = bytes.prefix(512)
        guard let close = window.indices.first(where: {
            window[$0] == UInt8(ascii: "?") && $0 + 1 < window.endIndex && window[$0 + 1] == UInt8(ascii: ">")
        }) else { return nil }
        guard let text = String(validating: bytes[bytes.startIndex..<close], as: UTF8.self) else { return nil }
        guard let keyRange = text.range(of: "encoding") else { return nil }
        var rest = text[keyRange.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        guard !value.isEmpty, value.count < rest.count - 1 else { return nil }
        return (String(value), close + 2)
    }
}
