import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import OborotDomain
import Synchronization

/// The relying party's side of OpenID Connect over HTTP: the provider's discovery document and keys (cached for an
/// hour; the keys fetched again when a token names a key we have not seen — providers rotate them), the code for
/// tokens exchange, and the userinfo request when the token carries no names.
final class OpenIDClient: Sendable {
    let settings: IdentityProviderSettings
    private let http: HTTPClient
    private let cached = Mutex<(metadata: OpenIDProviderMetadata, keys: JSONWebKeySet, fetchedAt: Date)?>(nil)
    private static let cacheLifetime: TimeInterval = 3600
    private static let timeout: TimeAmount = .seconds(10)
    private static let maxResponseBytes = 1 << 20

    init(settings: IdentityProviderSettings, http: HTTPClient = .shared) {
        self.settings = settings
        self.http = http
    }

    /// The discovery document and the keys, from the cache while fresh.
    func provider(refreshingKeys: Bool = false) async throws -> (metadata: OpenIDProviderMetadata, keys: JSONWebKeySet) {
        if !refreshingKeys, let entry = cached.withLock({ $0 }), Date().timeIntervalSince(entry.fetchedAt) < Self.cacheLifetime {
            return (entry.metadata, entry.keys)
        }
        let base = settings.issuer.hasSuffix("/") ? String(settings.issuer.dropLast()) : settings.issuer
        let metadata: OpenIDProviderMetadata = try await json(try await get(base + "/.well-known/openid-configuration"), what: "описание поставщика")
        if let problem = metadata.problem(expectedIssuer: settings.issuer) { throw OborotError.identityProviderMisconfigured(problem) }
        let keys: JSONWebKeySet = try await json(try await get(metadata.jwksURI), what: "ключи поставщика")
        cached.withLock { $0 = (metadata, keys, Date()) }
        return (metadata, keys)
    }

    struct Tokens: Decodable {
        var idToken: String
        var accessToken: String?
        private enum CodingKeys: String, CodingKey { case idToken = "id_token", accessToken = "access_token" }
    }

    /// Exchanges the authorization code (with the PKCE verifier) for tokens; the client authenticates with HTTP Basic
    /// when it has a secret (`client_secret_basic`, the default of the specification).
    func exchange(code: String, verifier: String, redirectURI: String, metadata: OpenIDProviderMetadata) async throws -> Tokens {
        let form = URLQuery.encode([
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI), ("code_verifier", verifier),
            ("client_id", settings.clientID),
        ])
        var request = HTTPClientRequest(url: metadata.tokenEndpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        if let secret = settings.clientSecret {
            // RFC 6749 §2.3.1: the id and secret are form-encoded before they go into the Basic header.
            let pair = "\(URLQuery.value(settings.clientID)):\(URLQuery.value(secret))"
            request.headers.add(name: "Authorization", value: "Basic " + Data(pair.utf8).base64EncodedString())
        }
        request.body = .bytes(ByteBuffer(string: form))
        let (status, body) = try await send(request)
        guard status == .ok else {
            let error = try? JSONDecoder().decode(TokenError.self, from: Data(body))
            throw OborotError.identityRejected(
                IdentityProblem("token_refused", "Поставщик удостоверений не выдал токен: \(error?.description ?? "ответ \(status.code)"). Войдите ещё раз."))
        }
        return try await json(body, what: "ответ с токенами")
    }

    func userInfo(accessToken: String, metadata: OpenIDProviderMetadata) async throws -> PersonClaims? {
        guard let endpoint = metadata.userinfoEndpoint else { return nil }
        var request = HTTPClientRequest(url: endpoint)
        request.headers.add(name: "Authorization", value: "Bearer \(accessToken)")
        request.headers.add(name: "Accept", value: "application/json")
        let (status, body) = try await send(request)
        guard status == .ok else { return nil }
        return try await json(body, what: "сведения о пользователе")
    }

    private struct TokenError: Decodable {
        var error: String
        var errorDescription: String?
        private enum CodingKeys: String, CodingKey { case error, errorDescription = "error_description" }
        var description: String { errorDescription.map { "\(error) — \($0)" } ?? error }
    }

    private func get(_ url: String) async throws -> [UInt8] {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        let (status, body) = try await send(request)
        guard status == .ok else { throw OborotError.identityProviderUnavailable("\(url) ответил \(status.code)") }
        return body
    }

    private func send(_ request: HTTPClientRequest) async throws -> (HTTPResponseStatus, [UInt8]) {
        do {
            let response = try await http.execute(request, timeout: Self.timeout)
            let body = try await response.body.collect(upTo: Self.maxResponseBytes)
            return (response.status, Array(body.readableBytesView))
        } catch let error as OborotError {
            throw error
        } catch {
            throw OborotError.identityProviderUnavailable("\(request.url): \(error)")
        }
    }

    private func json<T: Decodable>(_ bytes: [UInt8], what: String) async throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            throw OborotError.identityProviderMisconfigured("\(what): ответ не читается как JSON нужного вида")
        }
    }
}

extension OborotError {
    static func identityProviderUnavailable(_ detail: String) -> OborotError {
        OborotError(
            .unavailable, code: "identity_provider_unavailable", title: "Сервис подтверждения личности недоступен",
            detail: "Не удалось связаться с поставщиком удостоверений. Попробуйте позже или отправьте обращение без подтверждения личности — оно поступит как сообщение. (\(detail))")
    }

    static func identityProviderMisconfigured(_ detail: String) -> OborotError {
        OborotError(
            .unavailable, code: "identity_provider_misconfigured", title: "Вход через поставщика удостоверений настроен неверно",
            detail: "Поставщик удостоверений ответил не так, как ожидается: \(detail). Сообщите администратору сайта; обращение можно отправить без подтверждения личности.")
    }

    static func identityRejected(_ problem: IdentityProblem) -> OborotError {
        OborotError(.badRequest, code: "identity_\(problem.code)", title: "Личность не подтверждена", detail: problem.reason)
    }
}
