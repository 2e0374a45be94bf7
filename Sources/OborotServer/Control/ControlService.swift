import Foundation
import OborotDomain
import OborotStore

/// Execution control: resolutions, the assignment tree, reports, removal from control, inboxes.
/// Access rules are in `ControlPolicies` (domain); this service loads, checks, stores and audits in one transaction.
struct ControlService: Sendable {
    let database: any Database
    let calendar: CalendarService

    /// How many working days ahead «скоро срок» looks.
    static let dueSoonWorkingDays = 3

    /// A resolution with its whole tree, as cards and the API show it.
    struct ResolutionTree: Sendable {
        var resolution: Resolution
        var assignments: [Assignment]
        var reports: [UUID: [ExecutionReport]]
        var people: [UUID: String]
        var organizations: [UUID: String]
        var today: CalendarDate
        var extensions: [UUID: [ExtensionRequest]] = [:]
        var explanations: [UUID: [ExplanationRequest]] = [:]
        var deadlineChanges: [UUID: [DeadlineChange]] = [:]
        var reportFiles: [UUID: [(attachmentID: UUID, name: String)]] = [:]

        /// «Фамилия И. О. (организация)» for a person, the organisation's name for an organisation.
        func executorName(_ executor: Executor) -> String {
            let organization = organizations[executor.organizationID] ?? ""
            guard let userID = executor.userID else { return organization }
            return "\(people[userID] ?? "") (\(organization))"
        }

        /// The assignments as the tree shows them: each followed by its sub-assignments, with its depth.
        func inTreeOrder() -> [(assignment: Assignment, depth: Int)] {
            let children = Dictionary(grouping: assignments, by: \.parentID)
            var ordered: [(assignment: Assignment, depth: Int)] = []
            func walk(_ parent: UUID?, _ depth: Int) {
                for child in children[parent] ?? [] {
                    ordered.append((child, depth))
                    walk(child.id, depth + 1)
                }
            }
            walk(nil, 0)
            return ordered
        }
    }

    // MARK: Resolutions

    /// Issues a resolution on a document; written by an assistant acting for the head, it is a draft.
    func issue(_ caller: Caller, documentID: UUID, draft: ResolutionDraft) async throws -> ResolutionTree {
        let workCalendar = try await calendar.current()
        let id = try await database.write { db in
            let loaded = try await DocumentRepository(db).visible(documentID, to: caller.actor)
            try caller.actor.require(.issuesResolutions(in: loaded.facts.organizationPath))
            let organization = try await OrganizationRepository(db).get(caller.actor.principal.organizationID)
            let today = organization.date(at: db.now)
            let planned = try ResolutionRules.plan(
                draft, date: today, calendar: workCalendar, lastDay: workCalendar.overlay.lastDayRule)
            let executors = try await resolveExecutors(planned.map(\.executor), db: db, within: nil)
            let controlOfficer = draft.controlled ? (draft.controlOfficerUserID ?? caller.actor.principal.userID) : nil
            if let controlOfficer, controlOfficer != caller.actor.principal.userID {
                guard try await ControlNames(db).organizationOf(userIDs: [controlOfficer])[controlOfficer] != nil else {
                    throw OborotError.validation([
                        FieldProblem(field: "controlOfficerId", code: "unknown_user", message: ControlServiceTexts.unknownControlOfficer)
                    ])
                }
            }
            let isDraft = caller.actor.performer != nil
            let resolution = Resolution(
                id: UUID(), documentID: documentID, authorUserID: caller.actor.principal.userID,
                organizationID: organization.id, preparedByUserID: caller.actor.performer?.userID,
                text: draft.text.trimmed, date: today, state: isDraft ? .draft : .active, controlled: draft.controlled,
                controlOfficerUserID: controlOfficer, controlCategory: draft.controlled ? draft.controlCategory : nil)
            let assignments = zip(planned, executors).map { plan, executor in
                Assignment(
                    id: UUID(), resolutionID: resolution.id, documentID: documentID, parentID: nil,
                    authorUserID: resolution.authorUserID, executor: executor, responsible: plan.responsible,
                    text: plan.text, deadline: plan.deadline.date, deadlineExplanation: plan.deadline.explanation,
                    state: isDraft ? .draft : .issued, controlOfficerUserID: controlOfficer, issuedAt: db.now,
                    issuedOn: today)
            }
            let repository = ControlRepository(db)
            try await repository.insert(resolution)
            try await repository.insert(assignments)
            if !isDraft {
                try await grantDocument(to: assignments, by: caller, db: db)
                try await ControlNotifications.issued(assignments, db: db)
                try await MedoOutbox.executorAssigned(assignments, db: db)
            }
            try await AuditLog(db).append(
                caller.audit(
                    isDraft ? "resolution.draft" : "resolution.issue", .resolution, resolution.id,
                    ControlServiceTexts.issued(resolution, executors: assignments.count, document: loaded.document)))
            return resolution.id
        }
        return try await tree(caller, resolutionID: id)
    }

    /// The head approves a draft an assistant prepared: its assignments are issued now.
    func approve(_ caller: Caller, resolutionID: UUID) async throws -> ResolutionTree {
        try await database.write { db in
            let repository = ControlRepository(db)
            var resolution = try await repository.resolution(resolutionID)
            try caller.actor.require(.isAuthorInPerson(resolution.authorUserID))
            guard resolution.state == .draft else { throw ControlTexts.draftNotActive }
            let version = resolution.version
            resolution.state = .active
            try await repository.update(resolution, expectedVersion: version)
            let organization = try await OrganizationRepository(db).get(resolution.organizationID)
            let today = organization.date(at: db.now)
            try await repository.issueAssignments(resolutionID: resolutionID, at: db.now, on: today)
            let issued = try await repository.assignments(resolutionID: resolutionID)
            try await grantDocument(to: issued, by: caller, db: db)
            try await ControlNotifications.issued(issued, db: db)
            try await MedoOutbox.executorAssigned(issued, db: db)
            try await AuditLog(db).append(
                caller.audit("resolution.approve", .resolution, resolutionID, ControlServiceTexts.approved))
        }
        return try await tree(caller, resolutionID: resolutionID)
    }

    /// Removes a controlled resolution from control with a result, once the responsible executor's work is closed.
    func removeFromControl(_ caller: Caller, resolutionID: UUID, result: String) async throws -> ResolutionTree {
        try await database.write { db in
            let repository = ControlRepository(db)
            var resolution = try await repository.resolution(resolutionID)
            try caller.actor.require(.controls(resolution))
            try OborotError.throwIfInvalid(
                TextRules.required(result.trimmed, field: "result", maxLength: 2000).map {
                    FieldProblem(field: $0.field, code: $0.code, message: $0.code == "required" ? ControlTexts.resultRequired : $0.message)
                })
            guard resolution.state == .active, resolution.controlled else { throw ControlTexts.notControlled }
            let assignments = try await repository.assignments(resolutionID: resolutionID)
            guard !assignments.contains(where: { $0.parentID == nil && $0.responsible && $0.state.isOpen }) else {
                throw ControlTexts.openAssignmentsLeft
            }
            let version = resolution.version
            resolution.state = .closed
            resolution.controlResult = result.trimmed
            try await repository.update(resolution, expectedVersion: version)
            try await AuditLog(db).append(
                caller.audit("resolution.remove_from_control", .resolution, resolutionID, ControlServiceTexts.removed(resolution)))
        }
        return try await tree(caller, resolutionID: resolutionID)
    }

    /// A resolution with its tree; seen by those who see the document and by everyone on the tree.
    func tree(_ caller: Caller, resolutionID: UUID) async throws -> ResolutionTree {
        try await database.read { db in
            let repository = ControlRepository(db)
            let resolution = try await repository.resolution(resolutionID)
            let assignments = try await repository.assignments(resolutionID: resolutionID)
            try await requireVisible(resolution, assignments, caller: caller, db: db)
            return try await loadTree(resolution, assignments, db: db)
        }
    }

    /// The resolutions on a document the caller may see.
    func resolutions(_ caller: Caller, documentID: UUID) async throws -> [ResolutionTree] {
        try await database.read { db in
            _ = try await DocumentRepository(db).visible(documentID, to: caller.actor)
            let repository = ControlRepository(db)
            var trees: [ResolutionTree] = []
            for resolution in try await repository.resolutions(documentID: documentID) {
                trees.append(try await loadTree(resolution, try await repository.assignments(resolutionID: resolution.id), db: db))
            }
            return trees
        }
    }

    // MARK: Assignments

    /// An executor passes their assignment down: the new assignments are theirs to control, within their deadline.
    func subAssign(_ caller: Caller, parentID: UUID, draft: ResolutionDraft) async throws -> ResolutionTree {
        let workCalendar = try await calendar.current()
        let resolutionID = try await database.write { db in
            let repository = ControlRepository(db)
            var parent = try await repository.assignment(parentID)
            let executorOrganization = try await OrganizationRepository(db).get(parent.executor.organizationID)
            try caller.actor.require(.executes(parent.executor, organizationPath: executorOrganization.path))
            guard parent.state.isOpen else {
                throw ControlServiceTexts.closedParent(parent.state)
            }
            let today = executorOrganization.date(at: db.now)
            let planned = try ResolutionRules.plan(
                draft, date: today, calendar: workCalendar, lastDay: workCalendar.overlay.lastDayRule)
            try OborotError.throwIfInvalid(ResolutionRules.subAssignmentProblems(planned, parentDeadline: parent.deadline))
            let executors = try await resolveExecutors(planned.map(\.executor), db: db, within: executorOrganization.path)
            let me = caller.actor.principal.userID
            let children = zip(planned, executors).map { plan, executor in
                Assignment(
                    id: UUID(), resolutionID: parent.resolutionID, documentID: parent.documentID, parentID: parent.id,
                    authorUserID: me, executor: executor, responsible: plan.responsible, text: plan.text,
                    deadline: plan.deadline.date, deadlineExplanation: plan.deadline.explanation, state: .issued,
                    controlOfficerUserID: me, issuedAt: db.now, issuedOn: today)
            }
            try await repository.insert(children)
            // Passing the work down is taking it: an issued parent counts as accepted.
            if parent.state == .issued || parent.state == .returned {
                let version = parent.version
                parent.state = .accepted
                try await repository.update(parent, expectedVersion: version)
            }
            try await grantDocument(to: children, by: caller, db: db)
            try await ControlNotifications.issued(children, db: db)
            try await AuditLog(db).append(
                caller.audit("assignment.sub_assign", .assignment, parent.id, ControlServiceTexts.subAssigned(children.count)))
            return parent.resolutionID
        }
        return try await tree(caller, resolutionID: resolutionID)
    }

    /// Moves an assignment along its lifecycle: accept, report, accept or return the report, cancel.
    func transition(
        _ caller: Caller, assignmentID: UUID, event: AssignmentEvent, text: String?, expectedVersion: Int?,
        attachmentIDs: [UUID] = []
    ) async throws -> ResolutionTree {
        let resolutionID = try await database.write { db in
            let repository = ControlRepository(db)
            var assignment = try await repository.assignment(assignmentID)
            let organization = try await OrganizationRepository(db).get(assignment.executor.organizationID)
            switch event {
            case .accept, .submitReport:
                try caller.actor.require(.executes(assignment.executor, organizationPath: organization.path))
            case .acceptReport, .returnReport:
                try caller.actor.require(.controls(assignment))
            case .cancel:
                try caller.actor.require(.isAssignmentAuthor(assignment))
            }
            if let expectedVersion, expectedVersion != assignment.version {
                throw OborotError.staleVersion(.assignment, expected: expectedVersion, actual: assignment.version)
            }
            let from = assignment.state
            let version = assignment.version
            assignment.state = try AssignmentLifecycle.next(from, on: event)
            switch event {
            case .submitReport:
                let body = try ControlServiceTexts.requiredText(text, field: "text", message: ControlTexts.reportTextRequired)
                let report = ExecutionReport(
                    id: UUID(), assignmentID: assignment.id, authorUserID: caller.actor.principal.userID,
                    actingUserID: caller.actor.performer?.userID, text: body, submittedAt: db.now)
                try await repository.insert(report)
                if !attachmentIDs.isEmpty {
                    let files = Set(try await AttachmentRepository(db).summaries(documentID: assignment.documentID).map(\.id))
                    guard Set(attachmentIDs).isSubset(of: files) else {
                        throw OborotError.validation([
                            FieldProblem(field: "attachmentIds", code: "unknown_file", message: ControlServiceTexts.unknownReportFile)
                        ])
                    }
                    try await repository.attachFiles(reportID: report.id, attachmentIDs: Array(Set(attachmentIDs)))
                }
                try await ControlNotifications.tell(
                    assignment.controlOfficerUserID ?? assignment.authorUserID, .reportSubmitted, about: assignment,
                    tag: report.id.lowercasedString, text: "Отчёт на проверку", db: db)
            case .acceptReport, .returnReport:
                let comment = event == .returnReport
                    ? try ControlServiceTexts.requiredText(text, field: "text", message: ControlTexts.commentRequired)
                    : text.nonBlank
                guard var report = try await repository.reports(assignmentIDs: [assignment.id]).last(where: { $0.decision == nil })
                else { throw ControlTexts.reportAlreadyDecided }
                report.decision = event == .acceptReport ? .accepted : .returned
                report.decidedByUserID = caller.actor.principal.userID
                report.decidedAt = db.now
                report.comment = comment
                try await repository.decide(report)
                if event == .returnReport {
                    for user in try await ControlNotifications.executorUsers(assignment, db: db) {
                        try await ControlNotifications.tell(
                            user, .reportReturned, about: assignment, tag: report.id.lowercasedString,
                            text: "Отчёт возвращён на доработку («\(comment ?? "")»)", db: db)
                    }
                }
                if event == .acceptReport {
                    assignment.completedAt = db.now
                    assignment.completedOn = organization.date(at: db.now)
                }
            case .cancel:
                try await cancelDescendants(of: assignment.id, repository: repository, resolutionID: assignment.resolutionID)
            case .accept:
                break
            }
            try await repository.update(assignment, expectedVersion: version)
            try await AuditLog(db).append(
                caller.audit(
                    "assignment.\(event.rawValue)", .assignment, assignment.id,
                    ControlServiceTexts.transition(event, from: from, to: assignment.state)))
            return assignment.resolutionID
        }
        return try await tree(caller, resolutionID: resolutionID)
    }

    /// The resolution an assignment belongs to, for its card.
    func treeOfAssignment(_ caller: Caller, assignmentID: UUID) async throws -> (ResolutionTree, UUID) {
        let assignment = try await database.read { db in try await ControlRepository(db).assignment(assignmentID) }
        do {
            return (try await tree(caller, resolutionID: assignment.resolutionID), assignmentID)
        } catch let error as OborotError where error.kind == .notFound {
            throw OborotError.notFound(.assignment)
        }
    }

    // MARK: Inboxes

    func inbox(
        _ caller: Caller, inbox: AssignmentInbox, filter: AssignmentInboxFilter, after: (deadline: String, id: String)?,
        limit: Int
    ) async throws -> (items: [AssignmentListItem], today: CalendarDate) {
        try caller.actor.require(.signedIn)
        let workCalendar = try await calendar.current()
        return try await database.read { db in
            let today = try await today(for: caller, db: db)
            let items = try await AssignmentListing(db).page(
                AssignmentInboxQuery(
                    inbox: inbox, userID: caller.actor.principal.userID, headOrganizationIDs: headOrganizations(caller),
                    filter: filter, today: today,
                    dueSoonUntil: workCalendar.adding(workingDays: Self.dueSoonWorkingDays, to: today), after: after,
                    limit: limit))
            return (items, today)
        }
    }

    func counts(_ caller: Caller) async throws -> (toDo: Int, controlling: Int, issued: Int, overdue: Int, dueSoon: Int) {
        try caller.actor.require(.signedIn)
        let workCalendar = try await calendar.current()
        return try await database.read { db in
            let today = try await today(for: caller, db: db)
            return try await AssignmentListing(db).counts(
                userID: caller.actor.principal.userID, headOrganizationIDs: headOrganizations(caller), today: today,
                dueSoonUntil: workCalendar.adding(workingDays: Self.dueSoonWorkingDays, to: today))
        }
    }

    // MARK: Helpers

    private func headOrganizations(_ caller: Caller) -> [UUID] {
        caller.actor.grants.filter { $0.role == .head }.map(\.organizationID)
    }

    private func today(for caller: Caller, db: DatabaseHandle) async throws -> CalendarDate {
        let organization = try await OrganizationRepository(db).get(caller.actor.principal.organizationID)
        return organization.date(at: db.now)
    }

    /// Checks that each executor exists (a person's organisation is looked up) and, for sub-assignments, lies in
    /// the subtree of `within`.
    private func resolveExecutors(_ executors: [Executor], db: DatabaseHandle, within: OrganizationPath?) async throws -> [Executor] {
        let names = ControlNames(db)
        let people = try await names.organizationOf(userIDs: Set(executors.compactMap(\.userID)))
        var organizationIDs = Set(people.values)
        for case .organization(let id) in executors { organizationIDs.insert(id) }
        let organizations = Dictionary(
            try await OrganizationRepository(db).findMany(Array(organizationIDs)).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var resolved: [Executor] = []
        var problems: [FieldProblem] = []
        for (index, executor) in executors.enumerated() {
            let field = "executors[\(index)]"
            let organizationID: UUID?
            switch executor {
            case .person(let userID, _):
                organizationID = people[userID]
                if let organizationID { resolved.append(.person(userID: userID, organizationID: organizationID)) }
            case .organization(let id):
                organizationID = organizations[id] == nil ? nil : id
                if organizationID != nil { resolved.append(executor) }
            }
            guard let organizationID, let organization = organizations[organizationID] else {
                problems.append(FieldProblem(field: field, code: "unknown_executor", message: ControlServiceTexts.unknownExecutor))
                continue
            }
            if let within, !organization.path.isWithin(within) {
                problems.append(FieldProblem(field: field, code: "outside_subtree", message: ControlTexts.outsideSubtree))
            }
        }
        try OborotError.throwIfInvalid(problems)
        return resolved
    }

    /// Executors see the document they work on: person executors and the heads of executing organisations get
    /// explicit access (for a ДСП document the head's resolution is what opens it to them).
    private func grantDocument(to assignments: [Assignment], by caller: Caller, db: DatabaseHandle) async throws {
        let documents = DocumentRepository(db)
        let names = ControlNames(db)
        for assignment in assignments {
            let users: [UUID] =
                if let userID = assignment.executor.userID { [userID] } else {
                    try await names.holders(of: .head, in: assignment.executor.organizationID)
                }
            for user in users {
                try await documents.grant(documentID: assignment.documentID, userID: user, grantedBy: caller.actor.principal.userID)
            }
        }
    }

    private func cancelDescendants(of id: UUID, repository: ControlRepository, resolutionID: UUID) async throws {
        let all = try await repository.assignments(resolutionID: resolutionID)
        var frontier = [id]
        while let parent = frontier.popLast() {
            for var child in all where child.parentID == parent {
                frontier.append(child.id)
                guard child.state.isOpen else { continue }
                let version = child.version
                child.state = .cancelled
                try await repository.update(child, expectedVersion: version)
            }
        }
    }

    private func requireVisible(
        _ resolution: Resolution, _ assignments: [Assignment], caller: Caller, db: DatabaseHandle
    ) async throws {
        let actor = caller.actor
        let me = actor.principal.userID
        let heads = Set(headOrganizations(caller))
        let onTree = resolution.authorUserID == me || resolution.controlOfficerUserID == me
            || assignments.contains { $0.executor.userID == me || $0.authorUserID == me || $0.controlOfficerUserID == me
                || ($0.executor.userID == nil && heads.contains($0.executor.organizationID)) }
        if onTree { return }
        do {
            _ = try await DocumentRepository(db).visible(resolution.documentID, to: actor)
        } catch let error as OborotError where error.kind == .notFound {
            throw OborotError.notFound(.resolution)
        }
    }

    private func loadTree(_ resolution: Resolution, _ assignments: [Assignment], db: DatabaseHandle) async throws -> ResolutionTree {
        let repository = ControlRepository(db)
        let reports = Dictionary(grouping: try await repository.reports(assignmentIDs: assignments.map(\.id)), by: \.assignmentID)
        var userIDs: Set<UUID> = [resolution.authorUserID]
        if let officer = resolution.controlOfficerUserID { userIDs.insert(officer) }
        if let preparer = resolution.preparedByUserID { userIDs.insert(preparer) }
        for assignment in assignments {
            userIDs.insert(assignment.authorUserID)
            if let user = assignment.executor.userID { userIDs.insert(user) }
        }
        for report in reports.values.joined() {
            userIDs.insert(report.authorUserID)
            if let decider = report.decidedByUserID { userIDs.insert(decider) }
        }
        let ids = assignments.map(\.id)
        let extensions = Dictionary(grouping: try await repository.extensions(assignmentIDs: ids), by: \.assignmentID)
        let explanations = Dictionary(grouping: try await repository.explanations(assignmentIDs: ids), by: \.assignmentID)
        for request in extensions.values.joined() {
            userIDs.insert(request.requestedByUserID)
            if let decider = request.decidedByUserID { userIDs.insert(decider) }
        }
        for request in explanations.values.joined() {
            userIDs.insert(request.requestedByUserID)
            if let answerer = request.answeredByUserID { userIDs.insert(answerer) }
        }
        let names = ControlNames(db)
        let organization = try await OrganizationRepository(db).get(resolution.organizationID)
        return ResolutionTree(
            resolution: resolution, assignments: assignments, reports: reports, people: try await names.people(userIDs),
            organizations: try await names.organizations(Set(assignments.map(\.executor.organizationID))),
            today: organization.date(at: db.now),
            extensions: extensions, explanations: explanations,
            deadlineChanges: try await repository.deadlineChanges(assignmentIDs: ids),
            reportFiles: try await repository.reportFiles(reportIDs: reports.values.joined().map(\.id)))
    }
}

enum ControlServiceTexts {
    static let unknownExecutor = "Исполнитель не найден: укажите действующего сотрудника или организацию."
    static let unknownControlOfficer = "Контролёр не найден: укажите действующую учётную запись."
    static let unknownReportFile = "К отчёту прикладываются только файлы документа, по которому дано поручение."

    static func requiredText(_ text: String?, field: String, message: String) throws -> String {
        guard let body = text.nonBlank else {
            throw OborotError.validation([FieldProblem(field: field, code: "required", message: message)])
        }
        try OborotError.throwIfInvalid(TextRules.required(body, field: field, maxLength: 20_000))
        return body
    }

    static func closedParent(_ state: AssignmentState) -> OborotError {
        OborotError(
            .conflict, code: "assignment_closed", title: "Поручение закрыто",
            detail: "Перепоручить можно только открытое поручение; это — «\(state.russianName)».")
    }

    static func issued(_ resolution: Resolution, executors: Int, document: Document) -> String {
        let kind = resolution.state == .draft ? "Подготовлен проект резолюции" : "Вынесена резолюция"
        let number = document.registration?.number ?? "без номера"
        return "\(kind) по документу \(number): исполнителей \(executors)\(resolution.controlled ? ", на контроле" : "")"
    }

    static let approved = "Проект резолюции утверждён"

    static func removed(_ resolution: Resolution) -> String {
        "Резолюция снята с контроля: \(resolution.controlResult ?? "")"
    }

    static func subAssigned(_ count: Int) -> String { "Поручение перепоручено: исполнителей \(count)" }

    static func transition(_ event: AssignmentEvent, from: AssignmentState, to: AssignmentState) -> String {
        "\(from.russianName) → \(to.russianName)"
    }
}

extension ControlService {
    /// Who can be picked as an executor: without a query, the organisation's subordinate bodies and its people;
    /// with one, matching bodies and people (inside `within` for sub-assignments).
    func executorCandidates(
        _ caller: Caller, around organizationID: UUID, query: String?, within: OrganizationPath?
    ) async throws -> (organizations: [(id: UUID, name: String)], people: [ExecutorCandidate]) {
        try caller.actor.require(.signedIn)
        return try await database.read { db in
            let organizations = OrganizationRepository(db)
            let names = ControlNames(db)
            if let text = query.nonBlank {
                let found = try await organizations.search(text, within: within, limit: 15)
                var people = try await names.candidates(organizationID: nil, text: text, limit: 40)
                if let within {
                    let paths = Dictionary(
                        try await organizations.findMany(Array(Set(people.map(\.organizationID)))).map { ($0.id, $0.path) },
                        uniquingKeysWith: { a, _ in a })
                    people = people.filter { paths[$0.organizationID]?.isWithin(within) ?? false }
                }
                return (found.map { ($0.organization.id, $0.organization.shortName) }, Array(people.prefix(15)))
            }
            let children = try await organizations.children(of: organizationID, limit: 50)
            let people = try await names.candidates(organizationID: organizationID, text: nil, limit: 30)
            return (children.map { ($0.organization.id, $0.organization.shortName) }, people)
        }
    }
}

extension ControlService {
    /// «Фамилия И. О. (организация)» or the organisation's name for each executor, to show what was ticked.
    func executorLabels(_ executors: [Executor]) async throws -> [Executor: String] {
        try await database.read { db in
            let names = ControlNames(db)
            let userIDs = Set(executors.compactMap(\.userID))
            let personNames = try await names.people(userIDs)
            let personOrganizations = try await names.organizationOf(userIDs: userIDs)
            var organizationIDs = Set(personOrganizations.values)
            for case .organization(let id) in executors { organizationIDs.insert(id) }
            let organizationNames = try await names.organizations(organizationIDs)
            var labels: [Executor: String] = [:]
            for executor in executors {
                switch executor {
                case .organization(let id): labels[executor] = organizationNames[id]
                case .person(let userID, _):
                    guard let name = personNames[userID] else { continue }
                    let organization = personOrganizations[userID].flatMap { organizationNames[$0] }
                    labels[executor] = organization.map { "\(name) (\($0))" } ?? name
                }
            }
            return labels
        }
    }
}

extension ControlService {
    /// Today in the caller's organisation's time zone: the date resolutions are dated with.
    func today(for caller: Caller) async throws -> CalendarDate {
        try await database.read { db in try await today(for: caller, db: db) }
    }
}

extension ControlService {
    /// What the caller may do with one assignment, for the buttons its card shows.
    struct Permissions: Sendable {
        var executes = false
        var controls = false
        var isAuthor = false
        var controlsResolution = false
        var approvesDraft = false
    }

    func permissions(_ caller: Caller, assignment: Assignment, resolution: Resolution) async throws -> Permissions {
        let organization = try await database.read { db in try await OrganizationRepository(db).get(assignment.executor.organizationID) }
        let actor = caller.actor
        return Permissions(
            executes: AccessPolicy.executes(assignment.executor, organizationPath: organization.path).allows(actor),
            controls: AccessPolicy.controls(assignment).allows(actor),
            isAuthor: AccessPolicy.isAssignmentAuthor(assignment).allows(actor),
            controlsResolution: AccessPolicy.controls(resolution).allows(actor),
            approvesDraft: AccessPolicy.isAuthorInPerson(resolution.authorUserID).allows(actor))
    }
}
