import Foundation
import Logging
import OborotStore
import OborotTestSupport
import SQLKit
import Testing

@Suite("Миграции")
struct MigratorTests {
    let logger = Logger(label: "test")

    @Test("migrating twice applies every step once", arguments: TestDatabaseKind.available)
    func idempotent(kind: TestDatabaseKind) async throws {
        try await TestDatabase.with(kind, migrate: false) { database in
            let first = try await Migrator.migrate(database, logger: logger)
            let second = try await Migrator.migrate(database, logger: logger)
            #expect(first == Migrations.all.map(\.version))
            #expect(second.isEmpty)
            let count = try await database.read { db in
                try await db.sql.raw("SELECT COUNT(*) AS n FROM schema_migrations").first()?.decode(column: "n", as: Int.self)
            }
            #expect(count == Migrations.all.count)
        }
    }

    /// Several server instances starting at once against one empty database must not trip over each other.
    @Test("concurrent migrations from several pools are safe", arguments: TestDatabaseKind.available)
    func concurrent(kind: TestDatabaseKind) async throws {
        try await TestDatabase.with(kind, migrate: false) { database in
            let others = try await (0..<3).asyncMap { _ in try await TestDatabase.secondConnection(to: database) }
            let outcomes = await withTaskGroup(of: Result<[Int], any Error>.self) { group in
                for instance in [database] + others {
                    group.addTask { await Result(catching: { try await Migrator.migrate(instance, logger: logger) }) }
                }
                return await group.reduce(into: [Result<[Int], any Error>]()) { $0.append($1) }
            }
            for other in others { await other.close() }
            let applied = try outcomes.map { try $0.get() }
            #expect(applied.flatMap { $0 }.sorted() == Migrations.all.map(\.version))
        }
    }

    @Test("a database migrated by a newer version is refused", arguments: TestDatabaseKind.available)
    func tooNew(kind: TestDatabaseKind) async throws {
        try await TestDatabase.with(kind) { database in
            try await database.write { db in
                try await db.sql.raw("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)").run()
            }
            await #expect(throws: SchemaTooNewError.self) { try await Migrator.migrate(database, logger: logger) }
        }
    }
}

extension Result where Failure == any Error {
    /// The outcome of an async throwing call.
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

extension Sequence {
    /// `map` with an async transform, one element at a time.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
