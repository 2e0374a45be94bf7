import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// Distribution lists over HTTP (`openapi.yaml` documents each):
/// `GET, POST /api/v1/organizations/{organizationId}/distribution-lists`, `DELETE /api/v1/distribution-lists/{listId}`,
/// `POST /api/v1/documents/{documentId}/distribution-lists/{listId}` with `{"version": N}` — adds the list's addressees.
enum DistributionListRoutes {
    struct ListJSON: Encodable {
        struct Member: Encodable {
            var organizationId: String?
            var correspondentId: String?
        }

        var id: String
        var organizationId: String
        var name: String
        var addressees: [Member]

        init(_ list: DistributionList) {
            id = list.id.lowercasedString
            organizationId = list.organizationID.lowercasedString
            name = list.name
            addressees = list.addressees.compactMap { addressee in
                switch addressee {
                case .organization(let id): Member(organizationId: id.lowercasedString)
                case .correspondent(let id): Member(correspondentId: id.lowercasedString)
                case .employee: nil
                }
            }
        }
    }

    struct CreateBody: Decodable {
        struct Member: Decodable {
            var organizationId: String?
            var correspondentId: String?
        }

        var name: String?
        var addressees: [Member]?
    }

    struct ApplyBody: Decodable {
        var version: Int
    }

    static func add(to router: Router<AppRequestContext>, services: AppServices) {
        let lists = DistributionListService(database: services.database, documents: services.documents)
        router.get("/api/v1/organizations/:organizationId/distribution-lists") { _, context in
            let caller = try RequestScope.current.requireCaller()
            let id = try organizationID(context)
            return try FileRoutes.jsonResponse(status: .ok, try await lists.lists(caller, organizationID: id).map(ListJSON.init))
        }
        router.post("/api/v1/organizations/:organizationId/distribution-lists") { request, context in
            let caller = try RequestScope.current.requireCaller()
            let id = try organizationID(context)
            let body = try await ApprovalRoutes.decode(CreateBody.self, request, context)
            let addressees = try (body.addressees ?? []).enumerated().map { index, member -> Addressee in
                let field = "addressees[\(index)]"
                switch (member.organizationId, member.correspondentId) {
                case (let organization?, nil): return .organization(try RequestValues.bodyID(organization, field: "\(field).organizationId"))
                case (nil, let correspondent?): return .correspondent(try RequestValues.bodyID(correspondent, field: "\(field).correspondentId"))
                default:
                    throw OborotError.validation([
                        FieldProblem(field: field, code: "one_required", message: "Укажите либо организацию, либо корреспондента.")
                    ])
                }
            }
            let list = try await lists.create(caller, organizationID: id, name: body.name, addressees: addressees)
            return try FileRoutes.jsonResponse(status: .created, ListJSON(list))
        }
        router.delete("/api/v1/distribution-lists/:listId") { _, context in
            let caller = try RequestScope.current.requireCaller()
            try await lists.delete(caller, listID: try listID(context))
            return Response(status: .noContent)
        }
        router.post("/api/v1/documents/:documentId/distribution-lists/:listId") { request, context in
            let caller = try RequestScope.current.requireCaller()
            guard let documentID = context.parameters.get("documentId").flatMap(UUID.init(uuidString:)) else { throw OborotError.notFound(.document) }
            let body = try await ApprovalRoutes.decode(ApplyBody.self, request, context)
            let document = try await lists.apply(caller, listID: try listID(context), documentID: documentID, expectedVersion: body.version)
            return try FileRoutes.jsonResponse(status: .ok, ["version": document.version, "addressees": document.requisites.addressees.count])
        }
    }

    static func organizationID(_ context: AppRequestContext) throws -> UUID {
        guard let id = context.parameters.get("organizationId").flatMap(UUID.init(uuidString:)) else { throw OborotError.notFound(.organization) }
        return id
    }

    static func listID(_ context: AppRequestContext) throws -> UUID {
        guard let id = context.parameters.get("listId").flatMap(UUID.init(uuidString:)) else { throw OborotError.distributionListNotFound }
        return id
    }
}
