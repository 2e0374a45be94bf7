import Foundation
public import OborotDomain
import SQLKit

/// Appends to and reads the hash-chained audit log.
public struct AuditLog: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    /// Seals `record` after the current head and stores it. Call inside the write transaction of the change it
    /// describes, so the change and its event commit together or not at all.
    @discardableResult
    public func append(_ record: AuditRecord) async throws -> AuditEvent {
        // Locking the head row makes concurrent transactions (PostgreSQL, several instances) seal one at a time.
        let head = try await db.sql.raw(
            "SELECT sequence, hash FROM audit_head WHERE id = 1\(unsafeRaw: db.dialect.lockRowsClause)"
        ).first()
        guard let head else { throw CorruptRowError(detail: "audit_head is missing") }
        let previous = (
            sequence: try head.decode(column: "sequence", as: Int64.self),
            hash: try head.decode(column: "hash", as: String.self)
        )
        let event = AuditChain.seal(record, after: previous.sequence == 0 ? nil : previous, at: db.now)
        let row = AuditEventRow(event)
        try await db.sql.raw(
            """
            INSERT INTO audit_events (sequence, occurred_at, actor_user_id, acting_for_user_id, action, object_type,
                object_id, summary, client_address, previous_hash, hash)
            VALUES (\(binds: [row.sequence, row.occurredAt, row.actorUserId, row.actingForUserId, row.action, row.objectType,
                row.objectId, row.summary, row.clientAddress, row.previousHash, row.hash]))
            """
        ).run()
        try await db.sql.raw("UPDATE audit_head SET sequence = \(bind: event.sequence), hash = \(bind: event.hash) WHERE id = 1").run()
        return event
    }

    /// Seals several records in order with one lock of the head and one bulk insert: a letter delivered to every
    /// municipality writes hundreds of events, and three statements each would dominate the send.
    public func appendAll(_ records: [AuditRecord]) async throws {
        guard records.count > 1 else {
            if let record = records.first { _ = try await append(record) }
            return
        }
        let head = try await db.sql.raw(
            "SELECT sequence, hash FROM audit_head WHERE id = 1\(unsafeRaw: db.dialect.lockRowsClause)"
        ).first()
        guard let head else { throw CorruptRowError(detail: "audit_head is missing") }
        var previous = (
            sequence: try head.decode(column: "sequence", as: Int64.self),
            hash: try head.decode(column: "hash", as: String.self)
        )
        var rows: [[BulkValue]] = []
        rows.reserveCapacity(records.count)
        for record in records {
            let event = AuditChain.seal(record, after: previous.sequence == 0 ? nil : previous, at: db.now)
            let row = AuditEventRow(event)
            rows.append([
                .integer(row.sequence), .integer(row.occurredAt), .of(row.actorUserId), .of(row.actingForUserId),
                .text(row.action), .text(row.objectType), .text(row.objectId), .text(row.summary), .of(row.clientAddress),
                .text(row.previousHash), .text(row.hash),
            ])
            previous = (event.sequence, event.hash)
        }
        try await db.bulk.copy(
            into: "audit_events",
            columns: [
                "sequence", "occurred_at", "actor_user_id", "acting_for_user_id", "action", "object_type", "object_id",
                "summary", "client_address", "previous_hash", "hash",
            ],
            rows: rows)
        try await db.sql.raw("UPDATE audit_head SET sequence = \(bind: previous.sequence), hash = \(bind: previous.hash) WHERE id = 1").run()
    }

    /// Events in chain order, starting after `sequence`, at most `limit` of them.
    public func events(after sequence: Int64, limit: Int) async throws -> [AuditEvent] {
        try await db.sql.select().column("*").from("audit_events")
            .where("sequence", .greaterThan, sequence)
            .orderBy("sequence").limit(limit)
            .rows(AuditEventRow.self)
            .map { try $0.event() }
    }

    /// The latest events about one object, newest first.
    public func events(objectType: String, objectID: String, limit: Int) async throws -> [AuditEvent] {
        try await db.sql.select().column("*").from("audit_events")
            .where("object_type", .equal, objectType).where("object_id", .equal, objectID)
            .orderBy("sequence", .descending).limit(limit)
            .rows(AuditEventRow.self)
            .map { try $0.event() }
    }

    /// The newest events, newest first.
    public func latest(limit: Int) async throws -> [AuditEvent] {
        try await db.sql.select().column("*").from("audit_events")
            .orderBy("sequence", .descending).limit(limit)
            .rows(AuditEventRow.self)
            .map { try $0.event() }
    }

    /// Number of events and the head's sequence, which must agree.
    public func count() async throws -> Int64 {
        let row = try await db.sql.raw("SELECT COUNT(*) AS n FROM audit_events").first()
        return try row?.decode(column: "n", as: Int64.self) ?? 0
    }
}

/// The storage shape of an audit event.
struct AuditEventRow: Codable, Sendable {
    var sequence: Int64
    var occurredAt: Int64
    var actorUserId: String?
    var actingForUserId: String?
    var action: String
    var objectType: String
    var objectId: String
    var summary: String
    var clientAddress: String?
    var previousHash: String
    var hash: String

    init(_ event: AuditEvent) {
        sequence = event.sequence
        occurredAt = event.occurredAt.unixMilliseconds
        actorUserId = event.actorUserID?.lowercasedString
        actingForUserId = event.actingForUserID?.lowercasedString
        action = event.action
        objectType = event.objectType
        objectId = event.objectID
        summary = event.summary
        clientAddress = event.clientAddress
        previousHash = event.previousHash
        hash = event.hash
    }

    func event() throws -> AuditEvent {
        AuditEvent(
            sequence: sequence, occurredAt: Date(unixMilliseconds: occurredAt),
            actorUserID: try actorUserId.map(UUID.stored), actingForUserID: try actingForUserId.map(UUID.stored),
            action: action, objectType: objectType, objectID: objectId, summary: summary,
            clientAddress: clientAddress, previousHash: previousHash, hash: hash)
    }
}
