import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import OborotDomain
@testable import OborotServer
import OborotStore
import OborotTestSupport
import Testing

/// The identity step of the public form against a real OpenID Connect provider over HTTP: the development provider
/// listening on a port of its own, the product talking to it through its HTTP client (discovery, keys, the code
/// exchange with PKCE), the ID token checked. The test plays the resident's browser: it follows the redirects and
/// carries the cookie.
@Suite("Обращения с сайта: подтверждение личности через поставщика OpenID Connect")
struct PublicIdentityTests {
    /// Runs `body` with the provider listening and an application configured to use it.
    static func withProvider(
        _ kind: TestDatabaseKind, _ body: @escaping @Sendable (TestApp, any TestClientProtocol) async throws -> Void
    ) async throws {
        let provider = try DevelopmentIdentityProvider(issuer: "http://localhost", allowedRedirectPrefix: "http://sed.test/")
        let router = Router()
        provider.addRoutes(to: router)
        var logger = Logger(label: "test-identity-provider")
        logger.logLevel = .warning
        try await Application(router: router, logger: logger).test(.live) { providerClient in
            let issuer = "http://localhost:\(providerClient.port!)\(DevelopmentIdentityProviderPaths.root)"
            provider.relocate(issuer: issuer, allowedRedirectPrefix: "http://sed.test/")
            var configuration = TestApp.configuration
            configuration.publicURL = "http://sed.test"
            configuration.identityProvider = IdentityProviderSettings(
                issuer: issuer, clientID: DevelopmentIdentityProviderPaths.clientID, clientSecret: DevelopmentIdentityProviderPaths.clientSecret,
                scopes: ["openid", "profile", "email"], displayName: "ЕСИА (тест)")
            try await TestApp.run(kind, configuration: configuration) { app in try await body(app, providerClient) }
        }
    }

    /// The browser's trip: our redirect to the provider, the provider's sign-in form posted, its redirect back.
    /// Returns the cookie and the callback's path with its query.
    static func signInAtProvider(
        _ app: TestApp, _ provider: any TestClientProtocol, organizationID: UUID?, decision: String = "allow"
    ) async throws -> (cookie: String, callback: String) {
        let start = try await app.client.execute(
            uri: "/public/appeal/identity" + (organizationID.map { "?organizationId=\($0.lowercasedString)" } ?? ""), method: .get, headers: [:], body: nil)
        #expect(start.status == .seeOther, "\(start.text)")
        let cookie = try #require(start.headers[.setCookie]?.split(separator: ";").first.map(String.init))
        #expect(start.headers[.setCookie]?.contains("HttpOnly") == true && start.headers[.setCookie]?.contains("SameSite=Lax") == true)
        let location = try #require(start.headers[.location].flatMap { URLComponents(string: $0) })
        #expect(location.path == "\(DevelopmentIdentityProviderPaths.root)/authorize")
        let query = Dictionary(uniqueKeysWithValues: (location.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        #expect(query["redirect_uri"] == "http://sed.test/public/appeal/identity/callback")
        #expect(query["code_challenge_method"] == "S256" && query["response_type"] == "code")
        let page = try await provider.execute(uri: location.path + "?" + (location.percentEncodedQuery ?? ""), method: .get, headers: [:], body: nil)
        #expect(page.status == .ok && page.text.contains("Тестовый поставщик"))
        let form = ["client_id", "redirect_uri", "state", "nonce", "code_challenge", "code_challenge_method"].map { ($0, query[$0] ?? "") }
            + [("family_name", "Петрова"), ("given_name", "Анна"), ("middle_name", "Сергеевна"), ("email", "petrova@example.ru"), ("decision", decision)]
        let posted = try await provider.execute(
            uri: "\(DevelopmentIdentityProviderPaths.root)/authorize", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: URLQuery.encode(form)))
        #expect(posted.status == .seeOther, "\(posted.text)")
        let back = try #require(posted.headers[.location].flatMap { URLComponents(string: $0) })
        #expect(back.host == "sed.test")
        return (cookie, back.path + "?" + (back.percentEncodedQuery ?? ""))
    }

    @Test("signed in through the provider, the resident's submission is an appeal with the provider's names; the identity serves one submission; the registrar's appeal keeps the names, the day and the channel",
          arguments: TestDatabaseKind.available)
    func identifiedSubmission(kind: TestDatabaseKind) async throws {
        try await Self.withProvider(kind) { app, provider in
            let fixture = app.fixture
            let admin = try await app.signIn("region.admin")
            _ = try await app.client.execute(
                uri: "/api/v1/appeal-topics", method: .post, headers: [.contentType: "text/csv", .authorization: "Bearer \(admin)"],
                body: .init(string: AppealAPITests.topics))
            let form = try await app.client.execute(uri: "/public/appeal", method: .get, headers: [:], body: nil)
            #expect(form.text.contains("id=\"identity-sign-in\""))
            #expect(form.text.contains("ЕСИА (тест)"))

            let (cookie, callback) = try await Self.signInAtProvider(app, provider, organizationID: fixture.ministry.id)
            let done = try await app.client.execute(uri: callback, method: .get, headers: [.cookie: cookie], body: nil)
            #expect(done.status == .seeOther, "\(done.text)")
            #expect(done.headers[.location] == "/public/appeal?organizationId=\(fixture.ministry.id.lowercasedString)")
            // The same callback again (a reload, or someone who caught the address) finds nothing to finish.
            let replayed = try await app.client.execute(uri: callback, method: .get, headers: [.cookie: cookie], body: nil)
            #expect(replayed.status == .badRequest)
            #expect(replayed.text.contains("identity_state_unknown"))

            let identified = try await app.client.execute(uri: "/public/appeal?organizationId=\(fixture.ministry.id.lowercasedString)", method: .get, headers: [.cookie: cookie], body: nil)
            #expect(identified.text.contains("id=\"identity-banner\""))
            #expect(identified.text.contains("Петрова Анна Сергеевна"))
            #expect(identified.text.contains(#"name="identified" value="1""#))
            let token = identified.text.range(of: #"name="t" value=""#).map { String(identified.text[$0.upperBound...].prefix { $0 != "\"" }) } ?? ""
            try await Task.sleep(for: .seconds(PublicSubmissionRules.minimumFillSeconds + 0.2))

            // Typed names do not count: the provider's do.
            let fields: [(String, String)] = [
                ("t", token), ("identified", "1"), ("organizationId", fixture.ministry.id.lowercasedString), ("surname", "Иванов"), ("name", "Пётр"),
                ("email", "petrova@example.ru"), ("text", "Прошу отремонтировать дорогу у школы № 5"), ("consent", "on"),
            ]
            let accepted = try await app.client.execute(
                uri: "/public/appeal", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(PublicAppealTests.boundary)", .cookie: cookie],
                body: PublicAppealTests.multipart(fields))
            #expect(accepted.status == .created, "\(accepted.text)")
            #expect(accepted.text.contains("Личность подтверждена: это обращение по 59-ФЗ"))
            let code = accepted.text.range(of: #"id="tracking-code">"#).map { String(accepted.text[$0.upperBound...].prefix { $0 != "<" }) } ?? ""
            let status = try await app.request(.get, "/api/v1/public/appeals/\(code)").json()
            #expect((status["stage"] as? String)?.hasPrefix("Получено как обращение") == true)

            // One identity, one submission: the second is refused and nothing is stored for it.
            let second = try await app.client.execute(
                uri: "/public/appeal", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(PublicAppealTests.boundary)", .cookie: cookie],
                body: PublicAppealTests.multipart(fields))
            #expect(second.status == .unprocessableContent)
            #expect(second.text.contains("Подтверждение личности истекло или уже использовано"))
            #expect(second.text.contains("Прошу отремонтировать дорогу у школы № 5"))
            #expect(try await app.count("appeal_messages") == 1)

            // The registrar sees an identified appeal; accepting it keeps the provider's names whatever is typed.
            let clerk = try await app.signIn("minfin.clerk")
            let messages = try await app.request(.get, "/api/v1/appeal-messages", token: clerk).json()["items"] as? [[String: Any]] ?? []
            #expect(messages.count == 1)
            #expect(messages.first?["identified"] as? Bool == true)
            #expect(messages.first?["applicantName"] as? String == "Петрова Анна Сергеевна")
            let messageID = messages.first?["id"] as? String ?? ""
            let today = CalendarDate(Date(), in: TimeZone(identifier: "Europe/Moscow")!)
            let body = #"{"organizationId":"\#(fixture.ministry.id)","title":"О ремонте дороги у школы № 5","type":"statement","channel":"post","receivedOn":"\#(today.adding(days: -1).iso)","applicants":[{"surname":"Опечаткина","name":"Анна","email":"petrova@example.ru"}],"questions":[{"topicCode":"\#(AppealAPITests.roads)"}],"registerInJournalId":"\#(fixture.journal(for: .appeal).id)","messageId":"\#(messageID)"}"#
            let created = try await app.request(.post, "/api/v1/appeals", token: clerk, json: body)
            guard created.status == .created else { throw UnexpectedResponse(created) }
            let appeal = try created.json()
            #expect(appeal["channel"] as? String == "site")
            #expect(appeal["receivedOn"] as? String == today.iso)
            let applicants = appeal["applicants"] as? [[String: Any]] ?? []
            #expect(applicants.first?["surname"] as? String == "Петрова")
            #expect(applicants.first?["patronymic"] as? String == "Сергеевна")
            let identity = appeal["identity"] as? [String: Any]
            #expect(identity?["provider"] as? String == "ЕСИА (тест)")
            #expect((identity?["subject"] as? String)?.hasPrefix("dev-") == true)
            let card = try await app.client.execute(
                uri: "/appeals/\(appeal["documentId"] as? String ?? "")", method: .get, headers: [.cookie: "oborot_session=\(clerk)"], body: nil)
            #expect(card.text.contains("id=\"appeal-identity\""), "\(card.status)")
        }
    }

    @Test("a callback without this browser's sign-in, a refusal at the provider, signing out, and a provider that does not answer: each a page that says why, nothing identified",
          arguments: TestDatabaseKind.available)
    func failures(kind: TestDatabaseKind) async throws {
        try await Self.withProvider(kind) { app, provider in
            let (cookie, callback) = try await Self.signInAtProvider(app, provider, organizationID: nil)
            // Another browser (no cookie, or a different one) cannot finish this sign-in.
            let stranger = try await app.client.execute(uri: callback, method: .get, headers: [:], body: nil)
            #expect(stranger.status == .badRequest)
            #expect(stranger.text.contains("не начинался в вашем браузере"))
            let other = try await app.client.execute(uri: callback, method: .get, headers: [.cookie: "oborot_identity=someone-else"], body: nil)
            #expect(other.status == .badRequest)
            // Still finishable by its own browser afterwards.
            let own = try await app.client.execute(uri: callback, method: .get, headers: [.cookie: cookie], body: nil)
            #expect(own.status == .seeOther, "\(own.text)")
            let signOut = try await app.client.execute(uri: "/public/appeal/identity/sign-out", method: .post, headers: [.cookie: cookie], body: nil)
            #expect(signOut.status == .seeOther)
            #expect(signOut.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await app.client.execute(uri: "/public/appeal", method: .get, headers: [.cookie: cookie], body: nil)
            #expect(!after.text.contains("identity-banner"))
            #expect(after.text.contains("identity-sign-in"))

            let (refusingCookie, refused) = try await Self.signInAtProvider(app, provider, organizationID: nil, decision: "deny")
            let denied = try await app.client.execute(uri: refused, method: .get, headers: [.cookie: refusingCookie], body: nil)
            #expect(denied.status == .badRequest)
            #expect(denied.text.contains("Вы отказались от входа"))
            #expect(try await app.count("appeal_messages") == 0)

            // Every start writes a sign-in row: one address gets 10 a minute (two were used above), then a 429 page
            // and no more rows.
            let before = try await app.count("identity_sign_ins")
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<SubmissionRateLimit.limit {
                statuses.append(try await app.client.execute(uri: "/public/appeal/identity", method: .get, headers: [:], body: nil).status)
            }
            let admitted = statuses.filter { $0 == .seeOther }.count
            #expect(admitted == SubmissionRateLimit.limit - 2)
            #expect(statuses.suffix(2) == [.tooManyRequests, .tooManyRequests])
            #expect(try await app.count("identity_sign_ins") == before + admitted)
        }
        // The provider's address answers nothing: the resident is told, and offered to send a message.
        var configuration = TestApp.configuration
        configuration.identityProvider = IdentityProviderSettings(
            issuer: "http://127.0.0.1:9", clientID: "oborot", clientSecret: nil, scopes: ["openid"], displayName: "ЕСИА")
        try await TestApp.run(kind, configuration: configuration) { app in
            let start = try await app.client.execute(uri: "/public/appeal/identity", method: .get, headers: [:], body: nil)
            #expect(start.status == .serviceUnavailable)
            #expect(start.text.contains("Сервис подтверждения личности недоступен"))
            #expect(start.text.contains("без подтверждения личности"))
        }
    }
}
