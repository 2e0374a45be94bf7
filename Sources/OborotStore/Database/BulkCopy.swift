import Foundation

/// A value for bulk loading, typed just enough for both databases' fast paths.
public enum BulkValue: Sendable, Equatable {
    case text(String)
    case integer(Int64)
    case null

    static func of(_ value: String?) -> BulkValue { value.map { .text($0) } ?? .null }
    static func of(_ value: Int?) -> BulkValue { value.map { .integer(Int64($0)) } ?? .null }
    static func of(_ value: Int64?) -> BulkValue { value.map { .integer($0) } ?? .null }
}

/// Loads many rows into a table as fast as the database allows: `COPY … FROM STDIN` on PostgreSQL, multi-row
/// `INSERT` with directly bound values on SQLite. Used for demo data, imports and load tests — never for rows that
/// need the audit log or constraints checked one by one.
public protocol BulkCopier: Sendable {
    func copy(into table: String, columns: [String], rows: [[BulkValue]]) async throws
}

/// PostgreSQL's text format for `COPY`: tab-separated, `\N` for NULL, backslash escapes.
enum PostgresCopyText {
    static func line(_ values: [BulkValue]) -> String {
        var line = ""
        for (index, value) in values.enumerated() {
            if index > 0 { line.append("\t") }
            switch value {
            case .null: line.append("\\N")
            case .integer(let number): line.append(String(number))
            case .text(let text): line.append(escape(text))
            }
        }
        line.append("\n")
        return line
    }

    static func escape(_ text: String) -> String {
        // Scalars, not characters: "\r\n" is one Swift character and would slip past a per-character switch.
        guard text.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped.append(contentsOf: "\\\\".unicodeScalars)
            case "\t": escaped.append(contentsOf: "\\t".unicodeScalars)
            case "\n": escaped.append(contentsOf: "\\n".unicodeScalars)
            case "\r": escaped.append(contentsOf: "\\r".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
