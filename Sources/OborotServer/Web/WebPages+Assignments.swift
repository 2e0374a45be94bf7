import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// Execution control pages: the inboxes, an assignment's card with its tree and actions, the resolution and
/// sub-assignment forms. Laid out as one column of cards so a head can work from a phone.
extension WebPages {
    func addAssignmentRoutes(to router: Router<AppRequestContext>) {
        router.get("/assignments") { request, _ in
            try await inboxPage(try signedIn(request), request: request)
        }
        router.get("/assignments/:id") { request, context in
            let caller = try signedIn(request)
            return try await assignmentCard(caller, id: try assignmentID(context), notice: request.uri.queryParameters["done"].map(String.init))
        }
        router.post("/assignments/:id/transitions") { request, context in
            let caller = try signedIn(request)
            let id = try assignmentID(context)
            let pairs = try await WebForms.pairs(from: request)
            let form = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
            do {
                guard let event = form["event"].flatMap(AssignmentEvent.init(rawValue:)) else {
                    throw OborotError.malformedBody(field: "event", reason: WebTexts.unreadableForm)
                }
                _ = try await services.control.transition(
                    caller, assignmentID: id, event: event, text: form["text"], expectedVersion: form["version"].flatMap { Int($0) },
                    attachmentIDs: pairs.filter { $0.0 == "attachment" }.compactMap { UUID(uuidString: $0.1) })
                return WebRedirect(location: "/assignments/\(id.lowercasedString)?done=\(event.rawValue)").response
            } catch let error as OborotError where error.kind != .notFound && error.kind != .unauthorized {
                return try await assignmentCard(caller, id: id, error: error, status: error.kind.status)
            }
        }
        // Extension and explanation forms on the card: each posts, then comes back to the card with a notice.
        let requestForms: [(path: String, notice: String, act: @Sendable (Caller, UUID, [String: String]) async throws -> Void)] = [
            ("extensions", "extension_requested", { caller, id, form in
                _ = try await services.control.requestExtension(
                    caller, assignmentID: id, proposedDate: form["date"] ?? "", reason: form["reason"] ?? "")
            }),
            ("extensions/decision", "extension_decided", { caller, id, form in
                _ = try await services.control.decideExtension(
                    caller, assignmentID: id,
                    decision: ControlService.ExtensionDecision(rawValue: form["decision"] ?? "") ?? .refuse,
                    date: form["date"], comment: form["comment"])
            }),
            ("explanations", "explanation_requested", { caller, id, form in
                _ = try await services.control.requestExplanation(caller, assignmentID: id, question: form["question"])
            }),
            ("explanations/answer", "explanation_answered", { caller, id, form in
                _ = try await services.control.answerExplanation(caller, assignmentID: id, answer: form["text"] ?? "")
            }),
        ]
        for form in requestForms {
            router.post("/assignments/:id/\(form.path)") { request, context in
                let caller = try signedIn(request)
                let id = try assignmentID(context)
                let fields = Dictionary(try await WebForms.pairs(from: request), uniquingKeysWith: { first, _ in first })
                do {
                    try await form.act(caller, id, fields)
                    return WebRedirect(location: "/assignments/\(id.lowercasedString)?done=\(form.notice)").response
                } catch let error as OborotError where error.kind != .notFound && error.kind != .unauthorized {
                    return try await assignmentCard(caller, id: id, error: error, status: error.kind.status)
                }
            }
        }
        router.get("/assignments/:id/sub-assignments") { request, context in
            let caller = try signedIn(request)
            return try await assignmentForm(caller, context: try await subAssignmentContext(caller, context), values: AssignmentFormValues(), error: nil)
        }
        router.post("/assignments/:id/sub-assignments") { request, context in
            let caller = try signedIn(request)
            let values = AssignmentFormValues(pairs: try await WebForms.pairs(from: request))
            return try await submitAssignmentForm(caller, context: try await subAssignmentContext(caller, context), values: values)
        }
        router.get("/documents/:id/resolution") { request, context in
            let caller = try signedIn(request)
            return try await assignmentForm(caller, context: try await resolutionContext(caller, context), values: AssignmentFormValues(), error: nil)
        }
        router.post("/documents/:id/resolution") { request, context in
            let caller = try signedIn(request)
            let values = AssignmentFormValues(pairs: try await WebForms.pairs(from: request))
            return try await submitAssignmentForm(caller, context: try await resolutionContext(caller, context), values: values)
        }
        router.post("/resolutions/:id/approval") { request, context in
            let caller = try signedIn(request)
            let id = try resolutionID(context)
            let tree = try await services.control.approve(caller, resolutionID: id)
            return WebRedirect(location: "/documents/\(tree.resolution.documentID.lowercasedString)?resolution=approved#resolutions").response
        }
        router.post("/resolutions/:id/removal-from-control") { request, context in
            let caller = try signedIn(request)
            let id = try resolutionID(context)
            let form = Dictionary(try await WebForms.pairs(from: request), uniquingKeysWith: { first, _ in first })
            let back = form["assignmentId"].flatMap(UUID.init(uuidString:))
            do {
                _ = try await services.control.removeFromControl(caller, resolutionID: id, result: form["result"] ?? "")
                if let back { return WebRedirect(location: "/assignments/\(back.lowercasedString)?done=removed").response }
                return WebRedirect(location: "/assignments?inbox=control").response
            } catch let error as OborotError where back != nil && error.kind != .notFound && error.kind != .unauthorized {
                return try await assignmentCard(caller, id: back!, error: error, status: error.kind.status)
            }
        }
    }

    private func assignmentID(_ context: AppRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw OborotError.notFound(.assignment) }
        return id
    }

    private func resolutionID(_ context: AppRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw OborotError.notFound(.resolution) }
        return id
    }

    private func resolutionContext(_ caller: Caller, _ context: AppRequestContext) async throws -> AssignmentFormContext {
        let details = try await services.documents.details(caller, id: try documentID(context))
        try caller.actor.require(.issuesResolutions(in: details.organization.path))
        return .resolution(
            documentID: details.document.id, documentLabel: PrintModel(details, assetVersion: assets.version).label,
            organizationID: details.document.organizationID)
    }

    private func subAssignmentContext(_ caller: Caller, _ context: AppRequestContext) async throws -> AssignmentFormContext {
        let (tree, id) = try await services.control.treeOfAssignment(caller, assignmentID: try assignmentID(context))
        guard let assignment = tree.assignments.first(where: { $0.id == id }) else { throw OborotError.notFound(.assignment) }
        let organization = try await services.organizations.details(caller, id: assignment.executor.organizationID).organization
        try caller.actor.require(.executes(assignment.executor, organizationPath: organization.path))
        return .subAssignment(assignment: assignment, organization: organization)
    }

    // MARK: Inbox

    struct InboxModel {
        struct Tab {
            var href: String
            var label: String
            var count: Int?
            var current: Bool
        }

        struct Row {
            var id: String
            var documentLabel: String
            var documentTitle: String
            var text: String
            var authorName: String
            var executorName: String
            var deadline: String
            var overdue: Bool
            var state: String
            var stateName: String
            var responsible: Bool
        }

        var heading: String
        var tabs: [Tab]
        var filters: [Tab]
        var rows: [Row]
        var hasRows: Bool
        var nextHref: String?
    }

    private func inboxPage(_ caller: Caller, request: Request) async throws -> Response {
        let parameters = request.uri.queryParameters
        let inbox = parameters["inbox"].flatMap { AssignmentInbox(rawValue: String($0)) } ?? .toDo
        let filter = parameters["filter"].flatMap { AssignmentInboxFilter(rawValue: String($0)) } ?? .all
        let after = try AssignmentCursor.decode(parameters["cursor"].map(String.init))
        let (items, today) = try await services.control.inbox(caller, inbox: inbox, filter: filter, after: after, limit: Self.pageSize)
        let counts = try await services.control.counts(caller)
        let inboxes: [(AssignmentInbox, String, Int)] = [
            (.toDo, "На исполнение", counts.toDo), (.controlling, "На контроле", counts.controlling),
            (.issued, "Отправленные", counts.issued),
        ]
        let filters: [(AssignmentInboxFilter, String, Int?)] = [
            (.all, "Все", nil), (.overdue, "Просроченные", inbox == .toDo ? counts.overdue : nil),
            (.dueSoon, "Срок в ближайшие 3 рабочих дня", inbox == .toDo ? counts.dueSoon : nil),
        ]
        let model = InboxModel(
            heading: inboxes.first { $0.0 == inbox }?.1 ?? "Поручения",
            // Mustache shows a zero like any other number: an empty folder gets no badge at all.
            tabs: inboxes.map {
                .init(href: "/assignments?inbox=\($0.0.rawValue)", label: $0.1, count: $0.2 > 0 ? $0.2 : nil, current: $0.0 == inbox)
            },
            filters: filters.map {
                .init(href: "/assignments?inbox=\(inbox.rawValue)&filter=\($0.0.rawValue)", label: $0.1, count: ($0.2 ?? 0) > 0 ? $0.2 : nil, current: $0.0 == filter)
            },
            rows: items.map { InboxModel.Row($0, today: today) },
            hasRows: !items.isEmpty,
            nextHref: items.count == Self.pageSize
                ? items.last.map { "/assignments?inbox=\(inbox.rawValue)&filter=\(filter.rawValue)&cursor=\(AssignmentCursor.encode($0))" } : nil)
        return page("assignments", title: model.heading, model: model, caller: caller, path: "/assignments")
    }

    // MARK: Card

    /// One line of an assignment tree, on the assignment card and on the document card.
    struct AssignmentTreeNode {
        var id: String
        /// Depth in the tree, capped where the indentation classes end.
        var indent: Int
        var executorName: String
        var deadline: String
        var state: String
        var stateName: String
        var overdue: Bool
        var responsible: Bool
        var current: Bool

        static func nodes(of tree: ControlService.ResolutionTree, current: UUID? = nil) -> [AssignmentTreeNode] {
            tree.inTreeOrder().map { assignment, depth in
                AssignmentTreeNode(
                    id: assignment.id.lowercasedString, indent: min(depth, 6), executorName: tree.executorName(assignment.executor),
                    deadline: assignment.deadline?.russian ?? "—", state: assignment.state.rawValue,
                    stateName: assignment.state.russianName, overdue: assignment.isOverdue(today: tree.today),
                    responsible: assignment.responsible && assignment.parentID == nil, current: assignment.id == current)
            }
        }
    }

    struct AssignmentCardModel {
        struct FileRow {
            var id: String
            var name: String
            var documentId: String
        }

        struct ReportRow {
            var files: [FileRow]
            var authorName: String
            var text: String
            var submittedAt: String
            var decision: String?
            var accepted: Bool
            var decidedBy: String?
            var comment: String?
        }

        var id: String
        var version: Int
        var resolutionId: String
        var documentId: String
        var resolutionText: String
        var resolutionAuthor: String
        var resolutionDate: String
        var resolutionState: String
        var categoryName: String?
        var controlOfficer: String?
        var controlResult: String?
        var text: String
        var executorName: String
        var authorName: String
        var deadline: String
        var initialDeadline: String?
        var explanation: String?
        var state: String
        var stateName: String
        var overdue: Bool
        var tree: [AssignmentTreeNode]
        var reports: [ReportRow]
        var hasReports: Bool
        var notice: String?
        var error: String?
        var canAccept: Bool
        var canReport: Bool
        var canDecide: Bool
        var canSubAssign: Bool
        var canCancel: Bool
        var canRemoveFromControl: Bool
        var hasActions: Bool
        var extensions: [ExtensionRow] = []
        var hasExtensions = false
        var explanations: [ExplanationRow] = []
        var hasExplanations = false
        var changes: [ChangeRow] = []
        var hasChanges = false
        var canRequestExtension = false
        var pendingNumber: Int?
        var pendingDate: String?
        var canForwardExtension = false
        var canApproveExtension = false
        var canRefuseExtension = false
        var canRequestExplanation = false
        var canAnswerExplanation = false
        var proposedDefault = ""
        var documentFiles: [FileRow] = []
        var hasDocumentFiles = false
        var uploadAction = ""
    }

    struct ExtensionRow {
        var number: Int
        var proposedDate: String
        var reason: String
        var requestedBy: String
        var stateName: String
        var stageName: String?
        var decided: String?
        var comment: String?
    }

    struct ExplanationRow {
        var question: String
        var requestedBy: String
        var answer: String?
        var answeredBy: String?
    }

    struct ChangeRow {
        var number: Int
        var change: String
        var reason: String
        var by: String
    }

    func assignmentCard(
        _ caller: Caller, id: UUID, notice: String? = nil, error: OborotError? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (tree, _) = try await services.control.treeOfAssignment(caller, assignmentID: id)
        guard let assignment = tree.assignments.first(where: { $0.id == id }) else { throw OborotError.notFound(.assignment) }
        let resolution = tree.resolution
        let permissions = try await services.control.permissions(caller, assignment: assignment, resolution: resolution)
        let events = Set(AssignmentLifecycle.events(from: assignment.state))
        let zone = OrganizationRules.defaultTimeZone
        func name(_ id: UUID?) -> String? { id.flatMap { tree.people[$0] } }
        let responsibleDone = !tree.assignments.contains { $0.parentID == nil && $0.responsible && $0.state.isOpen }
        var model = AssignmentCardModel(
            id: id.lowercasedString, version: assignment.version, resolutionId: resolution.id.lowercasedString,
            documentId: resolution.documentID.lowercasedString, resolutionText: resolution.text,
            resolutionAuthor: name(resolution.authorUserID) ?? "", resolutionDate: resolution.date.russian,
            resolutionState: resolution.state == .closed ? "Снята с контроля" : resolution.controlled ? "На контроле" : "Без контроля",
            categoryName: resolution.controlCategory?.russianName, controlOfficer: name(resolution.controlOfficerUserID),
            controlResult: resolution.controlResult, text: assignment.text, executorName: tree.executorName(assignment.executor),
            authorName: name(assignment.authorUserID) ?? "", deadline: assignment.deadline?.russian ?? "—",
            initialDeadline: assignment.initialDeadline != assignment.deadline ? assignment.initialDeadline?.russian : nil,
            explanation: assignment.deadlineExplanation, state: assignment.state.rawValue, stateName: assignment.state.russianName,
            overdue: assignment.isOverdue(today: tree.today), tree: AssignmentTreeNode.nodes(of: tree, current: id),
            reports: (tree.reports[id] ?? []).map { report in
                .init(
                    files: (tree.reportFiles[report.id] ?? []).map {
                        .init(id: $0.attachmentID.lowercasedString, name: $0.name, documentId: resolution.documentID.lowercasedString)
                    },
                    authorName: name(report.authorUserID) ?? "", text: report.text,
                    submittedAt: WebTexts.dateTime(report.submittedAt, timeZone: zone),
                    decision: report.decision.map { $0 == .accepted ? "Принят" : "Возвращён на доработку" },
                    accepted: report.decision == .accepted, decidedBy: name(report.decidedByUserID), comment: report.comment)
            },
            hasReports: !(tree.reports[id] ?? []).isEmpty, notice: notice.flatMap(AssignmentCardTexts.notice),
            error: error?.detail,
            canAccept: permissions.executes && events.contains(.accept),
            canReport: permissions.executes && events.contains(.submitReport),
            canDecide: permissions.controls && events.contains(.acceptReport),
            canSubAssign: permissions.executes && assignment.state.isOpen && assignment.state != .reportSubmitted,
            canCancel: permissions.isAuthor && events.contains(.cancel),
            canRemoveFromControl: permissions.controlsResolution && resolution.state == .active && resolution.controlled
                && responsibleDone && assignment.parentID == nil,
            hasActions: false)
        let extensions = tree.extensions[id] ?? []
        let explanations = tree.explanations[id] ?? []
        let pending = extensions.last { $0.state == .pending }
        model.extensions = extensions.map { request in
            .init(
                number: request.number, proposedDate: request.proposedDate.russian, reason: request.reason,
                requestedBy: name(request.requestedByUserID) ?? "", stateName: request.state.russianName,
                stageName: request.state == .pending ? request.stage.russianName : nil,
                decided: request.decidedDate.map { "новый срок \($0.russian)" }, comment: request.comment)
        }
        model.hasExtensions = !extensions.isEmpty
        model.explanations = explanations.map {
            .init(question: $0.question, requestedBy: name($0.requestedByUserID) ?? "", answer: $0.answer, answeredBy: name($0.answeredByUserID))
        }
        model.hasExplanations = !explanations.isEmpty
        model.changes = (tree.deadlineChanges[id] ?? []).map {
            .init(
                number: $0.number, change: "\($0.oldDeadline?.russian ?? "—") → \($0.newDeadline?.russian ?? "—")", reason: $0.reason,
                by: name($0.changedByUserID) ?? "")
        }
        model.hasChanges = !model.changes.isEmpty
        if model.canReport {
            let details = try await services.documents.details(caller, id: resolution.documentID)
            model.documentFiles = details.attachments.map {
                .init(id: $0.id.lowercasedString, name: $0.name, documentId: resolution.documentID.lowercasedString)
            }
            model.hasDocumentFiles = !model.documentFiles.isEmpty
            model.uploadAction = "/documents/\(resolution.documentID.lowercasedString)/files?back=/assignments/\(id.lowercasedString)"
        }
        model.canRequestExtension = permissions.executes && assignment.state.isOpen && pending == nil
        model.proposedDefault = assignment.deadline.map { $0.adding(days: 7).iso } ?? ""
        if let pending {
            let me = caller.actor.principal.userID
            let holder = ControlService.extensionRoute(for: assignment, among: tree.assignments).holder(of: pending.stage)
            model.canApproveExtension = permissions.isAuthor
            model.canForwardExtension = holder == me && pending.stage != .author
            model.canRefuseExtension = holder == me || permissions.isAuthor
            // The decision form is shown only to those who can decide something on it.
            if model.canApproveExtension || model.canForwardExtension || model.canRefuseExtension {
                model.pendingNumber = pending.number
                model.pendingDate = pending.proposedDate.iso
            }
        }
        model.canRequestExplanation = permissions.controls && assignment.isOverdue(today: tree.today)
        model.canAnswerExplanation = permissions.executes && explanations.contains { $0.answer == nil }
        model.hasActions = model.canAccept || model.canReport || model.canDecide || model.canSubAssign || model.canCancel
            || model.canRemoveFromControl || model.canRequestExtension || model.pendingNumber != nil
            || model.canRequestExplanation || model.canAnswerExplanation
        return page("assignment", title: "Поручение", model: model, caller: caller, path: "/assignments", status: status)
    }
}

extension WebPages.InboxModel.Row {
    init(_ item: AssignmentListItem, today: CalendarDate) {
        let assignment = item.assignment
        self.init(
            id: assignment.id.lowercasedString, documentLabel: item.documentNumber.map { "№ \($0)" } ?? "Документ без номера",
            documentTitle: item.documentTitle, text: assignment.text, authorName: item.authorName,
            executorName: item.executorName, deadline: assignment.deadline?.russian ?? "—",
            overdue: assignment.isOverdue(today: today), state: assignment.state.rawValue,
            stateName: assignment.state.russianName, responsible: assignment.responsible)
    }
}

enum AssignmentCardTexts {
    static func notice(_ code: String) -> String? {
        switch code {
        case "accept": "Поручение принято к исполнению."
        case "submit_report": "Отчёт отправлен на проверку."
        case "accept_report": "Отчёт принят, поручение исполнено."
        case "return_report": "Отчёт возвращён на доработку."
        case "cancel": "Поручение отменено."
        case "sub_assigned": "Поручение перепоручено."
        case "removed": "Резолюция снята с контроля."
        case "extension_requested": "Запрос о продлении срока отправлен."
        case "extension_decided": "Решение по запросу о продлении срока записано."
        case "explanation_requested": "Исполнителю направлен запрос объяснения."
        case "explanation_answered": "Объяснение отправлено."
        default: nil
        }
    }
}
