import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// The search page: one box, facets to narrow by, results with highlighted snippets.
///
/// | page | who |
/// |---|---|
/// | `/search?q=…` (and the filters of `SearchParameters`) | anyone signed in; results only from what they may see |
extension WebPages {
    struct SearchModel {
        struct Fragment {
            var text: String
            var match: Bool
        }

        struct Row {
            var id: String
            var number: String?
            var date: String?
            var kindName: String
            var title: String
            var correspondent: String?
            var stateName: String
            var state: String
            var restricted: Bool
            var snippet: [Fragment]
            var hasSnippet: Bool
            var notice: String?
        }

        struct FacetLink {
            var label: String
            var count: Int
            var href: String
            var selected: Bool
        }

        struct FacetGroup {
            var title: String
            var links: [FacetLink]
            var clearHref: String?
        }

        var query: String
        var sortByDate: Bool
        var from: String
        var to: String
        var hidden: [HiddenField]
        var error: String?
        /// Something to know about the query that is not an error.
        var hint: String?
        var summary: String?
        var indexNotice: String?
        var groups: [FacetGroup]
        var hasGroups: Bool
        var rows: [Row]
        var hasRows: Bool
        var nextHref: String?
        var resetHref: String
    }

    struct HiddenField {
        var name: String
        var value: String
    }

    func addSearchRoutes(to router: Router<AppRequestContext>) {
        router.get("/search") { request, _ in
            let caller = try signedIn(request)
            let pairs = try WebForms.pairs(urlencoded: request.uri.query ?? "")
            return try await searchPage(caller, pairs: pairs)
        }
    }

    private func searchPage(_ caller: Caller, pairs: [(String, String)]) async throws -> Response {
        let values = SearchParameters.values(pairs)
        var model = SearchModel(
            query: values["q"]?.first ?? "", sortByDate: values["sort"]?.first == "date",
            from: values["from"]?.first ?? "", to: values["to"]?.first ?? "", hidden: [],
            groups: [], hasGroups: false, rows: [], hasRows: false, resetHref: "/search")
        // The facet filters travel as hidden fields, so a new query keeps them.
        model.hidden = pairs.filter { ["kind", "state", "organizationId", "journalId", "overdue"].contains($0.0) }
            .map { HiddenField(name: $0.0, value: $0.1) }
        do {
            let request = try SearchParameters.parse(values)
            let result = try await services.search.search(caller, request)
            model.rows = result.hits.map(Self.searchRow)
            model.hasRows = !model.rows.isEmpty
            model.indexNotice = result.indexNotice
            if result.onlyStopWords { model.hint = SearchPageTexts.onlyStopWords }
            if let facets = result.facets {
                model.summary = SearchPageTexts.found(facets.total)
                model.groups = Self.facetGroups(facets, result: result, pairs: pairs)
                model.hasGroups = !model.groups.isEmpty
            }
            if let next = result.nextCursor {
                model.nextHref = Self.searchHref(pairs.filter { $0.0 != "cursor" } + [("cursor", next)])
            }
        } catch let error as OborotError where [.unprocessable, .badRequest, .notFound].contains(error.kind) {
            // A query too long or a damaged filter: say so above the box, keep what was typed.
            model.error = error.fieldProblems.first?.message ?? error.detail
        }
        let status: HTTPResponse.Status = model.error == nil ? .ok : .unprocessableContent
        return page("search", title: model.query.isEmpty ? "Поиск" : "Поиск: \(model.query.prefix(60))", model: model,
                    caller: caller, path: "/search", status: status)
    }

    private static func searchRow(_ hit: SearchService.Hit) -> SearchModel.Row {
        let item = hit.item
        let fragments = hit.snippet?.fragments.map { SearchModel.Fragment(text: $0.text, match: $0.isMatch) } ?? []
        return SearchModel.Row(
            id: item.id.lowercasedString, number: item.registrationNumber, date: item.registrationDate?.russian,
            kindName: item.kind.russianName, title: item.title, correspondent: item.correspondentName,
            stateName: item.state.russianName, state: item.state.rawValue, restricted: item.accessMark == .restricted,
            snippet: fragments, hasSnippet: !fragments.isEmpty, notice: hit.notice)
    }

    private static func facetGroups(_ facets: SearchFacets, result: SearchService.Result, pairs: [(String, String)]) -> [SearchModel.FacetGroup] {
        func group(_ title: String, _ name: String, _ entries: [(value: String, label: String, count: Int)]) -> SearchModel.FacetGroup? {
            let chosen = Set(pairs.filter { $0.0 == name }.map(\.1))
            guard !entries.isEmpty || !chosen.isEmpty else { return nil }
            let others = pairs.filter { $0.0 != name && $0.0 != "cursor" }
            let links = entries.map { entry in
                SearchModel.FacetLink(
                    label: entry.label, count: entry.count, href: searchHref(others + [(name, entry.value)]),
                    selected: chosen.contains(entry.value))
            }
            return SearchModel.FacetGroup(title: title, links: links, clearHref: chosen.isEmpty ? nil : searchHref(others))
        }
        let overdue = facets.withOverdueAssignments > 0 || pairs.contains { $0.0 == "overdue" }
            ? group("Исполнение", "overdue", [("1", "С просроченными поручениями", facets.withOverdueAssignments)]) : nil
        return [
            group("Вид", "kind", SearchFacetList.kinds(facets).map { ($0.value.rawValue, $0.label, $0.count) }),
            group("Состояние", "state", SearchFacetList.states(facets).map { ($0.value.rawValue, $0.label, $0.count) }),
            group("Организация", "organizationId", SearchFacetList.named(facets.organizations, result.organizationNames)
                .map { ($0.value.lowercasedString, $0.label, $0.count) }),
            group("Журнал", "journalId", SearchFacetList.named(facets.journals, result.journalNames)
                .map { ($0.value.lowercasedString, $0.label, $0.count) }),
            overdue,
        ].compactMap { $0 }
    }

    static func searchHref(_ pairs: [(String, String)]) -> String {
        let query = pairs.filter { !$0.1.isEmpty }.map { "\($0.0)=\(URLQuery.value($0.1))" }.joined(separator: "&")
        return query.isEmpty ? "/search" : "/search?\(query)"
    }
}

extension SearchPageTexts {
    static func found(_ count: Int) -> String {
        count == 0 ? "Ничего не найдено." : "Найдено: \(RussianPlural("документ", "документа", "документов").counted(count))."
    }
}
