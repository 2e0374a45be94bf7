import Foundation
import Hummingbird
import OborotDomain
import OborotStore

extension WebPages {
    struct CaseFilesModel {
        struct Row {
            var id: String
            var index: String
            var title: String
            var retention: String
            var count: Int
        }

        var year: Int
        var organizationId: String
        var organizations: [FormModel.Named]
        var cases: [Row]
        var hasCases: Bool
        var canAdd: Bool
        var error: String?
    }

    struct InventoryModel {
        struct Row {
            var position: Int
            var id: String
            var number: String
            var date: String
            var title: String
            var pages: String
        }

        var organizationId: String
        var year: Int
        var index: String
        var title: String
        var retention: String
        var count: Int
        var documents: [Row]
        var hasDocuments: Bool
    }

    struct CaseFileForm: Decodable {
        var organizationId: String?
        var year: String?
        var index: String?
        var title: String?
        var retentionYears: String?
    }

    func addCaseFileRoutes(to router: Router<AppRequestContext>) {
        router.get("/case-files") { request, _ in
            let caller = try signedIn(request)
            let organizationID = request.uri.queryParameters["organizationId"].flatMap { UUID(uuidString: String($0)) }
            let year = request.uri.queryParameters["year"].flatMap { Int(String($0)) }
            return try await caseFilesPage(caller, organizationID: organizationID, year: year, error: nil)
        }
        router.post("/case-files") { request, _ in
            let caller = try signedIn(request)
            let form = try await WebForms.decode(CaseFileForm.self, from: request)
            guard let organizationID = form.organizationId.flatMap(UUID.init(uuidString:)), let year = form.year.flatMap({ Int($0) }) else {
                throw OborotError.malformedBody(field: nil, reason: WebTexts.unreadableForm)
            }
            do {
                _ = try await services.registry.createCaseFile(
                    caller, organizationID: organizationID, year: year, index: form.index ?? "", title: form.title ?? "",
                    retentionYears: form.retentionYears.nonBlank.flatMap { Int($0) })
                return WebRedirect(location: "/case-files?organizationId=\(organizationID.lowercasedString)&year=\(year)").response
            } catch let error as OborotError where error.kind == .unprocessable || error.kind == .conflict || error.kind == .forbidden {
                return try await caseFilesPage(caller, organizationID: organizationID, year: year, error: error)
            }
        }
        router.get("/case-files/:id") { request, context in
            let caller = try signedIn(request)
            guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw OborotError.notFound(.caseFile) }
            let (caseFile, count, items) = try await services.registry.inventory(caller, caseFileID: id)
            let model = InventoryModel(
                organizationId: caseFile.organizationID.lowercasedString, year: caseFile.year, index: caseFile.index,
                title: caseFile.title, retention: caseFile.retention.russianName, count: count,
                documents: items.enumerated().map { offset, item in
                    .init(
                        position: offset + 1, id: item.id.lowercasedString, number: item.registrationNumber ?? "—",
                        date: item.registrationDate?.russian ?? "", title: item.title, pages: item.pages.map(String.init) ?? "")
                },
                hasDocuments: !items.isEmpty)
            return page("case-file", title: "Опись дела \(caseFile.index)", model: model, caller: caller, path: "/case-files")
        }
    }

    private func caseFilesPage(_ caller: Caller, organizationID: UUID?, year: Int?, error: OborotError?) async throws -> Response {
        let actor = caller.actor
        var organizationIDs = [actor.principal.organizationID]
        for path in actor.scopes(for: .registrar) + actor.scopes(for: .admin) {
            if let id = path.ids.last, !organizationIDs.contains(id) { organizationIDs.append(id) }
        }
        let chosen = organizationID ?? organizationIDs[0]
        let organizations = try await services.database.read { try await OrganizationRepository($0).findMany(organizationIDs) }
        let year = year ?? CalendarDate(Date(), in: TimeZone(identifier: OrganizationRules.defaultTimeZone)!).year
        let cases = try await services.registry.caseFiles(caller, organizationID: chosen, year: year)
        let path = try await services.organizations.details(caller, id: chosen).organization.path
        let model = CaseFilesModel(
            year: year, organizationId: chosen.lowercasedString,
            organizations: organizations.map { .init(id: $0.id.lowercasedString, name: $0.shortName, selected: $0.id == chosen) },
            cases: cases.map {
                .init(id: $0.0.id.lowercasedString, index: $0.0.index, title: $0.0.title, retention: $0.0.retention.russianName, count: $0.documents)
            },
            hasCases: !cases.isEmpty,
            canAdd: actor.holds(.registrar, over: path) || actor.holds(.admin, over: path), error: error?.detail)
        return page(
            "case-files", title: "Номенклатура дел", model: model, caller: caller, path: "/case-files",
            status: error?.kind.status ?? .ok)
    }
}
