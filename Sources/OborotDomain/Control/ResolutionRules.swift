public import Foundation

/// A resolution as the head writes it, before it is checked.
public struct ResolutionDraft: Sendable, Hashable {
    public var text: String
    public var deadline: DeadlineChoice?
    public var controlled: Bool
    public var controlOfficerUserID: UUID?
    public var controlCategory: ControlCategory?
    public var executors: [ExecutorDraft]

    public init(
        text: String, deadline: DeadlineChoice?, controlled: Bool, controlOfficerUserID: UUID?,
        controlCategory: ControlCategory?, executors: [ExecutorDraft]
    ) {
        self.text = text
        self.deadline = deadline
        self.controlled = controlled
        self.controlOfficerUserID = controlOfficerUserID
        self.controlCategory = controlCategory
        self.executors = executors
    }
}

/// One executor of a draft, with an optional own deadline.
public struct ExecutorDraft: Sendable, Hashable {
    public var executor: Executor
    public var responsible: Bool
    public var deadline: DeadlineChoice?
    public var text: String?

    public init(executor: Executor, responsible: Bool = false, deadline: DeadlineChoice? = nil, text: String? = nil) {
        self.executor = executor
        self.responsible = responsible
        self.deadline = deadline
        self.text = text
    }
}

/// A deadline as a form sets it: a period («срочно», 10 days…) or a date.
public enum DeadlineChoice: Sendable, Hashable {
    case period(DeadlinePeriod)
    case date(CalendarDate)
}

/// An executor's assignment as the rules settle it: who is responsible, and the deadline with its explanation.
public struct PlannedAssignment: Sendable, Hashable {
    public var executor: Executor
    public var responsible: Bool
    public var text: String
    public var deadline: ComputedDeadline
}

/// The rules of writing a resolution or a sub-assignment: every problem listed at once, nothing decided twice.
public enum ResolutionRules {
    public static let maximumExecutors = 50
    public static let maximumTextLength = 4000

    /// Checks a draft dated `date` (the resolution's date, "today" in the author's organisation) and settles each
    /// executor's assignment. The responsible executor is the one marked, else the first listed.
    public static func plan(
        _ draft: ResolutionDraft, date: CalendarDate, calendar: WorkCalendar, lastDay: LastDayRule
    ) throws(OborotError) -> [PlannedAssignment] {
        var problems = TextRules.required(draft.text.trimmed, field: "text", maxLength: maximumTextLength)
        if problems.contains(where: { $0.code == "required" }) {
            problems = [FieldProblem(field: "text", code: "required", message: ControlTexts.textRequired)]
        }
        problems += executorProblems(draft.executors)
        let marked = draft.executors.firstIndex(where: \.responsible) ?? 0
        var planned: [PlannedAssignment] = []
        for (index, executor) in draft.executors.enumerated() {
            let choice = executor.deadline ?? draft.deadline
            let deadline = compute(choice, from: date, calendar: calendar, lastDay: lastDay)
            let field = executor.deadline == nil ? "deadline" : "executors[\(index)].deadline"
            for problem in DeadlinePolicy.problems(deadline: deadline.date, today: date, field: field)
            where !problems.contains(problem) {
                problems.append(problem)
            }
            let text = executor.text.nonBlank ?? draft.text.trimmed
            planned.append(
                PlannedAssignment(executor: executor.executor, responsible: index == marked, text: text, deadline: deadline))
        }
        if !problems.isEmpty { throw OborotError.validation(problems) }
        return planned
    }

    static func executorProblems(_ executors: [ExecutorDraft]) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if executors.isEmpty {
            problems.append(FieldProblem(field: "executors", code: "required", message: ControlTexts.executorsRequired))
        }
        if executors.count > maximumExecutors {
            problems.append(
                FieldProblem(field: "executors", code: "too_many", message: ControlTexts.tooManyExecutors(maximumExecutors)))
        }
        if Set(executors.map(\.executor)).count != executors.count {
            problems.append(FieldProblem(field: "executors", code: "duplicate", message: ControlTexts.duplicateExecutor))
        }
        if executors.count(where: \.responsible) > 1 {
            problems.append(FieldProblem(field: "executors", code: "two_responsible", message: ControlTexts.twoResponsible))
        }
        return problems
    }

    /// The deadline a form's choice gives for a resolution dated `date` (no choice: the default month).
    public static func compute(
        _ choice: DeadlineChoice?, from date: CalendarDate, calendar: WorkCalendar, lastDay: LastDayRule
    ) -> ComputedDeadline {
        switch choice {
        case .date(let day): DeadlinePolicy.deadline(on: day, from: date, lastDay: lastDay, calendar: calendar)
        case .period(let period): DeadlinePolicy.deadline(from: date, period: period, lastDay: lastDay, calendar: calendar)
        case nil: DeadlinePolicy.deadline(from: date, period: nil, lastDay: lastDay, calendar: calendar)
        }
    }

    /// A sub-assignment's deadline may not be later than its parent's: the executor would miss their own.
    public static func subAssignmentProblems(
        _ planned: [PlannedAssignment], parentDeadline: CalendarDate?
    ) -> [FieldProblem] {
        guard let parentDeadline else { return [] }
        return planned.contains { $0.deadline.date > parentDeadline }
            ? [
                FieldProblem(
                    field: "deadline", code: "after_parent_deadline",
                    message: "Срок перепоручения не может быть позже срока вашего поручения (\(parentDeadline.russian)).")
            ] : []
    }
}
