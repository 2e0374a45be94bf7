public import Logging
import SQLKit

/// Brings a database's schema up to date, safely when several server instances start at once.
public enum Migrator {
    /// PostgreSQL advisory lock key that serialises migrations across instances ("oborot" in ASCII, truncated).
    static let lockKey: Int64 = 0x6F_626F_726F_74

    /// Applies every migration not yet recorded, in one transaction; returns the versions it applied.
    ///
    /// On PostgreSQL the transaction first takes an advisory lock, so a second instance waits and then finds nothing
    /// to do; on SQLite `BEGIN IMMEDIATE` does the same.
    @discardableResult
    public static func migrate(
        _ database: any Database, migrations: [Migration] = Migrations.all, logger: Logger
    ) async throws -> [Int] {
        try await database.write { db in
            if db.dialect == .postgres {
                try await db.sql.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(lockKey)))").run()
            }
            try await db.sql.raw(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
                """
            ).run()
            let applied = Set(
                try await db.sql.select().column("version").from("schema_migrations").all()
                    .map { try $0.decode(column: "version", as: Int.self) })
            if let newest = applied.max(), let known = migrations.map(\.version).max(), newest > known {
                throw SchemaTooNewError(databaseVersion: newest, knownVersion: known)
            }
            var done: [Int] = []
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.statements(for: db.dialect) {
                    try await db.sql.raw(SQLQueryString(stringLiteral: db.dialect.ddl(statement))).run()
                }
                try await db.sql.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(db.now.unixMilliseconds))
                    .run()
                logger.info("applied migration \(migration.version) \(migration.name)")
                done.append(migration.version)
            }
            return done
        }
    }
}

/// The database was migrated by a newer Oborot; running an older one against it could corrupt data.
public struct SchemaTooNewError: Error, CustomStringConvertible {
    public let databaseVersion: Int
    public let knownVersion: Int
    public var description: String {
        "Схема базы данных (версия \(databaseVersion)) новее, чем знает эта версия Oborot (\(knownVersion)). "
            + "Обновите программу."
    }
}
