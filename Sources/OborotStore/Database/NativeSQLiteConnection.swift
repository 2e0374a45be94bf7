import Foundation
import Logging
import SQLiteKit
import VaporCSQLite

/// A SQLite connection driven through the C API directly: statements are prepared once and cached, and run on the
/// calling thread.
///
/// Why not sqlite-nio's connection: it prepares every statement anew, hops to a thread pool and back for each
/// statement, and schedules one event-loop task per result row. Measured on this machine that made a five-insert
/// transaction cost ~0.5 ms and a 50-row page several milliseconds; the single writer of the embedded database cannot
/// afford that. Statements here take microseconds, so running them on the caller's thread is cheaper than any hop.
/// The one long wait, SQLite's busy handler when another process holds the write lock, is bounded by `busy_timeout`.
///
/// Not thread-safe by itself: `ConnectionPool` hands a connection to one task at a time, which is what makes the
/// `@unchecked Sendable` sound.
final class NativeSQLiteConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    private var columnNames: [OpaquePointer: NativeSQLiteRow.ColumnIndex] = [:]
    static let statementCacheLimit = 512

    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
            if let handle { sqlite_nio_sqlite3_close_v2(handle) }
            throw NativeSQLiteError(code: status, message: "cannot open \(path): \(message)", sql: nil)
        }
        self.handle = handle
        sqlite_nio_sqlite3_extended_result_codes(handle, 1)
    }

    deinit { close() }

    /// Finalises every statement and closes the file.
    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements = [:]
        columnNames = [:]
        if let handle { sqlite_nio_sqlite3_close_v2(handle) }
        handle = nil
    }

    /// Runs one statement with its binds, calling `onRow` for each result row.
    func execute(_ sql: String, _ binds: [SQLiteData], onRow: (NativeSQLiteRow) throws -> Void) throws {
        guard let handle else { throw NativeSQLiteError(code: SQLITE_MISUSE, message: "connection is closed", sql: sql) }
        let statement = try prepared(sql, handle: handle)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (index, bind) in binds.enumerated() {
            let position = Int32(index + 1)
            let status: Int32
            switch bind {
            case .integer(let value): status = sqlite_nio_sqlite3_bind_int64(statement, position, Int64(value))
            case .float(let value): status = sqlite_nio_sqlite3_bind_double(statement, position, value)
            case .text(let value): status = sqlite_nio_sqlite3_bind_text(statement, position, value, -1, Self.transient)
            case .blob(let value):
                status = value.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob(statement, position, $0.baseAddress, Int32($0.count), Self.transient)
                }
            case .null: status = sqlite_nio_sqlite3_bind_null(statement, position)
            }
            guard status == SQLITE_OK else { throw error(status, sql: sql) }
        }
        let columns = columnNames[statement] ?? NativeSQLiteRow.ColumnIndex([])
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw error(status, sql: sql) }
            var values: [SQLiteData] = []
            values.reserveCapacity(columns.names.count)
            for column in 0..<Int32(columns.names.count) {
                values.append(Self.value(statement, column))
            }
            try onRow(NativeSQLiteRow(columns: columns, values: values))
        }
    }

    /// Runs statements without binds or results (pragmas, BEGIN, COMMIT).
    func execute(_ sql: String) throws {
        try execute(sql, []) { _ in }
    }

    private func prepared(_ sql: String, handle: OpaquePointer) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        if statements.count >= Self.statementCacheLimit {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
            statements = [:]
            columnNames = [:]
        }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status, sql: sql) }
        let count = sqlite_nio_sqlite3_column_count(statement)
        columnNames[statement] = NativeSQLiteRow.ColumnIndex(
            (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) })
        statements[sql] = statement
        return statement
    }

    private static func value(_ statement: OpaquePointer, _ column: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT:
            return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .text("") }
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            guard length > 0, let bytes = sqlite_nio_sqlite3_column_blob(statement, column) else { return .blob(ByteBuffer()) }
            return .blob(ByteBuffer(bytes: UnsafeRawBufferPointer(start: bytes, count: length)))
        default:
            return .null
        }
    }

    private func error(_ status: Int32, sql: String?) -> NativeSQLiteError {
        let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "connection is closed"
        return NativeSQLiteError(code: status, message: message, sql: sql)
    }

    /// SQLite copies the bound bytes (`SQLITE_TRANSIENT`), so Swift strings and buffers need not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// A result row: column names shared by all rows of a statement, values decoded with SQLiteKit's rules.
///
/// The common column types (text, integers, booleans, doubles and their optionals) are read directly; everything
/// else goes through SQLiteKit's decoder. Reading rows was a third of the cost of a 50-row page before this.
struct NativeSQLiteRow: SQLRow, @unchecked Sendable {
    let columns: ColumnIndex
    let values: [SQLiteData]

    /// Column names and their positions, built once per prepared statement.
    final class ColumnIndex: @unchecked Sendable {
        let names: [String]
        let positions: [String: Int]

        init(_ names: [String]) {
            self.names = names
            self.positions = Dictionary(names.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        }
    }

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.positions[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let index = columns.positions[column] else { throw MissingColumn(column: column) }
        return values[index] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let index = columns.positions[column] else { throw MissingColumn(column: column) }
        let value = values[index]
        switch (value, type) {
        case (.text(let text), is String.Type), (.text(let text), is String?.Type): return text as! D
        case (.integer(let number), is Int.Type), (.integer(let number), is Int?.Type): return number as! D
        case (.integer(let number), is Int64.Type), (.integer(let number), is Int64?.Type): return Int64(number) as! D
        case (.integer(let number), is Bool.Type), (.integer(let number), is Bool?.Type): return (number != 0) as! D
        case (.float(let number), is Double.Type), (.float(let number), is Double?.Type): return number as! D
        case (.null, is String?.Type): return String?.none as! D
        case (.null, is Int?.Type): return Int?.none as! D
        case (.null, is Int64?.Type): return Int64?.none as! D
        case (.null, is Bool?.Type): return Bool?.none as! D
        case (.null, is Double?.Type): return Double?.none as! D
        default: return try SQLiteDataDecoder().decode(D.self, from: value)
        }
    }

    struct MissingColumn: Error, CustomStringConvertible {
        let column: String
        var description: String { "no column \(column) in the result" }
    }
}

/// A failure reported by SQLite, with its (extended) result code and the statement.
struct NativeSQLiteError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    let sql: String?

    var description: String { "SQLite error \(code): \(message)" + (sql.map { " in «\($0.prefix(200))»" } ?? "") }

    /// `SQLITE_CONSTRAINT` and its extended codes (unique, foreign key, check).
    var isConstraintViolation: Bool { code & 0xFF == SQLITE_CONSTRAINT }
}

/// Bulk loading on SQLite: multi-row `INSERT` statements (prepared once per shape and cached), values bound directly.
struct NativeSQLiteBulkCopier: BulkCopier, @unchecked Sendable {
    let connection: NativeSQLiteConnection

    func copy(into table: String, columns: [String], rows: [[BulkValue]]) async throws {
        let rowsPerStatement = StorageLimits.rowsPerInsert(columns: columns.count)
        let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let prefix = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + rowsPerStatement, rows.count)]
            let sql = prefix + Array(repeating: placeholders, count: chunk.count).joined(separator: ", ")
            var binds: [SQLiteData] = []
            binds.reserveCapacity(chunk.count * columns.count)
            for row in chunk {
                for value in row {
                    switch value {
                    case .null: binds.append(.null)
                    case .integer(let number): binds.append(.integer(Int(number)))
                    case .text(let text): binds.append(.text(text))
                    }
                }
            }
            try connection.execute(sql, binds) { _ in }
            start += chunk.count
        }
    }
}
