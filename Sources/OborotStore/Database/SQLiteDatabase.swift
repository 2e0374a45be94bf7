import Foundation
public import Logging
import NIOPosix
import SQLiteKit

/// The embedded default: one SQLite file in WAL mode, one writer connection and a few readers.
public final class SQLiteDatabase: Database {
    public let dialect = Dialect.sqlite
    public let path: String
    private let writer: ConnectionPool<SQLiteConnection>
    private let readers: ConnectionPool<SQLiteConnection>
    private let logger: Logger
    /// SQLite calls block their thread (including while waiting on another process's lock), so each database has
    /// threads of its own: one per connection, and nobody else's blocking work can starve it.
    private let threadPool: NIOThreadPool

    private init(
        path: String, writer: SQLiteConnection, readers: [SQLiteConnection], threadPool: NIOThreadPool, logger: Logger
    ) {
        self.path = path
        self.writer = ConnectionPool([writer])
        self.readers = ConnectionPool(readers)
        self.threadPool = threadPool
        self.logger = logger
    }

    /// Opens (creating if needed) the file at `path` and its folder.
    public static func open(path: String, readers: Int = 4, logger: Logger) async throws -> SQLiteDatabase {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let readerCount = max(1, readers)
        let threadPool = NIOThreadPool(numberOfThreads: readerCount + 1)
        threadPool.start()
        var opened: [SQLiteConnection] = []
        do {
            for _ in 0...readerCount {
                opened.append(try await openConnection(path: path, threadPool: threadPool, logger: logger))
                if opened.count == 1 {
                    // WAL is a property of the file: set once, by the writer, before readers open it.
                    _ = try await opened[0].query("PRAGMA journal_mode=WAL", [])
                }
            }
        } catch {
            for connection in opened { try? await connection.close() }
            try? await threadPool.shutdownGracefully()
            throw error
        }
        return SQLiteDatabase(
            path: path, writer: opened[0], readers: Array(opened.dropFirst()), threadPool: threadPool, logger: logger)
    }

    private static func openConnection(
        path: String, threadPool: NIOThreadPool, logger: Logger
    ) async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(
            storage: .file(path: path), threadPool: threadPool, logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.any())
        // SQLiteKit has no per-connection setup hook, so every connection gets its settings here.
        for pragma in ["PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000", "PRAGMA synchronous=NORMAL"] {
            _ = try await connection.query(pragma, [])
        }
        return connection
    }

    public func read<T: Sendable>(_ body: (DatabaseHandle) async throws -> T) async throws -> T {
        try await readers.withConnection { connection in
            try await body(DatabaseHandle(sql: connection.sql(queryLogLevel: nil), dialect: .sqlite))
        }
    }

    public func write<T: Sendable>(_ body: (DatabaseHandle) async throws -> T) async throws -> T {
        try await writer.withConnection { connection in
            // IMMEDIATE takes the write lock at once, so a second process (a CLI next to the server) waits on
            // busy_timeout instead of failing half-way through.
            _ = try await connection.query("BEGIN IMMEDIATE", [])
            do {
                let result = try await body(DatabaseHandle(sql: connection.sql(queryLogLevel: nil), dialect: .sqlite))
                _ = try await connection.query("COMMIT", [])
                return result
            } catch {
                do {
                    _ = try await connection.query("ROLLBACK", [])
                } catch {
                    logger.error("ROLLBACK failed", metadata: ["error": "\(error)"])
                }
                throw error
            }
        }
    }

    public func poolStatus() -> PoolStatus {
        let reading = readers.status()
        let writing = writer.status()
        return PoolStatus(
            total: reading.total + writing.total, inUse: reading.inUse + writing.inUse,
            waiting: reading.waiting + writing.waiting)
    }

    public func close() async {
        for connection in writer.drain() + readers.drain() {
            try? await connection.close()
        }
        try? await threadPool.shutdownGracefully()
    }
}
