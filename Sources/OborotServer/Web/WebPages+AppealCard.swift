import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// An appeal's card with its actions (results, extension, forwarding, special cases, repeats) and the report page.
extension WebPages {
    struct AppealCardModel {
        struct Applicant {
            var name: String
            var address: String?
            var email: String?
            var phone: String?
        }
        struct Question {
            var id: String
            var number: Int
            var code: String
            var topic: String
            var text: String?
            var status: String
            var statusName: String
            var measures: Bool
            var forwardedTo: String?
            var forwardedDocumentId: String?
            var open: Bool
        }
        struct Extension {
            var number: Int
            var days: Int
            var reason: String
            var from: String
            var to: String
            var noticeId: String?
        }
        struct Option {
            var value: String
            var name: String
        }
        struct Candidate {
            var id: String
            var reason: String
        }
        struct Letter {
            var id: String
            var title: String
            var stateName: String
            var letterNumber: String?  // not `number`: Mustache would show the appeal's for a draft
            var isAnswer: Bool
        }
        struct ResolutionLine {
            var text: String
            var date: String
            var controlled: Bool
            var resolutionState: String
        }
        var appealId: String
        var number: String
        var title: String
        var organization: String
        var typeName: String
        var channelName: String
        /// «Личность подтверждена: Госуслуги (ЕСИА), 01.12.2026 14:05» for an appeal from an identified submission.
        var identityLine: String?
        var received: String
        var forwardedFrom: String?
        var flags: [String]
        var applicants: [Applicant]
        var personalDataHidden: Bool
        var questions: [Question]
        var registered: Bool
        var initialDeadline: String?
        var currentDeadline: String?
        var explanation: String?
        var extensions: [Extension]
        var hasExtensions: Bool
        var standing: String
        var standingName: String
        var specialCase: String?
        var canHandle: Bool
        var canExtend: Bool
        var canAdminister: Bool
        var open: Bool
        var results: [Option]
        var specialCases: [Option]
        var organizations: [Option]
        var candidates: [Candidate]
        var hasCandidates: Bool
        var repeatedOf: String?
        var letters: [Letter]
        var hasLetters: Bool
        var resolutions: [ResolutionLine]
        var hasResolutions: Bool
        var canAnswer: Bool
        var error: String?
        var notice: String?
    }

    struct ResultForm: Decodable {
        var question: String?
        var result: String?
        var measures: String?
        var version: Int?
    }
    struct ExtendForm: Decodable {
        var days: String?
        var reason: String?
        var version: Int?
    }
    struct ForwardForm: Decodable {
        var organizationId: String?
        var bodyName: String?
        var version: Int?
    }
    struct CloseForm: Decodable {
        var specialCase: String?
        var detail: String?
        var version: Int?
    }
    struct RepeatForm: Decodable {
        var earlierId: String?
    }
    struct AnswerForm: Decodable {
        var text: String?
    }

    func addAppealCardRoutes(to router: Router<AppRequestContext>) {
        router.get("/appeals/report") { request, _ in
            let caller = try signedIn(request)
            return try await appealReportPage(caller, request: request)
        }
        router.get("/appeals/:id") { request, context in
            let caller = try signedIn(request)
            let notice = request.uri.queryParameters["created"] != nil ? "Обращение сохранено." : nil
            return try await appealCard(caller, id: try context.pathID("id", .appeal), notice: notice)
        }
        func action<Form: Decodable>(
            _ path: String, _ type: Form.Type, _ perform: @escaping @Sendable (Caller, UUID, Form) async throws -> Void
        ) {
            router.post("/appeals/:id/\(path)") { request, context in
                let caller = try signedIn(request)
                let id = try context.pathID("id", .appeal)
                let form = try await WebForms.decode(type, from: request)
                do {
                    try await perform(caller, id, form)
                    return WebRedirect(location: "/appeals/\(id.lowercasedString)").response
                } catch let error as OborotError where error.kind != .notFound && error.kind != .unauthorized {
                    return try await appealCard(caller, id: id, error: error.detail, status: error.kind.status)
                }
            }
        }
        let appeals = services.appeals
        // The answer's draft opens at once: the executor attaches the letter there, sends it to signing, registers it.
        router.post("/appeals/:id/answer") { request, context in
            let caller = try signedIn(request)
            let id = try context.pathID("id", .appeal)
            let form = try await WebForms.decode(AnswerForm.self, from: request)
            do {
                let answer = try await appeals.prepareAnswer(caller, id: id, text: form.text)
                return WebRedirect(location: "/documents/\(answer.documentID.lowercasedString)").response
            } catch let error as OborotError where error.kind != .notFound && error.kind != .unauthorized {
                return try await appealCard(caller, id: id, error: error.detail, status: error.kind.status)
            }
        }
        action("result", ResultForm.self) { caller, id, form in
            guard let question = form.question.flatMap(UUID.init(uuidString:)) else { throw OborotError.notFound(.appealQuestion) }
            guard let result = QuestionStatus(rawValue: form.result ?? "") else {
                throw OborotError.validation([FieldProblem(field: "result", code: "invalid", message: "Выберите результат рассмотрения.")])
            }
            _ = try await appeals.recordResult(caller, id: id, questionID: question, result: result, measuresTaken: form.measures == "on", expectedVersion: form.version)
        }
        action("extend", ExtendForm.self) { caller, id, form in
            _ = try await appeals.extend(caller, id: id, days: Int(form.days ?? "") ?? 0, reason: form.reason, expectedVersion: form.version)
        }
        action("forward", ForwardForm.self) { caller, id, form in
            let target: AppealService.ForwardTarget = form.organizationId.flatMap(UUID.init(uuidString:)).map { .organization($0) }
                ?? .outside(name: form.bodyName ?? "", address: nil)
            _ = try await appeals.forward(caller, id: id, to: target, questionIDs: [], expectedVersion: form.version)
        }
        action("close", CloseForm.self) { caller, id, form in
            guard let specialCase = AppealSpecialCase(rawValue: form.specialCase ?? "") else {
                throw OborotError.validation([FieldProblem(field: "specialCase", code: "invalid", message: "Выберите особый случай.")])
            }
            _ = try await appeals.close(caller, id: id, as: specialCase, detail: form.detail, expectedVersion: form.version)
        }
        action("repeated", RepeatForm.self) { caller, id, form in
            guard let earlier = form.earlierId.flatMap(UUID.init(uuidString:)) else { throw OborotError.notFound(.appeal) }
            _ = try await appeals.confirmRepeated(caller, id: id, earlierID: earlier)
        }
    }

    func appealCard(_ caller: Caller, id: UUID, error: String? = nil, notice: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let view = try await services.appeals.view(caller, id: id)
        let candidates = try await services.appeals.candidates(caller, view: view)
        let appeal = view.appeal
        let open = !appeal.isClosed && appeal.term != nil
        let regionOrganizations = view.canAdminister && open
            ? try await services.organizations.search(caller, text: "", within: nil, kind: nil, limit: 500).map(\.organization).filter { $0.id != view.organization.id } : []
        var flags: [String] = []
        if appeal.isCollective { flags.append("коллективное") }
        if appeal.isAnonymous { flags.append("анонимное") }
        if appeal.repeatedOfDocumentID != nil { flags.append("повторное") }
        if appeal.migrationMatterToHead { flags.append("миграционное законодательство — 20 дней") }
        let model = AppealCardModel(
            appealId: id.lowercasedString, number: view.document.registration.map { "№ \($0.number) от \($0.date.russian)" } ?? "не зарегистрировано",
            title: view.document.requisites.title, organization: view.organization.shortName, typeName: appeal.type.russianName,
            channelName: appeal.channel.russianName,
            identityLine: appeal.identity.map { "\($0.providerName), \(WebTexts.dateTime($0.verifiedAt, timeZone: OrganizationRules.defaultTimeZone))" },
            received: appeal.receivedOn.russian,
            forwardedFrom: appeal.forwardedFrom.map { "\($0.bodyName), письмо № \($0.number) от \($0.date.russian)" }, flags: flags,
            applicants: appeal.applicants.map { .init(name: $0.displayName, address: $0.postalAddress, email: $0.email, phone: $0.phone) },
            personalDataHidden: !view.personalDataShown,
            questions: appeal.questions.map { question in
                AppealCardModel.Question(
                    id: question.id.lowercasedString, number: question.number, code: question.topicCode.description,
                    topic: view.topicNames[question.topicCode] ?? "", text: question.text, status: question.status.rawValue,
                    statusName: question.status.russianName, measures: question.measuresTaken, forwardedTo: question.forwardedTo?.bodyName,
                    forwardedDocumentId: question.forwardedTo?.documentID?.lowercasedString,
                    open: !question.status.isFinal && appeal.term != nil && view.canHandle)
            },
            registered: appeal.term != nil, initialDeadline: appeal.term?.initialDeadline.russian, currentDeadline: appeal.term?.currentDeadline.russian,
            explanation: view.deadlineExplanation,
            extensions: (appeal.term?.extensions ?? []).map {
                .init(number: $0.number, days: $0.days, reason: $0.reason, from: $0.previousDeadline.russian, to: $0.newDeadline.russian,
                      noticeId: $0.noticeDocumentID?.lowercasedString)
            },
            hasExtensions: !(appeal.term?.extensions.isEmpty ?? true), standing: view.standing.rawValue, standingName: view.standing.russianName,
            specialCase: appeal.specialCase.map { "\($0.russianName) (\($0.article))\(view.specialCaseDetail.map { ": \($0)" } ?? "")" },
            canHandle: view.canHandle, canExtend: view.canDecide && open && (appeal.term?.extensions.isEmpty ?? false),
            canAdminister: view.canAdminister && open, open: open,
            results: QuestionStatus.results.map { .init(value: $0.rawValue, name: $0.russianName) },
            specialCases: AppealSpecialCase.allCases.map { .init(value: $0.rawValue, name: "\($0.russianName) — \($0.article)") },
            organizations: regionOrganizations.map { AppealCardModel.Option(value: $0.id.lowercasedString, name: $0.shortName) },
            candidates: candidates.map { .init(id: $0.documentID.lowercasedString, reason: $0.reason) }, hasCandidates: !candidates.isEmpty,
            repeatedOf: appeal.repeatedOfDocumentID?.lowercasedString,
            letters: view.letters.map {
                .init(id: $0.document.id.lowercasedString, title: $0.document.requisites.title, stateName: $0.document.state.russianName,
                      letterNumber: $0.document.registration.map { "№ \($0.number) от \($0.date.russian)" }, isAnswer: $0.isAnswer)
            },
            hasLetters: !view.letters.isEmpty,
            resolutions: view.resolutions.map {
                .init(text: $0.text, date: $0.date.russian, controlled: $0.controlled,
                      resolutionState: $0.state == .closed ? "снята с контроля" : $0.state == .draft ? "проект" : $0.controlled ? "на контроле" : "без контроля")
            },
            hasResolutions: !view.resolutions.isEmpty,
            canAnswer: view.canHandle && appeal.term != nil && appeal.specialCase == nil && view.answerDocumentID == nil
                && appeal.applicants.contains { !$0.isAnonymous },
            error: error, notice: notice)
        return page("appeal", title: "Обращение \(model.number)", model: ["appeal": model, "version": appeal.version] as [String: Any], caller: caller, path: "/appeals", status: status)
    }

    struct AppealReportModel {
        struct Row {
            var group: String
            var label: String
            var value: Int
            var width: Int
            var first: Bool
        }
        struct Option {
            var value: String
            var name: String
            var selected: Bool
        }
        var organizations: [Option]
        var organizationId: String
        var from: String
        var to: String
        var month: String
        var monthName: String
        var rows: [Row]
        var appeals: Int
        var questions: Int
        var error: String?
        var canExport: Bool
    }

    func appealReportPage(_ caller: Caller, request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let actor = caller.actor
        let organizationIDs = Self.organizationIDs(of: actor, holding: [.registrar, .head, .analyst, .controlOfficer])
        let organizations = try await services.database.read { try await OrganizationRepository($0).findMany(organizationIDs) }
        let chosen = query["organizationId"].flatMap { UUID(uuidString: String($0)) } ?? organizationIDs[0]
        let today = CalendarDate(Date(), in: TimeZone(identifier: OrganizationRules.defaultTimeZone) ?? .current)
        let from = query["from"].flatMap { CalendarDate(iso: String($0)) } ?? CalendarDate(year: today.year, month: today.month, day: 1)!
        let to = query["to"].flatMap { CalendarDate(iso: String($0)) } ?? today
        var rows: [AppealReportModel.Row] = []
        var totals = (0, 0)
        var error: String?
        do {
            let (_, report) = try await services.appeals.report(caller, organizationID: chosen, from: from, to: to)
            let maximum = max(1, report.rows.map(\.value).max() ?? 1)
            var lastGroup = ""
            rows = report.rows.map { row in
                defer { lastGroup = row.group }
                return AppealReportModel.Row(group: row.group, label: row.label, value: row.value, width: row.value * 100 / maximum, first: row.group != lastGroup)
            }
            totals = (report.appeals, report.questions)
        } catch let problem as OborotError where problem.kind == .forbidden || problem.kind == .unprocessable {
            error = problem.detail
        }
        let organization = organizations.first { $0.id == chosen }
        let model = AppealReportModel(
            organizations: organizations.map { .init(value: $0.id.lowercasedString, name: $0.shortName, selected: $0.id == chosen) },
            organizationId: chosen.lowercasedString, from: from.iso, to: to.iso, month: String(from.iso.prefix(7)), monthName: CalendarTexts.monthYear(from), rows: rows,
            appeals: totals.0, questions: totals.1, error: error,
            canExport: organization.map { AppealAccess.exports(on: $0.path).allows(actor) } ?? false)
        return page("appeal-report", title: "Статистика обращений", model: model, caller: caller, path: "/appeals")
    }
}
