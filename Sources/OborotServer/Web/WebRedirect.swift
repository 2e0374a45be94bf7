import Foundation
import Hummingbird

/// A "see other" redirect thrown from page handlers (e.g. to the login page) and answered by the error middleware.
struct WebRedirect: Error {
    let location: String

    var response: Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// Sends a person to the login page and back to `request`'s page afterwards.
    static func toLogin(from request: Request) -> WebRedirect {
        let target = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
        let encoded = target.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(.init(charactersIn: "&=?"))) ?? "/"
        return WebRedirect(location: target == "/" ? "/login" : "/login?next=\(encoded)")
    }

    /// Only local paths are followed after sign-in, so a link cannot send people to another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\") else { return "/" }
        return next
    }
}
