import Foundation
import HTTPTypes
import Hummingbird
import OborotDomain

/// Resolves the bearer token or session cookie into the request scope; refuses cross-site unsafe cookie requests.
///
/// A request without credentials passes through unauthenticated: each handler decides whether it needs a caller.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    static let cookieName = "oborot_session"
    static let actingForHeader = HTTPField.Name("X-Acting-For")!

    let authenticator: Authenticator

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var scope = RequestScope(clientAddress: context.remoteAddress?.ipAddress)
        if let (secret, viaCookie) = Self.credentials(in: request) {
            if let actingFor = try Self.actingFor(in: request) {
                scope.authentication = try await authenticator.authenticate(
                    secret: secret, actingFor: actingFor, viaCookie: viaCookie)
            } else if viaCookie, let chosen = Self.actingForCookie(in: request) {
                // A browser's earlier choice to act for a head; once the delegation ends it is simply ignored.
                do {
                    scope.authentication = try await authenticator.authenticate(
                        secret: secret, actingFor: chosen, viaCookie: true)
                } catch let error as OborotError where error.kind == .forbidden {
                    scope.authentication = try await authenticator.authenticate(
                        secret: secret, actingFor: nil, viaCookie: true)
                }
            } else {
                scope.authentication = try await authenticator.authenticate(
                    secret: secret, actingFor: nil, viaCookie: viaCookie)
            }
            if viaCookie, scope.authentication != nil, !request.method.isSafe, !Self.isSameOrigin(request) {
                throw OborotError(
                    .forbidden, code: "cross_site_request", title: AccessTexts.crossSiteTitle,
                    detail: AccessTexts.crossSiteDetail)
            }
        }
        var response = try await RequestScope.$current.withValue(scope) {
            try await next(request, context)
        }
        for cookie in scope.responseCookies.all { response.headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return response
    }

    /// The secret from `Authorization: Bearer …`, else from our cookie.
    static func credentials(in request: Request) -> (secret: String, viaCookie: Bool)? {
        if let header = request.headers[.authorization], let token = bearerToken(header) {
            return (token, false)
        }
        if let cookie = request.cookies[cookieName]?.value, !cookie.isEmpty {
            return (cookie, true)
        }
        return nil
    }

    /// The token of an `Authorization: Bearer <token>` value (scheme case-insensitive, RFC 7235), without Foundation:
    /// this runs on every request.
    static func bearerToken(_ header: String) -> String? {
        let utf8 = header.utf8
        guard utf8.count > 7 else { return nil }
        let scheme = utf8.prefix(7)
        guard zip(scheme, "bearer ".utf8).allSatisfy({ $0 | 0x20 == $1 }) else { return nil }
        let token = header.utf8.dropFirst(7).drop { $0 == UInt8(ascii: " ") }
        let trimmed = token.reversed().drop { $0 == UInt8(ascii: " ") }
        guard !trimmed.isEmpty else { return nil }
        return String(decoding: token.prefix(trimmed.count), as: UTF8.self)
    }

    private static func actingFor(in request: Request) throws -> UUID? {
        guard let value = request.headers[actingForHeader], !value.isEmpty else { return nil }
        guard let id = UUID(uuidString: value) else {
            throw OborotError.malformedBody(field: "X-Acting-For", reason: AccessTexts.badActingFor)
        }
        return id
    }

    private static func actingForCookie(in request: Request) -> UUID? {
        request.cookies[ActingForCookie.name].flatMap { UUID(uuidString: $0.value) }
    }

    /// Browsers send `Origin` on unsafe requests; when present it must name our own host.
    private static func isSameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }
}

extension HTTPRequest.Method {
    /// Methods that must not change anything.
    var isSafe: Bool { self == .get || self == .head || self == .options }
}
