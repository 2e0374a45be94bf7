import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import OborotDomain
import OborotStore
import SQLKit
import OborotTestSupport
import OborotAPI
import Testing

@Suite("Служебные адреса")
struct SystemRoutesTests {
    @Test("health reports the database; the contract and metrics are served", arguments: TestDatabaseKind.available)
    func system(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let health = try await app.request(.get, "/health")
            #expect(health.status == .ok)
            #expect(try health.json()["database"] as? String == kind.rawValue)
            let spec = try await app.request(.get, "/openapi.yaml")
            #expect(spec.status == .ok)
            #expect(spec.text.contains("openapi: \"3.1.0\""))
            #expect(spec.text.contains("/api/v1/organizations"))
            _ = try await app.request(.get, "/api/v1/me")
            let metrics = try await app.request(.get, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains(#"oborot_http_requests_total{method="GET",route="/api/v1/me",status="401"} 1"#))
            #expect(metrics.text.contains("oborot_http_request_duration_seconds_bucket{route=\"/health\",le=\"+Inf\"} 1"))
            #expect(metrics.text.contains("oborot_db_pool_connections{database=\"\(kind.rawValue)\",state=\"total\"}"))
        }
    }

    @Test("unknown API routes are problem+json 404; pages get an HTML 404")
    func notFound() async throws {
        try await TestApp.run(.sqlite) { app in
            let api = try await app.request(.get, "/api/v1/nothing-here")
            #expect(api.status == .notFound)
            #expect(api.problemCode == "route_not_found")
            let page = try await app.client.execute(uri: "/nothing-here", method: .get, headers: [.accept: "text/html"])
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: page.body).contains("Такой страницы или метода API нет."))
        }
    }

    @Test("30 concurrent requests are all answered correctly")
    func concurrency() async throws {
        try await TestApp.run(.sqlite) { app in
            let token = try await app.signIn("governor")
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<30 {
                    group.addTask { Int(try await app.request(.get, "/api/v1/me", token: token).status.code) }
                }
                for try await status in group { #expect(status == 200) }
            }
        }
    }
}

@Suite("Контракт API")
struct ContractTests {
    /// Every (method, path) of openapi.yaml, read from the spec itself.
    static func operations() -> [(method: String, path: String)] {
        var result: [(String, String)] = []
        var path: String?
        for line in OpenAPISpecification.text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let current = path, line.hasPrefix("    "), !line.hasPrefix("     ") {
                let word = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "post", "put", "patch", "delete"].contains(word) { result.append((String(word), current)) }
            } else if !line.hasPrefix(" ") {
                path = nil
            }
        }
        return result
    }

    @Test("every operation of the spec is routed (generated or hand-written)")
    func everyOperationAnswers() async throws {
        let operations = Self.operations()
        #expect(operations.count >= 28)
        try await TestApp.run(.sqlite) { app in
            let token = try await app.signIn("region.admin")
            for operation in operations {
                let uri = operation.path.replacing(/\{[A-Za-z]+\}/, with: UUID().uuidString)
                let method = HTTPRequest.Method(operation.method.uppercased())!
                let response = try await app.request(
                    method, uri, token: token, json: method == .get || method == .delete ? nil : "{}")
                #expect(response.problemCode != "route_not_found", "\(operation.method) \(operation.path)")
                #expect(response.status != .methodNotAllowed, "\(operation.method) \(operation.path)")
            }
        }
    }

    @Test("the hand-written /me answers exactly the contract's schema")
    func meMatchesSchema() async throws {
        try await TestApp.run(.sqlite) { app in
            let token = try await app.signIn("assistant")
            let response = try await app.request(.get, "/api/v1/me", token: token)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let me = try JSONDecoder().decode(Components.Schemas.Me.self, from: Data(response.body.readableBytesView))
            #expect(me.login == "assistant")
            #expect(me.delegatedToMe.map(\.displayName) == ["Губернаторов Т. Т."])
        }
    }
}
