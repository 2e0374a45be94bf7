import Foundation
import OborotStore
import OborotTestSupport
import SQLKit
import Testing

@Suite("Массовая загрузка")
struct BulkCopyTests {
    /// Values that break naive text formats: separators, escapes, empty strings next to NULL, non-ASCII.
    static let awkward: [[BulkValue]] = [
        [.integer(1), .text("обычный текст"), .integer(-42)],
        [.integer(2), .text("таб\tи\nперевод\r\nстроки"), .null],
        [.integer(3), .text("обратная \\ косая и \\N как текст"), .integer(Int64(Int32.max) + 1)],
        [.integer(4), .text(""), .integer(0)],
        [.integer(5), .null, .null],
    ]

    @Test("rows come back exactly as written, whatever characters they hold", arguments: TestDatabaseKind.available)
    func roundTrip(kind: TestDatabaseKind) async throws {
        try await TestDatabase.with(kind) { database in
            try await database.write { db in
                try await db.sql.raw("CREATE TABLE bulk_probe (id BIGINT PRIMARY KEY, label TEXT, amount BIGINT)").run()
                // More rows than one SQLite statement may bind, so the loader has to split them.
                let many = (100..<12_100).map { [BulkValue.integer(Int64($0)), .text("строка \($0)"), .integer(Int64($0) * 3)] }
                try await db.bulk.copy(into: "bulk_probe", columns: ["id", "label", "amount"], rows: Self.awkward + many)
            }
            let rows = try await database.read { db in
                try await db.sql.raw("SELECT id, label, amount FROM bulk_probe ORDER BY id").all().map { row in
                    [
                        BulkValue.integer(try row.decode(column: "id", as: Int64.self)),
                        try row.decode(column: "label", as: String?.self).map(BulkValue.text) ?? .null,
                        try row.decode(column: "amount", as: Int64?.self).map(BulkValue.integer) ?? .null,
                    ]
                }
            }
            #expect(rows.count == Self.awkward.count + 12_000)
            #expect(Array(rows.prefix(Self.awkward.count)) == Self.awkward)
            #expect(rows.last == [.integer(12_099), .text("строка 12099"), .integer(36_297)])
        }
    }

    @Test("a load that fails part-way leaves nothing behind", arguments: TestDatabaseKind.available)
    func failedLoadRollsBack(kind: TestDatabaseKind) async throws {
        try await TestDatabase.with(kind) { database in
            try await database.write { db in
                try await db.sql.raw("CREATE TABLE bulk_probe (id BIGINT PRIMARY KEY, label TEXT)").run()
            }
            let duplicate = (0..<20_000).map { [BulkValue.integer(Int64($0 % 15_000)), .text("x")] }
            await #expect(throws: (any Error).self) {
                try await database.write { db in
                    try await db.bulk.copy(into: "bulk_probe", columns: ["id", "label"], rows: duplicate)
                }
            }
            let count = try await database.read { db in
                try await db.sql.raw("SELECT COUNT(*) AS n FROM bulk_probe").first()?.decode(column: "n", as: Int.self)
            }
            #expect(count == 0)
        }
    }
}
