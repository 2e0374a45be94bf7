import Foundation

import HTTPTypes
import Hummingbird

import HummingbirdTesting
import NIOCore
import OborotDomain
import SQLKit
import Logging
import NIOCore
import OborotServer
import OborotStore
import OborotTestSupport

/// The real application router over a fresh database with the test region, driven without a network.
struct TestApp {
    let client: any TestClientProtocol
    let fixture: RegionFixture
    let database: any Database
    let configuration: ServerConfiguration

    static let configuration: ServerConfiguration = {
        var configuration = ServerConfiguration(passwordHashCost: 4)
        configuration.maxRequestBodyBytes = 64 * 1024
        return configuration
    }()

    /// Runs `body` against a new application on a new database of `kind`.
    static func run(
        _ kind: TestDatabaseKind, configuration: ServerConfiguration = Self.configuration,
        _ body: @escaping @Sendable (TestApp) async throws -> Void
    ) async throws {
        // Files go to a folder of this test, never to the working copy's ./data.
        var configuration = configuration
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("oborot-app-\(UUID().uuidString)")
        if configuration.dataDirectory == "./data" { configuration.dataDirectory = scratch.path }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let settings = configuration
        try await TestDatabase.with(kind) { database in
            let fixture = try await RegionFixture.create(in: database)
            let router = try await buildRouter(configuration: configuration, database: database)
            var logger = Logger(label: "test-app")
            logger.logLevel = .warning
            let app = Application(router: router, logger: logger)
            try await app.test(.router) { client in
                try await body(TestApp(client: client, fixture: fixture, database: database, configuration: settings))
            }
        }
    }

    // MARK: Requests

    /// Sends a JSON request (body given as a string so malformed JSON can be sent too).
    @discardableResult
    func request(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        headers[.accept] = headers[.accept] ?? "application/json"
        return try await client.execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// Signs in and returns the session token.
    func signIn(_ login: String, password: String = RegionFixture.password) async throws -> String {
        let response = try await request(.post, "/api/v1/session", json: #"{"login":"\#(login)","password":"\#(password)"}"#)
        guard response.status == .created else { throw UnexpectedResponse(response) }
        return try response.json()["token"] as? String ?? ""
    }

    /// The number of rows in a table, to prove failed requests left nothing behind.
    func count(_ table: String) async throws -> Int {
        try await database.read { db in
            try await db.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }
}

import SQLKit

struct UnexpectedResponse: Error, CustomStringConvertible {
    let description: String
    init(_ response: TestResponse) {
        description = "unexpected \(response.status.code): \(String(buffer: response.body))"
    }
}

extension TestResponse {
    /// The body as a JSON object.
    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] ?? [:]
    }

    /// The body as a JSON array of objects.
    func jsonArray() throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [[String: Any]] ?? []
    }

    var text: String { String(buffer: body) }

    /// The problem document's stable code.
    var problemCode: String? { (try? json())?["code"] as? String }
}
