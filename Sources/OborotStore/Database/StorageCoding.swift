import SQLKit

/// How row structs map to columns: camelCase properties ↔ snake_case columns, nils written as NULL so every row of
/// a bulk insert has the same columns.
enum StorageCoding {
    static let encoder = SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
    static let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)
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
