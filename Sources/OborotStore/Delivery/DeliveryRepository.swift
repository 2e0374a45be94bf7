public import OborotDomain
public import Foundation
import SQLKit

/// One addressee's line in the sender's delivery sheet: the delivery with what its status depends on.
public struct DeliverySheetLine: Sendable, Equatable {
    public var delivery: Delivery
    public var recipientName: String
    public var incomingState: DocumentState
    public var registeredNumber: String?
    public var registeredDate: CalendarDate?
    public var hasAssignments: Bool

    public var status: DeliveryStatus {
        DeliveryStatus.of(
            DeliveryStatus.Facts(
                refused: delivery.refusal != nil, incomingState: incomingState, registeredNumber: registeredNumber,
                hasAssignments: hasAssignments, answered: delivery.answerDocumentID != nil))
    }
}

/// Deliveries between our organisations. Rules are the domain's (`DeliveryRules`); callers check them first.
public struct DeliveryRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    static let columns = [
        "id", "sent_document_id", "sender_organization_id", "recipient_organization_id", "incoming_document_id",
        "refusal_reason", "refused_by_user_id", "refused_at", "answer_document_id", "sent_by_user_id", "sent_at",
    ]

    struct Row: Codable, Sendable {
        var id: String
        var sentDocumentId: String
        var senderOrganizationId: String
        var recipientOrganizationId: String
        var incomingDocumentId: String
        var refusalReason: String?
        var refusedByUserId: String?
        var refusedAt: Int64?
        var answerDocumentId: String?
        var sentByUserId: String
        var sentAt: Int64

        func delivery() throws -> Delivery {
            var refusal: Delivery.Refusal?
            if let refusalReason, let refusedByUserId, let refusedAt {
                refusal = Delivery.Refusal(
                    reason: refusalReason, byUserID: try UUID.stored(refusedByUserId), at: Date(unixMilliseconds: refusedAt))
            }
            return Delivery(
                id: try UUID.stored(id), sentDocumentID: try UUID.stored(sentDocumentId),
                senderOrganizationID: try UUID.stored(senderOrganizationId),
                recipientOrganizationID: try UUID.stored(recipientOrganizationId),
                incomingDocumentID: try UUID.stored(incomingDocumentId), refusal: refusal,
                answerDocumentID: try answerDocumentId.map(UUID.stored), sentByUserID: try UUID.stored(sentByUserId),
                sentAt: Date(unixMilliseconds: sentAt))
        }
    }

    /// Stores new deliveries in one bulk statement: a letter to every municipality is one write, not hundreds.
    public func insert(_ deliveries: [Delivery]) async throws {
        try await db.bulk.copy(
            into: "deliveries", columns: Self.columns,
            rows: deliveries.map { d in
                [
                    .text(d.id.lowercasedString), .text(d.sentDocumentID.lowercasedString),
                    .text(d.senderOrganizationID.lowercasedString), .text(d.recipientOrganizationID.lowercasedString),
                    .text(d.incomingDocumentID.lowercasedString), .of(d.refusal?.reason),
                    .of(d.refusal?.byUserID.lowercasedString), .of(d.refusal?.at.unixMilliseconds),
                    .of(d.answerDocumentID?.lowercasedString), .text(d.sentByUserID.lowercasedString),
                    .integer(d.sentAt.unixMilliseconds),
                ]
            })
    }

    /// The organisations that already hold a copy of `documentID`.
    public func recipients(ofSent documentID: UUID) async throws -> Set<UUID> {
        let rows = try await db.sql.select().column("recipient_organization_id").from("deliveries")
            .where("sent_document_id", .equal, documentID.lowercasedString).all()
        return Set(try rows.map { try UUID.stored($0.decode(column: "recipient_organization_id", as: String.self)) })
    }

    /// The delivery that created the incoming card `documentID`, if it came that way.
    public func find(incomingDocumentID documentID: UUID, lockingRow: Bool = false) async throws -> Delivery? {
        try await db.sql.raw(
            "SELECT * FROM deliveries WHERE incoming_document_id = \(bind: documentID.lowercasedString)\(unsafeRaw: lockingRow ? db.dialect.lockRowsClause : "")"
        ).row(Row.self)?.delivery()
    }

    /// The sender's sheet: every addressee's copy with the recipient's name and the state of its incoming card.
    public func sheet(ofSent documentID: UUID) async throws -> [DeliverySheetLine] {
        let rows = try await db.sql.raw(
            """
            SELECT v.*, o.short_name AS recipient_name, i.state AS incoming_state,
                i.registration_number AS incoming_number, i.registration_date AS incoming_date,
                CASE WHEN EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = i.id) THEN 1 ELSE 0 END AS has_assignments
            FROM deliveries v
            JOIN organizations o ON o.id = v.recipient_organization_id
            JOIN documents i ON i.id = v.incoming_document_id
            WHERE v.sent_document_id = \(bind: documentID.lowercasedString)
            """
        ).all()
        return try rows.map { row in
            let stored = try row.decode(model: Row.self, with: StorageCoding.decoder)
            return DeliverySheetLine(
                delivery: try stored.delivery(), recipientName: try row.decode(column: "recipient_name", as: String.self),
                incomingState: DocumentState(rawValue: try row.decode(column: "incoming_state", as: String.self)) ?? .draft,
                registeredNumber: try row.decode(column: "incoming_number", as: String?.self),
                registeredDate: try row.decode(column: "incoming_date", as: String?.self).flatMap(CalendarDate.init(iso:)),
                hasAssignments: try row.decode(column: "has_assignments", as: Int.self) != 0)
        }
        // Sorted here: SQLite compares names byte by byte, PostgreSQL by the database's collation.
        .sorted { ($0.recipientName, $0.delivery.id.uuidString) < ($1.recipientName, $1.delivery.id.uuidString) }
    }

    public func refuse(_ deliveryID: UUID, refusal: Delivery.Refusal) async throws {
        try await db.sql.update("deliveries")
            .set("refusal_reason", to: refusal.reason)
            .set("refused_by_user_id", to: refusal.byUserID.lowercasedString)
            .set("refused_at", to: refusal.at.unixMilliseconds)
            .where("id", .equal, deliveryID.lowercasedString).run()
    }

    public func recordAnswer(_ deliveryID: UUID, answerDocumentID: UUID) async throws {
        try await db.sql.update("deliveries").set("answer_document_id", to: answerDocumentID.lowercasedString)
            .where("id", .equal, deliveryID.lowercasedString).run()
    }

    /// Registered letters of one organisation (not its subtree) of a registration day, with their addressees, for
    /// the dispatch register; only kinds that are sent and only the given delivery methods.
    /// ДСП letters only for those given access to them, as everywhere.
    public func registeredLetters(
        organizationID: UUID, on date: CalendarDate, methods: Set<DeliveryMethod>, visibleTo actor: Actor
    ) async throws -> [Document] {
        guard !methods.isEmpty else { return [] }
        let rows = try await db.sql.raw(
            """
            SELECT * FROM documents d WHERE d.organization_id = \(bind: organizationID.lowercasedString)
                AND \(DocumentVisibility.condition(for: actor))
                AND d.registration_date = \(bind: date.iso)
                AND d.kind IN (\(binds: DeliveryRules.sendableKinds.map(\.rawValue).sorted()))
                AND d.delivery_method IN (\(binds: methods.map(\.rawValue).sorted()))
            ORDER BY d.numbering_year, d.sequence LIMIT 5000
            """
        ).readRows(DocumentRow.self)
        let documents = DocumentRepository(db)
        var result: [Document] = []
        for row in rows {
            let id = try UUID.stored(row.id)
            result.append(try row.document(addressees: try await documents.addressees(of: id)))
        }
        return result
    }

    /// The active registrars who serve each organisation: its own, or — for a small body with none — those of the
    /// nearest organisation above it that has some. They are told about incoming cards and given ДСП access.
    public func registrars(serving organizations: [Organization]) async throws -> [UUID: [UUID]] {
        guard !organizations.isEmpty else { return [:] }
        let rows = try await db.sql.raw(
            """
            SELECT g.user_id, g.organization_id FROM role_grants g JOIN users u ON u.id = g.user_id
            WHERE g.role = \(bind: Role.registrar.rawValue) AND u.active = \(bind: true)
            """
        ).all()
        var byOrganization: [String: [UUID]] = [:]
        for row in rows {
            byOrganization[try row.decode(column: "organization_id", as: String.self), default: []]
                .append(try UUID.stored(row.decode(column: "user_id", as: String.self)))
        }
        var result: [UUID: [UUID]] = [:]
        for organization in organizations {
            // The path lists the organisation's ancestors from the root: look from the organisation itself upwards.
            let chain = organization.path.rawValue.split(separator: "/").reversed()
            result[organization.id] = chain.lazy.compactMap { byOrganization[String($0)] }.first ?? []
        }
        return result
    }
}
