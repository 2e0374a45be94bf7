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
