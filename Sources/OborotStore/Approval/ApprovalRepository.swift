public import Foundation
public import OborotDomain
import SQLKit

/// Approval routes and their steps. A route is saved whole: changed steps are updated, new ones inserted, under the
/// route's version so two decisions at once cannot both be based on the same state.
public struct ApprovalRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    /// The document's route, if it ever had one; `lockingRow` orders concurrent decisions on PostgreSQL.
    public func route(documentID: UUID, lockingRow: Bool = false) async throws -> ApprovalRoute? {
        let lock = lockingRow ? db.dialect.lockRowsClause : ""
        guard let row = try await db.sql.raw(
            "SELECT * FROM approval_routes WHERE document_id = \(bind: documentID.lowercasedString)\(unsafeRaw: lock)"
        ).row(ApprovalRouteRow.self) else { return nil }
        let steps = try await db.sql.select().column("*").from("approval_steps").where("route_id", .equal, row.id)
            .orderBy("round").orderBy("stage").orderBy("position").rows(ApprovalStepRow.self).map { try $0.step() }
        return try row.route(steps: steps)
    }

    public func insert(_ route: ApprovalRoute) async throws {
        try await db.sql.insert(into: "approval_routes").rows([ApprovalRouteRow(route, now: db.now)]).run()
        try await insertSteps(route.steps, of: route)
    }

    /// Saves `route` over the stored `previous` if nobody changed it in between.
    public func save(_ route: ApprovalRoute, previous: ApprovalRoute) async throws {
        let updated = try await db.sql.update("approval_routes")
            .set("state", to: route.state.rawValue).set("round", to: route.round)
            .set("restart_mode", to: route.restartMode.rawValue).set("updated_at", to: db.now.unixMilliseconds)
            .set("version", to: route.version)
            .where("id", .equal, route.id.lowercasedString).where("version", .equal, previous.version)
            .returning("version").all()
        guard !updated.isEmpty else {
            throw OborotError.staleVersion(.approvalRoute, expected: previous.version, actual: previous.version + 1)
        }
        let before = Dictionary(uniqueKeysWithValues: previous.steps.map { ($0.id, $0) })
        try await insertSteps(route.steps.filter { before[$0.id] == nil }, of: route)
        for step in route.steps where before[step.id].map({ $0 != step }) == true {
            try await db.sql.update("approval_steps")
                .set("state", to: step.state.rawValue).set("deadline", to: step.deadline?.iso)
                .set("activated_at", to: step.activatedAt?.unixMilliseconds)
                .set("decided_at", to: step.decidedAt?.unixMilliseconds).set("comment", to: step.comment)
                .where("id", .equal, step.id.lowercasedString).run()
        }
    }

    private func insertSteps(_ steps: [ApprovalStep], of route: ApprovalRoute) async throws {
        guard !steps.isEmpty else { return }
        try await db.sql.insert(into: "approval_steps").rows(steps.map { ApprovalStepRow($0, route: route) }).run()
    }

    /// An inbox line: a step waiting for the person's decision, with the document it is about.
    public struct InboxItem: Sendable, Equatable {
        public var step: ApprovalStep
        public var documentID: UUID
        public var documentTitle: String
        public var documentKind: DocumentKind
    }

    /// The person's active steps («На согласование»), earliest deadline first.
    public func activeSteps(approverUserID: UUID, limit: Int) async throws -> [InboxItem] {
        let rows = try await db.sql.raw(
            """
            SELECT s.*, d.title AS document_title, d.kind AS document_kind FROM approval_steps s
            JOIN documents d ON d.id = s.document_id
            WHERE s.approver_user_id = \(bind: approverUserID.lowercasedString) AND s.state = 'active'
              AND d.state = 'draft' AND d.signed_at IS NULL
            ORDER BY s.deadline, s.id LIMIT \(unsafeRaw: String(limit))
            """
        ).all()
        return try rows.map { row in
            let step = try row.decode(model: ApprovalStepRow.self, with: StorageCoding.decoder).step()
            return InboxItem(
                step: step, documentID: try UUID.stored(try row.decode(column: "document_id", as: String.self)),
                documentTitle: try row.decode(column: "document_title", as: String.self),
                documentKind: DocumentKind(rawValue: try row.decode(column: "document_kind", as: String.self)) ?? .internal)
        }
    }

    /// A draft waiting for its signer: not signed yet, and its route (if any) approved.
    public struct AwaitingSignature: Sendable, Equatable {
        public var documentID: UUID
        public var title: String
        public var kind: DocumentKind
        public var createdAt: Date
    }

    /// «На подпись»: the signer's drafts that may be signed now, oldest first.
    public func awaitingSignature(signerEmployeeID: UUID, limit: Int) async throws -> [AwaitingSignature] {
        let rows = try await db.sql.raw(
            """
            SELECT d.id, d.title, d.kind, d.created_at FROM documents d
            LEFT JOIN approval_routes r ON r.document_id = d.id
            WHERE d.signer_employee_id = \(bind: signerEmployeeID.lowercasedString) AND d.state = 'draft' AND d.signed_at IS NULL
              AND (r.state IS NULL OR r.state = 'approved')
            ORDER BY d.created_at, d.id LIMIT \(unsafeRaw: String(limit))
            """
        ).all()
        return try rows.map { row in
            AwaitingSignature(
                documentID: try UUID.stored(try row.decode(column: "id", as: String.self)),
                title: try row.decode(column: "title", as: String.self),
                kind: DocumentKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .outgoing,
                createdAt: Date(unixMilliseconds: try row.decode(column: "created_at", as: Int64.self)))
        }
    }
}
