import PostgresNIO
import VaporCSQLite

/// What a database failure means, where the store turns one into the user's error (e.g. a unique index that stops
/// a race the domain's check cannot see).
enum DatabaseErrors {
    /// A unique index or constraint refused the row: SQLite's `SQLITE_CONSTRAINT_UNIQUE`, PostgreSQL's 23505.
    static func isUniqueViolation(_ error: any Error) -> Bool {
        if let sqlite = error as? NativeSQLiteError { return sqlite.code == SQLITE_CONSTRAINT | (8 << 8) }  // SQLITE_CONSTRAINT_UNIQUE, a macro Swift does not import
        if let postgres = error as? PSQLError { return postgres.serverInfo?[.sqlState] == "23505" }
        return false
    }
}
