public import OborotDomain
public import Foundation
import SQLKit

/// Links between documents, read from both ends.
public struct DocumentLinkRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    struct Row: Codable, Sendable {
        var id: String
        var fromDocumentId: String
        var toDocumentId: String
        var kind: String
        var createdByUserId: String
        var createdAt: Int64

        func link() throws -> DocumentLink {
            guard let kind = DocumentLinkKind(rawValue: kind) else { throw CorruptRowError(detail: "link kind \(kind)") }
            return DocumentLink(
                id: try UUID.stored(id), fromDocumentID: try UUID.stored(fromDocumentId),
                toDocumentID: try UUID.stored(toDocumentId), kind: kind)
        }
    }

    /// Links from and to a document.
    public func links(of documentID: UUID) async throws -> [DocumentLink] {
        let id = documentID.lowercasedString
        return try await db.sql.select().column("*").from("document_links")
            .where("from_document_id", .equal, id).orWhere("to_document_id", .equal, id)
            .orderBy("created_at")
            .rows(Row.self).map { try $0.link() }
    }

    public func find(_ id: UUID) async throws -> DocumentLink? {
        try await db.sql.select().column("*").from("document_links").where("id", .equal, id.lowercasedString)
            .row(Row.self)?.link()
    }

    /// Stores a link; the same link twice is a conflict.
    public func insert(_ link: DocumentLink, createdBy: UUID) async throws {
        let exists = try await db.sql.select().column("id").from("document_links")
            .where("from_document_id", .equal, link.fromDocumentID.lowercasedString)
            .where("to_document_id", .equal, link.toDocumentID.lowercasedString)
            .where("kind", .equal, link.kind.rawValue).first()
        if exists != nil { throw OborotError.linkExists }
        try await db.sql.insert(into: "document_links").rows([
            Row(
                id: link.id.lowercasedString, fromDocumentId: link.fromDocumentID.lowercasedString,
                toDocumentId: link.toDocumentID.lowercasedString, kind: link.kind.rawValue,
                createdByUserId: createdBy.lowercasedString, createdAt: db.now.unixMilliseconds)
        ]).run()
    }

    public func delete(_ id: UUID) async throws {
        try await db.sql.delete(from: "document_links").where("id", .equal, id.lowercasedString).run()
    }
}

extension OborotError {
    static let linkExists = OborotError(
        .conflict, code: "link_exists", title: "Связь уже есть", detail: "Такая связь между документами уже записана.")
}
