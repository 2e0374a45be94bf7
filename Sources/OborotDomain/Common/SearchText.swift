import Foundation

/// How names are prepared for simple substring search, identically when stored and when queried.
public enum SearchText {
    /// Lowercased, with «ё» folded to «е» (people type either), runs of whitespace collapsed.
    public static func normalize(_ text: String) -> String {
        text.lowercased()
            .replacingOccurrences(of: "ё", with: "е")
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
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
