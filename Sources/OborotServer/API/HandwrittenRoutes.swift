import Foundation
import Hummingbird
import OborotAPI
import OborotDomain

/// Operations of `openapi.yaml` served by hand instead of through the generated server (they are left out of
/// generation in `openapi-generator-config.yaml`): hot paths where the generic machinery's cost matters.
/// Each answers exactly the schema the contract gives; tests decode the answers with the generated types.
///
/// | operation | why by hand |
/// |---|---|
/// | `GET /api/v1/me` | called on every page load by every client; answered from a cache of encoded bodies |
enum HandwrittenRoutes {
    static func add(to router: Router<AppRequestContext>, services: AppServices) {
        router.get("/api/v1/me") { _, _ in
            let caller = try RequestScope.current.requireCaller()
            let body = try await services.profile.encodedMe(caller)
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: body))
        }
    }
}
