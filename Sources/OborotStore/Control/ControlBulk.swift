public import OborotDomain
import Foundation

/// Loading many resolutions and assignments at once (load tests, imports from another system): no audit events,
/// no notifications — rows as they would be after the fact.
extension ControlRepository {
    static let resolutionColumns = [
        "id", "document_id", "author_user_id", "organization_id", "prepared_by_user_id", "text", "resolution_date",
        "state", "controlled", "control_officer_user_id", "control_category", "control_result", "version", "created_at",
    ]

    static let assignmentColumns = [
        "id", "resolution_id", "document_id", "parent_id", "author_user_id", "executor_user_id",
        "executor_organization_id", "responsible", "text", "deadline", "initial_deadline", "deadline_explanation",
        "state", "is_open", "control_officer_user_id", "issued_at", "issued_on", "completed_at", "completed_on", "version",
    ]

    public func insertBulk(resolutions: [Resolution], assignments: [Assignment]) async throws {
        let now = Int64(db.now.unixMilliseconds)
        try await db.bulk.copy(
            into: "resolutions", columns: Self.resolutionColumns,
            rows: resolutions.map { resolution in
                [
                    .text(resolution.id.lowercasedString), .text(resolution.documentID.lowercasedString),
                    .text(resolution.authorUserID.lowercasedString), .text(resolution.organizationID.lowercasedString),
                    .of(resolution.preparedByUserID?.lowercasedString), .text(resolution.text), .text(resolution.date.iso),
                    .text(resolution.state.rawValue), .integer(resolution.controlled ? 1 : 0),
                    .of(resolution.controlOfficerUserID?.lowercasedString), .of(resolution.controlCategory?.rawValue),
                    .of(resolution.controlResult), .integer(Int64(resolution.version)), .integer(now),
                ]
            })
        try await db.bulk.copy(
            into: "assignments", columns: Self.assignmentColumns,
            rows: assignments.map { assignment in
                [
                    .text(assignment.id.lowercasedString), .text(assignment.resolutionID.lowercasedString),
                    .text(assignment.documentID.lowercasedString), .of(assignment.parentID?.lowercasedString),
                    .text(assignment.authorUserID.lowercasedString), .of(assignment.executor.userID?.lowercasedString),
                    .text(assignment.executor.organizationID.lowercasedString), .integer(assignment.responsible ? 1 : 0),
                    .text(assignment.text), .of(assignment.deadline?.iso), .of(assignment.initialDeadline?.iso),
                    .of(assignment.deadlineExplanation), .text(assignment.state.rawValue),
                    .integer(assignment.state.isOpen ? 1 : 0), .of(assignment.controlOfficerUserID?.lowercasedString),
                    .integer(assignment.issuedAt.unixMilliseconds), .text(assignment.issuedOn.iso),
                    .of(assignment.completedAt?.unixMilliseconds), .of(assignment.completedOn?.iso),
                    .integer(Int64(assignment.version)),
                ]
            })
    }
}
