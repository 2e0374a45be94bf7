import Foundation
import OborotDomain
import OborotStore

/// Approval routes of drafts (согласование).
///
/// | action | policy |
/// |---|---|
/// | start, restart or withdraw a route | `DocumentAccess.canEdit` on the draft (its author or a registrar) |
/// | decide | the approver of an active step of the current round |
/// | see a route | `DocumentAccess.canView` (approvers get explicit access when the route starts) |
struct ApprovalService: Sendable {
    let database: any Database
    let calendar: CalendarService

    /// The approvers of each stage, by user account, with their working days.
    struct PlanInput: Sendable {
        var stages: [[(userID: UUID, workingDays: Int?)]]
    }

    func route(_ caller: Caller, documentID: UUID) async throws -> ApprovalRoute? {
        try await database.read { db in
            _ = try await DocumentRepository(db).visible(documentID, to: caller.actor)
            return try await ApprovalRepository(db).route(documentID: documentID)
        }
    }

    /// Starts a route for a draft, or a new round with a new plan after the old route was withdrawn.
    func start(_ caller: Caller, documentID: UUID, plan input: PlanInput, restartMode: ApprovalRestartMode) async throws -> ApprovalRoute {
        let calendar = try await self.calendar.current()
        return try await database.write { db in
            let (loaded, organization) = try await editableDraft(caller, documentID, db: db)
            let plan = try await resolvePlan(input, db: db)
            let repository = ApprovalRepository(db)
            let existing = try await repository.route(documentID: documentID, lockingRow: true)
            if let existing, existing.state != .cancelled { throw ApprovalTexts.routeExists }
            let moment = ApprovalRules.Moment(now: db.now, today: organization.date(at: db.now), calendar: calendar)
            var route = try ApprovalRules.start(
                plan, id: existing?.id ?? UUID(), documentID: documentID, restartMode: restartMode,
                createdBy: caller.actor.principal.userID, at: moment, newID: { UUID() })
            if let existing {
                route.round = existing.round + 1
                route.version = existing.version + 1
                route.steps = existing.steps + route.steps.map { step in
                    var step = step
                    step.round = route.round
                    return step
                }
                try await repository.save(route, previous: existing)
            } else {
                try await repository.insert(route)
            }
            // Approvers must read what they approve, ДСП included.
            for userID in Set(plan.stages.joined().map(\.userID)) {
                try await DocumentRepository(db).grant(documentID: documentID, userID: userID, grantedBy: caller.actor.principal.userID)
            }
            try await ApprovalNotifications.changed(from: existing, to: route, document: loaded.document, db: db)
            try await AuditLog(db).append(
                caller.audit("approval.start", .document, documentID, ApprovalServiceTexts.started(route, document: loaded.document)))
            return route
        }
    }

    func decide(_ caller: Caller, documentID: UUID, decision: ApprovalDecision, comment: String?) async throws -> ApprovalRoute {
        let calendar = try await self.calendar.current()
        return try await database.write { db in
            let loaded = try await DocumentRepository(db).visible(documentID, to: caller.actor, lockingRow: true)
            let repository = ApprovalRepository(db)
            guard let route = try await repository.route(documentID: documentID, lockingRow: true) else {
                throw OborotError.notFound(.approvalRoute)
            }
            let organization = try await OrganizationRepository(db).get(loaded.document.organizationID)
            let moment = ApprovalRules.Moment(now: db.now, today: organization.date(at: db.now), calendar: calendar)
            let decided = try ApprovalRules.decide(
                route, by: caller.actor.principal.userID, decision: decision, comment: comment, at: moment)
            try await repository.save(decided, previous: route)
            try await ApprovalNotifications.changed(from: route, to: decided, document: loaded.document, db: db)
            try await AuditLog(db).append(
                caller.audit("approval.decide", .document, documentID, ApprovalServiceTexts.decided(decision, comment: comment, route: decided)))
            return decided
        }
    }

    /// A new round: the whole route, or only the stage that was deciding or refused.
    func restart(_ caller: Caller, documentID: UUID, mode: ApprovalRestartMode?) async throws -> ApprovalRoute {
        let calendar = try await self.calendar.current()
        return try await database.write { db in
            let (loaded, organization) = try await editableDraft(caller, documentID, db: db)
            let repository = ApprovalRepository(db)
            guard let route = try await repository.route(documentID: documentID, lockingRow: true) else {
                throw OborotError.notFound(.approvalRoute)
            }
            let moment = ApprovalRules.Moment(now: db.now, today: organization.date(at: db.now), calendar: calendar)
            let restarted = try ApprovalRules.restart(route, mode: mode ?? route.restartMode, at: moment, newID: { UUID() })
            try await repository.save(restarted, previous: route)
            try await ApprovalNotifications.changed(from: route, to: restarted, document: loaded.document, db: db)
            try await AuditLog(db).append(
                caller.audit("approval.restart", .document, documentID, ApprovalServiceTexts.restarted(restarted, mode: mode ?? route.restartMode)))
            return restarted
        }
    }

    /// Called inside the transaction that stored a new file version: approvals given to the old text no longer
    /// hold, so a route that has started restarts as its author chose.
    static func restartAfterNewVersion(document: Document, organization: Organization, calendar: WorkCalendar, db: DatabaseHandle) async throws -> ApprovalRoute? {
        let repository = ApprovalRepository(db)
        guard let route = try await repository.route(documentID: document.id, lockingRow: true), route.state != .cancelled else {
            return nil
        }
        let moment = ApprovalRules.Moment(now: db.now, today: organization.date(at: db.now), calendar: calendar)
        let restarted = try ApprovalRules.restart(route, mode: route.restartMode, at: moment, newID: { UUID() })
        try await repository.save(restarted, previous: route)
        try await ApprovalNotifications.changed(from: route, to: restarted, document: document, db: db)
        return restarted
    }

    func cancel(_ caller: Caller, documentID: UUID) async throws -> ApprovalRoute {
        try await database.write { db in
            _ = try await editableDraft(caller, documentID, db: db)
            let repository = ApprovalRepository(db)
            guard let route = try await repository.route(documentID: documentID, lockingRow: true) else {
                throw OborotError.notFound(.approvalRoute)
            }
            let cancelled = try ApprovalRules.cancel(route)
            try await repository.save(cancelled, previous: route)
            try await AuditLog(db).append(caller.audit("approval.cancel", .document, documentID, ApprovalServiceTexts.cancelled))
            return cancelled
        }
    }

    /// «На подпись»: the caller's drafts ready to be signed.
    func awaitingSignature(_ caller: Caller, limit: Int) async throws -> [ApprovalRepository.AwaitingSignature] {
        try await database.read { db in
            try await ApprovalRepository(db).awaitingSignature(signerEmployeeID: caller.actor.principal.employeeID, limit: limit)
        }
    }

    /// «На согласование»: the caller's steps waiting for a decision.
    func inbox(_ caller: Caller, limit: Int) async throws -> [ApprovalRepository.InboxItem] {
        try await database.read { db in
            try await ApprovalRepository(db).activeSteps(approverUserID: caller.actor.principal.userID, limit: limit)
        }
    }

    private func editableDraft(_ caller: Caller, _ documentID: UUID, db: DatabaseHandle) async throws -> (DocumentRepository.Loaded, Organization) {
        let loaded = try await DocumentRepository(db).visible(documentID, to: caller.actor, lockingRow: true)
        guard DocumentAccess.canEdit(caller.actor, loaded.facts) else {
            throw OborotError.forbidden(ApprovalTexts.onlyAuthor)
        }
        guard loaded.document.state == .draft, loaded.document.signedAt == nil else { throw ApprovalTexts.onlyDrafts }
        return (loaded, try await OrganizationRepository(db).get(loaded.document.organizationID))
    }

    private func resolvePlan(_ input: PlanInput, db: DatabaseHandle) async throws -> ApprovalPlan {
        let users = UserRepository(db)
        var stages: [[ApprovalPlan.Approver]] = []
        for (stageIndex, stage) in input.stages.enumerated() {
            var approvers: [ApprovalPlan.Approver] = []
            for (index, entry) in stage.enumerated() {
                guard let user = try? await users.get(entry.userID), user.active else {
                    throw OborotError.validation([
                        FieldProblem(field: "stages[\(stageIndex)][\(index)]", code: "unknown_approver", message: ApprovalServiceTexts.unknownApprover)
                    ])
                }
                approvers.append(
                    ApprovalPlan.Approver(employeeID: user.employeeID, userID: user.id, workingDays: entry.workingDays ?? ApprovalRules.defaultWorkingDays))
            }
            stages.append(approvers)
        }
        return ApprovalPlan(stages: stages)
    }
}

/// Russian wording of the approval service (audit summaries).
enum ApprovalServiceTexts {
    static let unknownApprover = "Согласующий не найден или его учётная запись отключена."
    static let cancelled = "Маршрут согласования отозван"

    static func started(_ route: ApprovalRoute, document: Document) -> String {
        "Запущено согласование «\(document.requisites.title)»: \(route.stageCount) этап(а/ов), \(route.currentSteps.count) согласующих, круг \(route.round)"
    }

    static func decided(_ decision: ApprovalDecision, comment: String?, route: ApprovalRoute) -> String {
        let name = switch decision {
        case .approved: "Согласовано"
        case .approvedWithRemarks: "Согласовано с замечаниями"
        case .rejected: "Не согласовано"
        }
        return "\(name)\(comment.nonBlank.map { ": \($0)" } ?? ""); маршрут: \(route.state.russianName)"
    }

    static func restarted(_ route: ApprovalRoute, mode: ApprovalRestartMode) -> String {
        "Согласование перезапущено (\(mode.russianName)), круг \(route.round)"
    }
}

extension ApprovalService {
    /// A route with the names of its approvers, for pages and the approval sheet.
    struct RouteView: Sendable {
        var route: ApprovalRoute
        var names: [UUID: String]
    }

    func view(_ caller: Caller, documentID: UUID) async throws -> RouteView? {
        try await database.read { db in
            _ = try await DocumentRepository(db).visible(documentID, to: caller.actor)
            guard let route = try await ApprovalRepository(db).route(documentID: documentID) else { return nil }
            return RouteView(route: route, names: try await ControlNames(db).people(Set(route.steps.map(\.approverUserID))))
        }
    }

    /// People who may be asked to approve a draft of an organisation: its own staff and that of its units.
    func candidates(_ caller: Caller, organizationID: UUID) async throws -> [ExecutorCandidate] {
        try caller.actor.require(.signedIn)
        return try await database.read { db in
            let names = ControlNames(db)
            var people = try await names.candidates(organizationID: organizationID, text: nil, limit: 200)
            for child in try await OrganizationRepository(db).children(of: organizationID).prefix(20) {
                people += try await names.candidates(organizationID: child.organization.id, text: nil, limit: 100)
            }
            return people
        }
    }
}

extension ApprovalService {
    /// The organisation's templates for a kind (all kinds when nil).
    func templates(_ caller: Caller, organizationID: UUID, kind: DocumentKind?) async throws -> [ApprovalTemplate] {
        try caller.actor.require(.signedIn)
        return try await database.read { try await ApprovalTemplateRepository($0).list(organizationID: organizationID, kind: kind) }
    }

    /// Saves a route as a template of the organisation: its registrars and administrators keep the templates.
    func createTemplate(
        _ caller: Caller, organizationID: UUID, kind: DocumentKind, name: String, stages input: PlanInput
    ) async throws -> ApprovalTemplate {
        try await database.write { db in
            let organization = try await OrganizationRepository(db).get(organizationID)
            try caller.actor.require(.anyOf(.administers(organization.path), DocumentAccess.registers(organization.path)))
            let plan = try await resolvePlan(input, db: db)
            let stages = plan.stages.map { $0.map { ApprovalTemplate.Approver(userID: $0.userID, workingDays: $0.workingDays) } }
            try OborotError.throwIfInvalid(ApprovalTemplate.problems(name: name, stages: stages))
            let template = ApprovalTemplate(
                id: UUID(), organizationID: organizationID, kind: kind, name: name.trimmingCharacters(in: .whitespacesAndNewlines),
                stages: stages, createdByUserID: caller.actor.principal.userID, createdAt: db.now)
            try await ApprovalTemplateRepository(db).insert(template)
            try await AuditLog(db).append(
                caller.audit("approval_template.create", .organization, organizationID, ApprovalServiceTexts.templateCreated(template)))
            return template
        }
    }

    /// The plan a template gives, for starting a route with it; another organisation's template is "not found".
    func plan(fromTemplate id: UUID, organizationID: UUID) async throws -> PlanInput {
        try await database.read { db in
            guard let template = try await ApprovalTemplateRepository(db).find(id), template.organizationID == organizationID else {
                throw OborotError.notFound(.approvalTemplate)
            }
            return PlanInput(stages: template.stages.map { $0.map { ($0.userID, $0.workingDays) } })
        }
    }
}

extension ApprovalServiceTexts {
    static func templateCreated(_ template: ApprovalTemplate) -> String {
        "Создан шаблон маршрута «\(template.name)» (\(template.kind.russianName)): \(template.stages.count) этап(а/ов)"
    }
}
