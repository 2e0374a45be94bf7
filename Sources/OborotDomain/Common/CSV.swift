import Foundation

/// CSV the way Russian offices open it: UTF-8 with a byte order mark, `;` between fields, CRLF line ends.
public enum CSV {
    public static let byteOrderMark = "\u{FEFF}"

    /// One line; fields with `;`, quotes or line breaks are quoted, quotes doubled. Text that a spreadsheet would
    /// take for a formula (`=`, `+`, `-`, `@` first) is prefixed with an apostrophe so it stays text.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ";") + "\r\n"
    }

    static func field(_ raw: String) -> String {
        var text = raw
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
