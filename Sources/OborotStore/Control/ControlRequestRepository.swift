public import Foundation
public import OborotDomain
import SQLKit

/// A numbered change of an assignment's deadline (the initial deadline stays on the assignment).
public struct DeadlineChange: Sendable, Hashable {
    public var number: Int
    public var oldDeadline: CalendarDate?
    public var newDeadline: CalendarDate?
    public var reason: String
    public var changedByUserID: UUID
    public var changedAt: Date
}

struct ExtensionRow: Codable, Sendable {
    var id: String
    var assignmentId: String
    var number: Int
    var requestedByUserId: String
    var proposedDate: String
    var reason: String
    var stage: String
    var state: String
    var decidedDate: String?
    var decidedByUserId: String?
    var decidedAt: Int64?
    var comment: String?
    var createdAt: Int64

    init(_ request: ExtensionRequest) {
        id = request.id.lowercasedString
        assignmentId = request.assignmentID.lowercasedString
        number = request.number
        requestedByUserId = request.requestedByUserID.lowercasedString
        proposedDate = request.proposedDate.iso
        reason = request.reason
        stage = request.stage.rawValue
        state = request.state.rawValue
        decidedDate = request.decidedDate?.iso
        decidedByUserId = request.decidedByUserID?.lowercasedString
        decidedAt = request.decidedAt?.unixMilliseconds
        comment = request.comment
        createdAt = request.createdAt.unixMilliseconds
    }

    func request() throws -> ExtensionRequest {
        ExtensionRequest(
            id: try UUID.stored(id), assignmentID: try UUID.stored(assignmentId), number: number,
            requestedByUserID: try UUID.stored(requestedByUserId), proposedDate: try CalendarDate.stored(proposedDate),
            reason: reason, stage: ExtensionRequest.Stage(rawValue: stage) ?? .author,
            state: ExtensionRequest.State(rawValue: state) ?? .pending, decidedDate: try decidedDate.map(CalendarDate.stored),
            decidedByUserID: try decidedByUserId.map(UUID.stored), decidedAt: decidedAt.map(Date.init(unixMilliseconds:)),
            comment: comment, createdAt: Date(unixMilliseconds: createdAt))
    }
}

struct ExplanationRow: Codable, Sendable {
    var id: String
    var assignmentId: String
    var requestedByUserId: String
    var question: String
    var requestedAt: Int64
    var answer: String?
    var answeredByUserId: String?
    var answeredAt: Int64?

    init(_ request: ExplanationRequest) {
        id = request.id.lowercasedString
        assignmentId = request.assignmentID.lowercasedString
        requestedByUserId = request.requestedByUserID.lowercasedString
        question = request.question
        requestedAt = request.requestedAt.unixMilliseconds
        answer = request.answer
        answeredByUserId = request.answeredByUserID?.lowercasedString
        answeredAt = request.answeredAt?.unixMilliseconds
    }

    func request() throws -> ExplanationRequest {
        ExplanationRequest(
            id: try UUID.stored(id), assignmentID: try UUID.stored(assignmentId),
            requestedByUserID: try UUID.stored(requestedByUserId), question: question,
            requestedAt: Date(unixMilliseconds: requestedAt), answer: answer,
            answeredByUserID: try answeredByUserId.map(UUID.stored), answeredAt: answeredAt.map(Date.init(unixMilliseconds:)))
    }
}

/// Extension and explanation requests and the numbered deadline history of assignments.
extension ControlRepository {
    public func extensions(assignmentIDs: [UUID]) async throws -> [ExtensionRequest] {
        guard !assignmentIDs.isEmpty else { return [] }
        return try await db.sql.select().column("*").from("extension_requests")
            .where(SQLColumn("assignment_id"), .in, SQLBind.group(assignmentIDs.map(\.lowercasedString)))
            .orderBy("assignment_id").orderBy("number").rows(ExtensionRow.self).map { try $0.request() }
    }

    public func insert(_ request: ExtensionRequest) async throws {
        try await db.sql.insert(into: "extension_requests").rows([ExtensionRow(request)]).run()
    }

    /// Saves a pending request's stage or decision; one decided meanwhile is a conflict.
    public func update(_ request: ExtensionRequest) async throws {
        let updated = try await db.sql.update("extension_requests")
            .set("stage", to: request.stage.rawValue).set("state", to: request.state.rawValue)
            .set("decided_date", to: request.decidedDate?.iso).set("decided_by_user_id", to: request.decidedByUserID?.lowercasedString)
            .set("decided_at", to: request.decidedAt?.unixMilliseconds).set("comment", to: request.comment)
            .where("id", .equal, request.id.lowercasedString).where("state", .equal, ExtensionRequest.State.pending.rawValue)
            .returning("id").all()
        if updated.isEmpty { throw ControlTexts.extensionAlreadyDecided }
    }

    /// The numbered deadline history of each assignment given.
    public func deadlineChanges(assignmentIDs: [UUID]) async throws -> [UUID: [DeadlineChange]] {
        guard !assignmentIDs.isEmpty else { return [:] }
        let rows = try await db.sql.select().column("*").from("assignment_deadline_changes")
            .where(SQLColumn("assignment_id"), .in, SQLBind.group(assignmentIDs.map(\.lowercasedString)))
            .orderBy("assignment_id").orderBy("number").all()
        var changes: [UUID: [DeadlineChange]] = [:]
        for row in rows {
            changes[try UUID.stored(row.decode(column: "assignment_id", as: String.self)), default: []].append(
                DeadlineChange(
                    number: try row.decode(column: "number", as: Int.self),
                    oldDeadline: try row.decode(column: "old_deadline", as: String?.self).map(CalendarDate.stored),
                    newDeadline: try row.decode(column: "new_deadline", as: String?.self).map(CalendarDate.stored),
                    reason: try row.decode(column: "reason", as: String.self),
                    changedByUserID: try UUID.stored(row.decode(column: "changed_by_user_id", as: String.self)),
                    changedAt: Date(unixMilliseconds: try row.decode(column: "changed_at", as: Int64.self))))
        }
        return changes
    }

    /// Records a deadline change with the next number of the assignment's history.
    public func recordDeadlineChange(
        assignmentID: UUID, from old: CalendarDate?, to new: CalendarDate?, reason: String, by userID: UUID
    ) async throws {
        let next = (try await deadlineChanges(assignmentIDs: [assignmentID])[assignmentID]?.map(\.number).max() ?? 0) + 1
        try await db.sql.insert(into: "assignment_deadline_changes")
            .columns("assignment_id", "number", "old_deadline", "new_deadline", "reason", "changed_by_user_id", "changed_at")
            .values(
                SQLBind(assignmentID.lowercasedString), SQLBind(next), SQLBind(old?.iso), SQLBind(new?.iso), SQLBind(reason),
                SQLBind(userID.lowercasedString), SQLBind(db.now.unixMilliseconds)
            ).run()
    }

    public func explanations(assignmentIDs: [UUID]) async throws -> [ExplanationRequest] {
        guard !assignmentIDs.isEmpty else { return [] }
        return try await db.sql.select().column("*").from("explanation_requests")
            .where(SQLColumn("assignment_id"), .in, SQLBind.group(assignmentIDs.map(\.lowercasedString)))
            .orderBy("requested_at").rows(ExplanationRow.self).map { try $0.request() }
    }

    public func insert(_ request: ExplanationRequest) async throws {
        try await db.sql.insert(into: "explanation_requests").rows([ExplanationRow(request)]).run()
    }

    /// Records the answer to a request still unanswered.
    public func answer(_ request: ExplanationRequest) async throws {
        let updated = try await db.sql.update("explanation_requests")
            .set("answer", to: request.answer).set("answered_by_user_id", to: request.answeredByUserID?.lowercasedString)
            .set("answered_at", to: request.answeredAt?.unixMilliseconds)
            .where("id", .equal, request.id.lowercasedString).where(SQLColumn("answer"), .is, SQLLiteral.null)
            .returning("id").all()
        if updated.isEmpty { throw ControlTexts.explanationAlreadyGiven }
    }
}
