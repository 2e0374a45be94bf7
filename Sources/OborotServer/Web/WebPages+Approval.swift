import Foundation
import Hummingbird
import Mustache
import OborotDomain
import OborotStore

/// Approval and signing on the web: the panel on the document card, its forms, the «Согласование» inboxes and the
/// printable approval sheet.
///
/// | page | who |
/// |---|---|
/// | `POST /documents/{id}/approval[/decision\|/restart\|/cancel]` | as `ApprovalService` |
/// | `POST /documents/{id}/signatures` | the signer (multipart: `attachmentId`, `signature` file) |
/// | `/approvals` | signed in: my steps to decide and my drafts to sign |
/// | `/documents/{id}/approval-sheet` | whoever sees the card |
extension WebPages {
    /// The card's «Согласование и подпись» section.
    struct ApprovalPanel {
        struct StepRow {
            var stage: Int
            var approver: String
            var state: String
            var stateName: String
            var deadline: String?
            var overdue: Bool
            var decidedAt: String?
            var comment: String?
            var carriedOver: Bool

            /// One approver's row, for the card (`today` given: overdue marked) and the printed sheet (`today` nil).
            init(_ step: ApprovalStep, names: [UUID: String], timeZone: String, today: CalendarDate?) {
                stage = step.stage + 1
                approver = names[step.approverUserID] ?? ""
                state = step.state.rawValue
                stateName = step.state.russianName
                deadline = step.deadline?.russian
                overdue = today.map { step.isOverdue(today: $0) } ?? false
                decidedAt = step.decidedAt.map { WebTexts.dateTime($0, timeZone: timeZone) }
                comment = step.comment
                carriedOver = step.carriedOver
            }
        }

        struct Round {
            var round: Int
            var steps: [StepRow]
        }

        struct Candidate {
            var userId: String
            var label: String
        }

        struct SignatureRow {
            var id: String
            var documentId: String
            var owner: String
            var serial: String
            var validity: String
            var signedAt: String
            var fileLabel: String
            var algorithm: String
            var code: String
        }

        struct FileOption {
            var id: String
            var label: String
        }

        var documentId: String
        var hasRoute: Bool
        var routeState: String?
        var routeStateName: String?
        var round: Int
        var steps: [StepRow]
        var earlierRounds: [Round]
        var hasEarlierRounds: Bool
        var canDecide: Bool
        var canStart: Bool
        var canRestart: Bool
        var candidates: [Candidate]
        var stageNumbers: [Int]
        var signatures: [SignatureRow]
        var hasSignatures: Bool
        var canSign: Bool
        var signBlockedReason: String?
        var files: [FileOption]
        var hasFiles: Bool
        var templates: [FileOption]
        var hasTemplates: Bool
        var canSaveTemplate: Bool
        /// What registration after signing will still ask for, shown while the draft is being prepared.
        var missingForRegistration: [String]
        var hasMissingForRegistration: Bool
    }

    func approvalPanel(_ caller: Caller, details: DocumentDetails, canEdit: Bool) async throws -> ApprovalPanel {
        let document = details.document
        let documentID = document.id.lowercasedString
        let zone = details.organization.timeZone
        let view = try await services.approval.view(caller, documentID: document.id)
        let today = details.organization.date(at: Date())
        func rows(_ steps: [ApprovalStep]) -> [ApprovalPanel.StepRow] {
            steps.map { ApprovalPanel.StepRow($0, names: view?.names ?? [:], timeZone: zone, today: today) }
        }
        let route = view?.route
        let isDraft = document.state == .draft && document.signedAt == nil
        let canStart = canEdit && isDraft && (route == nil || route?.state == .cancelled)
        let candidates = canStart
            ? try await services.approval.candidates(caller, organizationID: document.organizationID)
                .filter { $0.userID != caller.actor.principal.userID }
                .map { ApprovalPanel.Candidate(userId: $0.userID.lowercasedString, label: "\($0.name) — \($0.organizationName)") }
            : []
        let templates = canStart
            ? try await services.approval.templates(caller, organizationID: document.organizationID, kind: document.kind)
            : []
        let signatures = try await services.signatures.signatures(caller, documentID: document.id)
        let fileNames = Dictionary(uniqueKeysWithValues: details.attachments.map { ($0.id, $0.name) })
        let isSigner = DocumentAccess.signs(details.facts).allows(caller.actor)
        var missing: [String] = []
        if isDraft, document.kind.numberedAfterSigning,
            case .failure(let error) = RequisiteRules.validate(
                document.requisites, kind: document.kind, directiveForm: document.directiveForm, today: today, stage: .registration)
        {
            missing = error.fieldProblems.map(\.message)
        }
        var blocked: String?
        do { try ApprovalRules.checkSigningAllowed(route) } catch { blocked = error.detail }
        return ApprovalPanel(
            documentId: documentID, hasRoute: route != nil, routeState: route?.state.rawValue,
            routeStateName: route?.state.russianName, round: route?.round ?? 0,
            steps: rows(route?.currentSteps ?? []),
            earlierRounds: (1..<max(route?.round ?? 1, 1)).reversed().map { round in
                ApprovalPanel.Round(round: round, steps: rows(route?.steps.filter { $0.round == round } ?? []))
            },
            hasEarlierRounds: (route?.round ?? 1) > 1,
            canDecide: route?.state == .inProgress
                && route?.currentSteps.contains { $0.approverUserID == caller.actor.principal.userID && $0.state == .active } == true,
            canStart: canStart, canRestart: canEdit && isDraft && route != nil && route?.state != .cancelled,
            candidates: candidates, stageNumbers: [1, 2, 3, 4],
            signatures: signatures.map { signature in
                ApprovalPanel.SignatureRow(
                    id: signature.id.lowercasedString, documentId: documentID, owner: signature.certificate.ownerName,
                    serial: signature.certificate.serialNumberHex,
                    validity: WebTexts.validity(signature.certificate, timeZone: zone),
                    signedAt: WebTexts.dateTime(signature.signedAt, timeZone: zone),
                    fileLabel: "\(fileNames[signature.attachmentID] ?? "файл"), версия \(signature.versionNumber)",
                    algorithm: signature.algorithm, code: signature.verificationCode)
            },
            hasSignatures: !signatures.isEmpty,
            canSign: isSigner && isDraft && blocked == nil && !details.attachments.isEmpty,
            signBlockedReason: isSigner && isDraft ? blocked : nil,
            files: details.attachments.map { .init(id: $0.id.lowercasedString, label: "\($0.name), версия \($0.currentVersion)") },
            hasFiles: !details.attachments.isEmpty,
            templates: templates.map { .init(id: $0.id.lowercasedString, label: $0.name) }, hasTemplates: !templates.isEmpty,
            canSaveTemplate: AccessPolicy.anyOf(
                .administers(details.organization.path), DocumentAccess.registers(details.organization.path)
            ).allows(caller.actor),
            missingForRegistration: missing, hasMissingForRegistration: !missing.isEmpty)
    }

    func addApprovalRoutes(to router: Router<AppRequestContext>) {
        router.post("/documents/:id/approval") { request, context in
            let caller = try signedIn(request)
            let id = try documentID(context)
            let pairs = try await WebForms.pairs(from: request)
            let stages = (1...4).map { number in
                pairs.filter { $0.0 == "stage\(number)" }.compactMap { UUID(uuidString: $0.1) }.map { (userID: $0, workingDays: Int?.none) }
            }.filter { !$0.isEmpty }
            let days = pairs.first { $0.0 == "workingDays" }.flatMap { Int($0.1) }
            let mode = pairs.first { $0.0 == "restartMode" }.flatMap { ApprovalRestartMode(rawValue: $0.1) } ?? .route
            let templateID = pairs.first { $0.0 == "templateId" }.flatMap { UUID(uuidString: $0.1) }
            let templateName = (pairs.first { $0.0 == "templateName" }?.1).nonBlank
            var plan = ApprovalService.PlanInput(stages: stages.map { $0.map { ($0.userID, days) } })
            return try await cardAction(caller, id) {
                let document = try await services.documents.details(caller, id: id).document
                if let templateID, stages.isEmpty {
                    plan = try await services.approval.plan(fromTemplate: templateID, organizationID: document.organizationID)
                }
                _ = try await services.approval.start(caller, documentID: id, plan: plan, restartMode: mode)
                // The template is kept only once the route it was made from has started.
                if let templateName, templateID == nil || !stages.isEmpty {
                    _ = try await services.approval.createTemplate(
                        caller, organizationID: document.organizationID, kind: document.kind, name: templateName, stages: plan)
                }
            }
        }
        router.post("/documents/:id/approval/decision") { request, context in
            let caller = try signedIn(request)
            let id = try documentID(context)
            let pairs = try await WebForms.pairs(from: request)
            // No silent default: a form that lost its choice must not become an approval.
            guard let decision = pairs.first(where: { $0.0 == "decision" }).flatMap({ ApprovalDecision(rawValue: $0.1) }) else {
                throw OborotError.malformedBody(field: "decision", reason: WebTexts.unreadableForm)
            }
            let comment = pairs.first { $0.0 == "comment" }?.1
            // One tap from the inbox on a phone: approve and stay in the inbox.
            let back = pairs.first { $0.0 == "back" }?.1 == "/approvals" ? "/approvals" : nil
            return try await cardAction(caller, id, back: back) {
                _ = try await services.approval.decide(caller, documentID: id, decision: decision, comment: comment)
            }
        }
        router.post("/documents/:id/approval/restart") { request, context in
            let caller = try signedIn(request)
            let id = try documentID(context)
            let pairs = try await WebForms.pairs(from: request)
            let mode = pairs.first { $0.0 == "mode" }.flatMap { ApprovalRestartMode(rawValue: $0.1) }
            return try await cardAction(caller, id) { _ = try await services.approval.restart(caller, documentID: id, mode: mode) }
        }
        router.post("/documents/:id/approval/cancel") { request, context in
            let caller = try signedIn(request)
            let id = try documentID(context)
            return try await cardAction(caller, id) { _ = try await services.approval.cancel(caller, documentID: id) }
        }
        router.post("/documents/:id/signatures") { request, context in
            let caller = try signedIn(request)
            let id = try documentID(context)
            guard let boundary = MultipartFileReader.boundary(fromContentType: request.headers[.contentType] ?? "") else {
                throw OborotError.fileNameRequired
            }
            let body = try await request.body.collect(upTo: SignatureService.maxSignatureBytes + 64 * 1024)
            let parts = MultipartForm.parts(Array(body.readableBytesView), boundary: boundary)
            return try await cardAction(caller, id) {
                guard let attachment = parts["attachmentId"].flatMap({ UUID(uuidString: String(decoding: $0, as: UTF8.self)) }) else {
                    throw OborotError.notFound(.attachment)
                }
                guard let signature = parts["signature"], !signature.isEmpty else {
                    throw SignatureProblem.malformed("файл подписи не выбран").error
                }
                _ = try await services.signatures.sign(
                    caller, SignatureService.SignInput(
                        documentID: id, attachmentID: attachment, versionNumber: nil, signature: signature, journalID: nil))
            }
        }
        router.get("/approvals") { request, _ in
            let caller = try signedIn(request)
            return try await approvalsPage(caller)
        }
        router.get("/documents/:id/approval-sheet") { request, context in
            let caller = try signedIn(request)
            return try await approvalSheet(caller, id: try documentID(context))
        }
    }

    /// Runs a card form's action and returns to the card, or shows the card with the reason it failed.
    private func cardAction(_ caller: Caller, _ id: UUID, back: String? = nil, _ action: () async throws -> Void) async throws -> Response {
        do {
            try await action()
            return WebRedirect(location: back ?? "/documents/\(id.lowercasedString)#approval").response
        } catch let error as OborotError where error.kind != .notFound && error.kind != .unauthorized {
            return try await documentCard(caller, id: id, error: error.detail, status: error.kind.status)
        }
    }

    struct ApprovalsModel {
        struct Item {
            var documentId: String
            var title: String
            var kindName: String
            var deadline: String?
            var overdue: Bool
        }
        var toDecide: [Item]
        var hasToDecide: Bool
        var toSign: [Item]
        var hasToSign: Bool
    }

    private func approvalsPage(_ caller: Caller) async throws -> Response {
        let today = try await services.control.today(for: caller)
        let steps = try await services.approval.inbox(caller, limit: 100)
        let drafts = try await services.approval.awaitingSignature(caller, limit: 100)
        let model = ApprovalsModel(
            toDecide: steps.map {
                .init(
                    documentId: $0.documentID.lowercasedString, title: $0.documentTitle, kindName: $0.documentKind.russianName,
                    deadline: $0.step.deadline?.russian, overdue: $0.step.isOverdue(today: today))
            },
            hasToDecide: !steps.isEmpty,
            toSign: drafts.map {
                .init(documentId: $0.documentID.lowercasedString, title: $0.title, kindName: $0.kind.russianName, deadline: nil, overdue: false)
            },
            hasToSign: !drafts.isEmpty)
        return page("approvals", title: "Согласование и подпись", model: model, caller: caller, path: "/approvals")
    }

    struct SheetModel {
        var assetVersion: String
        var print: PrintModel
        var routeStateName: String
        var rounds: [ApprovalPanel.Round]
    }

    /// Лист согласования: every round, stage and decision with its remarks, for printing.
    private func approvalSheet(_ caller: Caller, id: UUID) async throws -> Response {
        let details = try await services.documents.details(caller, id: id)
        guard let view = try await services.approval.view(caller, documentID: id) else { throw OborotError.notFound(.approvalRoute) }
        let zone = details.organization.timeZone
        let rounds = (1...view.route.round).map { round in
            ApprovalPanel.Round(
                round: round,
                steps: view.route.steps.filter { $0.round == round }.map {
                    ApprovalPanel.StepRow($0, names: view.names, timeZone: zone, today: nil)
                })
        }
        let model = SheetModel(
            assetVersion: assets.version, print: PrintModel(details, assetVersion: assets.version),
            routeStateName: view.route.state.russianName, rounds: rounds)
        return html(library.render(model, withTemplate: "approval-sheet") ?? "")
    }
}
