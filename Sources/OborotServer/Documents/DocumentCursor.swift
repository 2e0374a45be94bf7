import Foundation
import OborotDomain
import OborotStore

/// The opaque `cursor` of document lists: where the previous page ended, in the list's own order.
enum DocumentCursor {
    static func encode(after item: DocumentListItem, order: DocumentOrder) -> String {
        let text: String
        switch order {
        case .newest: text = "n:\(item.createdAt.unixMilliseconds):\(item.id.lowercasedString)"
        case .register: text = "r:\(item.numberingYear ?? 0):\(item.sequence ?? 0)"
        }
        return OpaqueCursor.encode(text)
    }

    /// The order to continue in; a cursor that is not ours is a `422` rather than a silent first page.
    static func order(cursor: String?, registerOrder: Bool) throws -> DocumentOrder {
        guard let cursor, !cursor.isEmpty else { return registerOrder ? .register(after: nil) : .newest(after: nil) }
        guard let text = OpaqueCursor.decode(cursor) else { throw invalid }
        let parts = text.split(separator: ":").map(String.init)
        switch (parts.first, registerOrder) {
        case ("n", false) where parts.count == 3:
            guard let millis = Int64(parts[1]), let id = UUID(uuidString: parts[2]) else { throw invalid }
            return .newest(after: (Date(unixMilliseconds: millis), id))
        case ("r", true) where parts.count == 3:
            guard let year = Int(parts[1]), let sequence = Int(parts[2]) else { throw invalid }
            return .register(after: (year, sequence))
        default:
            throw invalid
        }
    }

    static let invalid = OborotError.validation([
        FieldProblem(field: "cursor", code: "invalid_cursor", message: "Курсор страницы повреждён или относится к другому списку. Начните с первой страницы.")
    ])
}
