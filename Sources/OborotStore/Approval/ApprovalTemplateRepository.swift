public import Foundation
public import OborotDomain
import SQLKit

/// Reusable approval routes of organisations.
public struct ApprovalTemplateRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    struct Row: Codable, Sendable {
        var id: String
        var organizationId: String
        var kind: String
        var name: String
        var stagesJson: String
        var createdByUserId: String
        var createdAt: Int64

        func template() throws -> ApprovalTemplate {
            ApprovalTemplate(
                id: try UUID.stored(id), organizationID: try UUID.stored(organizationId),
                kind: DocumentKind(rawValue: kind) ?? .outgoing, name: name,
                stages: try JSONDecoder().decode([[ApprovalTemplate.Approver]].self, from: Data(stagesJson.utf8)),
                createdByUserID: try UUID.stored(createdByUserId), createdAt: Date(unixMilliseconds: createdAt))
        }
    }

    public func insert(_ template: ApprovalTemplate) async throws {
        let stages = String(decoding: try JSONEncoder().encode(template.stages), as: UTF8.self)
        try await db.sql.insert(into: "approval_templates").rows([
            Row(
                id: template.id.lowercasedString, organizationId: template.organizationID.lowercasedString,
                kind: template.kind.rawValue, name: template.name, stagesJson: stages,
                createdByUserId: template.createdByUserID.lowercasedString, createdAt: template.createdAt.unixMilliseconds)
        ]).run()
    }

    /// An organisation's templates, for one kind or all, by name.
    public func list(organizationID: UUID, kind: DocumentKind?) async throws -> [ApprovalTemplate] {
        var query = db.sql.select().column("*").from("approval_templates")
            .where("organization_id", .equal, organizationID.lowercasedString)
        if let kind { query = query.where("kind", .equal, kind.rawValue) }
        return try await query.orderBy("name").rows(Row.self).map { try $0.template() }
    }

    public func find(_ id: UUID) async throws -> ApprovalTemplate? {
        try await db.sql.select().column("*").from("approval_templates").where("id", .equal, id.lowercasedString)
            .row(Row.self)?.template()
    }
}
