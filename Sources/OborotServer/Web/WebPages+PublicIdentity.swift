import Foundation
import Hummingbird
import OborotDomain

/// The identity step of the public form: off to the provider, back at the callback, sign out.
extension WebPages {
    struct PublicIdentityErrorModel {
        var title: String
        var reason: String
        var code: String
    }

    func addPublicIdentityRoutes(to router: Router<AppRequestContext>) {
        router.get("/public/appeal/identity") { request, _ in
            let organizationID = request.uri.queryParameters["organizationId"].flatMap { UUID(uuidString: String($0)) }
            do {
                let (location, browserKey) = try await services.publicIdentity.begin(
                    organizationID: organizationID, clientAddress: RequestScope.current.clientAddress)
                var response = Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
                response.headers[.setCookie] = IdentityCookie.make(browserKey, secure: configuration.secureCookies)
                return response
            } catch let error as OborotError {
                return identityError(error)
            }
        }
        router.get("\(PublicIdentityService.callbackPath)") { request, _ in
            let query = request.uri.queryParameters
            do {
                let (_, organizationID) = try await services.publicIdentity.complete(
                    state: query["state"].map(String.init), code: query["code"].map(String.init), providerError: query["error"].map(String.init),
                    browserKey: request.cookies[PublicIdentityService.cookieName]?.value)
                let back = organizationID.map { "/public/appeal?organizationId=\($0.lowercasedString)" } ?? "/public/appeal"
                return Response(status: .seeOther, headers: [.location: back, .cacheControl: "no-store"])
            } catch let error as OborotError {
                return identityError(error)
            }
        }
        router.post("/public/appeal/identity/sign-out") { request, _ in
            try await services.publicIdentity.signOut(browserKey: request.cookies[PublicIdentityService.cookieName]?.value)
            var response = Response(status: .seeOther, headers: [.location: "/public/appeal"])
            response.headers[.setCookie] = IdentityCookie.clear
            return response
        }
    }

    /// Any failure of the step is a page that says why and offers both ways on: try again, or send a message.
    private func identityError(_ error: OborotError) -> Response {
        let status: HTTPResponse.Status = switch error.kind {
        case .unavailable: .serviceUnavailable
        case .notFound: .notFound
        case .tooManyRequests: .tooManyRequests
        default: .badRequest
        }
        return page(
            "public-identity-error", title: error.title,
            model: PublicIdentityErrorModel(title: error.title, reason: error.detail, code: error.code), caller: nil, path: "/public/appeal",
            status: status)
    }
}

/// The browser's key to its sign-in row: only for the public appeal pages, `Lax` so it comes back with the
/// provider's top-level redirect, gone after the identity's lifetime.
enum IdentityCookie {
    static func make(_ key: String, secure: Bool) -> String {
        "\(PublicIdentityService.cookieName)=\(key); Path=/public/appeal; Max-Age=\(Int(IdentityPolicy.identityLifetime)); HttpOnly; SameSite=Lax"
            + (secure ? "; Secure" : "")
    }

    static let clear = "\(PublicIdentityService.cookieName)=; Path=/public/appeal; Max-Age=0; HttpOnly; SameSite=Lax"
}
