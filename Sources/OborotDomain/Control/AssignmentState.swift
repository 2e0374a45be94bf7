/// Where an assignment is: issued → accepted → report submitted → done, or back to work when a report is returned;
/// cancelled by its author. A draft resolution's assignments wait as `draft` until the head approves it.
public enum AssignmentState: String, Sendable, Hashable, CaseIterable, Codable {
    case draft
    case issued
    case accepted
    case reportSubmitted = "report_submitted"
    case returned
    case done
    case cancelled

    /// Open work: counted in inboxes, reminders and discipline reports.
    public var isOpen: Bool { self != .draft && self != .done && self != .cancelled }

    public var russianName: String {
        switch self {
        case .draft: "Проект"
        case .issued: "Выдано"
        case .accepted: "Принято к исполнению"
        case .reportSubmitted: "Отчёт на проверке"
        case .returned: "Возвращено на доработку"
        case .done: "Исполнено"
        case .cancelled: "Отменено"
        }
    }
}

/// What can happen to an assignment, and who may make it happen (checked by `ControlPolicies`).
public enum AssignmentEvent: String, Sendable, Hashable, CaseIterable, Codable {
    /// The executor takes it into work.
    case accept
    /// The executor submits an execution report.
    case submitReport = "submit_report"
    /// The control officer or the author accepts the report.
    case acceptReport = "accept_report"
    /// The control officer or the author returns the report for rework.
    case returnReport = "return_report"
    /// The author cancels it.
    case cancel
}

/// The assignment state machine as a pure function: an illegal move throws and changes nothing.
public enum AssignmentLifecycle {
    public static func next(_ state: AssignmentState, on event: AssignmentEvent) throws(OborotError) -> AssignmentState {
        switch (state, event) {
        case (.issued, .accept), (.returned, .accept): return .accepted
        case (.issued, .submitReport), (.accepted, .submitReport), (.returned, .submitReport): return .reportSubmitted
        case (.reportSubmitted, .acceptReport): return .done
        case (.reportSubmitted, .returnReport): return .returned
        case (let from, .cancel) where from.isOpen: return .cancelled
        default: throw ControlTexts.illegalTransition(from: state, event: event)
        }
    }

    /// The events that make sense from a state, for the buttons a card shows.
    public static func events(from state: AssignmentState) -> [AssignmentEvent] {
        AssignmentEvent.allCases.filter { (try? next(state, on: $0)) != nil }
    }
}
