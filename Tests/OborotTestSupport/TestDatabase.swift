import Foundation
import Logging
public import OborotStore
import SQLKit
public import Testing

/// The databases every storage suite runs on: a real SQLite file always, and a real PostgreSQL server when
/// `OBOROT_TEST_POSTGRES_URL` names one (CI starts a throwaway cluster and also sets `OBOROT_REQUIRE_POSTGRES=1`).
public enum TestDatabaseKind: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    public var testDescription: String { rawValue }

    /// The kinds to run on here: PostgreSQL is included when configured, and also when it is required but missing,
    /// so that its tests fail loudly instead of silently not running.
    public static var available: [TestDatabaseKind] {
        let environment = ProcessInfo.processInfo.environment
        let configured = environment["OBOROT_TEST_POSTGRES_URL"].map { !$0.isEmpty } ?? false
        let required = environment["OBOROT_REQUIRE_POSTGRES"] == "1"
        return configured || required ? [.sqlite, .postgres] : [.sqlite]
    }
}

/// A fresh, migrated database for one test, removed afterwards.
public enum TestDatabase {
    static let logger: Logger = {
        var logger = Logger(label: "oborot-tests")
        logger.logLevel = .warning
        return logger
    }()

    /// Runs `body` with a new empty database of `kind`: a SQLite file in a temporary folder, or a new PostgreSQL
    /// database on the test server.
    public static func with<T: Sendable>(
        _ kind: TestDatabaseKind, migrate: Bool = true, _ body: (any Database) async throws -> T
    ) async throws -> T {
        switch kind {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oborot-test-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let database = try await SQLiteDatabase.open(path: folder.appendingPathComponent("test.sqlite").path, logger: logger)
            return try await run(database, migrate: migrate, body)
        case .postgres:
            let server = try postgresServerURL()
            let name = "oborot_t_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(20).lowercased())"
            try await administer(server) { try await $0.sql.raw("CREATE DATABASE \(unsafeRaw: name) TEMPLATE template0").run() }
            do {
                let database = try await PostgresDatabase.connect(server.with(database: name), maxConnections: 8, logger: logger)
                let result = try await run(database, migrate: migrate, body)
                try await dropDatabase(name, on: server)
                return result
            } catch {
                try? await dropDatabase(name, on: server)
                throw error
            }
        }
    }

    /// The PostgreSQL URL of a database created for a test, so a test can open a second, independent pool on it
    /// (as a second server instance would).
    public static func postgresURL(of database: any Database) throws -> PostgresURL? {
        (database as? PostgresDatabase).map { $0.url }
    }

    private static func run<T: Sendable>(
        _ database: any Database, migrate: Bool, _ body: (any Database) async throws -> T
    ) async throws -> T {
        do {
            if migrate { try await Migrator.migrate(database, logger: logger) }
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }

    static func postgresServerURL() throws -> PostgresURL {
        guard let text = ProcessInfo.processInfo.environment["OBOROT_TEST_POSTGRES_URL"], !text.isEmpty else {
            throw MissingPostgres()
        }
        return try PostgresURL(text)
    }

    private static func administer(_ server: PostgresURL, _ body: (DatabaseHandle) async throws -> Void) async throws {
        let admin = try await PostgresDatabase.connect(server, maxConnections: 1, logger: logger)
        do {
            try await admin.read(body)
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
    }

    private static func dropDatabase(_ name: String, on server: PostgresURL) async throws {
        try await administer(server) { try await $0.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run() }
    }
}

/// PostgreSQL was required (`OBOROT_REQUIRE_POSTGRES=1`) but `OBOROT_TEST_POSTGRES_URL` is not set.
struct MissingPostgres: Error, CustomStringConvertible {
    var description: String {
        "OBOROT_REQUIRE_POSTGRES=1 but OBOROT_TEST_POSTGRES_URL is not set: the PostgreSQL half of the storage suites cannot run"
    }
}

extension TestDatabase {
    /// Another, independent connection pool to the same database, as a second server instance would have.
    public static func secondConnection(to database: any Database) async throws -> any Database {
        if let sqlite = database as? SQLiteDatabase {
            return try await SQLiteDatabase.open(path: sqlite.path, readers: 1, logger: logger)
        }
        guard let url = try postgresURL(of: database) else { throw MissingPostgres() }
        return try await PostgresDatabase.connect(url, maxConnections: 4, logger: logger)
    }
}
