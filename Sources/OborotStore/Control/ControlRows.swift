import Foundation
import OborotDomain

/// The stored shapes of resolutions, assignments and reports.
struct ResolutionRow: Codable, Sendable {
    var id: String
    var documentId: String
    var authorUserId: String
    var organizationId: String
    var preparedByUserId: String?
    var text: String
    var resolutionDate: String
    var state: String
    var controlled: Bool
    var controlOfficerUserId: String?
    var controlCategory: String?
    var controlResult: String?
    var version: Int
    var createdAt: Int64

    init(_ resolution: Resolution, now: Date) {
        id = resolution.id.lowercasedString
        documentId = resolution.documentID.lowercasedString
        authorUserId = resolution.authorUserID.lowercasedString
        organizationId = resolution.organizationID.lowercasedString
        preparedByUserId = resolution.preparedByUserID?.lowercasedString
        text = resolution.text
        resolutionDate = resolution.date.iso
        state = resolution.state.rawValue
        controlled = resolution.controlled
        controlOfficerUserId = resolution.controlOfficerUserID?.lowercasedString
        controlCategory = resolution.controlCategory?.rawValue
        controlResult = resolution.controlResult
        version = resolution.version
        createdAt = now.unixMilliseconds
    }

    func resolution() throws -> Resolution {
        Resolution(
            id: try UUID.stored(id), documentID: try UUID.stored(documentId), authorUserID: try UUID.stored(authorUserId),
            organizationID: try UUID.stored(organizationId), preparedByUserID: try preparedByUserId.map(UUID.stored),
            text: text, date: try CalendarDate.stored(resolutionDate),
            state: Resolution.State(rawValue: state) ?? .active, controlled: controlled,
            controlOfficerUserID: try controlOfficerUserId.map(UUID.stored),
            controlCategory: controlCategory.flatMap(ControlCategory.init(rawValue:)), controlResult: controlResult,
            version: version)
    }
}

struct AssignmentRow: Codable, Sendable {
    var id: String
    var resolutionId: String
    var documentId: String
    var parentId: String?
    var authorUserId: String
    var executorUserId: String?
    var executorOrganizationId: String
    var responsible: Bool
    var text: String
    var deadline: String?
    var initialDeadline: String?
    var deadlineExplanation: String?
    var state: String
    var isOpen: Bool
    var controlOfficerUserId: String?
    var issuedAt: Int64
    var issuedOn: String
    var completedAt: Int64?
    var completedOn: String?
    var version: Int

    init(_ assignment: Assignment) {
        id = assignment.id.lowercasedString
        resolutionId = assignment.resolutionID.lowercasedString
        documentId = assignment.documentID.lowercasedString
        parentId = assignment.parentID?.lowercasedString
        authorUserId = assignment.authorUserID.lowercasedString
        executorUserId = assignment.executor.userID?.lowercasedString
        executorOrganizationId = assignment.executor.organizationID.lowercasedString
        responsible = assignment.responsible
        text = assignment.text
        deadline = assignment.deadline?.iso
        initialDeadline = assignment.initialDeadline?.iso
        deadlineExplanation = assignment.deadlineExplanation
        state = assignment.state.rawValue
        isOpen = assignment.state.isOpen
        controlOfficerUserId = assignment.controlOfficerUserID?.lowercasedString
        issuedAt = assignment.issuedAt.unixMilliseconds
        issuedOn = assignment.issuedOn.iso
        completedAt = assignment.completedAt?.unixMilliseconds
        completedOn = assignment.completedOn?.iso
        version = assignment.version
    }

    func assignment() throws -> Assignment {
        let organization = try UUID.stored(executorOrganizationId)
        let executor: Executor =
            if let executorUserId { .person(userID: try UUID.stored(executorUserId), organizationID: organization) } else {
                .organization(organization)
            }
        return Assignment(
            id: try UUID.stored(id), resolutionID: try UUID.stored(resolutionId), documentID: try UUID.stored(documentId),
            parentID: try parentId.map(UUID.stored), authorUserID: try UUID.stored(authorUserId), executor: executor,
            responsible: responsible, text: text, deadline: try deadline.map(CalendarDate.stored),
            deadlineExplanation: deadlineExplanation, state: AssignmentState(rawValue: state) ?? .issued,
            controlOfficerUserID: try controlOfficerUserId.map(UUID.stored),
            issuedAt: Date(unixMilliseconds: issuedAt), issuedOn: try CalendarDate.stored(issuedOn),
            completedAt: completedAt.map(Date.init(unixMilliseconds:)), completedOn: try completedOn.map(CalendarDate.stored),
            initialDeadline: try initialDeadline.map(CalendarDate.stored), version: version)
    }
}

struct ReportRow: Codable, Sendable {
    var id: String
    var assignmentId: String
    var authorUserId: String
    var actingUserId: String?
    var text: String
    var submittedAt: Int64
    var decision: String?
    var decidedByUserId: String?
    var decidedAt: Int64?
    var comment: String?

    init(_ report: ExecutionReport) {
        id = report.id.lowercasedString
        assignmentId = report.assignmentID.lowercasedString
        authorUserId = report.authorUserID.lowercasedString
        actingUserId = report.actingUserID?.lowercasedString
        text = report.text
        submittedAt = report.submittedAt.unixMilliseconds
        decision = report.decision?.rawValue
        decidedByUserId = report.decidedByUserID?.lowercasedString
        decidedAt = report.decidedAt?.unixMilliseconds
        comment = report.comment
    }

    func report() throws -> ExecutionReport {
        ExecutionReport(
            id: try UUID.stored(id), assignmentID: try UUID.stored(assignmentId), authorUserID: try UUID.stored(authorUserId),
            actingUserID: try actingUserId.map(UUID.stored), text: text, submittedAt: Date(unixMilliseconds: submittedAt),
            decision: decision.flatMap(ExecutionReport.Decision.init(rawValue:)),
            decidedByUserID: try decidedByUserId.map(UUID.stored), decidedAt: decidedAt.map(Date.init(unixMilliseconds:)),
            comment: comment)
    }
}

extension CalendarDate {
    /// A stored `YYYY-MM-DD`; anything else is a damaged row.
    static func stored(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else { throw CorruptRowError(detail: "bad date «\(text)»") }
        return date
    }
}
