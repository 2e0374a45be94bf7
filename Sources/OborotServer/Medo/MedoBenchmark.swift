public import Foundation
public import OborotStore
import OborotDomain
import OborotExchange
import SQLKit

/// What `oborot bench medo` measures: typical 2.7.1 packets (a PDF of `megabytes` with its signature) taken in
/// through the same path as the IN folder, each becoming an incoming card of the demo government.
public struct MedoBenchmark: Sendable {
    let inbox: MedoInbox
    let database: any Database
    let recipientName: String

    /// Over the demo region (its government receives the packets); nil when it is not loaded.
    public init?(database: any Database, configuration: ServerConfiguration) async throws {
        let name = try await database.read { db in
            try await db.sql.raw("SELECT full_name FROM organizations WHERE kind = 'regionalGovernment' LIMIT 1").first()?
                .decode(column: "full_name", as: String.self)
        }
        guard let name else { return nil }
        self.database = database
        recipientName = name
        inbox = MedoInbox(
            database: database, blobs: BlobStore(root: configuration.blobDirectory), quarantineDirectory: configuration.medoQuarantine)
    }

    /// Packet folders with distinct uids and distinct file contents (so every blob is really written).
    public func packets(count: Int, megabytes: Double) throws -> [[String: [UInt8]]] {
        let size = Int(megabytes * 1_048_576)
        return try (0..<count).map { index in
            var pdf = Array("%PDF-1.7\n% пакет \(index)\n".utf8)
            pdf += (0..<max(0, size - pdf.count)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }
            let uid = UUID().lowercasedString
            let document = MedoDocument(
                uid: uid, kind: "Письмо", number: "\(index + 1)/МБ", date: CalendarDate(year: 2026, month: 12, day: 1)!,
                annotation: "О представлении сведений № \(index + 1)", pages: 3,
                addressees: [MedoParticipant(organization: recipientName)],
                files: [MedoFile(name: "main.pdf", bytes: pdf, role: .main, signatures: [MedoSignature(name: "main.pdf.p7s", bytes: Array(repeating: 0x30, count: 2048))])])
            let packet = MedoPacket(
                version: "2.7.1",
                header: MedoHeader(type: .document, uid: "p-\(uid)", created: Date(), sourceUID: "BENCH-FED-01", sourceOrganization: "Федеральное министерство (нагрузочный тест)"),
                content: .document(document))
            return try MedoPacketWriter.write(packet).get()
        }
    }

    /// Takes in one packet; returns whether it became a card.
    public func receive(_ files: [String: [UInt8]]) async throws -> Bool {
        try await inbox.receive(files: files, source: "bench").state == .received
    }
}
