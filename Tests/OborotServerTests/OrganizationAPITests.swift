import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import OborotDomain
import OborotStore
import SQLKit
import OborotTestSupport
import Testing

@Suite("Организации (API)")
struct OrganizationAPITests {
    static func create(parent: UUID, inn: String = "6163027810", short: String = "Комитет по делам молодёжи") -> String {
        #"{"parentId":"\#(parent.uuidString)","kind":"executiveBody","shortName":"\#(short)","fullName":"\#(short) Тестовой области","inn":"\#(inn)"}"#
    }

    @Test("any signed-in person browses the tree, children and search", arguments: TestDatabaseKind.available)
    func browse(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let token = try await app.signIn("specialist")
            let roots = try await app.request(.get, "/api/v1/organizations", token: token)
            #expect(try roots.jsonArray().count == 1)
            let tree = try await app.request(.get, "/api/v1/organizations/tree?depth=3", token: token)
            let top = try #require(try tree.jsonArray().first)
            #expect((top["children"] as? [[String: Any]])?.count == 3)
            let found = try await app.request(.get, "/api/v1/organizations?q=%D0%B2%D0%B5%D1%81%D0%B5%D0%BB", token: token)
            #expect(try found.jsonArray().compactMap { ($0["organization"] as? [String: Any])?["shortName"] as? String }
                == ["Весёловское с/п"])
            let details = try await app.request(.get, "/api/v1/organizations/\(app.fixture.settlement.id)", token: token)
            #expect(try (details.json()["ancestors"] as? [[String: Any]])?.count == 2)
            let children = try await app.request(
                .get, "/api/v1/organizations?parentId=\(app.fixture.district.id)", token: token)
            #expect(try children.jsonArray().count == 1)
        }
    }

    @Test("an administrator creates under their subtree; the change and its audit event commit together",
          arguments: TestDatabaseKind.available)
    func create(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let token = try await app.signIn("minfin.admin")
            let response = try await app.request(
                .post, "/api/v1/organizations", token: token, json: Self.create(parent: app.fixture.ministry.id))
            #expect(response.status == .created)
            let body = try response.json()
            #expect(body["kindName"] as? String == "Орган исполнительной власти")
            #expect(body["timeZone"] as? String == "Europe/Moscow")
            #expect(body["version"] as? Int == 1)
            let events = try await app.request(.get, "/api/v1/audit?limit=5", token: try await app.signIn("region.admin"))
            let event = try #require(try events.jsonArray().first { $0["action"] as? String == "organization.create" })
            #expect(event["objectId"] as? String == body["id"] as? String)
            #expect(event["actorUserId"] as? String == app.fixture.ministryAdmin.userID.uuidString.lowercased())
            #expect((event["summary"] as? String)?.contains("Комитет по делам молодёжи") == true)
        }
    }

    @Test("outside the administrator's subtree: 403, nothing stored, nothing audited", arguments: TestDatabaseKind.available)
    func forbidden(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let organizations = try await app.count("organizations")
            for login in ["district.admin", "minfin.clerk", "specialist"] {
                let token = try await app.signIn(login)
                let response = try await app.request(
                    .post, "/api/v1/organizations", token: token, json: Self.create(parent: app.fixture.ministry.id))
                #expect(response.status == .forbidden, "\(login)")
                #expect(response.problemCode == "forbidden")
            }
            #expect(try await app.count("organizations") == organizations)
            #expect(try await app.count("audit_events") == 3)  // the three sign-ins only
        }
    }

    @Test("bad input: invalid INN 422, malformed JSON 400 naming the field, unknown id 404, oversized 413",
          arguments: TestDatabaseKind.available)
    func badInput(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let token = try await app.signIn("region.admin")
            let before = (try await app.count("organizations"), try await app.count("audit_events"))

            let invalid = try await app.request(
                .post, "/api/v1/organizations", token: token, json: Self.create(parent: app.fixture.government.id, inn: "1234567890"))
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.problemCode == "validation_failed")
            let problems = try #require(try invalid.json()["errors"] as? [[String: Any]])
            #expect(problems.map { $0["field"] as? String } == ["inn"])
            #expect((problems.first?["message"] as? String)?.contains("ИНН") == true)

            let truncated = try await app.request(.post, "/api/v1/organizations", token: token, json: #"{"parentId": "#)
            #expect(truncated.status == .badRequest)
            #expect(truncated.problemCode == "malformed_request")

            let missing = try await app.request(
                .post, "/api/v1/organizations", token: token,
                json: #"{"parentId":"\#(app.fixture.government.id)","kind":"executiveBody","fullName":"Без краткого"}"#)
            #expect(missing.status == .badRequest)
            #expect(try (missing.json()["errors"] as? [[String: Any]])?.first?["field"] as? String == "shortName")

            let wrongType = try await app.request(
                .post, "/api/v1/organizations", token: token,
                json: #"{"parentId":"\#(app.fixture.government.id)","kind":"executiveBody","shortName":5,"fullName":"X"}"#)
            #expect(wrongType.status == .badRequest)
            #expect(try (wrongType.json()["errors"] as? [[String: Any]])?.first?["field"] as? String == "shortName")

            let unknownKind = try await app.request(
                .post, "/api/v1/organizations", token: token,
                json: #"{"parentId":"\#(app.fixture.government.id)","kind":"castle","shortName":"X","fullName":"X"}"#)
            #expect(unknownKind.status == .badRequest)

            let unknownParent = try await app.request(.post, "/api/v1/organizations", token: token, json: Self.create(parent: UUID()))
            #expect(unknownParent.status == .notFound)
            #expect(try await app.request(.get, "/api/v1/organizations/\(UUID())", token: token).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/organizations/not-an-id", token: token).status == .notFound)

            let huge = String(repeating: "я", count: 70_000)
            let oversized = try await app.request(
                .post, "/api/v1/organizations", token: token, json: Self.create(parent: app.fixture.government.id, short: huge))
            #expect(oversized.status == .contentTooLarge)
            #expect(oversized.problemCode == "body_too_large")

            #expect(try await app.count("organizations") == before.0)
            #expect(try await app.count("audit_events") == before.1)
        }
    }

    @Test("edits need the current version; a stale one is 409; moving under itself is 422", arguments: TestDatabaseKind.available)
    func update(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let token = try await app.signIn("region.admin")
            let uri = "/api/v1/organizations/\(app.fixture.ministry.id)"
            let renamed = try await app.request(.patch, uri, token: token, json: #"{"version":1,"shortName":"Минфин"}"#)
            #expect(renamed.status == .ok)
            #expect(try renamed.json()["version"] as? Int == 2)
            let stale = try await app.request(.patch, uri, token: token, json: #"{"version":1,"shortName":"Другое"}"#)
            #expect(stale.status == .conflict)
            #expect(stale.problemCode == "stale_version")
            #expect((try stale.json()["detail"] as? String)?.contains("версию 1") == true)
            let cycle = try await app.request(
                .patch, uri, token: token, json: #"{"version":2,"parentId":"\#(app.fixture.department.id)"}"#)
            #expect(cycle.status == .unprocessableContent)
            let cleared = try await app.request(.patch, uri, token: token, json: #"{"version":2,"inn":""}"#)
            #expect(cleared.status == .ok)
            #expect(try cleared.json()["inn"] == nil)
            let moved = try await app.request(
                .patch, "/api/v1/organizations/\(app.fixture.department.id)", token: token,
                json: #"{"version":1,"parentId":"\#(app.fixture.government.id)"}"#)
            #expect(moved.status == .ok)
            #expect(try moved.json()["parentId"] as? String == app.fixture.government.id.uuidString.lowercased())
            // A ministry administrator may not take a department out of the ministry's subtree.
            let ministryAdmin = try await app.signIn("minfin.admin")
            let escape = try await app.request(
                .patch, "/api/v1/organizations/\(app.fixture.department.id)", token: ministryAdmin,
                json: #"{"version":2,"shortName":"Попытка"}"#)
            #expect(escape.status == .forbidden)
        }
    }
}
