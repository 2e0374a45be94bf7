public import SQLKit
import OborotDomain
public import Foundation

/// The narrow interface every repository and service uses: a connection for reading, or a transaction for writing.
///
/// Two implementations: `SQLiteDatabase` (one writer connection, several readers) and `PostgresDatabase` (a pool).
public protocol Database: Sendable {
    var dialect: Dialect { get }

    /// Runs `body` on a connection for reading. Reads never block the writer.
    func read<T: Sendable>(_ body: (DatabaseHandle) async throws -> T) async throws -> T

    /// Runs `body` in one transaction; it commits when `body` returns and rolls back when it throws.
    func write<T: Sendable>(_ body: (DatabaseHandle) async throws -> T) async throws -> T

    /// A snapshot of connection use, for `/metrics` and `/health`.
    func poolStatus() -> PoolStatus

    /// Closes every connection. The database must not be used afterwards.
    func close() async
}

/// One connection (inside a transaction for writes), with what repositories need to talk to it.
public struct DatabaseHandle: Sendable {
    public let sql: any SQLDatabase
    public let dialect: Dialect
    /// The instant the transaction works at, so every row and audit event of one change agrees on the time.
    public let now: Date
    /// The fast path for loading many rows into this connection.
    public let bulk: any BulkCopier

    public init(sql: any SQLDatabase, dialect: Dialect, bulk: any BulkCopier, now: Date = Date()) {
        self.sql = sql
        self.dialect = dialect
        self.bulk = bulk
        // Instants are stored to the millisecond; working at that precision makes what is read back equal to
        // what was written.
        self.now = Date(unixMilliseconds: now.unixMilliseconds)
    }
}

/// How busy the connections are.
public struct PoolStatus: Sendable, Equatable {
    public var total: Int
    public var inUse: Int
    public var waiting: Int

    public init(total: Int, inUse: Int, waiting: Int) {
        self.total = total
        self.inUse = inUse
        self.waiting = waiting
    }
}
