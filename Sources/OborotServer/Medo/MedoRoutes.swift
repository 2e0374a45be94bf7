import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// The МЭДО exchange over HTTP, by hand (a packet upload is a large binary body; `openapi.yaml` documents each):
///
/// | route | who | what |
/// |---|---|---|
/// | `POST /api/v1/medo/packets` | registrar / admin | a packet as a ZIP of its folder → taken in or quarantined (201 either way) |
/// | `GET /api/v1/medo/packets?direction=&state=&limit=` | registrar / admin | packets, e.g. the quarantine |
/// | `GET /api/v1/medo/packets/{id}` | registrar / admin (XML: admin) | one packet |
/// | `GET /api/v1/documents/{id}/exchange` | who sees the document | its exchange log |
/// | `GET, POST /api/v1/medo/participants` | registrar / admin; admin adds | the participants directory |
enum MedoRoutes {
    static func readsOwnBody(_ request: Request) -> Bool {
        request.method == .post && (request.uri.path == "/api/v1/medo/packets" || request.uri.path == "/medo/upload")
    }

    static func add(to router: Router<AppRequestContext>, services: AppServices) {
        let medo = MedoService(database: services.database, inbox: services.medo)
        router.post("/api/v1/medo/packets") { request, _ in
            let caller = try RequestScope.current.requireCaller()
            try caller.actor.require(MedoService.clerkPolicy)
            if let length = request.headers[.contentLength].flatMap(Int.init), length > MedoService.maxUploadBytes {
                throw BodyLimitMiddleware.tooLarge(MedoService.maxUploadBytes)
            }
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: MedoService.maxUploadBytes)
            } catch let error as HTTPError where error.status == .contentTooLarge {
                throw BodyLimitMiddleware.tooLarge(MedoService.maxUploadBytes)
            }
            guard body.readableBytes > 0 else { throw OborotError.medoEmptyUpload }
            let record = try await medo.upload(caller, zip: Array(body.readableBytesView))
            return try FileRoutes.jsonResponse(status: .created, MedoPacketJSON(record))
        }
        router.get("/api/v1/medo/packets") { request, _ in
            let caller = try RequestScope.current.requireCaller()
            let query = request.uri.queryParameters
            let direction = try query["direction"].map { text -> MedoDirection in
                guard let value = MedoDirection(rawValue: String(text)) else { throw OborotError.badQuery("direction") }
                return value
            }
            let state = try query["state"].map { text -> MedoPacketState in
                guard let value = MedoPacketState(rawValue: String(text)) else { throw OborotError.badQuery("state") }
                return value
            }
            let limit = try RequestValues.integer(query["limit"], field: "limit") ?? 100
            let packets = try await medo.packets(caller, direction: direction, state: state, limit: min(max(limit, 1), 500))
            return try FileRoutes.jsonResponse(status: .ok, ["items": packets.map(MedoPacketJSON.init)])
        }
        router.get("/api/v1/medo/packets/:packetId") { _, context in
            let caller = try RequestScope.current.requireCaller()
            guard let id = context.parameters.get("packetId").flatMap(UUID.init(uuidString:)) else { throw OborotError.notFound(.medoPacket) }
            return try FileRoutes.jsonResponse(status: .ok, MedoPacketJSON(try await medo.packet(caller, id: id)))
        }
        router.get("/api/v1/documents/:documentId/exchange") { _, context in
            let caller = try RequestScope.current.requireCaller()
            guard let id = context.parameters.get("documentId").flatMap(UUID.init(uuidString:)) else { throw OborotError.notFound(.document) }
            return try FileRoutes.jsonResponse(status: .ok, try await medo.log(caller, documentID: id).map(MedoPacketJSON.init))
        }
        router.get("/api/v1/medo/participants") { _, _ in
            let caller = try RequestScope.current.requireCaller()
            return try FileRoutes.jsonResponse(status: .ok, try await medo.participants(caller).map(MedoParticipantJSON.init))
        }
        router.post("/api/v1/medo/participants") { request, context in
            let caller = try RequestScope.current.requireCaller()
            let body = try await ApprovalRoutes.decode(ParticipantBody.self, request, context)
            let record = try await medo.addParticipant(
                caller, uid: body.uid, name: body.name,
                organizationID: try body.organizationId.map { try RequestValues.bodyID($0, field: "organizationId") },
                correspondentID: try body.correspondentId.map { try RequestValues.bodyID($0, field: "correspondentId") })
            return try FileRoutes.jsonResponse(status: .created, MedoParticipantJSON(record))
        }
    }

    struct ParticipantBody: Decodable {
        var uid: String?
        var name: String?
        var organizationId: String?
        var correspondentId: String?
    }
}

/// `MedoPacket` of openapi.yaml.
struct MedoPacketJSON: Encodable {
    var id: String
    var direction: String
    var packetUid: String?
    var messageType: String
    var version: String?
    var state: String
    var stateName: String
    var documentId: String?
    var documentUid: String?
    var participantUid: String?
    var participantName: String?
    var label: String?
    var reasonCode: String?
    var reason: String?
    var source: String
    var createdAt: Date
    var writtenAt: Date?
    var ticketAt: Date?
    var ticketComment: String?
    var missingTicket: Bool
    var signatureCheck: String?
    var messageXml: String?

    init(_ p: MedoPacketRecord) {
        id = p.id.lowercasedString
        direction = p.direction.rawValue
        packetUid = p.packetUID
        messageType = p.messageType
        version = p.version
        state = p.state.rawValue
        stateName = p.state.russianName
        documentId = p.documentID?.lowercasedString
        documentUid = p.documentUID
        participantUid = p.participantUID
        participantName = p.participantName
        label = p.label
        reasonCode = p.reasonCode
        reason = p.reason
        source = p.source
        createdAt = p.createdAt
        writtenAt = p.writtenAt
        ticketAt = p.ticketAt
        ticketComment = p.ticketComment
        missingTicket = p.flaggedAt != nil && p.ticketAt == nil
        signatureCheck = p.signatureCheck
        messageXml = p.messageXML
    }
}

/// `MedoParticipant` of openapi.yaml.
struct MedoParticipantJSON: Encodable {
    var id: String
    var uid: String
    var name: String
    var organizationId: String?
    var correspondentId: String?

    init(_ p: MedoParticipantRecord) {
        id = p.id.lowercasedString
        uid = p.uid
        name = p.name
        organizationId = p.organizationID?.lowercasedString
        correspondentId = p.correspondentID?.lowercasedString
    }
}

extension OborotError {
    static let medoEmptyUpload = OborotError(
        .badRequest, code: "medo_empty_upload", title: "Пустой пакет",
        detail: "Пришло пустое тело запроса: загрузите ZIP-архив с файлами пакета МЭДО.")

    static func badQuery(_ parameter: String) -> OborotError {
        OborotError(
            .unprocessable, code: "invalid_query", title: "Неверный параметр запроса",
            detail: "Недопустимое значение параметра «\(parameter)».")
    }
}
