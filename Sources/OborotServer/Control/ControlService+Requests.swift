import Foundation
import OborotDomain
import OborotStore

/// Extensions of deadlines and explanations of missed ones.
///
/// | action | policy |
/// |---|---|
/// | ask for an extension, answer a request for an explanation | the executor (`executes`) |
/// | pass an extension request on, or refuse it | whoever holds its current stage |
/// | set the new deadline | the assignment's author alone |
/// | request an explanation of a missed deadline | the author or the control officer (`controls`) |
extension ControlService {
    enum ExtensionDecision: String, Sendable {
        /// An intermediate stage agrees: the request goes on to the next one.
        case forward
        /// The author sets the new deadline.
        case approve
        /// Whoever holds the stage refuses, with a reason.
        case refuse
    }

    func requestExtension(_ caller: Caller, assignmentID: UUID, proposedDate: String, reason: String) async throws -> ResolutionTree {
        let resolutionID = try await database.write { db in
            let repository = ControlRepository(db)
            let assignment = try await repository.assignment(assignmentID)
            let organization = try await OrganizationRepository(db).get(assignment.executor.organizationID)
            try caller.actor.require(.executes(assignment.executor, organizationPath: organization.path))
            guard assignment.state.isOpen else { throw ControlServiceTexts.closedParent(assignment.state) }
            let existing = try await repository.extensions(assignmentIDs: [assignmentID])
            if existing.contains(where: { $0.state == .pending }) { throw ControlTexts.extensionPending }
            let today = organization.date(at: db.now)
            var problems: [FieldProblem] = []
            let date = CalendarDate(iso: proposedDate.trimmed)
            if let date {
                problems += ExtensionRules.problems(date: date, currentDeadline: assignment.deadline, today: today, field: "date")
            } else {
                problems.append(FieldProblem(field: "date", code: "invalid_date", message: CalendarServiceTexts.badDate))
            }
            if reason.trimmed.isEmpty {
                problems.append(FieldProblem(field: "reason", code: "required", message: ControlTexts.reasonRequired))
            }
            try OborotError.throwIfInvalid(problems)
            let route = try await route(for: assignment, repository: repository)
            let request = ExtensionRequest(
                id: UUID(), assignmentID: assignmentID, number: (existing.map(\.number).max() ?? 0) + 1,
                requestedByUserID: caller.actor.principal.userID, proposedDate: date!, reason: reason.trimmed,
                stage: route.stages.first ?? .author, createdAt: db.now)
            try await repository.insert(request)
            try await ControlNotifications.tell(
                route.holder(of: request.stage), .extensionRequested, about: assignment, tag: "\(request.number)",
                text: "Запрос о продлении срока до \(request.proposedDate.russian)", db: db)
            try await AuditLog(db).append(
                caller.audit("assignment.extension_request", .assignment, assignmentID, ControlRequestTexts.requested(request)))
            return assignment.resolutionID
        }
        return try await tree(caller, resolutionID: resolutionID)
    }

    func decideExtension(
        _ caller: Caller, assignmentID: UUID, decision: ExtensionDecision, date: String?, comment: String?
    ) async throws -> ResolutionTree {
        let resolutionID = try await database.write { db in
            let repository = ControlRepository(db)
            var assignment = try await repository.assignment(assignmentID)
            guard var request = try await repository.extensions(assignmentIDs: [assignmentID]).last(where: { $0.state == .pending })
            else { throw ControlTexts.noPendingExtension }
            let route = try await route(for: assignment, repository: repository)
            let me = caller.actor.principal.userID
            // Only the author sets a deadline, and may settle a request at any stage; the others only pass it on
            // or refuse it while it is theirs.
            let isAuthor = AccessPolicy.isAssignmentAuthor(assignment).allows(caller.actor)
            if decision == .approve || request.stage == .author {
                try caller.actor.require(.isAssignmentAuthor(assignment))
            } else if !(isAuthor && decision == .refuse) {
                guard route.holder(of: request.stage) == me else { throw OborotError.forbidden(ControlRequestTexts.stagePolicy(request.stage)) }
            }
            if decision == .forward && request.stage == .author { throw ControlRequestTexts.authorDecides }
            request.comment = comment.nonBlank
            switch decision {
            case .forward:
                request.stage = route.stage(after: request.stage) ?? .author
                try await ControlNotifications.tell(
                    route.holder(of: request.stage), .extensionRequested, about: assignment,
                    tag: "\(request.number):\(request.stage.rawValue)",
                    text: "Запрос о продлении срока до \(request.proposedDate.russian)", db: db)
            case .refuse:
                guard request.comment != nil else {
                    throw OborotError.validation([FieldProblem(field: "comment", code: "required", message: ControlTexts.reasonRequired)])
                }
                request.state = .refused
                request.decidedByUserID = me
                request.decidedAt = db.now
            case .approve:
                let organization = try await OrganizationRepository(db).get(assignment.executor.organizationID)
                let today = organization.date(at: db.now)
                let newDate = date.nonBlank.map { CalendarDate(iso: $0) } ?? request.proposedDate
                guard let newDate else {
                    throw OborotError.validation([FieldProblem(field: "date", code: "invalid_date", message: CalendarServiceTexts.badDate)])
                }
                try OborotError.throwIfInvalid(
                    ExtensionRules.problems(date: newDate, currentDeadline: assignment.deadline, today: today, field: "date"))
                request.state = .approved
                request.decidedDate = newDate
                request.decidedByUserID = me
                request.decidedAt = db.now
                let old = assignment.deadline
                let version = assignment.version
                assignment.deadline = newDate
                assignment.deadlineExplanation = ControlRequestTexts.extended(request, to: newDate)
                try await repository.update(assignment, expectedVersion: version)
                try await repository.recordDeadlineChange(
                    assignmentID: assignmentID, from: old, to: newDate, reason: ControlRequestTexts.changeReason(request), by: me)
            }
            try await repository.update(request)
            try await AuditLog(db).append(
                caller.audit("assignment.extension_\(decision.rawValue)", .assignment, assignmentID, ControlRequestTexts.decided(request, decision)))
            return assignment.resolutionID
        }
        return try await tree(caller, resolutionID: resolutionID)
    }

    func requestExplanation(_ caller: Caller, assignmentID: UUID, question: String?) async throws -> ResolutionTree {
        let resolutionID = try await database.write { db in
            let repository = ControlRepository(db)
            let assignment = try await repository.assignment(assignmentID)
            try caller.actor.require(.controls(assignment))
            let organization = try await OrganizationRepository(db).get(assignment.executor.organizationID)
            let today = organization.date(at: db.now)
            guard assignment.isOverdue(today: today) else { throw ControlTexts.notOverdue }
            let request = ExplanationRequest(
                id: UUID(), assignmentID: assignmentID, requestedByUserID: caller.actor.principal.userID,
                question: question.nonBlank ?? ControlRequestTexts.defaultQuestion(assignment), requestedAt: db.now)
            try await repository.insert(request)
            for user in try await ControlNotifications.executorUsers(assignment, db: db) {
                try await ControlNotifications.tell(
                    user, .explanationRequested, about: assignment, tag: request.id.lowercasedString,
                    text: "Запрошено объяснение нарушения срока", db: db)
            }
            try await AuditLog(db).append(
                caller.audit("assignment.explanation_request", .assignment, assignmentID, request.question))
            return assignment.resolutionID
        }
        return try await tree(caller, resolutionID: resolutionID)
    }

    func answerExplanation(_ caller: Caller, assignmentID: UUID, answer: String) async throws -> ResolutionTree {
        let resolutionID = try await database.write { db in
            let repository = ControlRepository(db)
            let assignment = try await repository.assignment(assignmentID)
            let organization = try await OrganizationRepository(db).get(assignment.executor.organizationID)
            try caller.actor.require(.executes(assignment.executor, organizationPath: organization.path))
            guard var request = try await repository.explanations(assignmentIDs: [assignmentID]).last(where: { $0.answer == nil })
            else { throw ControlTexts.noOpenExplanation }
            guard let text = Optional(answer).nonBlank else {
                throw OborotError.validation([FieldProblem(field: "text", code: "required", message: ControlTexts.answerRequired)])
            }
            request.answer = text
            request.answeredByUserID = caller.actor.principal.userID
            request.answeredAt = db.now
            try await repository.answer(request)
            try await AuditLog(db).append(caller.audit("assignment.explanation_answer", .assignment, assignmentID, text))
            return assignment.resolutionID
        }
        return try await tree(caller, resolutionID: resolutionID)
    }

    private func route(for assignment: Assignment, repository: ControlRepository) async throws -> ExtensionRules.Route {
        // Only a co-executor's request needs the resolution's other assignments (to find the responsible one).
        let siblings = assignment.responsible ? [] : try await repository.assignments(resolutionID: assignment.resolutionID)
        return Self.extensionRoute(for: assignment, among: siblings)
    }

    /// The stages an extension request of `assignment` passes, given its resolution's assignments: the responsible
    /// executor (for a co-executor, when that is a person), the control officer, the author.
    static func extensionRoute(for assignment: Assignment, among assignments: [Assignment]) -> ExtensionRules.Route {
        let responsible = assignment.responsible
            ? nil : assignments.first { $0.parentID == assignment.parentID && $0.responsible }?.executor.userID
        return ExtensionRules.Route(
            responsibleExecutor: responsible, controlOfficer: assignment.controlOfficerUserID, author: assignment.authorUserID)
    }
}

enum ControlRequestTexts {
    static let authorDecides = OborotError(
        .conflict, code: "author_decides", title: "Решение за автором",
        detail: "Запрос уже у автора поручения: он продлевает срок или отказывает.")

    static func stagePolicy(_ stage: ExtensionRequest.Stage) -> String {
        "запрос о продлении срока сейчас \(stage.russianName)"
    }

    static func requested(_ request: ExtensionRequest) -> String {
        "Запрос № \(request.number) о продлении срока до \(request.proposedDate.russian): \(request.reason)"
    }

    static func decided(_ request: ExtensionRequest, _ decision: ControlService.ExtensionDecision) -> String {
        switch decision {
        case .forward: "Запрос № \(request.number) о продлении срока передан \(request.stage.russianName.replacingOccurrences(of: "у ", with: ""))"
        case .refuse: "В продлении срока отказано (запрос № \(request.number)): \(request.comment ?? "")"
        case .approve: "Срок продлён до \(request.decidedDate?.russian ?? "") (запрос № \(request.number))"
        }
    }

    static func extended(_ request: ExtensionRequest, to date: CalendarDate) -> String {
        "Срок продлён автором поручения до \(CalendarTexts.dayWithWeekday(date)) по запросу № \(request.number): \(request.reason)."
    }

    static func changeReason(_ request: ExtensionRequest) -> String {
        "Запрос № \(request.number): \(request.reason)"
    }

    static func defaultQuestion(_ assignment: Assignment) -> String {
        "Срок исполнения \(assignment.deadline?.russian ?? "") нарушен. Объясните причины и назовите новый срок."
    }
}
