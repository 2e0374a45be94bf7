import Foundation
import Hummingbird
import Mustache
import OborotDomain
import OborotStore

extension WebPages {
    /// A node of the organisation tree as the templates show it.
    final class TreeNode {
        let id: String
        let shortName: String
        let kindName: String
        let childCount: Int
        let hasChildren: Bool
        let expanded: Bool
        let loaded: Bool
        let children: [TreeNode]

        init(_ node: OrganizationNode, children: [TreeNode]? = nil, expanded: Bool = false) {
            id = node.organization.id.lowercasedString
            // Roots of the tree (the region itself) are few and deserve their full official name.
            shortName = node.organization.parentID == nil ? node.organization.fullName : node.organization.shortName
            kindName = node.organization.kind.russianName
            childCount = node.childCount
            hasChildren = node.childCount > 0
            self.expanded = expanded
            loaded = children != nil
            self.children = children ?? []
        }
    }

    struct OrganizationsModel {
        var query: String
        var hasQuery: Bool
        var results: [SearchResult]
        var hasResults: Bool
        var resultCount: Int
        var resultsTruncated: Bool
        var tree: [TreeNode]
    }

    struct SearchResult {
        var id: String
        var shortName: String
        var fullName: String
        var kindName: String
        var fullNameDiffers: Bool
    }

    struct OrganizationModel {
        var id: String
        var shortName: String
        var fullName: String
        var kindName: String
        var inn: String?
        var ogrn: String?
        var timeZone: String
        var ancestors: [SearchResult]
        var children: [ChildRow]
        var childCount: Int
        var hasChildren: Bool
        var employees: [EmployeeRow]
        var hasEmployees: Bool
    }

    struct ChildRow {
        var id: String
        var shortName: String
        var kindName: String
        var childCount: Int?
    }

    struct EmployeeRow {
        var fullName: String
        var positionTitle: String
        var phone: String
        var email: String
        var active: Bool
    }

    static let searchLimit = 100

    func addOrganizationRoutes(to router: Router<AppRequestContext>) {
        router.get("/organizations") { request, _ in
            let caller = try signedIn(request)
            let query = (request.uri.queryParameters["q"].map(String.init) ?? "").trimmed
            var results: [OrganizationNode] = []
            if !query.isEmpty {
                results = try await services.organizations.search(
                    caller, text: String(query.prefix(200)), within: nil, kind: nil, limit: Self.searchLimit)
            }
            let roots = try await services.organizations.children(caller, of: nil)
            var tree: [TreeNode] = []
            for root in roots {
                // The region's first level (its bodies and municipalities) is shown at once; deeper levels load on demand.
                let children = try await services.organizations.children(caller, of: root.organization.id)
                tree.append(TreeNode(root, children: children.map { TreeNode($0) }, expanded: true))
            }
            let model = OrganizationsModel(
                query: query, hasQuery: !query.isEmpty, results: results.map(searchResult), hasResults: !results.isEmpty,
                resultCount: results.count, resultsTruncated: results.count >= Self.searchLimit, tree: tree)
            return page("organizations", title: "Организации", model: model, caller: caller, path: "/organizations")
        }
        router.get("/organizations/:id/children") { request, context in
            // A fragment for the tree's script: an expired session is a plain 401, not a login page to insert.
            guard let caller = try? RequestScope.current.requireCaller() else { return Response(status: .unauthorized) }
            let id = try organizationID(context)
            let children = try await services.organizations.children(caller, of: id)
            struct Fragment { var tree: [TreeNode] }
            return html(library.render(Fragment(tree: children.map { TreeNode($0) }), withTemplate: "org-children") ?? "")
        }
        router.get("/organizations/:id") { request, context in
            let caller = try signedIn(request)
            let id = try organizationID(context)
            let details = try await services.organizations.details(caller, id: id)
            let children = try await services.organizations.children(caller, of: id)
            let employees = try await services.people.employees(caller, organizationID: id, text: nil, limit: 500)
            let positions = try await services.people.positions(caller, organizationID: id)
            let titles = Dictionary(uniqueKeysWithValues: positions.map { ($0.id, $0.title) })
            let organization = details.organization
            let model = OrganizationModel(
                id: organization.id.lowercasedString, shortName: organization.shortName, fullName: organization.fullName,
                kindName: organization.kind.russianName, inn: organization.inn, ogrn: organization.ogrn,
                timeZone: organization.timeZone,
                ancestors: details.ancestors.map { searchResult(OrganizationNode(organization: $0, childCount: 0)) },
                children: children.map {
                    ChildRow(
                        id: $0.organization.id.lowercasedString, shortName: $0.organization.shortName,
                        kindName: $0.organization.kind.russianName, childCount: $0.childCount > 0 ? $0.childCount : nil)
                },
                childCount: details.childCount, hasChildren: !children.isEmpty,
                employees: employees.map {
                    EmployeeRow(
                        fullName: $0.name.full, positionTitle: $0.positionID.flatMap { titles[$0] } ?? "",
                        phone: $0.phone ?? "", email: $0.email ?? "", active: $0.active)
                },
                hasEmployees: !employees.isEmpty)
            return page(
                "organization", title: organization.shortName, model: model, caller: caller, path: "/organizations")
        }
    }

    private func organizationID(_ context: AppRequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else {
            throw OborotError.notFound(.organization)
        }
        return id
    }

    private func searchResult(_ node: OrganizationNode) -> SearchResult {
        SearchResult(
            id: node.organization.id.lowercasedString, shortName: node.organization.shortName,
            fullName: node.organization.fullName, kindName: node.organization.kind.russianName,
            fullNameDiffers: node.organization.fullName != node.organization.shortName)
    }
}
