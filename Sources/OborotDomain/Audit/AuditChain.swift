public import Foundation
import Crypto

/// The hash chain over audit events: how an event is hashed, and how a whole log is verified.
///
/// Each event's hash covers the previous event's hash, so changing, removing or reordering any stored event breaks
/// every hash after it. The canonical form is length-prefixed so no choice of field contents can collide.
public enum AuditChain {
    /// The `previousHash` of the first event.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Seals a record as the event after `previous` (nil for the first event).
    public static func seal(
        _ record: AuditRecord, after previous: (sequence: Int64, hash: String)?, at instant: Date
    ) -> AuditEvent {
        var event = AuditEvent(
            sequence: (previous?.sequence ?? 0) + 1, occurredAt: instant, actorUserID: record.actorUserID,
            actingForUserID: record.actingForUserID, action: record.action, objectType: record.objectType,
            objectID: record.objectID, summary: record.summary, clientAddress: record.clientAddress,
            previousHash: previous?.hash ?? genesisHash, hash: "")
        event.hash = hash(of: event)
        return event
    }

    /// The hash an event must carry, computed from its fields and `previousHash`.
    public static func hash(of event: AuditEvent) -> String {
        let digest = SHA256.hash(data: Data((event.previousHash + canonicalForm(of: event)).utf8))
        return Hex.encode(digest)
    }

    /// The event's fields as one unambiguous string: version tag, then each field as `length:value`.
    public static func canonicalForm(of event: AuditEvent) -> String {
        let fields: [String] = [
            String(event.sequence),
            String(Int64((event.occurredAt.timeIntervalSince1970 * 1000).rounded())),
            event.actorUserID?.lowercasedString ?? "",
            event.actingForUserID?.lowercasedString ?? "",
            event.action,
            event.objectType,
            event.objectID,
            event.summary,
            event.clientAddress ?? "",
        ]
        return "oborot-audit-v1|" + fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
    }
}

/// Walks a log in order and reports the first event that breaks the chain. Feed it page by page.
public struct AuditVerifier: Sendable {
    /// Why an event does not fit the chain.
    public enum Break: Sendable, Equatable, CustomStringConvertible {
        case sequenceGap(expected: Int64, found: Int64)
        case previousHashMismatch(sequence: Int64)
        case hashMismatch(sequence: Int64)
        /// The newest events are gone: the chain is intact but ends before the recorded head.
        case truncated(lastStored: Int64, head: Int64)

        public var sequence: Int64 {
            switch self {
            case .sequenceGap(let expected, _): expected
            case .previousHashMismatch(let sequence), .hashMismatch(let sequence): sequence
            case .truncated(let lastStored, _): lastStored + 1
            }
        }

        public var description: String {
            switch self {
            case .sequenceGap(let expected, let found):
                "event \(expected) is missing (next stored event is \(found))"
            case .previousHashMismatch(let sequence):
                "event \(sequence) does not point at the hash of the event before it"
            case .hashMismatch(let sequence):
                "event \(sequence) was changed after it was written (its hash does not match its content)"
            case .truncated(let lastStored, let head):
                "events \(lastStored + 1)…\(head) were removed from the end of the log"
            }
        }
    }

    public private(set) var checked: Int64 = 0
    private var lastHash = AuditChain.genesisHash

    public init() {}

    /// Checks the next event; returns the break, if any. After a break the verifier should not be fed further.
    public mutating func check(_ event: AuditEvent) -> Break? {
        let expected = checked + 1
        guard event.sequence == expected else { return .sequenceGap(expected: expected, found: event.sequence) }
        guard event.previousHash == lastHash else { return .previousHashMismatch(sequence: event.sequence) }
        guard AuditChain.hash(of: event) == event.hash else { return .hashMismatch(sequence: event.sequence) }
        checked = expected
        lastHash = event.hash
        return nil
    }
}
