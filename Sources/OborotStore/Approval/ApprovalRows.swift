import Foundation
import OborotDomain

/// The stored shapes of approval routes and their steps.
struct ApprovalRouteRow: Codable, Sendable {
    var id: String
    var documentId: String
    var state: String
    var round: Int
    var restartMode: String
    var createdByUserId: String
    var createdAt: Int64
    var updatedAt: Int64
    var version: Int

    init(_ route: ApprovalRoute, now: Date) {
        id = route.id.lowercasedString
        documentId = route.documentID.lowercasedString
        state = route.state.rawValue
        round = route.round
        restartMode = route.restartMode.rawValue
        createdByUserId = route.createdByUserID.lowercasedString
        createdAt = route.createdAt.unixMilliseconds
        updatedAt = now.unixMilliseconds
        version = route.version
    }

    func route(steps: [ApprovalStep]) throws -> ApprovalRoute {
        ApprovalRoute(
            id: try UUID.stored(id), documentID: try UUID.stored(documentId),
            state: ApprovalRouteState(rawValue: state) ?? .inProgress, round: round,
            restartMode: ApprovalRestartMode(rawValue: restartMode) ?? .route, createdByUserID: try UUID.stored(createdByUserId),
            createdAt: Date(unixMilliseconds: createdAt), version: version, steps: steps)
    }
}

struct ApprovalStepRow: Codable, Sendable {
    var id: String
    var routeId: String
    var documentId: String
    var round: Int
    var stage: Int
    var position: Int
    var approverEmployeeId: String
    var approverUserId: String
    var state: String
    var workingDays: Int
    var deadline: String?
    var activatedAt: Int64?
    var decidedAt: Int64?
    var comment: String?
    var carriedOver: Bool

    init(_ step: ApprovalStep, route: ApprovalRoute) {
        id = step.id.lowercasedString
        routeId = route.id.lowercasedString
        documentId = route.documentID.lowercasedString
        round = step.round
        stage = step.stage
        position = step.position
        approverEmployeeId = step.approverEmployeeID.lowercasedString
        approverUserId = step.approverUserID.lowercasedString
        state = step.state.rawValue
        workingDays = step.workingDays
        deadline = step.deadline?.iso
        activatedAt = step.activatedAt?.unixMilliseconds
        decidedAt = step.decidedAt?.unixMilliseconds
        comment = step.comment
        carriedOver = step.carriedOver
    }

    func step() throws -> ApprovalStep {
        ApprovalStep(
            id: try UUID.stored(id), round: round, stage: stage, position: position,
            approverEmployeeID: try UUID.stored(approverEmployeeId), approverUserID: try UUID.stored(approverUserId),
            state: ApprovalStepState(rawValue: state) ?? .waiting, workingDays: workingDays,
            deadline: try deadline.map(CalendarDate.stored), activatedAt: activatedAt.map(Date.init(unixMilliseconds:)),
            decidedAt: decidedAt.map(Date.init(unixMilliseconds:)), comment: comment, carriedOver: carriedOver)
    }
}
