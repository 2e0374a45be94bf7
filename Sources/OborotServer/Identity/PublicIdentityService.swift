import Foundation
import OborotDomain
import OborotStore

/// The public form's identity step (59-ФЗ as amended on 30.03.2025: an electronic appeal needs the citizen
/// identified through ЕСИА): the authorization-code flow with PKCE, state and nonce, the ID token verified against the
/// provider's keys, and the identity kept for one submission. The browser holds a random key (cookie); its sign-in
/// row lives in the database, so any server instance can finish what another began.
///
/// | action | policy |
/// |---|---|
/// | begin, complete, sign out | anyone (the key in the cookie binds the steps to one browser) |
final class PublicIdentityService: Sendable {
    static let cookieName = "oborot_identity"
    static let callbackPath = "/public/appeal/identity/callback"

    let database: any Database
    let client: OpenIDClient?
    let redirectURI: String
    /// Each sign-in writes a row: a robot must not fill the table.
    private let limiter = AddressRateLimiter()

    init(database: any Database, settings: IdentityProviderSettings?, baseURL: String) {
        self.database = database
        self.client = settings.map { OpenIDClient(settings: $0) }
        self.redirectURI = baseURL + Self.callbackPath
    }

    var providerName: String? { client?.settings.displayName }

    /// Starts a sign-in: where to send the browser and the key to give it.
    func begin(organizationID: UUID?, clientAddress: String?) async throws -> (location: String, browserKey: String) {
        guard let client else { throw OborotError.identityNotConfigured }
        try limiter.admit(clientAddress)
        let metadata = try await client.provider().metadata
        let request = AuthorizationRequest.make()
        guard let url = request.url(metadata: metadata, clientID: client.settings.clientID, redirectURI: redirectURI, scopes: client.settings.scopes) else {
            throw OborotError.identityProviderMisconfigured("адрес входа «\(metadata.authorizationEndpoint)» не является URL")
        }
        let browserKey = SessionToken.generate()
        try await database.write { db in
            let repository = IdentitySignInRepository(db)
            // Nothing in an old sign-in is needed any more: its identity, if any, went with its submission.
            try await repository.deleteOlder(than: db.now.addingTimeInterval(-24 * 3600))
            try await repository.insert(
                IdentitySignIn(id: UUID(), request: request, organizationID: organizationID, createdAt: db.now, identity: nil, usedAt: nil),
                browserKeyHash: SessionToken.hash(browserKey))
        }
        return (url.absoluteString, browserKey)
    }

    /// Finishes a sign-in at the callback: the state must be this browser's, the code is exchanged, the ID token
    /// checked (signature, issuer, audience, expiry, nonce). Returns the identity and the organisation chosen before.
    func complete(state: String?, code: String?, providerError: String?, browserKey: String?) async throws -> (VerifiedIdentity, UUID?) {
        guard let client else { throw OborotError.identityNotConfigured }
        guard let state, let browserKey,
            let signIn = try await database.read({ db in
                try await IdentitySignInRepository(db).pending(state: state, browserKeyHash: SessionToken.hash(browserKey))
            })
        else { throw OborotError.identityRejected(.stateUnknown) }
        guard Date().timeIntervalSince(signIn.createdAt) < IdentityPolicy.signInWindow else {
            throw OborotError.identityRejected(.signInExpired)
        }
        if let providerError {
            throw OborotError.identityRejected(.providerRefused(providerError))
        }
        guard let code, !code.isEmpty else { throw OborotError.identityRejected(.codeMissing) }
        var (metadata, keys) = try await client.provider()
        let tokens = try await client.exchange(code: code, verifier: signIn.request.codeVerifier, redirectURI: redirectURI, metadata: metadata)
        let expectation = IDTokenVerification.Expectation(
            issuer: client.settings.issuer, clientID: client.settings.clientID, nonce: signIn.request.nonce, now: Date())
        var verified = IDTokenVerification.verify(tokens.idToken, keys: keys, expecting: expectation)
        if case .failure(let problem) = verified, problem.code == "key_unknown" {
            (metadata, keys) = try await client.provider(refreshingKeys: true)
            verified = IDTokenVerification.verify(tokens.idToken, keys: keys, expecting: expectation)
        }
        let claims: IDTokenClaims
        switch verified {
        case .success(let checked): claims = checked
        case .failure(let problem): throw OborotError.identityRejected(problem)
        }
        var userInfo: PersonClaims?
        if claims.names.familyName == nil || claims.names.givenName == nil, let accessToken = tokens.accessToken {
            userInfo = try await client.userInfo(accessToken: accessToken, metadata: metadata)
        }
        let identity: VerifiedIdentity
        switch IDTokenVerification.identity(claims, userInfo: userInfo, providerName: client.settings.displayName, verifiedAt: Date()) {
        case .success(let found): identity = found
        case .failure(let problem): throw OborotError.identityRejected(problem)
        }
        let recorded = try await database.write { db in
            let done = try await IdentitySignInRepository(db).verify(signIn.id, identity: identity)
            if done {
                try await AuditLog(db).append(
                    AuditRecord(
                        actorUserID: nil, actingForUserID: nil, action: "appeal.identity_verified", objectType: ObjectKind.appeal.rawValue,
                        objectID: signIn.id.lowercasedString,
                        summary: "Личность заявителя подтверждена: \(identity.providerName), субъект \(identity.subject)", clientAddress: nil))
            }
            return done
        }
        guard recorded else { throw OborotError.identityRejected(.stateUnknown) }
        return (identity, signIn.organizationID)
    }

    /// The identity this browser may still submit with: verified, unused, fresh.
    func current(browserKey: String?) async throws -> IdentitySignIn? {
        guard client != nil, let browserKey, !browserKey.isEmpty else { return nil }
        let signIn = try await database.read { db in try await IdentitySignInRepository(db).find(browserKeyHash: SessionToken.hash(browserKey)) }
        guard let signIn, let identity = signIn.identity, signIn.usedAt == nil,
            Date().timeIntervalSince(identity.verifiedAt) < IdentityPolicy.identityLifetime
        else { return nil }
        return signIn
    }

    func signOut(browserKey: String?) async throws {
        guard let browserKey, !browserKey.isEmpty else { return }
        try await database.write { db in try await IdentitySignInRepository(db).delete(browserKeyHash: SessionToken.hash(browserKey)) }
    }
}

/// The sign-in's own failures (the token's are the domain's).
extension IdentityProblem {
    static let stateUnknown = IdentityProblem(
        "state_unknown",
        "Этот вход не начинался в вашем браузере или уже завершён (ссылка могла быть открыта повторно). Начните вход заново со страницы обращения.")
    static let signInExpired = IdentityProblem("sign_in_expired", "Вход занял больше 15 минут и устарел. Начните вход заново.")
    static let codeMissing = IdentityProblem("code_missing", "Поставщик удостоверений вернул вас на сайт без кода входа. Начните вход заново.")

    static func providerRefused(_ error: String) -> IdentityProblem {
        IdentityProblem(
            "provider_\(error.prefix(40))",
            error == "access_denied"
                ? "Вы отказались от входа у поставщика удостоверений. Обращение можно отправить без подтверждения личности — оно поступит как сообщение."
                : "Поставщик удостоверений не подтвердил вход (\(error)). Попробуйте ещё раз.")
    }
}

extension OborotError {
    static let identityNotConfigured = OborotError(
        .notFound, code: "identity_not_configured", title: "Вход не настроен",
        detail: "Для этого сайта вход через Госуслуги (ЕСИА) не настроен: обращение можно отправить без подтверждения личности.")
    static let identityAlreadyUsed = OborotError(
        .conflict, code: "identity_already_used",
        title: "Подтверждение личности уже использовано",
        detail: "С этим подтверждением личности обращение уже отправлено. Чтобы отправить ещё одно, подтвердите личность снова.")
}
