import OborotDomain
import Synchronization

/// What middleware learned about the current request, visible to handlers (including the generated OpenAPI ones,
/// which cannot see the Hummingbird context) through a task-local value.
struct RequestScope: Sendable {
    /// The client's IP address, recorded in audit events.
    var clientAddress: String?
    /// The signed-in caller, when the request carried a valid session or token.
    var authentication: Authentication?
    /// `Set-Cookie` values a handler wants sent. The OpenAPI runtime percent-encodes header values it writes,
    /// which breaks cookies, so handlers put them here and the authentication middleware adds them verbatim.
    var responseCookies = ResponseCookies()

    @TaskLocal static var current = RequestScope()

    /// The signed-in caller, or `401`.
    func requireAuthentication() throws -> Authentication {
        guard let authentication else { throw OborotError.unauthenticated }
        return authentication
    }

    /// The caller as services want them: actor plus where the request came from.
    func requireCaller() throws -> Caller {
        Caller(actor: try requireAuthentication().actor, clientAddress: clientAddress)
    }
}

/// Cookies to set on the current response; shared by reference between middleware and handler.
final class ResponseCookies: Sendable {
    private let values = Mutex<[String]>([])

    func add(_ cookie: String) { values.withLock { $0.append(cookie) } }

    var all: [String] { values.withLock { $0 } }
}
