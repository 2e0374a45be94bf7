import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import OborotDomain
import OborotServer
import OborotStore
import OborotTestSupport
import SQLKit
import Testing

@Suite("Файлы документов (API)")
struct FileAPITests {
    static let pdf = Array("%PDF-1.7\n".utf8) + (0..<5000).map { UInt8($0 % 251) }

    static func document(_ app: TestApp, token: String, restricted: Bool = false) async throws -> String {
        let response = try await app.request(
            .post, "/api/v1/documents", token: token,
            json: DocumentAPITests.incoming(app, accessMark: restricted ? "restricted" : "none"))
        return try response.json()["id"] as? String ?? ""
    }

    func upload(_ app: TestApp, _ uri: String, token: String, bytes: [UInt8], contentType: String = "application/octet-stream") async throws -> TestResponse {
        try await app.client.execute(
            uri: uri, method: .post, headers: [.authorization: "Bearer \(token)", .contentType: contentType],
            body: ByteBuffer(bytes: bytes))
    }

    @Test("raw upload, versions, download with UTF-8 name, range and ETag", arguments: TestDatabaseKind.available)
    func roundTrip(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let clerk = try await app.signIn("minfin.clerk")
            let id = try await Self.document(app, token: clerk)
            let name = "Письмо № 5.pdf".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            let uploaded = try await upload(app, "/api/v1/documents/\(id)/files?name=\(name)", token: clerk, bytes: Self.pdf)
            #expect(uploaded.status == .created, "\(uploaded.text)")
            let file = try uploaded.json()
            let attachmentID = try #require(file["attachmentId"] as? String)
            #expect(file["mimeType"] as? String == "application/pdf")
            #expect(file["size"] as? Int == Self.pdf.count)
            #expect(file["fileName"] as? String == "Письмо № 5.pdf")

            let download = try await app.client.execute(
                uri: "/api/v1/documents/\(id)/files/\(attachmentID)?download=1", method: .get, headers: [.authorization: "Bearer \(clerk)"])
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == Self.pdf)
            #expect(download.headers[.contentDisposition]?.contains("filename*=UTF-8''%D0%9F%D0%B8%D1%81%D1%8C%D0%BC%D0%BE") == true)
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            let etag = try #require(download.headers[.eTag])

            let inline = try await app.client.execute(
                uri: "/api/v1/documents/\(id)/files/\(attachmentID)", method: .get, headers: [.authorization: "Bearer \(clerk)"])
            #expect(inline.headers[.contentDisposition]?.hasPrefix("inline") == true)

            let partial = try await app.client.execute(
                uri: "/api/v1/documents/\(id)/files/\(attachmentID)", method: .get,
                headers: [.authorization: "Bearer \(clerk)", .range: "bytes=100-199"])
            #expect(partial.status == .partialContent)
            #expect(Array(partial.body.readableBytesView) == Array(Self.pdf[100...199]))
            #expect(partial.headers[.contentRange] == "bytes 100-199/\(Self.pdf.count)")
            let beyond = try await app.client.execute(
                uri: "/api/v1/documents/\(id)/files/\(attachmentID)", method: .get,
                headers: [.authorization: "Bearer \(clerk)", .range: "bytes=999999-"])
            #expect(beyond.status == .rangeNotSatisfiable)
            let cached = try await app.client.execute(
                uri: "/api/v1/documents/\(id)/files/\(attachmentID)", method: .get,
                headers: [.authorization: "Bearer \(clerk)", .ifNoneMatch: etag])
            #expect(cached.status == .notModified)

            let second = Self.pdf + [1, 2, 3]
            let version = try await upload(app, "/api/v1/documents/\(id)/files/\(attachmentID)/versions?name=v2.pdf", token: clerk, bytes: second)
            #expect(try version.json()["number"] as? Int == 2)
            let card = try await app.request(.get, "/api/v1/documents/\(id)", token: clerk).json()
            let attachment = try #require((card["attachments"] as? [[String: Any]])?.first)
            #expect(attachment["currentVersion"] as? Int == 2)
            #expect((attachment["versions"] as? [[String: Any]])?.count == 2)
            let first = try await app.client.execute(
                uri: "/api/v1/documents/\(id)/files/\(attachmentID)?version=1", method: .get, headers: [.authorization: "Bearer \(clerk)"])
            #expect(Array(first.body.readableBytesView) == Self.pdf)

            // The same content uploaded twice is stored once.
            _ = try await upload(app, "/api/v1/documents/\(id)/files?name=copy.pdf", token: clerk, bytes: Self.pdf)
            #expect(try await app.count("blobs") == 2)
        }
    }

    @Test("multipart upload from a web form")
    func multipart() async throws {
        try await TestApp.run(.sqlite) { app in
            let clerk = try await app.signIn("minfin.clerk")
            let id = try await Self.document(app, token: clerk)
            let boundary = "----oborot-test-boundary"
            var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nпривет\r\n".utf8)
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Скан.pdf\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
            body += Self.pdf
            body += Array("\r\n--\(boundary)--\r\n".utf8)
            let response = try await upload(
                app, "/api/v1/documents/\(id)/files", token: clerk, bytes: body, contentType: "multipart/form-data; boundary=\(boundary)")
            #expect(response.status == .created, "\(response.text)")
            #expect(try response.json()["fileName"] as? String == "Скан.pdf")
            #expect(try response.json()["size"] as? Int == Self.pdf.count)
        }
    }

    @Test("wrong content 415, oversized 413, no name 400: nothing recorded and no blob left", arguments: TestDatabaseKind.available)
    func refusals(kind: TestDatabaseKind) async throws {
        var configuration = TestApp.configuration
        configuration.maxUploadMegabytes = 1
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oborot-files-\(UUID().uuidString)")
        configuration.dataDirectory = folder.path
        defer { try? FileManager.default.removeItem(at: folder) }
        try await TestApp.run(kind, configuration: configuration) { app in
            let clerk = try await app.signIn("minfin.clerk")
            let id = try await Self.document(app, token: clerk)
            let disguised = try await upload(app, "/api/v1/documents/\(id)/files?name=scan.pdf", token: clerk, bytes: Array("просто текст".utf8))
            #expect(disguised.status == .unsupportedMediaType)
            #expect(disguised.problemCode == "file_type_mismatch")
            let declared = try await upload(
                app, "/api/v1/documents/\(id)/files?name=scan", token: clerk, bytes: Array("просто текст".utf8), contentType: "application/pdf")
            #expect(declared.status == .unsupportedMediaType)
            let big = Array("%PDF-".utf8) + [UInt8](repeating: 7, count: 1_200_000)
            let oversized = try await upload(app, "/api/v1/documents/\(id)/files?name=big.pdf", token: clerk, bytes: big)
            #expect(oversized.status == .contentTooLarge)
            #expect(oversized.problemCode == "file_too_large")
            let nameless = try await upload(app, "/api/v1/documents/\(id)/files", token: clerk, bytes: Self.pdf)
            #expect(nameless.status == .badRequest)
            #expect(try await app.count("attachments") == 0)
            #expect(try await app.count("blobs") == 0)
            let leftovers = FileManager.default.enumerator(atPath: folder.appendingPathComponent("blobs").path)?
                .compactMap { $0 as? String }.filter { !$0.hasSuffix("tmp") && $0.split(separator: "/").count == 3 } ?? []
            #expect(leftovers.isEmpty, "\(leftovers)")
            let stranger = try await app.signIn("district.admin")
            #expect(try await upload(app, "/api/v1/documents/\(id)/files?name=a.pdf", token: stranger, bytes: Self.pdf).status == .notFound)
        }
    }

    @Test("every download of a ДСП file is audited")
    func restrictedDownloads() async throws {
        try await TestApp.run(.sqlite) { app in
            let clerk = try await app.signIn("minfin.clerk")
            let id = try await Self.document(app, token: clerk, restricted: true)
            let uploaded = try await upload(app, "/api/v1/documents/\(id)/files?name=dsp.pdf", token: clerk, bytes: Self.pdf)
            let attachmentID = try #require(try uploaded.json()["attachmentId"] as? String)
            for _ in 0..<2 {
                _ = try await app.client.execute(
                    uri: "/api/v1/documents/\(id)/files/\(attachmentID)", method: .get, headers: [.authorization: "Bearer \(clerk)"])
            }
            let count = try await app.database.read { db in
                try await db.sql.raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'document.restricted_file_view'").first()?
                    .decode(column: "n", as: Int.self)
            }
            #expect(count == 2)
        }
    }
}
