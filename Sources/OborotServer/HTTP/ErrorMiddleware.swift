import Foundation
import Hummingbird
import Logging
import OborotDomain

/// Catches every error below it and answers with problem+json (API) or an error page (web), keeping the status.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// Renders an error for people; nil means the JSON problem is used.
    let renderPage: @Sendable (OborotError, Request) -> Response?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let redirect as WebRedirect {
            return redirect.response
        } catch {
            let translated: OborotError
            if let known = ErrorTranslation.translate(error) {
                translated = known
            } else {
                let reference = String(UUID().uuidString.prefix(8)).lowercased()
                context.logger.error(
                    "unhandled error", metadata: ["reference": "\(reference)", "error": "\(String(reflecting: error))"])
                translated = ErrorTranslation.internalError(reference: reference)
            }
            if Self.wantsJSON(request) { return Problem.response(for: translated) }
            return renderPage(translated, request) ?? Problem.response(for: translated)
        }
    }

    /// API paths always get JSON; other clients get JSON when they ask for it and do not ask for HTML.
    static func wantsJSON(_ request: Request) -> Bool {
        let path = request.uri.path
        if path.hasPrefix("/api/") || path == "/health" || path == "/metrics" { return true }
        let accept = request.headers[.accept] ?? ""
        return accept.contains("json") && !accept.contains("text/html")
    }
}
