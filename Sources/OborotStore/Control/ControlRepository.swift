public import Foundation
public import OborotDomain
import SQLKit

/// Resolutions, assignments and execution reports.
public struct ControlRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    // MARK: Resolutions

    public func insert(_ resolution: Resolution) async throws {
        try await db.sql.insert(into: "resolutions").rows([ResolutionRow(resolution, now: db.now)]).run()
        if resolution.controlled {
            // The appeals report counts «взято на контроль» from the appeal's row (no-op for other documents).
            try await db.sql.update("appeals").set("on_control", to: true)
                .where("document_id", .equal, resolution.documentID.lowercasedString).run()
        }
    }

    public func resolution(_ id: UUID) async throws -> Resolution {
        guard let row = try await db.sql.select().column("*").from("resolutions").where("id", .equal, id.lowercasedString)
            .row(ResolutionRow.self)
        else { throw OborotError.notFound(.resolution) }
        return try row.resolution()
    }

    public func resolutions(documentID: UUID) async throws -> [Resolution] {
        try await db.sql.select().column("*").from("resolutions").where("document_id", .equal, documentID.lowercasedString)
            .orderBy("created_at").rows(ResolutionRow.self).map { try $0.resolution() }
    }

    /// Saves a changed resolution if `expectedVersion` is still current.
    public func update(_ resolution: Resolution, expectedVersion: Int) async throws {
        let updated = try await db.sql.update("resolutions")
            .set("state", to: resolution.state.rawValue).set("text", to: resolution.text)
            .set("control_result", to: resolution.controlResult).set("version", to: expectedVersion + 1)
            .where("id", .equal, resolution.id.lowercasedString).where("version", .equal, expectedVersion)
            .returning("version").all()
        guard !updated.isEmpty else {
            let current = try await self.resolution(resolution.id)
            throw OborotError.staleVersion(.resolution, expected: expectedVersion, actual: current.version)
        }
    }

    // MARK: Assignments

    public func insert(_ assignments: [Assignment]) async throws {
        let rows = assignments.map(AssignmentRow.init)
        for chunk in rows.chunked(into: StorageLimits.rowsPerInsert(columns: 18)) {
            try await db.sql.insert(into: "assignments").rows(Array(chunk)).run()
        }
    }

    public func assignment(_ id: UUID) async throws -> Assignment {
        guard let row = try await db.sql.select().column("*").from("assignments").where("id", .equal, id.lowercasedString)
            .row(AssignmentRow.self)
        else { throw OborotError.notFound(.assignment) }
        return try row.assignment()
    }

    /// Every assignment of a resolution, sub-assignments included, in the order they were issued.
    public func assignments(resolutionID: UUID) async throws -> [Assignment] {
        try await db.sql.select().column("*").from("assignments").where("resolution_id", .equal, resolutionID.lowercasedString)
            .orderBy("issued_at").orderBy("id").rows(AssignmentRow.self).map { try $0.assignment() }
    }

    /// Saves an assignment's state, deadline and completion if `expectedVersion` is still current.
    public func update(_ assignment: Assignment, expectedVersion: Int) async throws {
        let updated = try await db.sql.update("assignments")
            .set("state", to: assignment.state.rawValue).set("is_open", to: assignment.state.isOpen)
            .set("deadline", to: assignment.deadline?.iso)
            .set("deadline_explanation", to: assignment.deadlineExplanation)
            .set("completed_at", to: assignment.completedAt?.unixMilliseconds)
            .set("completed_on", to: assignment.completedOn?.iso)
            .set("version", to: expectedVersion + 1)
            .where("id", .equal, assignment.id.lowercasedString).where("version", .equal, expectedVersion)
            .returning("version").all()
        guard !updated.isEmpty else {
            let current = try await self.assignment(assignment.id)
            throw OborotError.staleVersion(.assignment, expected: expectedVersion, actual: current.version)
        }
    }

    /// Issues a resolution's assignments: drafts become issued when the head approves.
    public func issueAssignments(resolutionID: UUID, at instant: Date, on day: CalendarDate) async throws {
        try await db.sql.update("assignments").set("state", to: AssignmentState.issued.rawValue)
            .set("is_open", to: true).set("issued_at", to: instant.unixMilliseconds).set("issued_on", to: day.iso)
            .where("resolution_id", .equal, resolutionID.lowercasedString).run()
    }

    // MARK: Reports

    /// Whether someone executes an open assignment on the document: the person named, or a head of the organisation
    /// named (`headOf`) — such people may add their files to the document for their reports.
    public func executesOpenAssignment(documentID: UUID, userID: UUID, headOf organizations: [UUID]) async throws -> Bool {
        var sql = SQLQueryString(
            "SELECT 1 AS found FROM assignments WHERE document_id = \(bind: documentID.lowercasedString) AND is_open = \(bind: true) AND (executor_user_id = \(bind: userID.lowercasedString)")
        if !organizations.isEmpty {
            sql += " OR (executor_user_id IS NULL AND executor_organization_id IN "
            sql += SQLQueryString("\(SQLBind.group(organizations.map(\.lowercasedString))))")
        }
        sql += ") LIMIT 1"
        return try await db.sql.raw(sql).first() != nil
    }

    public func attachFiles(reportID: UUID, attachmentIDs: [UUID]) async throws {
        for attachment in attachmentIDs {
            try await db.sql.insert(into: "assignment_report_files").columns("report_id", "attachment_id")
                .values(SQLBind(reportID.lowercasedString), SQLBind(attachment.lowercasedString)).run()
        }
    }

    /// Each report's files: attachment id and name.
    public func reportFiles(reportIDs: [UUID]) async throws -> [UUID: [(attachmentID: UUID, name: String)]] {
        guard !reportIDs.isEmpty else { return [:] }
        let rows = try await db.sql.raw(
            """
            SELECT f.report_id AS report_id, f.attachment_id AS attachment_id, t.name AS name
            FROM assignment_report_files f JOIN attachments t ON t.id = f.attachment_id
            WHERE f.report_id IN \(SQLBind.group(reportIDs.map(\.lowercasedString))) ORDER BY t.name
            """
        ).all()
        var files: [UUID: [(attachmentID: UUID, name: String)]] = [:]
        for row in rows {
            files[try UUID.stored(row.decode(column: "report_id", as: String.self)), default: []].append(
                (try UUID.stored(row.decode(column: "attachment_id", as: String.self)), try row.decode(column: "name", as: String.self)))
        }
        return files
    }

    public func insert(_ report: ExecutionReport) async throws {
        try await db.sql.insert(into: "assignment_reports").rows([ReportRow(report)]).run()
    }

    public func reports(assignmentIDs: [UUID]) async throws -> [ExecutionReport] {
        guard !assignmentIDs.isEmpty else { return [] }
        return try await db.sql.select().column("*").from("assignment_reports")
            .where(SQLColumn("assignment_id"), .in, SQLBind.group(assignmentIDs.map(\.lowercasedString)))
            .orderBy("submitted_at").rows(ReportRow.self).map { try $0.report() }
    }

    public func report(_ id: UUID) async throws -> ExecutionReport {
        guard let row = try await db.sql.select().column("*").from("assignment_reports")
            .where("id", .equal, id.lowercasedString).row(ReportRow.self)
        else { throw OborotError.notFound(.report) }
        return try row.report()
    }

    /// Records a decision on a report still undecided; a decided one is a conflict (accepting twice is `409`).
    public func decide(_ report: ExecutionReport) async throws {
        let updated = try await db.sql.update("assignment_reports")
            .set("decision", to: report.decision?.rawValue).set("decided_by_user_id", to: report.decidedByUserID?.lowercasedString)
            .set("decided_at", to: report.decidedAt?.unixMilliseconds).set("comment", to: report.comment)
            .where("id", .equal, report.id.lowercasedString).where(SQLColumn("decision"), .is, SQLLiteral.null)
            .returning("id").all()
        if updated.isEmpty { throw ControlTexts.reportAlreadyDecided }
    }
}
