import Foundation
import OborotAPI
import OborotDomain
import OborotStore

extension APIHandlers {
    func listOrganizations(_ input: Operations.ListOrganizations.Input) async throws -> Operations.ListOrganizations.Output {
        let caller = try caller()
        let query = input.query
        let nodes: [OrganizationNode]
        if let parent = query.parentId, query.q == nil {
            nodes = try await services.organizations.children(caller, of: try id(parent, .organization))
        } else if query.q == nil, query.within == nil, query.kind == nil {
            nodes = try await services.organizations.children(caller, of: nil)
        } else {
            nodes = try await services.organizations.search(
                caller, text: query.q, within: try query.within.map { try id($0, .organization) },
                kind: query.kind?.domain, limit: limit(query.limit, default: 50, max: 500))
        }
        return .ok(.init(body: .json(nodes.map(Components.Schemas.OrganizationNode.init))))
    }

    func getOrganizationTree(_ input: Operations.GetOrganizationTree.Input) async throws
        -> Operations.GetOrganizationTree.Output
    {
        let tree = try await services.organizations.tree(
            try caller(), rootID: try input.query.rootId.map { try id($0, .organization) },
            depth: input.query.depth ?? 1)
        return .ok(.init(body: .json(tree.map(Components.Schemas.OrganizationTreeNode.init))))
    }

    func getOrganization(_ input: Operations.GetOrganization.Input) async throws -> Operations.GetOrganization.Output {
        let details = try await services.organizations.details(
            try caller(), id: try id(input.path.organizationId, .organization))
        return .ok(
            .init(
                body: .json(
                    .init(
                        organization: .init(details.organization), ancestors: details.ancestors.map { .init($0) },
                        childCount: details.childCount))))
    }

    func createOrganization(_ input: Operations.CreateOrganization.Input) async throws
        -> Operations.CreateOrganization.Output
    {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let draft = OrganizationDraft(
            parentID: try bodyID(body.parentId, field: "parentId"), kind: body.kind.domain, shortName: body.shortName,
            fullName: body.fullName, inn: body.inn, ogrn: body.ogrn, timeZone: body.timeZone)
        let organization = try await services.organizations.create(caller, draft: draft)
        return .created(.init(body: .json(.init(organization))))
    }

    func updateOrganization(_ input: Operations.UpdateOrganization.Input) async throws
        -> Operations.UpdateOrganization.Output
    {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let newParent = try body.parentId.map { try bodyID($0, field: "parentId") }
        let organization = try await services.organizations.update(
            caller, id: try id(input.path.organizationId, .organization), expectedVersion: body.version
        ) { draft in
            if let newParent { draft.parentID = newParent }
            if let kind = body.kind { draft.kind = kind.domain }
            if let shortName = body.shortName { draft.shortName = shortName }
            if let fullName = body.fullName { draft.fullName = fullName }
            if let inn = body.inn { draft.inn = inn }
            if let ogrn = body.ogrn { draft.ogrn = ogrn }
            if let timeZone = body.timeZone { draft.timeZone = timeZone }
        }
        return .ok(.init(body: .json(.init(organization))))
    }
}
