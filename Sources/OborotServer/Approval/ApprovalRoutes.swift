import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OborotDomain
import OborotStore

/// Approval routes and electronic signatures over HTTP, by hand (JSON in and out, the signature as a raw body); the
/// shapes are those of `openapi.yaml` (tag `approval`).
///
/// | route | what |
/// |---|---|
/// | `GET /api/v1/documents/{id}/approval` | the route with every round |
/// | `POST /api/v1/documents/{id}/approval` | start: `{"stages":[[{"userId","workingDays"}]],"restartMode":"route\|stage"}` or `{"templateId"}` |
/// | `POST /api/v1/documents/{id}/approval/decisions` | `{"decision":"approved\|approved_with_remarks\|rejected","comment"}` |
/// | `POST /api/v1/documents/{id}/approval/restart` | `{"mode":"route\|stage"}` |
/// | `POST /api/v1/documents/{id}/approval/cancel` | withdraw |
/// | `GET /api/v1/approvals` | «На согласование»: the caller's steps to decide; `?inbox=sign` — «На подпись» |
/// | `GET, POST /api/v1/organizations/{id}/approval-templates` | route templates of an organisation (`?kind=`) |
/// | `POST /api/v1/documents/{id}/files/{attachmentId}/signatures?version=N&journalId=` | sign: the `.p7s` (DER or PEM) as the body |
/// | `GET /api/v1/documents/{id}/signatures` | the document's signatures |
enum ApprovalRoutes {
    static func add(to router: Router<AppRequestContext>, services: AppServices) {
        router.get("/api/v1/documents/:documentId/approval") { _, context in
            guard let route = try await services.approval.route(try caller(), documentID: try context.pathID("documentId", .document)) else {
                throw OborotError.notFound(.approvalRoute)
            }
            return try FileRoutes.jsonResponse(status: .ok, RouteJSON(route))
        }
        router.post("/api/v1/documents/:documentId/approval") { request, context in
            let caller = try caller()
            let documentID = try context.pathID("documentId", .document)
            let body = try await decode(StartBody.self, request, context)
            let plan: ApprovalService.PlanInput
            if let templateID = body.templateId {
                let document = try await services.documents.details(caller, id: documentID).document
                plan = try await services.approval.plan(
                    fromTemplate: try RequestValues.bodyID(templateID, field: "templateId"), organizationID: document.organizationID)
            } else {
                plan = try planInput(body.stages ?? [])
            }
            let mode = try body.restartMode.map { try enumValue(ApprovalRestartMode.self, $0, field: "restartMode") } ?? .route
            let route = try await services.approval.start(caller, documentID: documentID, plan: plan, restartMode: mode)
            return try FileRoutes.jsonResponse(status: .created, RouteJSON(route))
        }
        router.get("/api/v1/organizations/:organizationId/approval-templates") { request, context in
            let kind = try request.uri.queryParameters["kind"].map { try enumValue(DocumentKind.self, String($0), field: "kind") }
            let list = try await services.approval.templates(
                try caller(), organizationID: try context.pathID("organizationId", .organization), kind: kind)
            return try FileRoutes.jsonResponse(status: .ok, list.map(TemplateJSON.init))
        }
        router.post("/api/v1/organizations/:organizationId/approval-templates") { request, context in
            let body = try await decode(TemplateBody.self, request, context)
            let template = try await services.approval.createTemplate(
                try caller(), organizationID: try context.pathID("organizationId", .organization),
                kind: try enumValue(DocumentKind.self, body.kind, field: "kind"), name: body.name, stages: try planInput(body.stages))
            return try FileRoutes.jsonResponse(status: .created, TemplateJSON(template))
        }
        router.post("/api/v1/documents/:documentId/approval/decisions") { request, context in
            let body = try await decode(DecisionBody.self, request, context)
            let route = try await services.approval.decide(
                try caller(), documentID: try context.pathID("documentId", .document),
                decision: try enumValue(ApprovalDecision.self, body.decision, field: "decision"), comment: body.comment)
            return try FileRoutes.jsonResponse(status: .ok, RouteJSON(route))
        }
        router.post("/api/v1/documents/:documentId/approval/restart") { request, context in
            let body = try await decode(RestartBody.self, request, context)
            let route = try await services.approval.restart(
                try caller(), documentID: try context.pathID("documentId", .document),
                mode: try body.mode.map { try enumValue(ApprovalRestartMode.self, $0, field: "mode") })
            return try FileRoutes.jsonResponse(status: .ok, RouteJSON(route))
        }
        router.post("/api/v1/documents/:documentId/approval/cancel") { _, context in
            let route = try await services.approval.cancel(try caller(), documentID: try context.pathID("documentId", .document))
            return try FileRoutes.jsonResponse(status: .ok, RouteJSON(route))
        }
        router.get("/api/v1/approvals") { request, _ in
            let limit = min(max(request.uri.queryParameters["limit"].flatMap { Int(String($0)) } ?? 50, 1), 200)
            if request.uri.queryParameters["inbox"] == "sign" {
                let drafts = try await services.approval.awaitingSignature(try caller(), limit: limit)
                return try FileRoutes.jsonResponse(status: .ok, ["items": drafts.map(AwaitingSignatureJSON.init)])
            }
            let items = try await services.approval.inbox(try caller(), limit: limit)
            return try FileRoutes.jsonResponse(status: .ok, ["items": items.map(InboxItemJSON.init)])
        }
        router.post("/api/v1/documents/:documentId/files/:attachmentId/signatures") { request, context in
            let bytes = try await request.body.collect(upTo: SignatureService.maxSignatureBytes)
            guard bytes.readableBytes > 0 else { throw SignatureProblem.malformed("файл подписи пуст").error }
            let query = request.uri.queryParameters
            let input = SignatureService.SignInput(
                documentID: try context.pathID("documentId", .document), attachmentID: try context.pathID("attachmentId", .attachment),
                versionNumber: try RequestValues.integer(query["version"], field: "version"), signature: Array(bytes.readableBytesView),
                journalID: try query["journalId"].map { try RequestValues.bodyID(String($0), field: "journalId") })
            let (signature, document) = try await services.signatures.sign(try caller(), input)
            return try FileRoutes.jsonResponse(status: .created, SignedJSON(signature: SignatureJSON(signature), document: document))
        }
        router.get("/api/v1/documents/:documentId/signatures") { _, context in
            let list = try await services.signatures.signatures(try caller(), documentID: try context.pathID("documentId", .document))
            return try FileRoutes.jsonResponse(status: .ok, list.map(SignatureJSON.init))
        }
    }

    static func caller() throws -> Caller { try RequestScope.current.requireCaller() }

    static func planInput(_ stages: [[StartBody.Approver]]) throws -> ApprovalService.PlanInput {
        ApprovalService.PlanInput(
            stages: try stages.enumerated().map { stageIndex, stage in
                try stage.enumerated().map { index, approver in
                    (try RequestValues.bodyID(approver.userId, field: "stages[\(stageIndex)][\(index)].userId"), approver.workingDays)
                }
            })
    }

    static func enumValue<Value: RawRepresentable>(_ type: Value.Type, _ raw: String, field: String) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: raw) else {
            throw OborotError.validation([FieldProblem(field: field, code: "invalid_value", message: ApprovalRouteTexts.invalidValue(field, raw))])
        }
        return value
    }

    /// A JSON body within the JSON limit; anything that does not decode is a `400` naming what is wrong.
    static func decode<Body: Decodable>(_ type: Body.Type, _ request: Request, _ context: AppRequestContext) async throws -> Body {
        let buffer = try await request.body.collect(upTo: 1024 * 1024)
        let data = Data(buffer.readableBytesView)
        do {
            return try JSONDecoder().decode(type, from: data.isEmpty ? Data("{}".utf8) : data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw OborotError.malformedBody(field: key.stringValue, reason: ApprovalRouteTexts.missingField(key.stringValue))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw OborotError.malformedBody(field: field, reason: ApprovalRouteTexts.wrongType(field))
        } catch {
            throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON)
        }
    }

    struct StartBody: Decodable {
        struct Approver: Decodable {
            var userId: String
            var workingDays: Int?
        }
        var stages: [[Approver]]?
        var templateId: String?
        var restartMode: String?
    }

    struct TemplateBody: Decodable {
        var kind: String
        var name: String
        var stages: [[StartBody.Approver]]
    }

    struct DecisionBody: Decodable {
        var decision: String
        var comment: String?
    }

    struct RestartBody: Decodable {
        var mode: String?
    }
}

/// Russian wording of the approval routes' request errors.
enum ApprovalRouteTexts {
    static func invalidValue(_ field: String, _ value: String) -> String { "Недопустимое значение «\(value)» поля «\(field)»." }
    static func missingField(_ field: String) -> String { "В запросе нет обязательного поля «\(field)»." }
    static func wrongType(_ field: String) -> String { "Поле «\(field)» имеет неверный тип." }
}
