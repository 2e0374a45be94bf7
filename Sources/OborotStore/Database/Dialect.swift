import Foundation
/// The one place where SQL differs between SQLite and PostgreSQL. Everything else is written once with SQLKit.
public enum Dialect: String, Sendable {
    case sqlite
    case postgres

    /// Appended to a `SELECT` that must lock its rows until the transaction ends. SQLite needs none: its single
    /// writer connection already serialises every write transaction.
    public var lockRowsClause: String {
        switch self {
        case .sqlite: ""
        case .postgres: " FOR UPDATE"
        }
    }

    /// Rewrites portable DDL: `{bin_text}` is text compared byte by byte (paths, codes), which PostgreSQL only does
    /// with the "C" collation; `{blob}` is raw bytes.
    func ddl(_ statement: String) -> String {
        switch self {
        case .sqlite:
            statement
                .replacingOccurrences(of: "{bin_text}", with: "TEXT")
                .replacingOccurrences(of: "{blob}", with: "BLOB")
        case .postgres:
            statement
                .replacingOccurrences(of: "{bin_text}", with: "TEXT COLLATE \"C\"")
                .replacingOccurrences(of: "{blob}", with: "BYTEA")
        }
    }
}
