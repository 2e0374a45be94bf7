import Foundation
import OborotAPI
import OborotDomain
import OborotStore
import OpenAPIRuntime

extension APIHandlers {
    func getDisciplineReport(_ input: Operations.GetDisciplineReport.Input) async throws -> Operations.GetDisciplineReport.Output {
        let query = input.query
        let report = try await disciplineReport(
            organizationId: query.organizationId, from: query.from, to: query.to, category: query.category,
            groupBy: query.groupBy?.rawValue)
        return .ok(.init(body: .json(.init(report))))
    }

    func exportDisciplineReport(
        _ input: Operations.ExportDisciplineReport.Input
    ) async throws -> Operations.ExportDisciplineReport.Output {
        let query = input.query
        let report = try await disciplineReport(
            organizationId: query.organizationId, from: query.from, to: query.to, category: query.category,
            groupBy: query.groupBy?.rawValue)
        return .ok(.init(body: .csv(HTTPBody(DisciplineCSV.text(report)))))
    }

    func getDisciplineChart(_ input: Operations.GetDisciplineChart.Input) async throws -> Operations.GetDisciplineChart.Output {
        let query = input.query
        let report = try await disciplineReport(
            organizationId: query.organizationId, from: query.from, to: query.to, category: query.category,
            groupBy: query.groupBy?.rawValue)
        let title = DisciplineChartTexts.title(report)
        let svg = DisciplineChart.svg(title: title, rows: report.rows.map { ($0.name, $0.counts.onTimeShare) })
        return .ok(.init(body: .imageSvgXml(HTTPBody(svg))))
    }

    func listDisciplineAssignments(
        _ input: Operations.ListDisciplineAssignments.Input
    ) async throws -> Operations.ListDisciplineAssignments.Output {
        let query = input.query
        let caller = try caller()
        let (items, today) = try await services.discipline.drillDown(
            caller, organizationID: try query.organizationId.nonBlank.map { try id($0, .organization) }, outcome: query.outcome,
            from: query.from, through: query.to, category: query.category, limit: limit(query.limit, default: 100, max: 1000))
        return .ok(.init(body: .json(items.map { Components.Schemas.AssignmentListItem($0, today: today) })))
    }

    private func disciplineReport(
        organizationId: String?, from: String?, to: String?, category: String?, groupBy: String?
    ) async throws -> DisciplineService.Report {
        try await services.discipline.report(
            try caller(), organizationID: try organizationId.nonBlank.map { try id($0, .organization) }, from: from,
            through: to, category: category, grouping: DisciplineService.Grouping(rawValue: groupBy ?? "") ?? .organization)
    }
}

enum DisciplineChartTexts {
    static func title(_ report: DisciplineService.Report) -> String {
        "Исполнено в срок: \(report.organization.shortName), \(report.period.from.russian)–\(report.period.through.russian)"
    }
}

extension Components.Schemas.DisciplineCounts {
    init(_ counts: DisciplineCounts) {
        self.init(
            issued: counts.issued, doneOnTime: counts.doneOnTime, doneLate: counts.doneLate, overdueNow: counts.overdueNow,
            inProgress: counts.inProgress, onTimeShare: counts.onTimeShare)
    }
}

extension Components.Schemas.DisciplineReport {
    init(_ report: DisciplineService.Report) {
        self.init(
            organizationId: report.organization.id.lowercasedString, organizationName: report.organization.shortName,
            from: report.period.from.iso, to: report.period.through.iso, today: report.period.today.iso,
            category: report.period.category?.rawValue, groupBy: .init(rawValue: report.grouping.rawValue)!,
            total: .init(report.total),
            rows: report.rows.map {
                .init(id: $0.id.lowercasedString, name: $0.name, kind: $0.isPerson ? .person : .organization, counts: .init($0.counts))
            })
    }
}
