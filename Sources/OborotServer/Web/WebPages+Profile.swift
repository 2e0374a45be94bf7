import Foundation
import Hummingbird
import OborotDomain
import OborotStore

extension WebPages {
    struct ProfileModel {
        var fullName: String
        var login: String
        var organizationId: String
        var organizationName: String
        var positionTitle: String?
        var roles: [RoleRow]
        var hasRoles: Bool
        var actingFor: String?
        var delegatedToMe: [Person]
        var hasDelegatedToMe: Bool
        var tokens: [TokenRow]
        var hasTokens: Bool
        var newToken: NewToken?
        var error: String?
    }

    struct Person {
        var userId: String
        var displayName: String
    }

    struct TokenRow {
        var id: String
        var name: String
        var createdAt: String
        var lastUsedAt: String
        var revoked: Bool
    }

    struct NewToken {
        var name: String
        var token: String
    }

    struct TokenForm: Decodable { var name: String? }
    struct PasswordForm: Decodable {
        var currentPassword: String?
        var newPassword: String?
    }
    struct ActingForForm: Decodable { var userId: String? }

    func addProfileRoutes(to router: Router<AppRequestContext>) {
        router.get("/profile") { request, _ in
            let caller = try signedIn(request)
            let flash = request.uri.queryParameters["done"].flatMap { Self.flashes[String($0)] }
            return try await profilePage(caller, flash: flash)
        }
        router.post("/profile/tokens") { request, _ in
            let caller = try signedIn(request)
            let form = try await WebForms.decode(TokenForm.self, from: request)
            do {
                let (token, secret) = try await services.sessions.createAPIToken(caller, name: form.name ?? "")
                return try await profilePage(caller, newToken: NewToken(name: token.name ?? "", token: secret))
            } catch let error as OborotError where error.kind == .unprocessable {
                return try await profilePage(caller, error: error.detail, status: .unprocessableContent)
            }
        }
        router.post("/profile/tokens/:id/revoke") { request, context in
            let caller = try signedIn(request)
            guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
                throw OborotError.notFound(.apiToken)
            }
            try await services.sessions.revokeAPIToken(caller, id: id)
            return WebRedirect(location: "/profile?done=token-revoked").response
        }
        router.post("/profile/password") { request, _ in
            let caller = try signedIn(request)
            let form = try await WebForms.decode(PasswordForm.self, from: request)
            do {
                try await services.sessions.changeOwnPassword(
                    caller, current: form.currentPassword ?? "", new: form.newPassword ?? "",
                    keepingSession: RequestScope.current.authentication?.sessionID)
                return WebRedirect(location: "/profile?done=password-changed").response
            } catch let error as OborotError where error.kind == .unprocessable {
                return try await profilePage(caller, error: error.detail, status: .unprocessableContent)
            }
        }
        router.post("/profile/acting-for") { request, _ in
            let caller = try signedIn(request)
            let form = try await WebForms.decode(ActingForForm.self, from: request)
            guard let userID = form.userId.flatMap(UUID.init(uuidString:)) else { throw OborotError.notFound(.delegation) }
            let profile = try await services.profile.profile(caller)
            guard profile.delegatedToMe.contains(where: { $0.userID == userID }) else { throw OborotError.notFound(.delegation) }
            var response = WebRedirect(location: "/?done=acting-started").response
            response.headers[.setCookie] = ActingForCookie.make(userID, secure: configuration.secureCookies)
            return response
        }
        router.post("/profile/acting-for/stop") { request, _ in
            _ = try signedIn(request)
            var response = WebRedirect(location: "/profile?done=acting-stopped").response
            response.headers[.setCookie] = ActingForCookie.clear
            return response
        }
    }

    static let flashes: [String: String] = [
        "token-revoked": WebTexts.tokenRevoked,
        "password-changed": WebTexts.passwordChanged,
        "acting-stopped": WebTexts.actingStopped,
        "acting-started": WebTexts.actingStarted,
    ]

    private func profilePage(
        _ caller: Caller, newToken: NewToken? = nil, error: String? = nil, status: HTTPResponse.Status = .ok,
        flash: String? = nil
    ) async throws -> Response {
        let profile = try await services.profile.profile(caller)
        let tokens = try await services.sessions.apiTokens(caller)
        let zone = profile.organization.timeZone
        let roles = profile.grants.map { RoleRow(roleName: $0.grant.role.russianName, organizationName: $0.organizationName) }
        let delegated = profile.actingFor == nil
            ? profile.delegatedToMe.map { Person(userId: $0.userID.lowercasedString, displayName: $0.displayName) } : []
        let model = ProfileModel(
            fullName: profile.employee.name.full, login: profile.person.login,
            organizationId: profile.organization.id.lowercasedString, organizationName: profile.organization.shortName,
            positionTitle: profile.positionTitle, roles: roles, hasRoles: !roles.isEmpty,
            actingFor: profile.actingFor?.displayName, delegatedToMe: delegated, hasDelegatedToMe: !delegated.isEmpty,
            tokens: tokens.map {
                TokenRow(
                    id: $0.id.lowercasedString, name: $0.name ?? "", createdAt: WebTexts.dateTime($0.createdAt, timeZone: zone),
                    lastUsedAt: WebTexts.dateTime($0.lastSeenAt, timeZone: zone), revoked: $0.revokedAt != nil)
            },
            hasTokens: !tokens.isEmpty, newToken: newToken, error: error)
        return page("profile", title: "Мой профиль", model: model, caller: caller, path: "/profile", status: status, flash: flash)
    }
}

/// The web session's choice to act for a head; checked against the delegation on every request.
enum ActingForCookie {
    static let name = "oborot_acting_for"

    static func make(_ userID: UUID, secure: Bool) -> String {
        "\(name)=\(userID.lowercasedString); Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }

    static let clear = "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
}
