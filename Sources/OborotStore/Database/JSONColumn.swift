import Foundation

/// Values kept as JSON text in one column (a visitor, a recurrence, a verified identity): written compactly, and read
/// back with a `CorruptRowError` naming the row when the text is not what was written.
enum JSONColumn {
    static func text<T: Encodable>(_ value: T) throws -> String { String(decoding: try JSONEncoder().encode(value), as: UTF8.self) }

    static func value<T: Decodable>(_ type: T.Type, _ text: String, _ what: String) throws -> T {
        do { return try JSONDecoder().decode(type, from: Data(text.utf8)) } catch { throw CorruptRowError(detail: "\(what): \(error)") }
    }
}
