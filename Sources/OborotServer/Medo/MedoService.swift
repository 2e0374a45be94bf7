import Foundation
import OborotDomain
import OborotStore

/// Who may do what with the exchange.
///
/// | action | who |
/// |---|---|
/// | upload a packet, see packets and the quarantine | a registrar or administrator anywhere (packets arrive for the whole region) |
/// | see a packet's XML | administrators |
/// | see a document's exchange log | whoever may see the document |
/// | edit the participants directory | administrators |
struct MedoService: Sendable {
    let database: any Database
    let inbox: MedoInbox

    static let clerkPolicy = AccessPolicy("делопроизводитель или администратор") {
        $0.holdsAnywhere(.registrar) || $0.holdsAnywhere(.admin)
    }
    static let adminPolicy = AccessPolicy("администратор") { $0.holdsAnywhere(.admin) }

    /// The largest uploaded packet: a container with its attachments, well over the typical 2 MB.
    static let maxUploadBytes = 250 << 20

    func upload(_ caller: Caller, zip: [UInt8]) async throws -> MedoPacketRecord {
        try caller.actor.require(Self.clerkPolicy)
        return try await inbox.receive(upload: zip, by: caller.actor.performingUserID)
    }

    func packets(_ caller: Caller, direction: MedoDirection?, state: MedoPacketState?, limit: Int) async throws -> [MedoPacketRecord] {
        try caller.actor.require(Self.clerkPolicy)
        return try await database.read {
            try await MedoRepository($0).list(
                direction: direction, state: state, limit: limit, visibleTo: caller.actor, seesUnaddressed: Self.isRegionClerk(caller.actor))
        }
    }

    func packet(_ caller: Caller, id: UUID) async throws -> MedoPacketRecord {
        try caller.actor.require(Self.clerkPolicy)
        return try await database.read { db in
            guard var packet = try await MedoRepository(db).find(id) else { throw OborotError.notFound(.medoPacket) }
            if let documentID = packet.documentID {
                _ = try await DocumentRepository(db).visible(documentID, to: caller.actor)
            } else if !Self.isRegionClerk(caller.actor) {
                throw OborotError.notFound(.medoPacket)
            }
            // The XML holds every requisite, ДСП ones too: for the region's administrators only.
            if !Self.isRegionAdmin(caller.actor) { packet.messageXML = nil }
            return packet
        }
    }

    /// A packet about no card (quarantined, unmatched) may concern any body: it is for the region's own clerks —
    /// registrars or administrators over a root of the tree.
    static func isRegionClerk(_ actor: Actor) -> Bool {
        actor.grants.contains { ($0.role == .registrar || $0.role == .admin) && $0.organizationPath.depth == 0 }
    }

    static func isRegionAdmin(_ actor: Actor) -> Bool {
        actor.grants.contains { $0.role == .admin && $0.organizationPath.depth == 0 }
    }

    func log(_ caller: Caller, documentID: UUID) async throws -> [MedoPacketRecord] {
        try await database.read { db in
            _ = try await DocumentRepository(db).visible(documentID, to: caller.actor)
            return try await MedoRepository(db).log(documentID: documentID)
        }
    }

    func participants(_ caller: Caller) async throws -> [MedoParticipantRecord] {
        try caller.actor.require(Self.clerkPolicy)
        return try await database.read { try await MedoRepository($0).participants(limit: 5000) }
    }

    func addParticipant(_ caller: Caller, uid: String?, name: String?, organizationID: UUID?, correspondentID: UUID?) async throws -> MedoParticipantRecord {
        try caller.actor.require(Self.adminPolicy)
        let participant = try MedoParticipantRules.validate(uid: uid, name: name, organizationID: organizationID, correspondentID: correspondentID).get()
        return try await database.write { db in
            let repository = MedoRepository(db)
            if try await repository.participant(uid: participant.uid) != nil { throw OborotError.medoParticipantExists(participant.uid) }
            if let organizationID { _ = try await OrganizationRepository(db).get(organizationID) }
            if let correspondentID { _ = try await CorrespondentRepository(db).get(correspondentID) }
            let record = MedoParticipantRecord(
                id: UUID(), uid: participant.uid, name: participant.name, organizationID: organizationID, correspondentID: correspondentID)
            try await repository.insert(record)
            try await AuditLog(db).append(caller.audit("medo.participant_add", .medoParticipant, record.id, "Участник МЭДО «\(record.name)» (\(record.uid))"))
            return record
        }
    }
}
