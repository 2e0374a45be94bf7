import Foundation

/// How names are prepared for simple substring search, identically when stored and when queried.
public enum SearchText {
    /// Lowercased, with «ё» folded to «е» (people type either), runs of whitespace collapsed to one space.
    ///
    /// Written scalar by scalar: every stored card is normalised, and Foundation's general routines were a tenth
    /// of the cost of loading documents. Latin and Cyrillic take the fast path; anything else uses the Unicode
    /// lowercase mapping.
    public static func normalize(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            let value = scalar.value
            switch value {
            case 0x41...0x5A, 0x410...0x42F:  // A–Z, А–Я
                result.append(Unicode.Scalar(value + 0x20)!)
            case 0x401, 0x451:  // Ё, ё
                result.append("е")
            case 0...0x7F, 0x430...0x44F:  // already lowercase ASCII and а–я
                result.append(scalar)
            default:
                let lower = scalar.properties.lowercaseMapping
                for mapped in lower.unicodeScalars { result.append(mapped == "ё" ? "е" : mapped) }
            }
        }
        return String(result)
    }

    /// The searchable text of several fields.
    public static func combine(_ parts: String?...) -> String {
        normalize(parts.compactMap { $0 }.joined(separator: " "))
    }

    /// A `LIKE … ESCAPE '\'` pattern matching text that contains `text`.
    public static func likePattern(containing text: String) -> String {
        "%\(escapedForLike(text))%"
    }

    /// A `LIKE … ESCAPE '\'` pattern matching text that starts with `text`.
    public static func likePrefixPattern(_ text: String) -> String {
        "\(escapedForLike(text))%"
    }

    /// `text` with `%`, `_` and the escape character itself escaped.
    static func escapedForLike(_ text: String) -> String {
        text
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
