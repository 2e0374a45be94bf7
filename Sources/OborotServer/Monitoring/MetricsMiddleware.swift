import Hummingbird

/// Times every request and records it under its route pattern (never the raw path, which would explode labels).
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let metrics: HTTPMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.record(
            method: request.method.rawValue, route: context.endpointPath ?? "unmatched",
            status: Int(response.status.code), seconds: seconds)
        return response
    }
}
