import Foundation
import Hummingbird
import OborotDomain
import OborotStore

extension WebPages {
    struct HomeModel {
        var greetingName: String
        var positionTitle: String?
        var organizationName: String
        var actingFor: String?
        var organizationCount: Int
        var roles: [RoleRow]
        var hasRoles: Bool
    }

    struct RoleRow {
        var roleName: String
        var organizationName: String
    }

    func addHomeRoutes(to router: Router<AppRequestContext>) {
        router.get("/") { request, _ in
            let caller = try signedIn(request)
            let profile = try await services.profile.profile(caller)
            let count = try await services.database.read { try await OrganizationRepository($0).count() }
            let roles = profile.grants.map { RoleRow(roleName: $0.grant.role.russianName, organizationName: $0.organizationName) }
            let name = profile.employee.name
            let model = HomeModel(
                greetingName: [name.givenName, name.patronymic].compactMap { $0 }.joined(separator: " "),
                positionTitle: profile.positionTitle, organizationName: profile.organization.shortName,
                actingFor: profile.actingFor?.displayName, organizationCount: count, roles: roles,
                hasRoles: !roles.isEmpty)
            return page("home", title: "Главная", model: model, caller: caller, path: "/")
        }
    }
}
