import Foundation
import Hummingbird
import OborotAPI
import OborotStore

/// Routes outside the OpenAPI contract: the contract itself and Prometheus metrics.
enum SystemRoutes {
    static func add(to router: Router<AppRequestContext>, services: AppServices) {
        let specification = OpenAPISpecification.text
        router.get("/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: specification)))
        }
        router.get("/metrics") { _, _ in
            let text = services.metrics.render(
                pool: services.database.poolStatus(), databaseKind: services.database.dialect.rawValue)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }
}
