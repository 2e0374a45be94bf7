public import Foundation

/// One entry of the tamper-evident audit log: who did what to which object, when and from where.
public struct AuditEvent: Sendable, Equatable {
    /// Position in the chain, from 1 without gaps.
    public var sequence: Int64
    public var occurredAt: Date
    /// The person who performed the action; nil for the system itself (migrations, demo loading, jobs).
    public var actorUserID: UUID?
    /// The head an assistant acted for, when one did.
    public var actingForUserID: UUID?
    /// Stable action code, e.g. `organization.create`.
    public var action: String
    public var objectType: String
    public var objectID: String
    /// A Russian sentence for people reading the log.
    public var summary: String
    public var clientAddress: String?
    /// Hash of the previous event (64 zeros for the first).
    public var previousHash: String
    /// SHA-256 over `previousHash` and this event's canonical form, lowercase hex.
    public var hash: String

    public init(
        sequence: Int64, occurredAt: Date, actorUserID: UUID?, actingForUserID: UUID?, action: String,
        objectType: String, objectID: String, summary: String, clientAddress: String?, previousHash: String,
        hash: String
    ) {
        self.sequence = sequence
        self.occurredAt = occurredAt
        self.actorUserID = actorUserID
        self.actingForUserID = actingForUserID
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.summary = summary
        self.clientAddress = clientAddress
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// What a write wants recorded; the store turns it into a chained `AuditEvent` inside the same transaction.
public struct AuditRecord: Sendable, Equatable {
    public var actorUserID: UUID?
    public var actingForUserID: UUID?
    public var action: String
    public var objectType: String
    public var objectID: String
    public var summary: String
    public var clientAddress: String?

    public init(
        actorUserID: UUID?, actingForUserID: UUID?, action: String, objectType: String, objectID: String,
        summary: String, clientAddress: String?
    ) {
        self.actorUserID = actorUserID
        self.actingForUserID = actingForUserID
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.summary = summary
        self.clientAddress = clientAddress
    }
}
