import Foundation

/// `Content-Disposition` for downloads with Russian file names (RFC 6266 with the RFC 5987 `filename*` parameter).
public enum ContentDisposition {
    /// `attachment` (or `inline`) with an ASCII fallback name and the exact UTF-8 name.
    public static func header(fileName: String, inline: Bool) -> String {
        let type = inline ? "inline" : "attachment"
        return "\(type); filename=\"\(asciiFallback(fileName))\"; filename*=UTF-8''\(percentEncoded(fileName))"
    }

    /// The name with non-ASCII letters transliterated and quotes, slashes and controls replaced.
    static func asciiFallback(_ name: String) -> String {
        let dot = name.lastIndex(of: ".")
        let base = dot.map { String(name[..<$0]) } ?? name
        let ext = dot.map { String(name[$0...]) } ?? ""
        var latin = Transliteration.latin(base, separator: "_")
        if latin.isEmpty { latin = "file" }
        let safeExt = ext.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == ".") }
        return latin + String(String.UnicodeScalarView(safeExt))
    }

    /// RFC 5987 `attr-char` kept, everything else as `%XX` of its UTF-8 bytes.
    static func percentEncoded(_ text: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
        return text.utf8.map { allowed.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
    }

    /// Cleans a file name given by a client: no folders, no control characters, at most 255 bytes, never empty.
    public static func sanitizedFileName(_ raw: String) -> String {
        let lastComponent = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var name = String(lastComponent.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            .trimmed
        while name.hasPrefix(".") { name.removeFirst() }
        while name.utf8.count > 255 { name.removeLast() }
        return name.isEmpty ? "файл" : name
    }
}
