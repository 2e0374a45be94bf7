public import Logging
import Foundation
import SQLKit

/// The embedded default: one SQLite file in WAL mode, one writer connection and a few readers.
///
/// SQLite allows one writer at a time; queueing writers in-process (the writer pool has one connection) is faster
/// and fairer than letting them fight over the file lock. Readers never wait for the writer in WAL mode.
public final class SQLiteDatabase: Database {
    public let dialect = Dialect.sqlite
    public let path: String
    private let writer: GroupCommitWriter
    private let readers: ConnectionPool<NativeSQLiteConnection>
    private let logger: Logger
    private let checkpointer: SQLiteCheckpointer

    private init(
        path: String, writer: NativeSQLiteConnection, readers: [NativeSQLiteConnection], checkpointer: SQLiteCheckpointer,
        logger: Logger
    ) {
        self.path = path
        self.checkpointer = checkpointer
        self.writer = GroupCommitWriter(connection: writer, logger: logger)
        self.readers = ConnectionPool(readers)
        self.logger = logger
    }

    /// Opens (creating if needed) the file at `path` and its folder.
    public static func open(path: String, readers: Int = 4, logger: Logger) async throws -> SQLiteDatabase {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var opened: [NativeSQLiteConnection] = []
        do {
            for index in 0...max(1, readers) {
                let connection = try NativeSQLiteConnection(path: path)
                // WAL is a property of the file: set once, by the writer, before the readers open it.
                if index == 0 {
                    try connection.execute("PRAGMA journal_mode=WAL")
                    // A big page cache keeps large transactions from spilling pages into the WAL before commit.
                    try connection.execute("PRAGMA cache_size=-65536")
                } else {
                    try connection.execute("PRAGMA cache_size=-16384")
                    try connection.execute("PRAGMA mmap_size=268435456")
                }
                // Another process (a second instance, `oborot search reindex`) may hold the write lock through a
                // long group of commits on a loaded machine; waiting 15 s beats failing the request.
                for pragma in ["PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=15000", "PRAGMA synchronous=NORMAL",
                    // The checkpointer thread keeps the WAL short; this only caps it if that thread falls behind.
                    "PRAGMA wal_autocheckpoint=10000"] {
                    try connection.execute(pragma)
                }
                opened.append(connection)
            }
            return SQLiteDatabase(
                path: path, writer: opened[0], readers: Array(opened.dropFirst()),
                checkpointer: try SQLiteCheckpointer(path: path), logger: logger)
        } catch {
            for connection in opened { connection.close() }
            throw error
        }
    }

    private func handle(_ connection: NativeSQLiteConnection) -> DatabaseHandle {
        DatabaseHandle(
            sql: NativeSQLiteDatabase(connection: connection, logger: logger), dialect: .sqlite,
            bulk: NativeSQLiteBulkCopier(connection: connection))
    }

    public func read<T: Sendable>(_ body: (DatabaseHandle) async throws -> T) async throws -> T {
        try await readers.withConnection { connection in try await body(handle(connection)) }
    }

    public func write<T: Sendable>(_ body: (DatabaseHandle) async throws -> T) async throws -> T {
        try await writer.write { connection in try await body(handle(connection)) }
    }

    public func poolStatus() -> PoolStatus {
        let reading = readers.status()
        let writing = writer.status
        return PoolStatus(
            total: reading.total + writing.total, inUse: reading.inUse + writing.inUse,
            waiting: reading.waiting + writing.waiting)
    }

    public func close() async {
        await checkpointer.stop()
        writer.close()
        for connection in readers.drain() { connection.close() }
    }
}
