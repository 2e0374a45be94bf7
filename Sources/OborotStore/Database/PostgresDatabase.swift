public import Logging
import NIOCore
import NIOSSL
import PostgresKit
import Synchronization

/// PostgreSQL for scale: a `PostgresClient` pool, shared by several server instances' worth of load.
public final class PostgresDatabase: Database {
    public let dialect = Dialect.postgres
    private let client: PostgresClient
    private let runTask: Task<Void, Never>
    private let logger: Logger
    private let maxConnections: Int
    /// Where this pool connects (tests open a second pool on the same database, as a second instance would).
    public let url: PostgresURL
    /// Requests that asked for a connection and have not finished, and those of them holding one.
    private let requested = Atomic<Int>(0)
    private let leased = Atomic<Int>(0)

    private init(client: PostgresClient, url: PostgresURL, maxConnections: Int, logger: Logger) {
        self.client = client
        self.url = url
        self.maxConnections = maxConnections
        self.logger = logger
        self.runTask = Task { await client.run() }
    }

    /// Connects to the server in `url` and checks that it answers.
    public static func connect(
        _ url: PostgresURL, maxConnections: Int = 16, logger: Logger
    ) async throws -> PostgresDatabase {
        var configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.username, password: url.password, database: url.database,
            tls: try tls(for: url.tlsMode))
        configuration.options.maximumConnections = maxConnections
        configuration.options.minimumConnections = 0
        let database = PostgresDatabase(
            client: PostgresClient(configuration: configuration, backgroundLogger: logger), url: url,
            maxConnections: maxConnections, logger: logger)
        // Give the client's run loop a moment to start, so the first lease does not log a warning.
        try await Task.sleep(for: .milliseconds(5))
        do {
            _ = try await database.read { try await $0.sql.raw("SELECT 1").all() }
        } catch {
            await database.close()
            throw error
        }
        return database
    }

    private static func tls(for mode: PostgresURL.TLSMode) throws -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable:
            return .disable
        case .prefer, .require:
            // libpq's meaning: encrypt, but do not check whose certificate it is.
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            return mode == .prefer ? .prefer(configuration) : .require(configuration)
        case .verifyFull:
            return .require(TLSConfiguration.makeClientConfiguration())
        }
    }

    public func read<T: Sendable>(_ body: (DatabaseHandle) async throws -> T) async throws -> T {
        try await withCountedConnection { connection in
            try await body(DatabaseHandle(sql: connection.sql(queryLogLevel: nil), dialect: .postgres, bulk: PostgresBulkCopier(connection: connection, logger: logger)))
        }
    }

    public func write<T: Sendable>(_ body: (DatabaseHandle) async throws -> T) async throws -> T {
        try await withCountedConnection { connection in
            let sql = connection.sql(queryLogLevel: nil)
            try await sql.raw("BEGIN").run()
            do {
                let result = try await body(
                    DatabaseHandle(sql: sql, dialect: .postgres, bulk: PostgresBulkCopier(connection: connection, logger: logger)))
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                do {
                    try await sql.raw("ROLLBACK").run()
                } catch {
                    logger.error("ROLLBACK failed", metadata: ["error": "\(error)"])
                }
                throw error
            }
        }
    }

    private func withCountedConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        requested.add(1, ordering: .relaxed)
        defer { requested.subtract(1, ordering: .relaxed) }
        return try await client.withConnection { connection in
            leased.add(1, ordering: .relaxed)
            defer { leased.subtract(1, ordering: .relaxed) }
            return try await body(connection)
        }
    }

    public func poolStatus() -> PoolStatus {
        let inUse = leased.load(ordering: .relaxed)
        return PoolStatus(
            total: maxConnections, inUse: inUse, waiting: max(0, requested.load(ordering: .relaxed) - inUse))
    }

    public func close() async {
        runTask.cancel()
        await runTask.value
    }
}

/// Bulk loading on PostgreSQL: `COPY … FROM STDIN` in text format, streamed in pieces of about a megabyte.
struct PostgresBulkCopier: BulkCopier {
    let connection: PostgresConnection
    let logger: Logger

    func copy(into table: String, columns: [String], rows: [[BulkValue]]) async throws {
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            var buffer = ByteBuffer()
            for row in rows {
                buffer.writeString(PostgresCopyText.line(row))
                if buffer.readableBytes > 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }
}
