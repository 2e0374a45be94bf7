import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// The execution-discipline report page: a period form, the table with drill-down links, the SVG chart, CSV.
extension WebPages {
    struct DisciplineModel {
        struct Row {
            var name: String
            var href: String?
            var issued: Int
            var doneOnTime: Int
            var doneLate: Int
            var overdueNow: Int
            var hasOverdue: Bool
            var inProgress: Int
            var share: String
            var overdueHref: String
        }

        var organizationName: String
        var query: String
        var from: String
        var to: String
        var byPerson: Bool
        var categories: [FormModel.Named]
        var total: Row
        var rows: [Row]
        var hasRows: Bool
        var csvHref: String
        var chartHref: String
    }

    func addDisciplineRoutes(to router: Router<AppRequestContext>) {
        router.get("/reports/discipline") { request, _ in
            let caller = try signedIn(request)
            let parameters = request.uri.queryParameters
            func value(_ name: String) -> String? { parameters[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 } }
            let grouping = DisciplineService.Grouping(rawValue: value("groupBy") ?? "") ?? .organization
            let report = try await services.discipline.report(
                caller, organizationID: value("organizationId").flatMap(UUID.init(uuidString:)), from: value("from"),
                through: value("to"), category: value("category"), grouping: grouping)
            let period = report.period
            var common = "from=\(period.from.iso)&to=\(period.through.iso)"
            if let category = period.category { common += "&category=\(category.rawValue)" }
            let scope = "organizationId=\(report.organization.id.lowercasedString)&\(common)"
            func row(_ name: String, _ id: UUID?, _ counts: DisciplineCounts, drill: Bool) -> DisciplineModel.Row {
                let organization = id.map { "organizationId=\($0.lowercasedString)&\(common)" } ?? scope
                return DisciplineModel.Row(
                    name: name, href: drill ? "/reports/discipline?\(organization)" : nil, issued: counts.issued,
                    doneOnTime: counts.doneOnTime, doneLate: counts.doneLate, overdueNow: counts.overdueNow,
                    hasOverdue: counts.overdueNow > 0, inProgress: counts.inProgress, share: DisciplineTexts.share(counts.onTimeShare),
                    overdueHref: "/reports/discipline/assignments?outcome=overdue&\(organization)")
            }
            let model = DisciplineModel(
                organizationName: report.organization.shortName, query: scope, from: period.from.iso, to: period.through.iso,
                byPerson: grouping == .person,
                categories: ControlCategory.allCases.map { .init(id: $0.rawValue, name: $0.russianName, selected: $0 == period.category) },
                total: row("Итого", report.organization.id, report.total, drill: false),
                rows: report.rows.map { item in
                    grouping == .person || item.id == report.organization.id
                        ? row(item.name, report.organization.id, item.counts, drill: false)
                        : row(item.name, item.id, item.counts, drill: true)
                },
                hasRows: !report.rows.isEmpty,
                csvHref: "/api/v1/reports/discipline.csv?\(scope)\(grouping == .person ? "&groupBy=person" : "")",
                chartHref: "/api/v1/reports/discipline.svg?\(scope)")
            return page(
                "discipline", title: "Исполнительская дисциплина", model: model, caller: caller, path: "/reports/discipline")
        }
        // The assignments behind a figure, as a list like the inboxes.
        router.get("/reports/discipline/assignments") { request, _ in
            let caller = try signedIn(request)
            let parameters = request.uri.queryParameters
            func value(_ name: String) -> String? { parameters[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 } }
            let (items, today) = try await services.discipline.drillDown(
                caller, organizationID: value("organizationId").flatMap(UUID.init(uuidString:)), outcome: value("outcome") ?? "",
                from: value("from"), through: value("to"), category: value("category"), limit: 500)
            let model = InboxModel(
                heading: "Просроченные поручения", tabs: [], filters: [],
                rows: items.map { InboxModel.Row($0, today: today) }, hasRows: !items.isEmpty, nextHref: nil)
            return page("assignments", title: model.heading, model: model, caller: caller, path: "/reports/discipline")
        }
    }
}
