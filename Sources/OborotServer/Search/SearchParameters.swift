import Foundation
import OborotDomain
import OborotStore

/// Reads the search page's and the API's query parameters into a request, the same way for both.
///
/// `q`, `kind`, `state` (several allowed), `organizationId` (with its subtree), `journalId`, `from`, `to`
/// (registration dates, ГГГГ-ММ-ДД), `overdue=1` (open assignments past their deadline), `sort=relevance|date`,
/// `cursor`, `limit` (1–100).
enum SearchParameters {
    static let maxLimit = 100

    static func parse(_ values: [String: [String]], defaultLimit: Int = 20) throws -> SearchService.Request {
        var request = SearchService.Request()
        var problems: [FieldProblem] = []
        request.text = values["q"]?.first ?? ""
        for raw in values["kind", default: []] where !raw.isEmpty {
            if let kind = DocumentKind(rawValue: raw) { request.filter.kinds.append(kind) } else {
                problems.append(FieldProblem(field: "kind", code: "invalid_kind", message: "Неизвестный вид документа «\(raw)»."))
            }
        }
        for raw in values["state", default: []] where !raw.isEmpty {
            if let state = DocumentState(rawValue: raw) { request.filter.states.append(state) } else {
                problems.append(FieldProblem(field: "state", code: "invalid_state", message: "Неизвестное состояние «\(raw)»."))
            }
        }
        if let raw = nonBlank(values["organizationId"]) {
            if let id = UUID(uuidString: raw) { request.organizationID = id } else { problems.append(invalidID("organizationId")) }
        }
        if let raw = nonBlank(values["journalId"]) {
            if let id = UUID(uuidString: raw) { request.filter.journalID = id } else { problems.append(invalidID("journalId")) }
        }
        for field in ["from", "to"] {
            guard let raw = nonBlank(values[field]) else { continue }
            guard let date = CalendarDate(iso: raw) else {
                problems.append(FieldProblem(field: field, code: "invalid_date", message: "Дата указывается как ГГГГ-ММ-ДД."))
                continue
            }
            if field == "from" { request.filter.registeredFrom = date } else { request.filter.registeredTo = date }
        }
        switch nonBlank(values["sort"]) {
        case nil, "relevance": request.sortByDate = false
        case "date": request.sortByDate = true
        case let other?:
            problems.append(FieldProblem(field: "sort", code: "invalid_sort", message: "Порядок «\(other)» неизвестен: relevance или date."))
        }
        request.cursor = nonBlank(values["cursor"])
        if let raw = nonBlank(values["limit"]) {
            if let limit = Int(raw), (1...maxLimit).contains(limit) { request.limit = limit } else {
                problems.append(FieldProblem(field: "limit", code: "invalid_limit", message: "Размер страницы — от 1 до \(maxLimit)."))
            }
        } else {
            request.limit = defaultLimit
        }
        request.withFacets = values["facets"]?.first != "0"
        request.onlyOverdue = ["1", "true", "on"].contains(values["overdue"]?.first ?? "")
        try OborotError.throwIfInvalid(problems)
        return request
    }

    /// Query parameters with repeated names kept.
    static func values(_ pairs: [(String, String)]) -> [String: [String]] {
        var values: [String: [String]] = [:]
        for (name, value) in pairs { values[name, default: []].append(value) }
        return values
    }

    private static func nonBlank(_ values: [String]?) -> String? {
        guard let value = values?.first?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    private static func invalidID(_ field: String) -> FieldProblem {
        FieldProblem(field: field, code: "invalid_id", message: "Идентификатор указан неверно.")
    }
}
