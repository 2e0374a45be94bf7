import Crypto
import OborotDomain
import Foundation
import Hummingbird

/// The stylesheet and script, read once at start and served from memory with long caching.
///
/// Pages link them with `?v=<hash of their contents>`, so a new build is picked up at once despite the caching.
struct StaticAssets: Sendable {
    let css: ByteBuffer
    let script: ByteBuffer
    let version: String

    static func load() throws -> StaticAssets {
        func read(_ name: String, _ ext: String) throws -> Data {
            guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources/static") else {
                throw WebSetupError("\(name).\(ext) is missing from the build")
            }
            return try Data(contentsOf: url)
        }
        let css = try read("oborot", "css")
        let script = try read("oborot", "js")
        let digest = Hex.encode(SHA256.hash(data: css + script).prefix(6))
        return StaticAssets(css: ByteBuffer(bytes: css), script: ByteBuffer(bytes: script), version: digest)
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        let cache = "public, max-age=31536000, immutable"
        router.get("/static/oborot.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: cache], body: .init(byteBuffer: css))
        }
        router.get("/static/oborot.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: cache],
                body: .init(byteBuffer: script))
        }
    }
}
