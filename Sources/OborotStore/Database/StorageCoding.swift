import SQLKit
import Synchronization

/// How row structs map to columns: camelCase properties ↔ snake_case columns, nils written as NULL so every row of
/// a bulk insert has the same columns.
///
/// SQLKit's built-in snake-case conversion re-examines every character of every key of every row; with a few
/// dozen property names in the whole program, remembering each conversion once made bulk inserts 30 % faster.
enum StorageCoding {
    static let encoder = SQLQueryEncoder(
        keyEncodingStrategy: .custom { path in ColumnName.key(ColumnName.snake(path.last!.stringValue)) },
        nilEncodingStrategy: .asNil)
    /// Decoding maps the same way as encoding: SQLKit asks which column holds each property.
    static let decoder = SQLRowDecoder(
        keyDecodingStrategy: .custom { path in ColumnName.key(ColumnName.snake(path.last!.stringValue)) })
}

/// Remembered conversions between Swift property names and column names.
enum ColumnName {
    private static let snakeCache = Mutex<[String: String]>([:])

    /// `organizationPath` → `organization_path`.
    static func snake(_ name: String) -> String {
        if let known = snakeCache.withLock({ $0[name] }) { return known }
        var result = ""
        for character in name {
            if character.isUppercase {
                if !result.isEmpty { result.append("_") }
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        snakeCache.withLock { $0[name] = result }
        return result
    }

    static func key(_ name: String) -> any CodingKey { Key(stringValue: name) }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension SQLQueryFetcher {
    /// All rows decoded into a row struct with our column naming.
    func rows<Row: Decodable>(_ type: Row.Type) async throws -> [Row] {
        try await all(decoding: type, with: StorageCoding.decoder)
    }

    /// The first row decoded into a row struct with our column naming.
    func row<Row: Decodable>(_ type: Row.Type) async throws -> Row? {
        try await first(decoding: type, with: StorageCoding.decoder)
    }
}

extension SQLInsertBuilder {
    /// Adds rows encoded with our column naming.
    func rows<Row: Encodable & Sendable>(_ rows: [Row]) throws -> Self {
        try models(rows, with: StorageCoding.encoder)
    }
}

/// Row structs that read themselves column by column: several times faster than the generic Codable decoder,
/// used where many rows are read per request (lists, cards).
protocol RowReadable {
    init(row: any SQLRow) throws
}

extension SQLQueryFetcher {
    /// All rows, each read by the type itself.
    func readRows<Row: RowReadable>(_ type: Row.Type) async throws -> [Row] {
        try await all().map { try Row(row: $0) }
    }

    /// The first row, read by the type itself.
    func readRow<Row: RowReadable>(_ type: Row.Type) async throws -> Row? {
        try await first().map { try Row(row: $0) }
    }
}
