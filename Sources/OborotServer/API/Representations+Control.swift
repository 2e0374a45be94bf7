import Foundation
import OborotAPI
import OborotDomain
import OborotStore

extension Components.Schemas.Resolution {
    init(_ tree: ControlService.ResolutionTree) {
        let resolution = tree.resolution
        func person(_ id: UUID?) -> Components.Schemas.UserRef? {
            id.map { Components.Schemas.UserRef(userId: $0.lowercasedString, name: tree.people[$0] ?? "") }
        }
        self.init(
            id: resolution.id.lowercasedString, documentId: resolution.documentID.lowercasedString,
            author: person(resolution.authorUserID)!, preparedBy: person(resolution.preparedByUserID),
            text: resolution.text, date: resolution.date.iso, state: .init(rawValue: resolution.state.rawValue)!,
            controlled: resolution.controlled, controlOfficer: person(resolution.controlOfficerUserID),
            controlCategory: resolution.controlCategory.flatMap { .init(rawValue: $0.rawValue) },
            controlCategoryName: resolution.controlCategory?.russianName, controlResult: resolution.controlResult,
            version: resolution.version,
            assignments: tree.assignments.map { assignment in
                Components.Schemas.Assignment(
                    id: assignment.id.lowercasedString, resolutionId: assignment.resolutionID.lowercasedString,
                    documentId: assignment.documentID.lowercasedString, parentId: assignment.parentID?.lowercasedString,
                    author: person(assignment.authorUserID)!,
                    executor: .init(assignment.executor, in: tree),
                    responsible: assignment.responsible, text: assignment.text, deadline: assignment.deadline?.iso,
                    initialDeadline: assignment.initialDeadline?.iso, deadlineExplanation: assignment.deadlineExplanation,
                    state: .init(rawValue: assignment.state.rawValue)!, stateName: assignment.state.russianName,
                    overdue: assignment.isOverdue(today: tree.today), controlOfficer: person(assignment.controlOfficerUserID),
                    issuedAt: assignment.issuedAt, completedAt: assignment.completedAt, version: assignment.version,
                    events: AssignmentLifecycle.events(from: assignment.state).map(\.rawValue),
                    reports: (tree.reports[assignment.id] ?? []).map { report in
                        .init(
                            id: report.id.lowercasedString, author: person(report.authorUserID)!, text: report.text,
                            submittedAt: report.submittedAt, decision: report.decision.flatMap { .init(rawValue: $0.rawValue) },
                            decidedBy: person(report.decidedByUserID), decidedAt: report.decidedAt, comment: report.comment,
                            files: (tree.reportFiles[report.id] ?? []).map {
                                .init(attachmentId: $0.attachmentID.lowercasedString, name: $0.name)
                            })
                    },
                    extensions: (tree.extensions[assignment.id] ?? []).map { request in
                        .init(
                            id: request.id.lowercasedString, number: request.number, requestedBy: person(request.requestedByUserID)!,
                            proposedDate: request.proposedDate.iso, reason: request.reason,
                            stage: .init(rawValue: request.stage.rawValue)!, stageName: request.stage.russianName,
                            state: .init(rawValue: request.state.rawValue)!, stateName: request.state.russianName,
                            decidedDate: request.decidedDate?.iso, decidedBy: person(request.decidedByUserID),
                            decidedAt: request.decidedAt, comment: request.comment, createdAt: request.createdAt)
                    },
                    explanations: (tree.explanations[assignment.id] ?? []).map { request in
                        .init(
                            id: request.id.lowercasedString, requestedBy: person(request.requestedByUserID)!,
                            question: request.question, requestedAt: request.requestedAt, answer: request.answer,
                            answeredBy: person(request.answeredByUserID), answeredAt: request.answeredAt)
                    },
                    deadlineChanges: (tree.deadlineChanges[assignment.id] ?? []).map { change in
                        .init(
                            number: change.number, oldDeadline: change.oldDeadline?.iso, newDeadline: change.newDeadline?.iso,
                            reason: change.reason, changedBy: person(change.changedByUserID)!, changedAt: change.changedAt)
                    })
            })
    }
}

extension Components.Schemas.AssignmentExecutor {
    init(_ executor: Executor, in tree: ControlService.ResolutionTree) {
        self.init(
            kind: executor.userID == nil ? .organization : .person, userId: executor.userID?.lowercasedString,
            organizationId: executor.organizationID.lowercasedString, name: tree.executorName(executor))
    }
}

extension Components.Schemas.AssignmentListItem {
    init(_ item: AssignmentListItem, today: CalendarDate) {
        let assignment = item.assignment
        self.init(
            id: assignment.id.lowercasedString, resolutionId: assignment.resolutionID.lowercasedString,
            documentId: assignment.documentID.lowercasedString, documentNumber: item.documentNumber,
            documentTitle: item.documentTitle, authorName: item.authorName, executorName: item.executorName,
            responsible: assignment.responsible, text: assignment.text, deadline: assignment.deadline?.iso,
            state: assignment.state.rawValue, stateName: assignment.state.russianName,
            overdue: assignment.isOverdue(today: today))
    }
}
