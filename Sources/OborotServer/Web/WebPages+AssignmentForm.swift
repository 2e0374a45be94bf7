import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// The resolution form (on a document) and the sub-assignment form (on an assignment): executors picked from the
/// organisation tree with search, deadline presets with the explanation, control mark for resolutions.
extension WebPages {
    /// Where the form is: a resolution on a document, or passing an assignment down.
    enum AssignmentFormContext {
        case resolution(documentID: UUID, documentLabel: String, organizationID: UUID)
        case subAssignment(assignment: Assignment, organization: Organization)

        var action: String {
            switch self {
            case .resolution(let id, _, _): "/documents/\(id.lowercasedString)/resolution"
            case .subAssignment(let assignment, _): "/assignments/\(assignment.id.lowercasedString)/sub-assignments"
            }
        }
    }

    struct AssignmentFormModel {
        struct Option {
            var token: String
            var label: String
            var checked: Bool
            var responsible: Bool
            var index: Int
        }

        struct Preset {
            var value: String
            var label: String
            var checked: Bool
        }

        struct Problem {
            var message: String
            var control: String
        }

        var action: String
        var heading: String
        var backHref: String
        var backLabel: String
        var isResolution: Bool
        var text: String
        var error: String?
        var problems: [Problem]
        var hasProblems: Bool
        var selected: [Option]
        var hasSelected: Bool
        var found: [Option]
        var hasFound: Bool
        var nothingFound: Bool
        var query: String
        var presets: [Preset]
        var deadlineDate: String
        var workingDays: String
        var explanation: String
        var today: String
        var parentDeadline: String?
        var controlled: Bool
        var categories: [FormModel.Named]
        var submitLabel: String
    }

    func assignmentForm(
        _ caller: Caller, context: AssignmentFormContext, values: AssignmentFormValues, error: OborotError?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let calendar = try await services.calendar.current()
        let around: UUID
        let within: OrganizationPath?
        let heading: String
        let back: (String, String)
        let today: CalendarDate
        switch context {
        case .resolution(let documentID, let label, let organizationID):
            around = caller.actor.principal.organizationID == organizationID ? organizationID : caller.actor.principal.organizationID
            within = nil
            heading = "Резолюция: \(label)"
            back = ("/documents/\(documentID.lowercasedString)", label)
            today = try await services.control.today(for: caller)
        case .subAssignment(let assignment, let organization):
            around = organization.id
            within = organization.path
            heading = "Перепоручение"
            back = ("/assignments/\(assignment.id.lowercasedString)", "Поручение")
            today = organization.date(at: Date())
        }
        let selectedExecutors = values.executors.compactMap(AssignmentFormValues.executor)
        let labels = try await services.control.executorLabels(selectedExecutors)
        let candidates = try await services.control.executorCandidates(caller, around: around, query: values.query, within: within)
        let selectedTokens = Set(values.executors)
        let responsible = values.responsible ?? values.executors.first
        var index = 0
        func option(_ token: String, _ label: String, checked: Bool) -> AssignmentFormModel.Option {
            index += 1
            return .init(token: token, label: label, checked: checked, responsible: checked && token == responsible, index: index)
        }
        let selected = selectedExecutors.map { executor in
            option(AssignmentFormValues.token(executor), labels[executor] ?? "—", checked: true)
        }
        var found = candidates.organizations.map { option("org:\($0.id.lowercasedString)", $0.name, checked: false) }
        found += candidates.people.map { option("user:\($0.userID.lowercasedString)", "\($0.name) (\($0.organizationName))", checked: false) }
        found.removeAll { selectedTokens.contains($0.token) }

        let explanation: String
        do {
            let choice = try values.deadlineChoice()
            explanation = ResolutionRules.compute(
                choice, from: today, calendar: calendar, lastDay: calendar.overlay.lastDayRule
            ).explanation
        } catch {
            explanation = ""
        }
        var parentDeadline: String?
        if case .subAssignment(let assignment, _) = context { parentDeadline = assignment.deadline?.russian }
        let isResolution: Bool
        if case .resolution = context { isResolution = true } else { isResolution = false }
        let model = AssignmentFormModel(
            action: context.action, heading: heading, backHref: back.0, backLabel: back.1, isResolution: isResolution,
            text: values.text, error: error.map(\.detail),
            problems: (error?.fieldProblems ?? []).map { .init(message: $0.message, control: Self.assignmentControl(forField: $0.field)) },
            hasProblems: !(error?.fieldProblems.isEmpty ?? true), selected: selected, hasSelected: !selected.isEmpty,
            found: found, hasFound: !found.isEmpty, nothingFound: !values.query.trimmed.isEmpty && found.isEmpty,
            query: values.query,
            presets: AssignmentFormValues.presets.map { .init(value: $0.value, label: $0.label, checked: $0.value == values.deadline) },
            deadlineDate: values.deadlineDate, workingDays: values.workingDays, explanation: explanation, today: today.iso,
            parentDeadline: parentDeadline, controlled: values.controlled,
            categories: ControlCategory.allCases.map { .init(id: $0.rawValue, name: $0.russianName, selected: $0.rawValue == values.category) },
            submitLabel: isResolution ? "Вынести резолюцию" : "Перепоручить")
        return page("assignment-form", title: heading, model: model, caller: caller, path: "/assignments", status: status)
    }

    /// The form control an API field's problem belongs to.
    static func assignmentControl(forField field: String) -> String {
        switch field {
        case "text": "text"
        case "deadline", "deadlineDate": "deadline-date"
        case "workingDays": "working-days"
        case let field where field.hasPrefix("executors"): "executor-search"
        default: "text"
        }
    }

    /// Handles a posted resolution or sub-assignment form: a search re-renders it, an issue creates and redirects.
    func submitAssignmentForm(_ caller: Caller, context: AssignmentFormContext, values: AssignmentFormValues) async throws -> Response {
        if values.intent == "search" {
            return try await assignmentForm(caller, context: context, values: values, error: nil)
        }
        do {
            let draft = ResolutionDraft(
                text: values.text, deadline: try values.deadlineChoice(), controlled: values.controlled,
                controlOfficerUserID: nil,
                controlCategory: values.controlled ? ControlCategory(rawValue: values.category) : nil,
                executors: values.executorDrafts())
            switch context {
            case .resolution(let documentID, _, _):
                let tree = try await services.control.issue(caller, documentID: documentID, draft: draft)
                let notice = tree.resolution.state == .draft ? "draft" : "issued"
                return WebRedirect(location: "/documents/\(documentID.lowercasedString)?resolution=\(notice)#resolutions").response
            case .subAssignment(let assignment, _):
                _ = try await services.control.subAssign(caller, parentID: assignment.id, draft: draft)
                return WebRedirect(location: "/assignments/\(assignment.id.lowercasedString)?done=sub_assigned").response
            }
        } catch let error as OborotError where [.unprocessable, .badRequest, .conflict].contains(error.kind) {
            return try await assignmentForm(caller, context: context, values: values, error: error, status: error.kind.status)
        }
    }
}
