import Foundation
import Hummingbird
import OborotDomain

/// The resolution and sub-assignment forms as posted: several `executor` values (`org:<id>` or `user:<id>`), the
/// responsible one, a deadline preset, and what the form should do (`intent`: search for executors, or issue).
struct AssignmentFormValues: Sendable {
    var text = ""
    var executors: [String] = []
    var responsible: String?
    var deadline = "none"
    var deadlineDate = ""
    var workingDays = "5"
    var controlled = true
    var category = ""
    var query = ""
    var intent = "issue"
    var version: Int?

    static let presets: [(value: String, label: String)] = [
        ("none", "Без срока (один месяц)"), ("urgent", "Срочно (3 дня)"), ("operative", "Оперативно (10 дней)"),
        ("date", "К дате"), ("wd", "Через N рабочих дней"),
    ]

    init() {}

    /// Reads a posted form: the pairs in order, so executors keep the order they were ticked in.
    init(pairs: [(String, String)]) {
        controlled = false
        for (key, value) in pairs {
            switch key {
            case "text": text = value
            case "executor": if !executors.contains(value) { executors.append(value) }
            case "responsible": responsible = value
            case "deadline": deadline = value
            case "deadlineDate": deadlineDate = value
            case "workingDays": workingDays = value
            case "controlled": controlled = value == "1"
            case "category": category = value
            case "q": query = value
            case "intent": intent = value
            case "version": version = Int(value)
            default: break
            }
        }
    }

    /// The form's deadline as the rules take it; a malformed date or count is a field problem.
    func deadlineChoice() throws -> DeadlineChoice? {
        switch deadline {
        case "urgent": return .period(.urgent)
        case "operative": return .period(.operative)
        case "date":
            guard let date = CalendarDate(iso: deadlineDate) else {
                throw OborotError.validation([FieldProblem(field: "deadlineDate", code: "invalid_date", message: AssignmentFormTexts.badDate)])
            }
            return .date(date)
        case "wd":
            guard let count = Int(workingDays.trimmed), let period = DeadlinePeriod(code: "\(count)wd") else {
                throw OborotError.validation([FieldProblem(field: "workingDays", code: "invalid_period", message: AssignmentFormTexts.badWorkingDays)])
            }
            return .period(period)
        default: return nil
        }
    }

    /// The ticked executors in order; the responsible one marked (else the rules take the first).
    func executorDrafts() -> [ExecutorDraft] {
        executors.compactMap { token in
            guard let executor = Self.executor(token) else { return nil }
            return ExecutorDraft(executor: executor, responsible: token == responsible)
        }
    }

    static func executor(_ token: String) -> Executor? {
        let parts = token.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let id = UUID(uuidString: parts[1]) else { return nil }
        switch parts[0] {
        case "org": return .organization(id)
        case "user": return .personToResolve(id)
        default: return nil
        }
    }

    static func token(_ executor: Executor) -> String {
        switch executor {
        case .organization(let id): "org:\(id.lowercasedString)"
        case .person(let userID, _): "user:\(userID.lowercasedString)"
        }
    }
}

extension WebForms {
    /// The pairs of an urlencoded body in their order (repeated names kept), for forms with lists of values.
    static func pairs(from request: Request) async throws -> [(String, String)] {
        var request = request
        return try pairs(urlencoded: String(buffer: try await request.collectBody(upTo: 1 << 20)))
    }

    /// The pairs of `application/x-www-form-urlencoded` text (a body or a GET form's query), «+» read as a space.
    static func pairs(urlencoded text: String) throws -> [(String, String)] {
        var pairs: [(String, String)] = []
        for part in text.split(separator: "&") where !part.isEmpty {
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) throws -> String {
                guard let value = text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                    throw OborotError.malformedBody(field: nil, reason: WebTexts.unreadableForm)
                }
                return value
            }
            pairs.append((try decoded(halves[0]), halves.count > 1 ? try decoded(halves[1]) : ""))
        }
        return pairs
    }
}

enum AssignmentFormTexts {
    static let badDate = "Укажите дату срока."
    static let badWorkingDays = "Укажите число рабочих дней от 1 до 366."
}
