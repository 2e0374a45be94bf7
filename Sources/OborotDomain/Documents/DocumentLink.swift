public import Foundation

/// How one document refers to another; each kind reads differently from either end.
public enum DocumentLinkKind: String, Sendable, CaseIterable, Codable {
    case inReplyTo
    case inExecutionOf
    case amends
    case cancels
    case repeated
    case duplicate

    /// Seen from the document that holds the link.
    public var forwardName: String {
        switch self {
        case .inReplyTo: "В ответ на"
        case .inExecutionOf: "Во исполнение"
        case .amends: "Вносит изменения в"
        case .cancels: "Отменяет"
        case .repeated: "Повторный к"
        case .duplicate: "Дубликат"
        }
    }

    /// Seen from the document the link points at.
    public var backwardName: String {
        switch self {
        case .inReplyTo: "Ответ"
        case .inExecutionOf: "Исполнен документом"
        case .amends: "Изменён документом"
        case .cancels: "Отменён документом"
        case .repeated: "Повторное обращение"
        case .duplicate: "Дубликат"
        }
    }
}

/// A link from one document to another.
public struct DocumentLink: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var fromDocumentID: UUID
    public var toDocumentID: UUID
    public var kind: DocumentLinkKind

    public init(id: UUID, fromDocumentID: UUID, toDocumentID: UUID, kind: DocumentLinkKind) {
        self.id = id
        self.fromDocumentID = fromDocumentID
        self.toDocumentID = toDocumentID
        self.kind = kind
    }

    /// A document cannot refer to itself.
    public static func problems(from: UUID, to: UUID) -> [FieldProblem] {
        from == to
            ? [FieldProblem(field: "toDocumentId", code: "self_link", message: "Документ не может ссылаться сам на себя.")]
            : []
    }
}
