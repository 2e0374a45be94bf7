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

@Suite("Документы (API)")
struct DocumentAPITests {
    static func incoming(_ app: TestApp, title: String = "О ремонте дороги", register: Bool = true, accessMark: String = "none") -> String {
        let journal = register ? #","registerIn":"\#(app.fixture.journal(for: .incoming).id)""# : ""
        return #"{"organizationId":"\#(app.fixture.ministry.id)","kind":"incoming","title":"\#(title)","correspondentId":"\#(app.fixture.correspondent.id)","correspondentNumber":"12/34","correspondentDate":"2026-01-15","deliveryMethod":"post","pages":2,"accessMark":"\#(accessMark)"\#(journal)}"#
    }

    @Test("a registrar registers an incoming letter in one step and gets the number at once", arguments: TestDatabaseKind.available)
    func registerIncoming(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let clerk = try await app.signIn("minfin.clerk")
            let response = try await app.request(.post, "/api/v1/documents", token: clerk, json: Self.incoming(app))
            #expect(response.status == .created, "\(response.text)")
            let card = try response.json()
            let registration = try #require(card["registration"] as? [String: Any])
            #expect(registration["number"] as? String == "1-вх")
            #expect(registration["journalName"] as? String == "Входящие")
            #expect(card["state"] as? String == "registered")
            #expect((card["correspondent"] as? [String: Any])?["name"] as? String == "ООО «Дорожник»")
            #expect((card["allowedEvents"] as? [String])?.contains("startWork") == true)
            let second = try await app.request(.post, "/api/v1/documents", token: clerk, json: Self.incoming(app, title: "Второе"))
            #expect((try second.json()["registration"] as? [String: Any])?["number"] as? String == "2-вх")
        }
    }

    @Test("missing requisites: 422 listing every field in Russian, and nothing stored", arguments: TestDatabaseKind.available)
    func missingRequisites(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let clerk = try await app.signIn("minfin.clerk")
            let before = try await app.count("documents")
            let response = try await app.request(
                .post, "/api/v1/documents", token: clerk,
                json: #"{"organizationId":"\#(app.fixture.ministry.id)","kind":"incoming","title":"","registerIn":"\#(app.fixture.journal(for: .incoming).id)"}"#)
            #expect(response.status == .unprocessableContent)
            let fields = try Set((response.json()["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["title", "correspondentId", "correspondentNumber", "correspondentDate", "deliveryMethod"])
            #expect(response.text.contains("Корреспондент"))
            #expect(try await app.count("documents") == before)
            #expect(try await app.count("journal_counters") == 0)
        }
    }

    @Test("64 concurrent registrations get numbers 1…64 exactly once each", arguments: TestDatabaseKind.available)
    func concurrentNumbering(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let clerk = try await app.signIn("minfin.clerk")
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        let response = try await app.request(.post, "/api/v1/documents", token: clerk, json: Self.incoming(app, title: "Письмо \(index)"))
                        guard response.status == .created else { throw UnexpectedResponse(response) }
                        return try (response.json()["registration"] as? [String: Any])?["number"] as? String ?? ""
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(Set(numbers) == Set((1...64).map { "\($0)-вх" }))
            try await expectGapless(app, journal: app.fixture.journal(for: .incoming), count: 64)
        }
    }

    /// Two server instances (two independent pools on one database) registering at once still never repeat or skip.
    @Test("two instances registering concurrently in one journal: gapless and unique", arguments: TestDatabaseKind.available)
    func twoInstances(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let second = try await TestDatabase.secondConnection(to: app.database)
            let router = try await buildRouter(configuration: TestApp.configuration, database: second)
            let clerk = try await app.signIn("minfin.clerk")
            try await Application(router: router).test(.router) { otherClient in
                let other = TestApp(client: otherClient, fixture: app.fixture, database: second, configuration: app.configuration)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<64 {
                        let instance = index.isMultiple(of: 2) ? app : other
                        group.addTask {
                            let response = try await instance.request(.post, "/api/v1/documents", token: clerk, json: Self.incoming(app, title: "№\(index)"))
                            guard response.status == .created else { throw UnexpectedResponse(response) }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            await second.close()
            try await expectGapless(app, journal: app.fixture.journal(for: .incoming), count: 64)
            #expect(try await AuditVerification.run(app.database).firstBreak == nil)
        }
    }

    func expectGapless(_ app: TestApp, journal: Journal, count: Int) async throws {
        let year = CalendarDate(Date(), in: TimeZone(identifier: "Europe/Moscow")!).year
        let sequences = try await app.database.read { try await DocumentRepository($0).sequences(journalID: journal.id, numberingYear: year) }
        #expect(sequences.map(\.sequence) == Array(1...count))
        let counter = try await app.database.read { try await JournalRepository($0).lastSequence(journalID: journal.id, numberingYear: year) }
        #expect(counter == count)
    }

    @Test("the lifecycle through the API: illegal moves are 409 and change nothing; cancelled numbers stay", arguments: TestDatabaseKind.available)
    func lifecycle(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let clerk = try await app.signIn("minfin.clerk")
            let created = try await app.request(.post, "/api/v1/documents", token: clerk, json: Self.incoming(app)).json()
            let id = try #require(created["id"] as? String)
            func move(_ event: String, version: Int, extra: String = "") async throws -> TestResponse {
                try await app.request(.post, "/api/v1/documents/\(id)/transitions", token: clerk, json: #"{"event":"\#(event)","version":\#(version)\#(extra)}"#)
            }
            let version = try #require(created["version"] as? Int)
            let illegal = try await move("returnToWork", version: version)
            #expect(illegal.status == .conflict)
            #expect(illegal.problemCode == "illegal_transition")
            #expect((try illegal.json()["detail"] as? String)?.contains("«Зарегистрирован»") == true)
            let stale = try await move("startWork", version: version - 1)
            #expect(stale.status == .conflict)
            #expect(stale.problemCode == "stale_version")
            let inWork = try await move("startWork", version: version)
            #expect(try inWork.json()["state"] as? String == "inWork")
            let noReason = try await move("cancel", version: version + 1)
            #expect(noReason.status == .unprocessableContent)
            let cancelled = try await move("cancel", version: version + 1, extra: #","reason":"Ошибочная регистрация""#)
            #expect(try cancelled.json()["state"] as? String == "cancelled")
            #expect((try cancelled.json()["registration"] as? [String: Any])?["number"] as? String == "1-вх")
            let next = try await app.request(.post, "/api/v1/documents", token: clerk, json: Self.incoming(app, title: "Следующее")).json()
            #expect((next["registration"] as? [String: Any])?["number"] as? String == "2-вх")
            let history = try await app.request(.get, "/api/v1/documents/\(id)/history", token: clerk).jsonArray()
            #expect(history.compactMap { $0["action"] as? String } == ["document.cancel", "document.startWork", "document.register"])
        }
    }

    @Test("outgoing letters: drafted by anyone in the body, signed by the signer only, then numbered", arguments: TestDatabaseKind.available)
    func outgoing(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let author = try await app.signIn("minfin.admin")
            let draft = try await app.request(
                .post, "/api/v1/documents", token: author,
                json: #"{"organizationId":"\#(app.fixture.ministry.id)","kind":"outgoing","title":"Ответ на запрос","addressees":[{"correspondentId":"\#(app.fixture.correspondent.id)"},{"organizationId":"\#(app.fixture.district.id)"}],"signerEmployeeId":"\#(app.fixture.ministryAdmin.employeeID)","executorEmployeeId":"\#(app.fixture.clerk.employeeID)"}"#)
            #expect(draft.status == .created, "\(draft.text)")
            let card = try draft.json()
            let id = try #require(card["id"] as? String)
            #expect((card["addressees"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["ООО «Дорожник»", "Первомайский район"])
            let clerk = try await app.signIn("minfin.clerk")
            let early = try await app.request(
                .post, "/api/v1/documents/\(id)/transitions", token: clerk,
                json: #"{"event":"register","version":1,"journalId":"\#(app.fixture.journal(for: .outgoing).id)"}"#)
            #expect(early.problemCode == "not_signed")
            let notSigner = try await app.request(.post, "/api/v1/documents/\(id)/transitions", token: clerk, json: #"{"event":"sign","version":1}"#)
            #expect(notSigner.status == .forbidden)
            let signed = try await app.request(.post, "/api/v1/documents/\(id)/transitions", token: author, json: #"{"event":"sign","version":1}"#)
            #expect(signed.status == .ok)
            let frozen = try await app.request(.patch, "/api/v1/documents/\(id)", token: author, json: #"{"version":2,"title":"Другой"}"#)
            #expect(frozen.problemCode == "signed_document_frozen")
            let registered = try await app.request(
                .post, "/api/v1/documents/\(id)/transitions", token: clerk,
                json: #"{"event":"register","version":2,"journalId":"\#(app.fixture.journal(for: .outgoing).id)"}"#)
            #expect((try registered.json()["registration"] as? [String: Any])?["number"] as? String == "1-исх")
            let wrongJournal = try await app.request(
                .post, "/api/v1/documents", token: clerk,
                json: #"{"organizationId":"\#(app.fixture.ministry.id)","kind":"internal","title":"Записка","addressees":[{"employeeId":"\#(app.fixture.clerk.employeeID)"}],"signerEmployeeId":"\#(app.fixture.ministryAdmin.employeeID)","registerIn":"\#(app.fixture.journal(for: .incoming).id)"}"#)
            #expect(wrongJournal.problemCode == "journal_rejects_kind")
        }
    }

    @Test("visibility: other bodies see nothing, ДСП only with explicit access, lists and counts agree", arguments: TestDatabaseKind.available)
    func visibility(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let clerk = try await app.signIn("minfin.clerk")
            let open = try await app.request(.post, "/api/v1/documents", token: clerk, json: Self.incoming(app, title: "Открытое")).json()
            let restricted = try await app.request(
                .post, "/api/v1/documents", token: clerk, json: Self.incoming(app, title: "Секретное", accessMark: "restricted")).json()
            let openID = try #require(open["id"] as? String)
            let restrictedID = try #require(restricted["id"] as? String)

            let outsider = try await app.signIn("district.admin")
            #expect(try await app.request(.get, "/api/v1/documents/\(openID)", token: outsider).status == .notFound)
            let outsiderList = try await app.request(.get, "/api/v1/documents", token: outsider).json()
            #expect((outsiderList["items"] as? [Any])?.isEmpty == true)

            let regionAdmin = try await app.signIn("region.admin")  // an administrator, not a reader of documents
            #expect(try await app.request(.get, "/api/v1/documents/\(openID)", token: regionAdmin).status == .notFound)

            let clerkList = try await app.request(.get, "/api/v1/documents", token: clerk).json()["items"] as? [[String: Any]] ?? []
            #expect(Set(clerkList.compactMap { $0["id"] as? String }) == [openID, restrictedID])

            // Another registrar of the ministry sees the open card but not the ДСП one until given access.
            let grantee = app.fixture.ministryAdmin
            try await app.database.write { db in
                try await RoleGrantRepository(db).insert([
                    RoleGrant(id: UUID(), userID: grantee.userID, organizationID: app.fixture.ministry.id, organizationPath: app.fixture.ministry.path, role: .registrar)
                ])
            }
            let adminFresh = try await app.signIn("minfin.admin")
            #expect(try await app.request(.get, "/api/v1/documents/\(openID)", token: adminFresh).status == .ok)
            #expect(try await app.request(.get, "/api/v1/documents/\(restrictedID)", token: adminFresh).status == .notFound)
            let granted = try await app.request(
                .post, "/api/v1/documents/\(restrictedID)/access", token: clerk, json: #"{"userId":"\#(grantee.userID)"}"#)
            #expect(granted.status == .noContent)
            let seen = try await app.request(.get, "/api/v1/documents/\(restrictedID)", token: adminFresh)
            #expect(seen.status == .ok)
            // Every view of a ДСП card is audited.
            let views = try await app.database.read { db in
                try await db.sql.raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'document.restricted_view'").first()?.decode(column: "n", as: Int.self)
            }
            #expect(views == 1)
        }
    }

    @Test("lists filter, page by cursor without repeats, and export CSV", arguments: TestDatabaseKind.available)
    func listing(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let clerk = try await app.signIn("minfin.clerk")
            for index in 1...7 {
                _ = try await app.request(.post, "/api/v1/documents", token: clerk, json: Self.incoming(app, title: "Письмо \(index)"))
            }
            _ = try await app.request(.post, "/api/v1/documents", token: clerk, json: Self.incoming(app, title: "Черновик", register: false))
            var seen: [String] = []
            var cursor: String?
            repeat {
                let uri = "/api/v1/documents?journalId=\(app.fixture.journal(for: .incoming).id)&limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await app.request(.get, uri, token: clerk).json()
                seen += (page["items"] as? [[String: Any]] ?? []).compactMap { $0["registrationNumber"] as? String }
                cursor = page["nextCursor"] as? String
            } while cursor != nil
            #expect(seen == (1...7).reversed().map { "\($0)-вх" })
            let drafts = try await app.request(.get, "/api/v1/documents?state=draft", token: clerk).json()["items"] as? [[String: Any]]
            #expect(drafts?.count == 1)
            let search = try await app.request(.get, "/api/v1/documents?q=%D0%BF%D0%B8%D1%81%D1%8C%D0%BC%D0%BE%203", token: clerk).json()["items"] as? [[String: Any]]
            #expect(search?.compactMap { $0["title"] as? String } == ["Письмо 3"])
            let bad = try await app.request(.get, "/api/v1/documents?cursor=garbage", token: clerk)
            #expect(bad.problemCode == "validation_failed")
            let csv = try await app.request(.get, "/api/v1/documents/export.csv?kind=incoming", token: clerk, headers: [.accept: "text/csv"])
            #expect(csv.status == .ok)
            #expect(csv.text.hasPrefix("\u{FEFF}Регистрационный номер;Дата регистрации"))
            #expect(csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 9)
        }
    }
}
