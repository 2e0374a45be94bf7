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

extension CSV {
    /// Reads CSV as spreadsheets write it: the separator is `;` or `,` (whichever the first line has more of outside
    /// quotes), fields may be quoted with doubled quotes inside, lines end in LF or CRLF; a byte order mark is
    /// dropped. Each row comes with its line number (1-based) for error messages.
    public static func rows(_ text: String) -> [(line: Int, fields: [String])] {
        var body = Substring(text)
        if body.hasPrefix(byteOrderMark) { body = body.dropFirst() }
        let separator = detectSeparator(body)
        var rows: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var rowLine = 1
        var iterator = body.makeIterator()
        var pending: Character? = nil
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowLine, fields)) }
            fields = []
            field = ""
        }
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: quoted = true
            case separator: fields.append(field); field = ""
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                rowLine = line
            default: field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }

    private static func detectSeparator(_ text: Substring) -> Character {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        var semicolons = 0
        var commas = 0
        var quoted = false
        for character in firstLine {
            if character == "\"" { quoted.toggle() }
            if !quoted && character == ";" { semicolons += 1 }
            if !quoted && character == "," { commas += 1 }
        }
        return semicolons > commas ? ";" : ","
    }
}
