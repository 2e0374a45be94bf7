public import OborotDomain
public import Foundation
import SQLKit

/// One МЭДО packet as the exchange log keeps it.
public struct MedoPacketRecord: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var direction: MedoDirection
    public var packetUID: String?
    /// document, notification, ticket, or unknown for what could not be read.
    public var messageType: String
    public var version: String?
    public var state: MedoPacketState
    public var documentID: UUID?
    /// The МЭДО uid of the document the packet is or is about.
    public var documentUID: String?
    public var participantUID: String?
    public var participantName: String?
    /// The notification's label («Зарегистрирован», …) or the document's kind.
    public var label: String?
    public var reasonCode: String?
    public var reason: String?
    /// The IN folder's name, «загрузка» for an upload, or the OUT folder's name.
    public var source: String
    public var messageXML: String?
    public var createdAt: Date
    public var writtenAt: Date?
    public var ticketAt: Date?
    public var ticketComment: String?
    public var flaggedAt: Date?
    /// For an inbound document: what the check of its signatures found, file by file.
    public var signatureCheck: String?

    public init(
        id: UUID, direction: MedoDirection, packetUID: String?, messageType: String, version: String?, state: MedoPacketState,
        documentID: UUID? = nil, documentUID: String? = nil, participantUID: String? = nil, participantName: String? = nil,
        label: String? = nil, reasonCode: String? = nil, reason: String? = nil, source: String, messageXML: String? = nil,
        createdAt: Date, writtenAt: Date? = nil, ticketAt: Date? = nil, ticketComment: String? = nil, flaggedAt: Date? = nil,
        signatureCheck: String? = nil
    ) {
        self.id = id
        self.direction = direction
        self.packetUID = packetUID
        self.messageType = messageType
        self.version = version
        self.state = state
        self.documentID = documentID
        self.documentUID = documentUID
        self.participantUID = participantUID
        self.participantName = participantName
        self.label = label
        self.reasonCode = reasonCode
        self.reason = reason
        self.source = source
        self.messageXML = messageXML
        self.createdAt = createdAt
        self.writtenAt = writtenAt
        self.ticketAt = ticketAt
        self.ticketComment = ticketComment
        self.flaggedAt = flaggedAt
        self.signatureCheck = signatureCheck
    }
}

/// A body on the МЭДО network and what it is to us.
public struct MedoParticipantRecord: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var uid: String
    public var name: String
    /// One of our organisations: packets addressed to this uid arrive there.
    public var organizationID: UUID?
    /// An outside body: its letters arrive from this correspondent, ours to it go by МЭДО.
    public var correspondentID: UUID?

    public init(id: UUID, uid: String, name: String, organizationID: UUID?, correspondentID: UUID?) {
        self.id = id
        self.uid = uid
        self.name = name
        self.organizationID = organizationID
        self.correspondentID = correspondentID
    }
}

/// Packets, the outbox and the participants directory.
public struct MedoRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    struct PacketRow: Codable, Sendable {
        var id: String
        var direction: String
        var packetUid: String?
        var messageType: String
        var version: String?
        var state: String
        var documentId: String?
        var documentUid: String?
        var participantUid: String?
        var participantName: String?
        var label: String?
        var reasonCode: String?
        var reason: String?
        var source: String
        var messageXml: String?
        var createdAt: Int64
        var writtenAt: Int64?
        var ticketAt: Int64?
        var ticketComment: String?
        var flaggedAt: Int64?
        var signatureCheck: String?

        init(_ p: MedoPacketRecord) {
            id = p.id.lowercasedString
            direction = p.direction.rawValue
            packetUid = p.packetUID
            messageType = p.messageType
            version = p.version
            state = p.state.rawValue
            documentId = p.documentID?.lowercasedString
            documentUid = p.documentUID
            participantUid = p.participantUID
            participantName = p.participantName
            label = p.label
            reasonCode = p.reasonCode
            reason = p.reason
            source = p.source
            messageXml = p.messageXML
            createdAt = p.createdAt.unixMilliseconds
            writtenAt = p.writtenAt?.unixMilliseconds
            ticketAt = p.ticketAt?.unixMilliseconds
            ticketComment = p.ticketComment
            flaggedAt = p.flaggedAt?.unixMilliseconds
            signatureCheck = p.signatureCheck
        }

        func record() throws -> MedoPacketRecord {
            MedoPacketRecord(
                id: try UUID.stored(id), direction: MedoDirection(rawValue: direction) ?? .inbound, packetUID: packetUid,
                messageType: messageType, version: version, state: MedoPacketState(rawValue: state) ?? .quarantined,
                documentID: try documentId.map(UUID.stored), documentUID: documentUid, participantUID: participantUid,
                participantName: participantName, label: label, reasonCode: reasonCode, reason: reason, source: source,
                messageXML: messageXml, createdAt: Date(unixMilliseconds: createdAt),
                writtenAt: writtenAt.map(Date.init(unixMilliseconds:)), ticketAt: ticketAt.map(Date.init(unixMilliseconds:)),
                ticketComment: ticketComment, flaggedAt: flaggedAt.map(Date.init(unixMilliseconds:)), signatureCheck: signatureCheck)
        }
    }

    /// Columns of a list: everything but the XML, which only the packet's own view shows.
    static let listColumns = [
        "id", "direction", "packet_uid", "message_type", "version", "state", "document_id", "document_uid",
        "participant_uid", "participant_name", "label", "reason_code", "reason", "source", "created_at", "written_at",
        "ticket_at", "ticket_comment", "flagged_at", "signature_check",
    ]

    public func insert(_ packet: MedoPacketRecord) async throws {
        try await db.sql.insert(into: "medo_packets").rows([PacketRow(packet)]).run()
    }

    /// An outbound packet and its files, committed together: the writer job puts them in the OUT folder.
    public func enqueue(_ packet: MedoPacketRecord, files: [String: [UInt8]]) async throws {
        try await insert(packet)
        for (name, content) in files.sorted(by: { $0.key < $1.key }) {
            try await db.sql.insert(into: "medo_outbox_files").columns("packet_id", "name", "content")
                .values(SQLBind(packet.id.lowercasedString), SQLBind(name), SQLBind(Data(content)))
                .run()
        }
    }

    public func find(_ id: UUID) async throws -> MedoPacketRecord? {
        try await db.sql.select().column("*").from("medo_packets").where("id", .equal, id.lowercasedString)
            .row(PacketRow.self)?.record()
    }

    public func find(direction: MedoDirection, packetUID: String) async throws -> MedoPacketRecord? {
        try await db.sql.select().column("*").from("medo_packets")
            .where("direction", .equal, direction.rawValue).where("packet_uid", .equal, packetUID)
            .row(PacketRow.self)?.record()
    }

    /// The inbound document packet that created the card `documentID`, if it came by МЭДО.
    public func inboundDocument(of documentID: UUID) async throws -> MedoPacketRecord? {
        try await db.sql.select().column("*").from("medo_packets")
            .where("document_id", .equal, documentID.lowercasedString).where("direction", .equal, MedoDirection.inbound.rawValue)
            .where("message_type", .equal, "document")
            .row(PacketRow.self)?.record()
    }

    /// The outbound document packets with this МЭДО document uid (one per addressee).
    public func outboundDocuments(documentUID: String) async throws -> [MedoPacketRecord] {
        try await db.sql.select().column("*").from("medo_packets")
            .where("document_uid", .equal, documentUID).where("direction", .equal, MedoDirection.outbound.rawValue)
            .where("message_type", .equal, "document")
            .rows(PacketRow.self).map { try $0.record() }
    }

    /// The exchange log of a document, newest first, without the XML.
    public func log(documentID: UUID) async throws -> [MedoPacketRecord] {
        try await db.sql.select().columns(Self.listColumns.map { SQLColumn($0) }).from("medo_packets")
            .where("document_id", .equal, documentID.lowercasedString)
            .orderBy("created_at", .descending).limit(500)
            .rows(PacketRow.self).map { try $0.record() }
    }

    /// Packets in a state (the quarantine a registrar works through), newest first: those about a card the actor may
    /// see, and — for the region's own clerks (`seesUnaddressed`) — those about no card at all.
    public func list(
        direction: MedoDirection?, state: MedoPacketState?, limit: Int, visibleTo actor: Actor, seesUnaddressed: Bool
    ) async throws -> [MedoPacketRecord] {
        var conditions: [SQLQueryString] = []
        if let direction { conditions.append("p.direction = \(bind: direction.rawValue)") }
        if let state { conditions.append("p.state = \(bind: state.rawValue)") }
        let filter: any SQLExpression = conditions.isEmpty ? SQLRaw("") : SQLQueryString("AND \(SQLList(conditions, separator: SQLRaw(" AND ")))")
        let unaddressed: SQLQueryString = seesUnaddressed ? "p.document_id IS NULL OR " : ""
        return try await db.sql.raw(
            """
            SELECT \(unsafeRaw: Self.listColumns.map { "p.\($0)" }.joined(separator: ", ")) FROM medo_packets p
            LEFT JOIN documents d ON d.id = p.document_id
            WHERE (\(unaddressed)(d.id IS NOT NULL AND \(DocumentVisibility.condition(for: actor)))) \(filter)
            ORDER BY p.created_at DESC LIMIT \(unsafeRaw: String(limit))
            """
        ).rows(PacketRow.self).map { try $0.record() }
    }

    public func update(state: MedoPacketState, of id: UUID) async throws {
        try await db.sql.update("medo_packets").set("state", to: state.rawValue).where("id", .equal, id.lowercasedString).run()
    }

    /// Outbound packets waiting for the OUT folder, oldest first, with their files.
    public func pendingOutbox(limit: Int) async throws -> [(packet: MedoPacketRecord, files: [String: [UInt8]])] {
        let packets = try await db.sql.select().column("*").from("medo_packets")
            .where("direction", .equal, MedoDirection.outbound.rawValue).where("state", .equal, MedoPacketState.pending.rawValue)
            .orderBy("created_at").limit(limit).rows(PacketRow.self).map { try $0.record() }
        var result: [(MedoPacketRecord, [String: [UInt8]])] = []
        for packet in packets {
            let rows = try await db.sql.select().column("name").column("content").from("medo_outbox_files")
                .where("packet_id", .equal, packet.id.lowercasedString).all()
            var files: [String: [UInt8]] = [:]
            for row in rows {
                files[try row.decode(column: "name", as: String.self)] = Array(try row.decode(column: "content", as: Data.self))
            }
            result.append((packet, files))
        }
        return result
    }

    /// The packet is in the OUT folder: its files leave the database.
    public func markWritten(_ id: UUID, at moment: Date) async throws {
        // Only from pending: a ticket that came first (or another instance) has the last word.
        try await db.sql.update("medo_packets").set("state", to: MedoPacketState.written.rawValue)
            .set("written_at", to: moment.unixMilliseconds).where("id", .equal, id.lowercasedString)
            .where("state", .equal, MedoPacketState.pending.rawValue).run()
        try await db.sql.delete(from: "medo_outbox_files").where("packet_id", .equal, id.lowercasedString).run()
    }

    /// Records the operator's ticket on the packet it is about; false when no such packet of ours exists.
    public func applyTicket(messageUID: String, delivered: Bool, at moment: Date, comment: String?) async throws -> Bool {
        let rows = try await db.sql.raw(
            """
            UPDATE medo_packets SET state = \(bind: (delivered ? MedoPacketState.delivered : .undelivered).rawValue),
                ticket_at = \(bind: moment.unixMilliseconds), ticket_comment = \(bind: comment)
            WHERE direction = 'out' AND packet_uid = \(bind: messageUID) AND state <> 'delivered' RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// Flags written packets with no ticket for `MedoRules.ticketDeadline`; returns the newly flagged ones.
    public func flagMissingTickets(now: Date) async throws -> [MedoPacketRecord] {
        let cutoff = now.addingTimeInterval(-MedoRules.ticketDeadline).unixMilliseconds
        return try await db.sql.raw(
            """
            UPDATE medo_packets SET flagged_at = \(bind: now.unixMilliseconds)
            WHERE direction = 'out' AND state = 'written' AND ticket_at IS NULL AND flagged_at IS NULL AND written_at <= \(bind: cutoff)
            RETURNING *
            """
        ).rows(PacketRow.self).map { try $0.record() }
    }

    /// Our organisations whose full or short name is exactly `name` (addressees of 2.x packets are named, not
    /// identified); more than one means the name does not say which.
    public func organizationIDs(named name: String) async throws -> [UUID] {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        return try await db.sql.raw(
            "SELECT id FROM organizations WHERE full_name = \(bind: trimmed) OR short_name = \(bind: trimmed) LIMIT 2"
        ).all().map { try UUID.stored($0.decode(column: "id", as: String.self)) }
    }

    // MARK: Participants

    struct ParticipantRow: Codable, Sendable {
        var id: String
        var uid: String
        var name: String
        var organizationId: String?
        var correspondentId: String?
        var createdAt: Int64

        func participant() throws -> MedoParticipantRecord {
            MedoParticipantRecord(
                id: try UUID.stored(id), uid: uid, name: name, organizationID: try organizationId.map(UUID.stored),
                correspondentID: try correspondentId.map(UUID.stored))
        }
    }

    public func participant(uid: String) async throws -> MedoParticipantRecord? {
        try await db.sql.select().column("*").from("medo_participants").where("uid", .equal, uid)
            .row(ParticipantRow.self)?.participant()
    }

    public func participants(correspondentIDs: [UUID]) async throws -> [MedoParticipantRecord] {
        guard !correspondentIDs.isEmpty else { return [] }
        return try await db.sql.select().column("*").from("medo_participants")
            .where(SQLColumn("correspondent_id"), .in, SQLBind.group(correspondentIDs.map(\.lowercasedString)))
            .rows(ParticipantRow.self).map { try $0.participant() }
    }

    public func participant(organizationID: UUID) async throws -> MedoParticipantRecord? {
        try await db.sql.select().column("*").from("medo_participants").where("organization_id", .equal, organizationID.lowercasedString)
            .row(ParticipantRow.self)?.participant()
    }

    public func participants(limit: Int) async throws -> [MedoParticipantRecord] {
        try await db.sql.select().column("*").from("medo_participants").orderBy("name").limit(limit)
            .rows(ParticipantRow.self).map { try $0.participant() }
    }

    /// Adds the participant unless its uid is already known (a concurrent packet may have added it first).
    public func insertIfAbsent(_ participant: MedoParticipantRecord) async throws {
        try await db.sql.insert(into: "medo_participants").rows([
            ParticipantRow(
                id: participant.id.lowercasedString, uid: participant.uid, name: participant.name,
                organizationId: participant.organizationID?.lowercasedString,
                correspondentId: participant.correspondentID?.lowercasedString, createdAt: db.now.unixMilliseconds)
        ]).ignoringConflicts(with: ["uid"]).run()
    }

    public func insert(_ participant: MedoParticipantRecord) async throws {
        try await db.sql.insert(into: "medo_participants").rows([
            ParticipantRow(
                id: participant.id.lowercasedString, uid: participant.uid, name: participant.name,
                organizationId: participant.organizationID?.lowercasedString,
                correspondentId: participant.correspondentID?.lowercasedString, createdAt: db.now.unixMilliseconds)
        ]).run()
    }
}
