import Foundation
import Hummingbird
import OborotDomain
import OborotStore

extension WebPages {
    /// One packet as a line of the МЭДО page or of a card's exchange log.
    struct MedoPacketRow {
        var id: String
        var direction: String
        var when: String
        var label: String
        var participant: String
        var state: String
        var stateName: String
        var reason: String?
        var documentId: String?
        var source: String
        var missingTicket: Bool

        init(_ packet: MedoPacketRecord) {
            id = packet.id.lowercasedString
            direction = packet.direction == .inbound ? "Входящий" : "Исходящий"
            when = WebTexts.dateTime(packet.createdAt, timeZone: OrganizationRules.defaultTimeZone)
            label = packet.label ?? packet.messageType
            participant = [packet.participantName, packet.participantUID.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            state = packet.state.rawValue
            stateName = packet.state.russianName
            reason = [packet.reason, packet.signatureCheck].compactMap { $0 }.joined(separator: "; ").nilIfEmpty
            documentId = packet.documentID?.lowercasedString
            source = packet.source
            missingTicket = packet.flaggedAt != nil && packet.ticketAt == nil
        }
    }

    struct MedoPageModel {
        var quarantined: [MedoPacketRow]
        var hasQuarantined: Bool
        var recent: [MedoPacketRow]
        var hasRecent: Bool
        var participants: [ParticipantRow]
        var hasParticipants: Bool
        var inFolder: String
        var outFolder: String
        var error: String?
        var notice: String?
    }

    struct ParticipantRow {
        var uid: String
        var name: String
        var kind: String
    }

    func addMedoPages(to router: Router<AppRequestContext>) {
        router.get("/medo") { request, _ in
            let caller = try signedIn(request)
            let uploaded = try await request.uri.queryParameters["packet"].flatMap { UUID(uuidString: String($0)) }.asyncMap {
                try await MedoService(database: services.database, inbox: services.medo).packet(caller, id: $0)
            }
            return try await medoPage(caller, notice: uploaded.map(Self.uploadNotice))
        }
        router.post("/medo/upload") { request, _ in
            let caller = try signedIn(request)
            let medo = MedoService(database: services.database, inbox: services.medo)
            do {
                guard let boundary = MultipartFileReader.boundary(fromContentType: request.headers[.contentType] ?? "") else {
                    throw OborotError.medoEmptyUpload
                }
                var bytes: [UInt8] = []
                try await MultipartFileReader(boundary: boundary).read(
                    request.body, onPart: { _ in },
                    onBytes: { chunk in
                        bytes += chunk.readableBytesView
                        if bytes.count > MedoService.maxUploadBytes { throw BodyLimitMiddleware.tooLarge(MedoService.maxUploadBytes) }
                    })
                guard !bytes.isEmpty else { throw OborotError.medoEmptyUpload }
                let record = try await medo.upload(caller, zip: bytes)
                return WebRedirect(location: "/medo?packet=\(record.id.lowercasedString)").response
            } catch let error as OborotError where error.kind != .unauthorized && error.kind != .forbidden {
                return try await medoPage(caller, error: error.detail, status: error.kind.status)
            } catch is MultipartFileReader.Failure {
                return try await medoPage(caller, error: OborotError.medoEmptyUpload.detail, status: .badRequest)
            }
        }
    }

    func medoPage(_ caller: Caller, error: String? = nil, notice: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let medo = MedoService(database: services.database, inbox: services.medo)
        let quarantined = try await medo.packets(caller, direction: .inbound, state: .quarantined, limit: 200)
        let recent = try await medo.packets(caller, direction: nil, state: nil, limit: 100)
        let participants = try await medo.participants(caller)
        let model = MedoPageModel(
            quarantined: quarantined.map(MedoPacketRow.init), hasQuarantined: !quarantined.isEmpty,
            recent: recent.map(MedoPacketRow.init), hasRecent: !recent.isEmpty,
            participants: participants.map {
                ParticipantRow(uid: $0.uid, name: $0.name, kind: $0.organizationID != nil ? "организация региона" : "корреспондент")
            },
            hasParticipants: !participants.isEmpty, inFolder: configuration.medoIn, outFolder: configuration.medoOut,
            error: error, notice: notice)
        return page("medo", title: "МЭДО", model: model, caller: caller, path: "/medo", status: status)
    }

    /// What became of an uploaded packet, in a sentence.
    static func uploadNotice(_ packet: MedoPacketRecord) -> String {
        switch packet.state {
        case .quarantined: "Пакет помещён в карантин: \(packet.reason ?? "причина не указана")"
        case .received: "Пакет принят: входящая карточка создана и ждёт регистрации."
        default: "Пакет учтён: \(packet.state.russianName.lowercased())\(packet.label.map { " — \($0)" } ?? "")."
        }
    }

    /// The card's МЭДО exchange log, when it has one.
    func exchangeLog(_ caller: Caller, documentID: UUID) async throws -> [MedoPacketRow] {
        try await MedoService(database: services.database, inbox: services.medo).log(caller, documentID: documentID).map(MedoPacketRow.init)
    }
}
