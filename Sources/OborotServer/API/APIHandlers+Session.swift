import Foundation
import OborotAPI
import OborotDomain
import OborotStore

extension APIHandlers {
    func createSession(_ input: Operations.CreateSession.Input) async throws -> Operations.CreateSession.Output {
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let scope = RequestScope.current
        let signIn = try await services.sessions.signIn(
            login: body.login, password: body.password, clientAddress: scope.clientAddress)
        let authentication = try await services.authenticator.authenticate(
            secret: signIn.secret, actingFor: nil, viaCookie: false)
        guard let authentication else { throw OborotError.unauthenticated }
        let profile = try await services.profile.profile(
            Caller(actor: authentication.actor, clientAddress: scope.clientAddress))
        scope.responseCookies.add(SessionCookie.make(signIn.secret, secure: configuration.secureCookies))
        return .created(.init(body: .json(.init(token: signIn.secret, me: .init(profile)))))
    }

    func deleteSession(_ input: Operations.DeleteSession.Input) async throws -> Operations.DeleteSession.Output {
        let scope = RequestScope.current
        try await services.sessions.signOut(try scope.requireAuthentication(), clientAddress: scope.clientAddress)
        scope.responseCookies.add(SessionCookie.clear(secure: configuration.secureCookies))
        return .noContent(.init())
    }

    func listApiTokens(_ input: Operations.ListApiTokens.Input) async throws -> Operations.ListApiTokens.Output {
        let tokens = try await services.sessions.apiTokens(try caller())
        return .ok(.init(body: .json(tokens.map(Components.Schemas.ApiToken.init))))
    }

    func createApiToken(_ input: Operations.CreateApiToken.Input) async throws -> Operations.CreateApiToken.Output {
        guard case .json(let body) = input.body else { throw OborotError.malformedBody(field: nil, reason: ErrorTexts.notJSON) }
        let (token, secret) = try await services.sessions.createAPIToken(try caller(), name: body.name)
        return .created(.init(body: .json(.init(id: token.id.lowercasedString, name: token.name ?? "", token: secret))))
    }

    func revokeApiToken(_ input: Operations.RevokeApiToken.Input) async throws -> Operations.RevokeApiToken.Output {
        try await services.sessions.revokeAPIToken(try caller(), id: try id(input.path.tokenId, .apiToken))
        return .noContent(.init())
    }
}

/// The session cookie: HttpOnly so scripts cannot read it, SameSite=Lax so other sites cannot post with it.
enum SessionCookie {
    static func make(_ secret: String, secure: Bool) -> String {
        let maxAge = Int(SessionPolicy.absoluteTimeout)
        return "\(AuthenticationMiddleware.cookieName)=\(secret); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Lax"
            + (secure ? "; Secure" : "")
    }

    static func clear(secure: Bool) -> String {
        "\(AuthenticationMiddleware.cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }
}
