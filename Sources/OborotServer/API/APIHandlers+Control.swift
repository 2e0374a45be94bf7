import Foundation
import OborotAPI
import OborotDomain
import OborotStore

extension APIHandlers {
    func listResolutions(_ input: Operations.ListResolutions.Input) async throws -> Operations.ListResolutions.Output {
        let trees = try await services.control.resolutions(try caller(), documentID: try id(input.path.documentId, .document))
        return .ok(.init(body: .json(trees.map(Components.Schemas.Resolution.init))))
    }

    func createResolution(_ input: Operations.CreateResolution.Input) async throws -> Operations.CreateResolution.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let draft = ResolutionDraft(
            text: body.text, deadline: try deadlineChoice(body.deadline, field: "deadline"),
            controlled: body.controlled ?? false,
            controlOfficerUserID: try body.controlOfficerId.map { try bodyID($0, field: "controlOfficerId") },
            controlCategory: body.controlCategory.flatMap { ControlCategory(rawValue: $0.rawValue) },
            executors: try executorDrafts(body.executors))
        let tree = try await services.control.issue(caller, documentID: try id(input.path.documentId, .document), draft: draft)
        return .created(.init(body: .json(.init(tree))))
    }

    func getResolution(_ input: Operations.GetResolution.Input) async throws -> Operations.GetResolution.Output {
        let tree = try await services.control.tree(try caller(), resolutionID: try id(input.path.resolutionId, .resolution))
        return .ok(.init(body: .json(.init(tree))))
    }

    func approveResolution(_ input: Operations.ApproveResolution.Input) async throws -> Operations.ApproveResolution.Output {
        let tree = try await services.control.approve(try caller(), resolutionID: try id(input.path.resolutionId, .resolution))
        return .ok(.init(body: .json(.init(tree))))
    }

    func removeResolutionFromControl(
        _ input: Operations.RemoveResolutionFromControl.Input
    ) async throws -> Operations.RemoveResolutionFromControl.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let tree = try await services.control.removeFromControl(
            caller, resolutionID: try id(input.path.resolutionId, .resolution), result: body.result)
        return .ok(.init(body: .json(.init(tree))))
    }

    func listAssignments(_ input: Operations.ListAssignments.Input) async throws -> Operations.ListAssignments.Output {
        let caller = try caller()
        let inbox = AssignmentInbox(rawValue: input.query.inbox?.rawValue ?? "todo") ?? .toDo
        let filter = AssignmentInboxFilter(rawValue: input.query.filter?.rawValue ?? "all") ?? .all
        let limit = limit(input.query.limit, default: 50, max: 200)
        let (items, today) = try await services.control.inbox(
            caller, inbox: inbox, filter: filter, after: try AssignmentCursor.decode(input.query.cursor), limit: limit)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: items.map { Components.Schemas.AssignmentListItem($0, today: today) },
                        nextCursor: items.count == limit ? items.last.map(AssignmentCursor.encode) : nil))))
    }

    func getAssignmentCounts(_ input: Operations.GetAssignmentCounts.Input) async throws -> Operations.GetAssignmentCounts.Output {
        let counts = try await services.control.counts(try caller())
        return .ok(
            .init(
                body: .json(
                    .init(
                        toDo: counts.toDo, controlling: counts.controlling, issued: counts.issued, overdue: counts.overdue,
                        dueSoon: counts.dueSoon))))
    }

    func getAssignment(_ input: Operations.GetAssignment.Input) async throws -> Operations.GetAssignment.Output {
        let (tree, _) = try await services.control.treeOfAssignment(
            try caller(), assignmentID: try id(input.path.assignmentId, .assignment))
        return .ok(.init(body: .json(.init(tree))))
    }

    func transitionAssignment(_ input: Operations.TransitionAssignment.Input) async throws -> Operations.TransitionAssignment.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        guard let event = AssignmentEvent(rawValue: body.event.rawValue) else {
            throw OborotError.malformedBody(field: "event", reason: ErrorTexts.notJSON)
        }
        let files = try (body.attachmentIds ?? []).enumerated().map { index, text in
            try bodyID(text, field: "attachmentIds[\(index)]")
        }
        let tree = try await services.control.transition(
            caller, assignmentID: try id(input.path.assignmentId, .assignment), event: event, text: body.text,
            expectedVersion: body.version, attachmentIDs: files)
        return .ok(.init(body: .json(.init(tree))))
    }

    func createSubAssignments(_ input: Operations.CreateSubAssignments.Input) async throws -> Operations.CreateSubAssignments.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let draft = ResolutionDraft(
            text: body.text, deadline: try deadlineChoice(body.deadline, field: "deadline"), controlled: false,
            controlOfficerUserID: nil, controlCategory: nil, executors: try executorDrafts(body.executors))
        let tree = try await services.control.subAssign(
            caller, parentID: try id(input.path.assignmentId, .assignment), draft: draft)
        return .created(.init(body: .json(.init(tree))))
    }

    // MARK: Reading request bodies

    private func deadlineChoice(_ input: Components.Schemas.DeadlineInput?, field: String) throws -> DeadlineChoice? {
        guard let input else { return nil }
        switch (input.period.nonBlank, input.date.nonBlank) {
        case (nil, nil): return nil
        case (let period?, nil):
            guard let parsed = DeadlinePeriod(code: period) else {
                throw OborotError.validation([FieldProblem(field: field, code: "invalid_period", message: CalendarServiceTexts.badPeriod)])
            }
            return .period(parsed)
        case (nil, let date?):
            guard let parsed = CalendarDate(iso: date) else {
                throw OborotError.validation([FieldProblem(field: field, code: "invalid_date", message: CalendarServiceTexts.badDate)])
            }
            return .date(parsed)
        case (.some, .some):
            throw OborotError.validation([FieldProblem(field: field, code: "period_and_date", message: CalendarServiceTexts.periodAndDate)])
        }
    }

    private func executorDrafts(_ inputs: [Components.Schemas.ExecutorInput]) throws -> [ExecutorDraft] {
        var drafts: [ExecutorDraft] = []
        var problems: [FieldProblem] = []
        for (index, input) in inputs.enumerated() {
            let field = "executors[\(index)]"
            let executor: Executor
            switch (input.userId.nonBlank, input.organizationId.nonBlank) {
            case (let user?, nil):
                guard let userID = UUID(uuidString: user) else {
                    problems.append(FieldProblem(field: field, code: "invalid_id", message: APITexts.invalidID("\(field).userId")))
                    continue
                }
                executor = .personToResolve(userID)
            case (nil, let organization?):
                guard let organizationID = UUID(uuidString: organization) else {
                    problems.append(
                        FieldProblem(field: field, code: "invalid_id", message: APITexts.invalidID("\(field).organizationId")))
                    continue
                }
                executor = .organization(organizationID)
            default:
                problems.append(FieldProblem(field: field, code: "executor_kind", message: APITexts.executorKind))
                continue
            }
            drafts.append(
                ExecutorDraft(
                    executor: executor, responsible: input.responsible ?? false,
                    deadline: try deadlineChoice(input.deadline, field: "\(field).deadline"), text: input.text))
        }
        try OborotError.throwIfInvalid(problems)
        return drafts
    }
}

/// The opaque cursor of assignment lists: the (deadline, id) the previous page ended with.
enum AssignmentCursor {
    static func encode(_ item: AssignmentListItem) -> String {
        OpaqueCursor.encode("a:\(item.assignment.deadline?.iso ?? ""):\(item.assignment.id.lowercasedString)")
    }

    static func decode(_ cursor: String?) throws -> (deadline: String, id: String)? {
        guard let cursor, !cursor.isEmpty else { return nil }
        guard let text = OpaqueCursor.decode(cursor) else { throw DocumentCursor.invalid }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts[0] == "a", CalendarDate(iso: parts[1]) != nil, let id = UUID(uuidString: parts[2]) else {
            throw DocumentCursor.invalid
        }
        return (parts[1], id.lowercasedString)
    }
}

extension APIHandlers {
    func requestExtension(_ input: Operations.RequestExtension.Input) async throws -> Operations.RequestExtension.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let tree = try await services.control.requestExtension(
            caller, assignmentID: try id(input.path.assignmentId, .assignment), proposedDate: body.date, reason: body.reason)
        return .created(.init(body: .json(.init(tree))))
    }

    func decideExtension(_ input: Operations.DecideExtension.Input) async throws -> Operations.DecideExtension.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let tree = try await services.control.decideExtension(
            caller, assignmentID: try id(input.path.assignmentId, .assignment),
            decision: ControlService.ExtensionDecision(rawValue: body.decision.rawValue) ?? .refuse, date: body.date,
            comment: body.comment)
        return .ok(.init(body: .json(.init(tree))))
    }

    func requestExplanation(_ input: Operations.RequestExplanation.Input) async throws -> Operations.RequestExplanation.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let tree = try await services.control.requestExplanation(
            caller, assignmentID: try id(input.path.assignmentId, .assignment), question: body.question)
        return .created(.init(body: .json(.init(tree))))
    }

    func answerExplanation(_ input: Operations.AnswerExplanation.Input) async throws -> Operations.AnswerExplanation.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let tree = try await services.control.answerExplanation(
            caller, assignmentID: try id(input.path.assignmentId, .assignment), answer: body.text)
        return .ok(.init(body: .json(.init(tree))))
    }
}

extension APIHandlers {
    func listNotifications(_ input: Operations.ListNotifications.Input) async throws -> Operations.ListNotifications.Output {
        let feed = try await services.notifications.feed(
            try caller(), unreadOnly: input.query.unread ?? false, limit: limit(input.query.limit, default: 50, max: 200))
        return .ok(.init(body: .json(.init(feed))))
    }

    func markNotificationsRead(_ input: Operations.MarkNotificationsRead.Input) async throws -> Operations.MarkNotificationsRead.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        try await services.notifications.markRead(caller, keys: body.keys)
        return .ok(.init(body: .json(.init(try await services.notifications.feed(caller, unreadOnly: false, limit: 50)))))
    }
}

extension Components.Schemas.NotificationFeed {
    init(_ feed: (unread: Int, items: [AppNotification])) {
        self.init(
            unread: feed.unread,
            items: feed.items.map {
                .init(
                    key: $0.key, kind: .init(rawValue: $0.kind.rawValue)!, kindName: $0.kind.russianName, text: $0.text,
                    assignmentId: $0.assignmentID?.lowercasedString, documentId: $0.documentID?.lowercasedString,
                    createdAt: $0.createdAt, read: $0.readAt != nil)
            })
    }
}
