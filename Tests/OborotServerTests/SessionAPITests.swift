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

@Suite("Вход в систему и сеансы (API)")
struct SessionAPITests {
    @Test("sign in returns a token and an HttpOnly SameSite=Lax cookie; both open /me", arguments: TestDatabaseKind.available)
    func signIn(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let response = try await app.request(
                .post, "/api/v1/session", json: #"{"login":"  Minfin.Admin ","password":"\#(RegionFixture.password)"}"#)
            #expect(response.status == .created)
            let body = try response.json()
            let token = try #require(body["token"] as? String)
            #expect((body["me"] as? [String: Any])?["login"] as? String == "minfin.admin")
            #expect(!response.text.contains(RegionFixture.password))
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("oborot_session=\(token)"))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))

            let me = try await app.request(.get, "/api/v1/me", token: token)
            #expect(me.status == .ok)
            let profile = try me.json()
            #expect(profile["login"] as? String == "minfin.admin")
            #expect((profile["organization"] as? [String: Any])?["shortName"] as? String == "Минфин ТО")
            #expect((profile["roles"] as? [[String: Any]])?.first?["roleName"] as? String == "Администратор")

            let viaCookie = try await app.request(.get, "/api/v1/me", headers: [.cookie: "oborot_session=\(token)"])
            #expect(viaCookie.status == .ok)
        }
    }

    @Test("a wrong password or unknown login is 401 with the same Russian message", arguments: TestDatabaseKind.available)
    func wrongPassword(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let wrong = try await app.request(.post, "/api/v1/session", json: #"{"login":"governor","password":"nope-nope"}"#)
            let unknown = try await app.request(.post, "/api/v1/session", json: #"{"login":"ghost","password":"nope-nope"}"#)
            for response in [wrong, unknown] {
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
                #expect(response.problemCode == "invalid_credentials")
                #expect((try response.json())["detail"] as? String == "Неверный логин или пароль.")
                #expect(!response.text.contains("nope-nope"))
            }
            #expect(try await app.count("sessions") == 0)
            #expect(try await app.count("audit_events") == 0)
        }
    }

    @Test("five failures in 15 minutes lock the login: 429 with Retry-After, even for the right password",
          arguments: TestDatabaseKind.available)
    func throttling(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            for _ in 1...5 {
                let response = try await app.request(.post, "/api/v1/session", json: #"{"login":"governor","password":"wrong-pass"}"#)
                #expect(response.status == .unauthorized)
            }
            let locked = try await app.request(
                .post, "/api/v1/session", json: #"{"login":"GOVERNOR","password":"\#(RegionFixture.password)"}"#)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.problemCode == "too_many_attempts")
            let retryAfter = try #require(locked.headers[.retryAfter].flatMap(Int.init))
            #expect((840...900).contains(retryAfter))
            // Another login is not affected.
            _ = try await app.signIn("assistant")
        }
    }

    @Test("sign out ends the session at once", arguments: TestDatabaseKind.available)
    func signOut(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let token = try await app.signIn("governor")
            #expect(try await app.request(.get, "/api/v1/me", token: token).status == .ok)
            let response = try await app.request(.delete, "/api/v1/session", token: token)
            #expect(response.status == .noContent)
            #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await app.request(.get, "/api/v1/me", token: token)
            #expect(after.status == .unauthorized)
            #expect(after.problemCode == "unauthenticated")
        }
    }

    @Test("requests without credentials, or with garbage, are 401", arguments: TestDatabaseKind.available)
    func unauthenticated(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let anonymous = try await app.request(.get, "/api/v1/me")
            let garbage = try await app.request(.get, "/api/v1/me", token: "garbage")
            let list = try await app.request(.get, "/api/v1/organizations")
            #expect([anonymous.status, garbage.status, list.status] == [.unauthorized, .unauthorized, .unauthorized])
        }
    }

    @Test("personal API tokens: issued once, listed without the secret, revocable", arguments: TestDatabaseKind.available)
    func apiTokens(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let session = try await app.signIn("minfin.clerk")
            let issued = try await app.request(.post, "/api/v1/tokens", token: session, json: #"{"name":"Интеграция"}"#)
            #expect(issued.status == .created)
            let secret = try #require(try issued.json()["token"] as? String)
            let id = try #require(try issued.json()["id"] as? String)
            #expect(secret.hasPrefix("obt_"))
            #expect(try await app.request(.get, "/api/v1/me", token: secret).status == .ok)
            let list = try await app.request(.get, "/api/v1/tokens", token: session)
            #expect(try list.jsonArray().map { $0["name"] as? String } == ["Интеграция"])
            #expect(!list.text.contains(secret))
            // The secret is stored only as a hash.
            let stored = try await app.database.read { db in
                try await db.sql.raw("SELECT token_hash FROM sessions WHERE id = \(bind: id)").first()?
                    .decode(column: "token_hash", as: String.self)
            }
            #expect(stored != nil && stored != secret && stored?.count == 64)
            #expect(try await app.request(.delete, "/api/v1/tokens/\(id)", token: session).status == .noContent)
            #expect(try await app.request(.get, "/api/v1/me", token: secret).status == .unauthorized)
            // Someone else's token is "not found".
            let other = try await app.signIn("governor")
            #expect(try await app.request(.delete, "/api/v1/tokens/\(id)", token: other).status == .notFound)
            let blank = try await app.request(.post, "/api/v1/tokens", token: session, json: #"{"name":"  "}"#)
            #expect(blank.status == .unprocessableContent)
        }
    }

    @Test("a cookie-authenticated change from another site is refused", arguments: TestDatabaseKind.available)
    func crossSite(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let token = try await app.signIn("region.admin")
            let response = try await app.request(
                .post, "/api/v1/tokens", json: #"{"name":"x"}"#,
                headers: [.cookie: "oborot_session=\(token)", .origin: "https://evil.example"])
            #expect(response.status == .forbidden)
            #expect(response.problemCode == "cross_site_request")
            let sameSite = try await app.request(
                .post, "/api/v1/tokens", json: #"{"name":"x"}"#, headers: [.cookie: "oborot_session=\(token)"])
            #expect(sameSite.status == .created)
        }
    }

    @Test("an assistant acts for the head only with a delegation, and the audit log records both",
          arguments: TestDatabaseKind.available)
    func actingFor(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let fixture = app.fixture
            let token = try await app.signIn("assistant")
            let acting: HTTPFields = [.init("X-Acting-For")!: fixture.governor.userID.uuidString]
            let me = try await app.request(.get, "/api/v1/me", token: token, headers: acting)
            #expect(me.status == .ok)
            #expect((try me.json()["actingFor"] as? [String: Any])?["userId"] as? String == fixture.governor.userID.uuidString.lowercased())
            let issued = try await app.request(.post, "/api/v1/tokens", token: token, json: #"{"name":"от имени"}"#, headers: acting)
            #expect(issued.status == .created)
            let event = try await app.database.read { db in
                try await db.sql.raw("SELECT actor_user_id, acting_for_user_id FROM audit_events WHERE action = 'api_token.create'").first()
            }
            #expect(try event?.decode(column: "actor_user_id", as: String.self) == fixture.assistant.userID.uuidString.lowercased())
            #expect(try event?.decode(column: "acting_for_user_id", as: String.self) == fixture.governor.userID.uuidString.lowercased())

            let notDelegated: HTTPFields = [.init("X-Acting-For")!: fixture.regionAdmin.userID.uuidString]
            #expect(try await app.request(.get, "/api/v1/me", token: token, headers: notDelegated).status == .forbidden)
            let malformed: HTTPFields = [.init("X-Acting-For")!: "someone"]
            #expect(try await app.request(.get, "/api/v1/me", token: token, headers: malformed).status == .badRequest)
        }
    }
}
