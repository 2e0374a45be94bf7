public import Foundation

extension Date {
    /// Instants are stored as Unix milliseconds in a BIGINT column, the same on both databases.
    public var unixMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    public init(unixMilliseconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(unixMilliseconds) / 1000)
    }
}

extension UUID {
    /// Parses an id read from our own tables; a malformed one means the row was written by something else.
    static func stored(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw CorruptRowError(detail: "bad id «\(text)»") }
        return id
    }
}

/// A row that our own code could not have written; reported, never silently skipped.
struct CorruptRowError: Error, CustomStringConvertible {
    let detail: String
    var description: String { "corrupt row: \(detail)" }
}
