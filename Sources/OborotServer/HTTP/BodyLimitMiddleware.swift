import Hummingbird
import OborotDomain

/// Refuses bodies over the limit before any handler reads them: `413`, with nothing stored.
///
/// The body is collected here (JSON and forms are small), so an oversized chunked body is caught too.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let maxBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method == .post || request.method == .put || request.method == .patch, !FileRoutes.isUpload(request), !VerifyRoutes.readsOwnBody(request),
            !MedoRoutes.readsOwnBody(request), !AppealRoutes.readsOwnBody(request) else {
            return try await next(request, context)
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBytes {
            throw Self.tooLarge(maxBytes)
        }
        var request = request
        do {
            _ = try await request.collectBody(upTo: maxBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Self.tooLarge(maxBytes)
        }
        return try await next(request, context)
    }

    static func tooLarge(_ maxBytes: Int) -> OborotError {
        OborotError(
            .payloadTooLarge, code: "body_too_large", title: ErrorTexts.tooLargeTitle,
            detail: "Тело запроса больше допустимых \(maxBytes / 1024) КБ.")
    }
}
