import Foundation

/// The API contract as shipped: served at `/openapi.yaml` so clients always see what this build implements.
package enum OpenAPISpecification {
    package static let text: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "# openapi.yaml is missing from this build\n" }
        return text
    }()
}
