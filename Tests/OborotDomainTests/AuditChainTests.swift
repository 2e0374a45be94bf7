import Foundation
import OborotDomain
import Testing

@Suite("Цепочка хешей журнала аудита")
struct AuditChainTests {
    static func record(_ index: Int) -> AuditRecord {
        AuditRecord(
            actorUserID: UUID(), actingForUserID: index.isMultiple(of: 2) ? UUID() : nil, action: "test.action\(index)",
            objectType: "organization", objectID: "id-\(index)", summary: "Событие № \(index)",
            clientAddress: "10.0.0.\(index)")
    }

    static func chain(_ count: Int) -> [AuditEvent] {
        var events: [AuditEvent] = []
        for index in 1...count {
            let previous = events.last.map { (sequence: $0.sequence, hash: $0.hash) }
            events.append(AuditChain.seal(record(index), after: previous, at: Date(timeIntervalSince1970: Double(index))))
        }
        return events
    }

    static func verify(_ events: [AuditEvent]) -> AuditVerifier.Break? {
        var verifier = AuditVerifier()
        for event in events {
            if let broken = verifier.check(event) { return broken }
        }
        return nil
    }

    @Test("a sealed chain verifies and starts from the genesis hash")
    func intact() {
        let events = Self.chain(10)
        #expect(events[0].previousHash == AuditChain.genesisHash)
        #expect(events.map(\.sequence) == Array(1...10))
        #expect(Self.verify(events) == nil)
        #expect(Set(events.map(\.hash)).count == 10)
        #expect(events.allSatisfy { $0.hash.count == 64 })
    }

    /// Every stored field is covered by the hash: changing any one of them is caught at that event.
    @Test("changing any field of an event is caught", arguments: 0..<9)
    func tampering(field: Int) {
        var events = Self.chain(5)
        var event = events[2]
        switch field {
        case 0: event.summary += "!"
        case 1: event.action = "other"
        case 2: event.objectID = "other"
        case 3: event.objectType = "user"
        case 4: event.actorUserID = UUID()
        case 5: event.actingForUserID = UUID()
        case 6: event.clientAddress = "127.0.0.1"
        case 7: event.occurredAt = event.occurredAt.addingTimeInterval(1)
        default: event.previousHash = AuditChain.genesisHash
        }
        events[2] = event
        let broken = Self.verify(events)
        #expect(broken?.sequence == 3)
    }

    @Test("rehashing a changed event does not help: the next event no longer points at it")
    func rehash() {
        var events = Self.chain(5)
        events[1].summary = "Подделка"
        events[1].hash = AuditChain.hash(of: events[1])
        #expect(Self.verify(events) == .previousHashMismatch(sequence: 3))
    }

    @Test("removed and reordered events are caught")
    func removalAndOrder() {
        var events = Self.chain(6)
        events.remove(at: 3)
        #expect(Self.verify(events) == .sequenceGap(expected: 4, found: 5))
        var swapped = Self.chain(6)
        swapped.swapAt(2, 3)
        #expect(Self.verify(swapped)?.sequence == 3)
    }

    @Test("field boundaries cannot be shifted to forge the same canonical form")
    func unambiguous() {
        var first = Self.chain(1)[0]
        var second = first
        first.action = "a|b"
        first.objectType = "c"
        second.action = "a"
        second.objectType = "b|c"
        #expect(AuditChain.canonicalForm(of: first) != AuditChain.canonicalForm(of: second))
    }

    @Test("breaks describe themselves in words")
    func descriptions() {
        #expect(AuditVerifier.Break.hashMismatch(sequence: 7).description.contains("7"))
        #expect(AuditVerifier.Break.truncated(lastStored: 3, head: 5).sequence == 4)
    }
}
