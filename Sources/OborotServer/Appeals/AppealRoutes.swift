import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// Citizen appeals over HTTP, by hand (`openapi.yaml` documents each):
///
/// | route | what |
/// |---|---|
/// | `POST /api/v1/appeals` | open an appeal (optionally registered at once) → 201 with repeat candidates |
/// | `GET /api/v1/appeals?organizationId=&standing=&from=&to=&limit=` | appeals the caller may see |
/// | `GET /api/v1/appeals/{id}` | one appeal (personal data masked unless the caller handles it) |
/// | `GET /api/v1/appeals/{id}/repeat-candidates`, `POST …/repeated` | earlier appeals of the applicant; confirm one |
/// | `POST /api/v1/appeals/{id}/questions/{questionId}/result` | a question's result |
/// | `POST /api/v1/appeals/{id}/extend`, `…/forward`, `…/close` | the extension, forwarding, a special case |
/// | `POST /api/v1/appeals/{id}/answer` | the answer letter's draft → 201 (200 when it was already prepared) |
/// | `GET /api/v1/appeal-reports/statistics?organizationId=&from=&to=&format=csv` | the report |
/// | `GET /api/v1/appeal-reports/sstu?organizationId=&month=YYYY-MM` | the monthly ССТУ file |
/// | `GET /api/v1/appeal-topics?q=&obsolete=true`, `POST /api/v1/appeal-topics` (CSV body) | the classifier |
/// | `GET /api/v1/appeal-messages` | messages from the public form waiting for the caller's registration |
/// | `GET /api/v1/public/appeals/{code}` | anyone: where a submission stands (no personal data) |
enum AppealRoutes {
    static func readsOwnBody(_ request: Request) -> Bool {
        request.method == .post && (request.uri.path == "/api/v1/appeal-topics" || request.uri.path == "/public/appeal")
    }

    static func add(to router: Router<AppRequestContext>, services: AppServices) {
        let appeals = services.appeals
        router.post("/api/v1/appeals") { request, context in
            let caller = try RequestScope.current.requireCaller()
            let body = try await ApprovalRoutes.decode(AppealJSON.NewBody.self, request, context)
            let created = try await appeals.create(caller, try body.input())
            return try FileRoutes.jsonResponse(status: .created, AppealJSON(created.view, candidates: created.repeatCandidates))
        }
        router.get("/api/v1/appeals") { request, _ in
            let caller = try RequestScope.current.requireCaller()
            let query = request.uri.queryParameters
            let standing = try query["standing"].map { text -> AppealFilter.Standing in
                guard let value = AppealFilter.Standing(rawValue: String(text)) else { throw OborotError.badQuery("standing") }
                return value
            } ?? .all
            let items = try await appeals.list(
                caller, organizationID: try query["organizationId"].map { try RequestValues.bodyID(String($0), field: "organizationId") },
                standing: standing, from: try date(query["from"], "from"), to: try date(query["to"], "to"),
                limit: min(max(try RequestValues.integer(query["limit"], field: "limit") ?? 100, 1), 500))
            return try FileRoutes.jsonResponse(status: .ok, ["items": items.map(AppealJSON.ListItem.init)])
        }
        router.get("/api/v1/appeals/:documentId") { _, context in
            let caller = try RequestScope.current.requireCaller()
            return try FileRoutes.jsonResponse(status: .ok, AppealJSON(try await appeals.view(caller, id: try context.pathID("documentId", .appeal))))
        }
        router.get("/api/v1/appeals/:documentId/repeat-candidates") { _, context in
            let caller = try RequestScope.current.requireCaller()
            let view = try await appeals.view(caller, id: try context.pathID("documentId", .appeal))
            return try FileRoutes.jsonResponse(status: .ok, ["items": try await appeals.candidates(caller, view: view).map(AppealJSON.Candidate.init)])
        }
        router.post("/api/v1/appeals/:documentId/repeated") { request, context in
            let caller = try RequestScope.current.requireCaller()
            let body = try await ApprovalRoutes.decode(RepeatedBody.self, request, context)
            let view = try await appeals.confirmRepeated(
                caller, id: try context.pathID("documentId", .appeal), earlierID: try RequestValues.bodyID(body.earlierId, field: "earlierId"))
            return try FileRoutes.jsonResponse(status: .ok, AppealJSON(view))
        }
        router.post("/api/v1/appeals/:documentId/questions/:questionId/result") { request, context in
            let caller = try RequestScope.current.requireCaller()
            let body = try await ApprovalRoutes.decode(ResultBody.self, request, context)
            guard let result = QuestionStatus(rawValue: body.result) else {
                throw OborotError.validation([FieldProblem(field: "result", code: "invalid", message: AppealRouteTexts.unknownResult)])
            }
            let view = try await appeals.recordResult(
                caller, id: try context.pathID("documentId", .appeal), questionID: try context.pathID("questionId", .appealQuestion),
                result: result, measuresTaken: body.measuresTaken ?? false, expectedVersion: body.version)
            return try FileRoutes.jsonResponse(status: .ok, AppealJSON(view))
        }
        router.post("/api/v1/appeals/:documentId/extend") { request, context in
            let caller = try RequestScope.current.requireCaller()
            let body = try await ApprovalRoutes.decode(ExtendBody.self, request, context)
            let view = try await appeals.extend(
                caller, id: try context.pathID("documentId", .appeal), days: body.days, reason: body.reason, expectedVersion: body.version)
            return try FileRoutes.jsonResponse(status: .ok, AppealJSON(view))
        }
        router.post("/api/v1/appeals/:documentId/forward") { request, context in
            let caller = try RequestScope.current.requireCaller()
            let body = try await ApprovalRoutes.decode(ForwardBody.self, request, context)
            let target: AppealService.ForwardTarget
            if let organizationId = body.organizationId {
                target = .organization(try RequestValues.bodyID(organizationId, field: "organizationId"))
            } else {
                target = .outside(name: body.bodyName ?? "", address: body.address)
            }
            let questions = try Set((body.questionIds ?? []).map { try RequestValues.bodyID($0, field: "questionIds") })
            let view = try await appeals.forward(
                caller, id: try context.pathID("documentId", .appeal), to: target, questionIDs: questions, expectedVersion: body.version)
            return try FileRoutes.jsonResponse(status: .ok, AppealJSON(view))
        }
        router.post("/api/v1/appeals/:documentId/close") { request, context in
            let caller = try RequestScope.current.requireCaller()
            let body = try await ApprovalRoutes.decode(CloseBody.self, request, context)
            guard let specialCase = AppealSpecialCase(rawValue: body.specialCase) else {
                throw OborotError.validation([FieldProblem(field: "specialCase", code: "invalid", message: AppealRouteTexts.unknownCase)])
            }
            let view = try await appeals.close(
                caller, id: try context.pathID("documentId", .appeal), as: specialCase, detail: body.detail, expectedVersion: body.version)
            return try FileRoutes.jsonResponse(status: .ok, AppealJSON(view))
        }
        router.post("/api/v1/appeals/:documentId/answer") { request, context in
            let caller = try RequestScope.current.requireCaller()
            let body = try await ApprovalRoutes.decode(AnswerBody.self, request, context)
            let answer = try await appeals.prepareAnswer(caller, id: try context.pathID("documentId", .appeal), text: body.text)
            return try FileRoutes.jsonResponse(
                status: answer.created ? .created : .ok, ["documentId": answer.documentID.lowercasedString])
        }
        router.get("/api/v1/appeal-reports/statistics") { request, _ in
            let caller = try RequestScope.current.requireCaller()
            let query = request.uri.queryParameters
            guard let organization = query["organizationId"] else { throw OborotError.badQuery("organizationId") }
            guard let from = try date(query["from"], "from"), let to = try date(query["to"], "to") else { throw OborotError.badQuery("from") }
            let (org, report) = try await appeals.report(
                caller, organizationID: try RequestValues.bodyID(String(organization), field: "organizationId"), from: from, to: to)
            if query["format"] == "csv" {
                var text = CSV.byteOrderMark + CSV.line(["Раздел", "Показатель", "Значение"])
                for row in report.rows { text += CSV.line([row.group, row.label, String(row.value)]) }
                return Response(
                    status: .ok,
                    headers: [
                        .contentType: "text/csv; charset=utf-8",
                        .contentDisposition: "attachment; filename=\"appeals-\(from.iso)-\(to.iso).csv\"",
                    ],
                    body: .init(byteBuffer: ByteBuffer(string: text)))
            }
            return try FileRoutes.jsonResponse(status: .ok, AppealJSON.Report(org, from: from, to: to, report))
        }
        router.get("/api/v1/appeal-reports/sstu") { request, _ in
            let caller = try RequestScope.current.requireCaller()
            let query = request.uri.queryParameters
            guard let organization = query["organizationId"] else { throw OborotError.badQuery("organizationId") }
            let parts = (query["month"].map(String.init) ?? "").split(separator: "-")
            guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { throw OborotError.badQuery("month") }
            let export = try await appeals.sstuExport(
                caller, organizationID: try RequestValues.bodyID(String(organization), field: "organizationId"), year: year, month: month)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/json; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"sstu-\(export.period).json\"",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(export))))
        }
        router.get("/api/v1/appeal-messages") { _, _ in
            let caller = try RequestScope.current.requireCaller()
            let messages = try await services.publicAppeals.waiting(caller, limit: 500)
            return try FileRoutes.jsonResponse(status: .ok, ["items": messages.map(AppealJSON.Message.init)])
        }
        router.get("/api/v1/public/appeals/:code") { _, context in
            let status = try await services.publicAppeals.status(code: context.parameters.get("code") ?? "")
            return try FileRoutes.jsonResponse(status: .ok, AppealJSON.PublicStatus(status))
        }
        router.get("/api/v1/appeal-topics") { request, _ in
            let caller = try RequestScope.current.requireCaller()
            let query = request.uri.queryParameters
            let topics = try await appeals.topics(
                caller, query: query["q"].map(String.init), includeObsolete: query["obsolete"] == "true",
                limit: min(max(try RequestValues.integer(query["limit"], field: "limit") ?? 50, 1), 5000))
            return try FileRoutes.jsonResponse(status: .ok, ["items": topics.map(AppealJSON.Topic.init)])
        }
        router.post("/api/v1/appeal-topics") { request, _ in
            let caller = try RequestScope.current.requireCaller()
            let limit = 16 * 1024 * 1024
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: limit)
            } catch let error as HTTPError where error.status == .contentTooLarge {
                throw BodyLimitMiddleware.tooLarge(limit)
            }
            guard let text = String(validating: body.readableBytesView, as: UTF8.self) else { throw OborotError.classifierNotUTF8 }
            let result = try await appeals.importClassifier(caller, text: text)
            return try FileRoutes.jsonResponse(status: .ok, ["added": result.added, "changed": result.changed, "unchanged": result.unchanged])
        }
    }

    static func date(_ text: Substring?, _ field: String) throws -> CalendarDate? {
        guard let text, !text.isEmpty else { return nil }
        guard let date = CalendarDate(iso: String(text)) else { throw OborotError.badQuery(field) }
        return date
    }

    struct RepeatedBody: Decodable { var earlierId: String }
    struct ResultBody: Decodable {
        var result: String
        var measuresTaken: Bool?
        var version: Int?
    }
    struct ExtendBody: Decodable {
        var days: Int
        var reason: String?
        var version: Int?
    }
    struct ForwardBody: Decodable {
        var organizationId: String?
        var bodyName: String?
        var address: String?
        var questionIds: [String]?
        var version: Int?
    }
    struct AnswerBody: Decodable {
        var text: String?
    }

    struct CloseBody: Decodable {
        var specialCase: String
        var detail: String?
        var version: Int?
    }
}

enum AppealRouteTexts {
    static let unknownResult = "Результат: explained, supported, notSupported, answered или leftWithoutAnswer."
    static let unknownCase = "Особый случай: anonymous, courtDecision, obscene, unreadable, alreadyPublished, correspondenceTerminated или complaintAgainstAddressee."
}

extension OborotError {
    static let classifierNotUTF8 = OborotError(
        .unsupportedMediaType, code: "classifier_not_utf8", title: "Файл не в UTF-8",
        detail: "Сохраните классификатор как CSV в кодировке UTF-8.")
}
