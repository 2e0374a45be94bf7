import Crypto
import Foundation
import Hummingbird
import NIOCore
import OborotDomain
import Synchronization
import _CryptoExtras

/// Where the built-in development provider lives and the client it knows.
enum DevelopmentIdentityProviderPaths {
    static let root = "/dev-identity"
    static let clientID = "oborot-demo"
    static let clientSecret = "oborot-demo-secret"
}

/// A development OpenID Connect provider standing in for ЕСИА in the demo and the tests: discovery, a sign-in page
/// where one types the citizen's name, the code for tokens exchange with PKCE, RS256 ID tokens and the keys. It
/// vouches for whoever is typed in, so it is served only when asked for (`OBOROT_DEV_IDENTITY=1`, `serve --demo`)
/// and says so on its page. Its key lives in memory: a restart makes earlier tokens unverifiable, as a key rotation
/// would.
final class DevelopmentIdentityProvider: Sendable {
    private let issuerAddress: Mutex<String>
    /// Where sign-ins may return to: only the site it serves, so it cannot be used as an open redirect.
    private let allowedRedirectPrefix: Mutex<String>
    private let key: _RSA.Signing.PrivateKey
    private let keyID: String
    private let codes = Mutex<[String: Grant]>([:])

    private struct Grant {
        var claims: [String: String]
        var nonce: String?
        var challenge: String?
        var redirectURI: String
        var issuedAt: Date
    }

    init(issuer: String, allowedRedirectPrefix: String) throws {
        self.issuerAddress = Mutex(issuer)
        self.allowedRedirectPrefix = Mutex(allowedRedirectPrefix)
        self.key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        self.keyID = "dev-" + String(Hex.encode(SHA256.hash(data: key.publicKey.derRepresentation)).prefix(12))
    }

    var issuer: String { issuerAddress.withLock { $0 } }

    /// For a test that learns its port only once listening.
    func relocate(issuer: String, allowedRedirectPrefix: String) {
        issuerAddress.withLock { $0 = issuer }
        self.allowedRedirectPrefix.withLock { $0 = allowedRedirectPrefix }
    }

    func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        let root = DevelopmentIdentityProviderPaths.root
        router.get("\(root)/.well-known/openid-configuration") { _, _ in try FileRoutes.jsonResponse(status: .ok, self.discovery()) }
        router.get("\(root)/jwks") { _, _ in try FileRoutes.jsonResponse(status: .ok, self.keys()) }
        router.get("\(root)/authorize") { request, _ in self.signInPage(request.uri.queryParameters) }
        router.post("\(root)/authorize") { request, _ in try await self.authorize(request) }
        router.post("\(root)/token") { request, _ in try await self.token(request) }
    }

    // MARK: Discovery and keys

    private func discovery() -> OpenIDProviderMetadata {
        let issuer = issuer
        return OpenIDProviderMetadata(
            issuer: issuer, authorizationEndpoint: issuer + "/authorize", tokenEndpoint: issuer + "/token", jwksURI: issuer + "/jwks",
            userinfoEndpoint: nil)
    }

    private func keys() throws -> JSONWebKeySet {
        let primitives = try key.publicKey.getKeyPrimitives()
        return JSONWebKeySet(keys: [
            JSONWebKey(kty: "RSA", kid: keyID, alg: "RS256", n: Base64URL.encode(primitives.modulus), e: Base64URL.encode(primitives.publicExponent))
        ])
    }

    // MARK: Sign-in page

    private func signInPage(_ query: Parameters) -> Response {
        let value = { (name: String) in query[Substring(name)].map(String.init) ?? "" }
        guard let problem = requestProblem(clientID: value("client_id"), redirectURI: value("redirect_uri")) else {
            let hidden = ["client_id", "redirect_uri", "state", "nonce", "code_challenge", "code_challenge_method"]
                .map { "<input type=\"hidden\" name=\"\($0)\" value=\"\(HTMLEscaping.escape(value($0)))\">" }.joined()
            return html(
                """
                <h1>Тестовый поставщик удостоверений</h1>
                <div class="alert alert-info" role="note">Это учебная замена ЕСИА: здесь можно войти под любым именем. На рабочем сайте
                настраивается вход через Госуслуги (OBOROT_OIDC_ISSUER).</div>
                <form method="post" action="\(DevelopmentIdentityProviderPaths.root)/authorize" class="form" id="dev-identity-form">\(hidden)
                <div class="field"><label for="family_name">Фамилия</label><input id="family_name" name="family_name" value="Петрова" required></div>
                <div class="field"><label for="given_name">Имя</label><input id="given_name" name="given_name" value="Анна" required></div>
                <div class="field"><label for="middle_name">Отчество</label><input id="middle_name" name="middle_name" value="Сергеевна"></div>
                <div class="field"><label for="email">Электронная почта</label><input id="email" name="email" type="email" value="petrova@example.ru"></div>
                <div class="form-actions"><button type="submit" class="button button--primary" id="dev-identity-allow" name="decision" value="allow">Войти</button>
                <button type="submit" class="button button--quiet" id="dev-identity-deny" name="decision" value="deny" formnovalidate>Отказаться</button></div>
                </form>
                """, status: .ok)
        }
        return refusal(problem)
    }

    private func refusal(_ problem: String) -> Response {
        html("<h1>Вход невозможен</h1><div class=\"alert alert-error\" role=\"alert\">\(HTMLEscaping.escape(problem))</div>", status: .badRequest)
    }

    private func requestProblem(clientID: String, redirectURI: String) -> String? {
        if clientID != DevelopmentIdentityProviderPaths.clientID { return "Неизвестное приложение «\(clientID)»." }
        let prefix = allowedRedirectPrefix.withLock { $0 }
        if !redirectURI.hasPrefix(prefix) { return "Адрес возврата «\(redirectURI)» не относится к этому сайту." }
        return nil
    }

    private struct AuthorizeForm: Decodable {
        var client_id: String
        var redirect_uri: String
        var state: String?
        var nonce: String?
        var code_challenge: String?
        var family_name: String?
        var given_name: String?
        var middle_name: String?
        var email: String?
        var decision: String?
    }

    private func authorize(_ request: Request) async throws -> Response {
        let form = try await WebForms.decode(AuthorizeForm.self, from: request)
        if let problem = requestProblem(clientID: form.client_id, redirectURI: form.redirect_uri) { return refusal(problem) }
        var items: [(String, String)] = []
        if form.decision == "deny" {
            items.append(("error", "access_denied"))
        } else {
            let code = SessionToken.generate()
            var claims: [String: String] = [:]
            for (name, value) in [("family_name", form.family_name), ("given_name", form.given_name), ("middle_name", form.middle_name), ("email", form.email)] {
                if let value = value?.trimmed, !value.isEmpty { claims[name] = value }
            }
            // The subject is stable per person, as ЕСИА's oid is.
            claims["sub"] = "dev-" + String(Hex.encode(SHA256.hash(data: Data([claims["family_name"], claims["given_name"], claims["middle_name"]].map { $0 ?? "" }.joined(separator: "|").utf8))).prefix(16))
            codes.withLock { codes in
                codes = codes.filter { Date().timeIntervalSince($0.value.issuedAt) < 120 }
                codes[code] = Grant(claims: claims, nonce: form.nonce, challenge: form.code_challenge, redirectURI: form.redirect_uri, issuedAt: Date())
            }
            items.append(("code", code))
        }
        if let state = form.state { items.append(("state", state)) }
        return Response(status: .seeOther, headers: [.location: URLQuery.appending(items, to: form.redirect_uri)])
    }

    // MARK: Token endpoint

    private struct TokenForm: Decodable {
        var grant_type: String
        var code: String
        var redirect_uri: String
        var code_verifier: String?
        var client_id: String?
        var client_secret: String?
    }

    private func token(_ request: Request) async throws -> Response {
        guard let form = try? await WebForms.decode(TokenForm.self, from: request) else { return tokenError("invalid_request", status: .badRequest) }
        var client = (form.client_id, form.client_secret)
        if let basic = request.headers[.authorization], basic.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(basic.dropFirst(6))).map({ String(decoding: $0, as: UTF8.self) })
        {
            let halves = decoded.split(separator: ":", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            if halves.count == 2 { client = (halves[0], halves[1]) }
        }
        guard client.0 == DevelopmentIdentityProviderPaths.clientID, client.1 == DevelopmentIdentityProviderPaths.clientSecret else {
            return tokenError("invalid_client", status: .unauthorized)
        }
        guard form.grant_type == "authorization_code" else { return tokenError("unsupported_grant_type", status: .badRequest) }
        // A code is good once.
        guard let grant = codes.withLock({ $0.removeValue(forKey: form.code) }), Date().timeIntervalSince(grant.issuedAt) < 120,
            grant.redirectURI == form.redirect_uri
        else { return tokenError("invalid_grant", status: .badRequest) }
        if let challenge = grant.challenge {
            guard let verifier = form.code_verifier, AuthorizationRequest.codeChallenge(for: verifier) == challenge else {
                return tokenError("invalid_grant", status: .badRequest)
            }
        }
        let now = Int(Date().timeIntervalSince1970)
        var claims: [String: Any] = grant.claims
        claims["iss"] = issuer
        claims["aud"] = DevelopmentIdentityProviderPaths.clientID
        claims["iat"] = now
        claims["exp"] = now + 300
        if let nonce = grant.nonce { claims["nonce"] = nonce }
        return try tokenResponse(.ok, TokenResponse(access_token: SessionToken.generate(), token_type: "Bearer", expires_in: 300, id_token: try sign(claims)))
    }

    private struct TokenResponse: Encodable {
        var access_token: String
        var token_type: String
        var expires_in: Int
        var id_token: String
    }

    func sign(_ claims: [String: Any]) throws -> String {
        let header = Base64URL.encode(try JSONSerialization.data(withJSONObject: ["alg": "RS256", "typ": "JWT", "kid": keyID], options: [.sortedKeys]))
        let payload = Base64URL.encode(try JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys]))
        let input = "\(header).\(payload)"
        let signature = try key.signature(for: SHA256.hash(data: Data(input.utf8)), padding: .insecurePKCS1v1_5)
        return "\(input).\(Base64URL.encode(signature.rawRepresentation))"
    }

    // MARK: Responses

    private func tokenError(_ code: String, status: HTTPResponse.Status) -> Response {
        (try? tokenResponse(status, ["error": code])) ?? Response(status: status)
    }

    /// Token endpoint answers are never cached (RFC 6749 §5.1).
    private func tokenResponse(_ status: HTTPResponse.Status, _ value: some Encodable) throws -> Response {
        var response = try FileRoutes.jsonResponse(status: status, value)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func html(_ content: String, status: HTTPResponse.Status) -> Response {
        let page = """
            <!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Тестовый поставщик удостоверений</title><link rel="stylesheet" href="/static/oborot.css"></head>
            <body><main class="public-page">\(content)</main></body></html>
            """
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}
