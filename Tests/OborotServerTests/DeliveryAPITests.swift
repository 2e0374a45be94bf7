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

@Suite("Внутренняя доставка между органами (API)")
struct DeliveryAPITests {
    /// Registrars and a head in the recipient bodies (the shared fixture has only their administrators), and the
    /// standard journals of the two districts.
    static func prepareRecipients(_ app: TestApp) async throws {
        let fixture = app.fixture
        try await app.database.write { db in
            let grants = [
                (fixture.districtAdmin, fixture.district, Role.registrar), (fixture.districtAdmin, fixture.district, .head),
                (fixture.assistant, fixture.otherDistrict, .registrar), (fixture.specialist, fixture.settlement, .registrar),
            ]
            try await RoleGrantRepository(db).insert(
                grants.map { person, organization, role in
                    RoleGrant(id: UUID(), userID: person.userID, organizationID: organization.id, organizationPath: organization.path, role: role)
                })
            for organization in [fixture.district, fixture.otherDistrict, fixture.settlement] {
                try await JournalRepository(db).insert(Journal.standardSet(for: organization.id, newID: { UUID() }))
            }
        }
    }

    /// A signed, registered ministry letter with a PDF, addressed to an outside correspondent and to `organizations`.
    static func sentLetter(
        _ app: TestApp, to organizations: [Organization], title: String = "О подготовке к отопительному сезону", deliveryMethod: String? = nil
    ) async throws -> String {
        let author = try await app.signIn("minfin.admin")
        let clerk = try await app.signIn("minfin.clerk")
        let addressees = ([#"{"correspondentId":"\#(app.fixture.correspondent.id)"}"#] + organizations.map { #"{"organizationId":"\#($0.id)"}"# })
            .joined(separator: ",")
        let draft = try await app.request(
            .post, "/api/v1/documents", token: author,
            json: #"{"organizationId":"\#(app.fixture.ministry.id)","kind":"outgoing","title":"\#(title)","pages":2,\#(deliveryMethod.map { #""deliveryMethod":"\#($0)","# } ?? "")"addressees":[\#(addressees)],"signerEmployeeId":"\#(app.fixture.ministryAdmin.employeeID)","executorEmployeeId":"\#(app.fixture.clerk.employeeID)"}"#)
        guard draft.status == .created else { throw UnexpectedResponse(draft) }
        let id = try draft.json()["id"] as? String ?? ""
        let uploaded = try await ApprovalAPITests.upload(app, "/api/v1/documents/\(id)/files?name=letter.pdf", token: author, bytes: ApprovalAPITests.letter)
        guard uploaded.status == .created else { throw UnexpectedResponse(uploaded) }
        let signed = try await app.request(.post, "/api/v1/documents/\(id)/transitions", token: author, json: #"{"event":"sign","version":1}"#)
        guard signed.status == .ok else { throw UnexpectedResponse(signed) }
        let registered = try await app.request(
            .post, "/api/v1/documents/\(id)/transitions", token: clerk,
            json: #"{"event":"register","version":2,"journalId":"\#(app.fixture.journal(for: .outgoing).id)"}"#)
        guard registered.status == .ok else { throw UnexpectedResponse(registered) }
        return id
    }

    static func line(_ sheet: [[String: Any]], _ organization: Organization) -> [String: Any] {
        sheet.first { $0["recipientOrganizationId"] as? String == organization.id.lowercasedString } ?? [:]
    }

    static func incomingJournal(_ app: TestApp, _ organization: Organization) async throws -> UUID {
        try await app.database.read { db in
            try await JournalRepository(db).list(organizationID: organization.id).first { $0.kinds.contains(.incoming) }!.id
        }
    }

    @Test("a ministry sends a letter to three bodies: two register it (one sets an assignment), one refuses; the ministry sees each status and the answer",
          arguments: TestDatabaseKind.available)
    func sendRegisterRefuseAnswer(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let fixture = app.fixture
            try await Self.prepareRecipients(app)
            let clerk = try await app.signIn("minfin.clerk")
            let district = try await app.signIn("district.admin")
            let other = try await app.signIn("assistant")
            let settlement = try await app.signIn("specialist")
            let sentID = try await Self.sentLetter(app, to: [fixture.district, fixture.otherDistrict, fixture.settlement])

            // Before sending, nobody outside the ministry sees anything; a stranger cannot send it.
            #expect(try await app.request(.post, "/api/v1/documents/\(sentID)/send", token: district).status == .notFound)
            let sent = try await app.request(.post, "/api/v1/documents/\(sentID)/send", token: clerk)
            #expect(sent.status == .ok, "\(sent.text)")
            let sheet = try sent.jsonArray()
            #expect(sheet.count == 3)
            #expect(sheet.allSatisfy { $0["status"] as? String == "delivered" && $0["statusName"] as? String == "Доставлен" })
            // Sending again delivers to nobody new.
            #expect(try await app.request(.post, "/api/v1/documents/\(sentID)/send", token: clerk).problemCode == "already_delivered")

            // Each recipient has an incoming card ready for registration: sender, its number and date, the file.
            let districtCardID = try #require(Self.line(sheet, fixture.district)["incomingDocumentId"] as? String)
            let card = try await app.request(.get, "/api/v1/documents/\(districtCardID)", token: district).json()
            #expect(card["kind"] as? String == "incoming")
            #expect(card["state"] as? String == "draft")
            #expect(card["correspondentNumber"] as? String == "1-исх")
            #expect((card["correspondent"] as? [String: Any])?["name"] as? String == fixture.ministry.fullName)
            #expect(card["deliveryMethod"] as? String == "internalDelivery")
            #expect((card["attachments"] as? [[String: Any]])?.first?["name"] as? String == "letter.pdf")
            // Neither the other district's registrar nor the sender sees into the district's incoming mail.
            #expect(try await app.request(.get, "/api/v1/documents/\(districtCardID)", token: other).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/documents/\(districtCardID)", token: clerk).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/documents/\(districtCardID)", token: try await app.signIn("minfin.admin")).status == .notFound)
            let notified = try await app.request(.get, "/api/v1/notifications", token: district).json()["items"] as? [[String: Any]] ?? []
            #expect(notified.contains { $0["kind"] as? String == "delivered" })

            // The district registers it under its own number; its head sets an assignment.
            let districtJournal = try await Self.incomingJournal(app, fixture.district)
            let registered = try await app.request(
                .post, "/api/v1/documents/\(districtCardID)/transitions", token: district,
                json: #"{"event":"register","version":1,"journalId":"\#(districtJournal)"}"#)
            #expect(registered.status == .ok, "\(registered.text)")
            let districtNumber = try #require((try registered.json()["registration"] as? [String: Any])?["number"] as? String)
            let resolution = try await app.request(
                .post, "/api/v1/documents/\(districtCardID)/resolutions", token: district,
                json: #"{"text":"Подготовить ответ","executors":[{"organizationId":"\#(fixture.settlement.id)"}],"deadline":{"period":"5d"}}"#)
            #expect(resolution.status == .created, "\(resolution.text)")

            // The settlement registers; the other district refuses — a reason is required and a registered card cannot be refused.
            let settlementCardID = try #require(Self.line(sheet, fixture.settlement)["incomingDocumentId"] as? String)
            let settlementJournal = try await Self.incomingJournal(app, fixture.settlement)
            #expect(try await app.request(
                .post, "/api/v1/documents/\(settlementCardID)/transitions", token: settlement,
                json: #"{"event":"register","version":1,"journalId":"\#(settlementJournal)"}"#).status == .ok)
            #expect(try await app.request(
                .post, "/api/v1/documents/\(settlementCardID)/refuse", token: settlement, json: #"{"reason":"Не наш вопрос"}"#
            ).problemCode == "delivery_already_registered")
            let otherCardID = try #require(Self.line(sheet, fixture.otherDistrict)["incomingDocumentId"] as? String)
            #expect(try await app.request(.post, "/api/v1/documents/\(otherCardID)/refuse", token: other, json: #"{"reason":"  "}"#)
                .problemCode == "refusal_reason_required")
            #expect(try await app.request(.post, "/api/v1/documents/\(otherCardID)/refuse", token: district, json: #"{"reason":"Чужой"}"#)
                .status == .notFound)
            let refused = try await app.request(
                .post, "/api/v1/documents/\(otherCardID)/refuse", token: other, json: #"{"reason":"Вопрос не относится к компетенции района"}"#)
            #expect(refused.status == .ok, "\(refused.text)")
            #expect(try refused.json()["state"] as? String == "cancelled")
            #expect(try await app.request(.post, "/api/v1/documents/\(otherCardID)/refuse", token: other, json: #"{"reason":"Ещё раз"}"#)
                .problemCode == "delivery_already_refused")

            // The settlement answers the ministry with its own letter «в ответ на» the card it received.
            let settlementHead = try await app.signIn("specialist")
            let answerDraft = try await app.request(
                .post, "/api/v1/documents", token: settlementHead,
                json: #"{"organizationId":"\#(fixture.settlement.id)","kind":"outgoing","title":"О готовности к отопительному сезону","addressees":[{"organizationId":"\#(fixture.ministry.id)"}],"signerEmployeeId":"\#(fixture.specialist.employeeID)","executorEmployeeId":"\#(fixture.specialist.employeeID)"}"#)
            #expect(answerDraft.status == .created, "\(answerDraft.text)")
            let answerID = try #require(try answerDraft.json()["id"] as? String)
            #expect(try await app.request(.post, "/api/v1/documents/\(answerID)/links", token: settlementHead,
                json: #"{"toDocumentId":"\#(settlementCardID)","kind":"inReplyTo"}"#).status == .created)
            #expect(try await app.request(.post, "/api/v1/documents/\(answerID)/transitions", token: settlementHead, json: #"{"event":"sign","version":1}"#).status == .ok)
            let outgoingJournal = try await app.database.read { db in
                try await JournalRepository(db).list(organizationID: fixture.settlement.id).first { $0.kinds.contains(.outgoing) }!.id
            }
            let answerRegistered = try await app.request(.post, "/api/v1/documents/\(answerID)/transitions", token: settlementHead,
                json: #"{"event":"register","version":2,"journalId":"\#(outgoingJournal)"}"#)
            #expect(answerRegistered.status == .ok, "\(answerRegistered.text)")
            let answerSent = try await app.request(.post, "/api/v1/documents/\(answerID)/send", token: settlementHead)
            #expect(answerSent.status == .ok, "\(answerSent.text)")

            // The ministry's sheet: registered with the district's number → assignment; refused with the reason; answered.
            let statuses = try await app.request(.get, "/api/v1/documents/\(sentID)/deliveries", token: clerk).jsonArray()
            #expect(Self.line(statuses, fixture.district)["status"] as? String == "assignmentCreated")
            #expect(Self.line(statuses, fixture.district)["registrationNumber"] as? String == districtNumber)
            #expect(Self.line(statuses, fixture.otherDistrict)["status"] as? String == "refused")
            #expect(Self.line(statuses, fixture.otherDistrict)["refusalReason"] as? String == "Вопрос не относится к компетенции района")
            #expect(Self.line(statuses, fixture.settlement)["status"] as? String == "answered")
            let answerCardID = try #require(Self.line(statuses, fixture.settlement)["answerDocumentId"] as? String)
            let answerCard = try await app.request(.get, "/api/v1/documents/\(answerCardID)", token: clerk).json()
            #expect((answerCard["organization"] as? [String: Any])?["id"] as? String == fixture.ministry.id.lowercasedString)
            #expect((answerCard["links"] as? [[String: Any]])?.contains { $0["otherDocumentId"] as? String == sentID } == true)
            // The sender heard about the registration and the refusal.
            let feed = try await app.request(.get, "/api/v1/notifications", token: clerk).json()["items"] as? [[String: Any]] ?? []
            #expect(Set(feed.compactMap { $0["kind"] as? String }).isSuperset(of: ["delivery_registered", "delivery_refused", "delivered"]))
            #expect(try await app.count("deliveries") == 4)
        }
    }

    @Test("the dispatch register of a day: letters sent by post to outside correspondents, with their addresses; CSV; registrars only",
          arguments: TestDatabaseKind.available)
    func dispatchRegister(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let clerk = try await app.signIn("minfin.clerk")
            _ = try await Self.sentLetter(app, to: [app.fixture.district], title: "Письмо почтой", deliveryMethod: "post")
            _ = try await Self.sentLetter(app, to: [], title: "Письмо по электронной почте", deliveryMethod: "email")
            let ministry = app.fixture.ministry.id
            let today = CalendarDate(Date(), in: TimeZone(identifier: "Europe/Moscow")!).iso
            let register = try await app.request(
                .get, "/api/v1/organizations/\(ministry)/dispatch-register?date=\(today)&channel=paper", token: clerk)
            #expect(register.status == .ok, "\(register.text)")
            let lines = try register.json()["lines"] as? [[String: Any]] ?? []
            #expect(lines.map { $0["title"] as? String } == ["Письмо почтой"])
            #expect(lines.first?["addressee"] as? String == "ООО «Дорожник»")
            #expect(lines.first?["destination"] as? String == "г. Ростов-на-Дону")
            let email = try await app.request(.get, "/api/v1/organizations/\(ministry)/dispatch-register?date=\(today)&channel=email", token: clerk)
            #expect((try email.json()["lines"] as? [[String: Any]])?.first?["destination"] == nil)
            let csv = try await app.request(
                .get, "/api/v1/organizations/\(ministry)/dispatch-register?date=\(today)&channel=paper&format=csv", token: clerk)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.text.contains("Письмо почтой") && csv.text.contains("г. Ростов-на-Дону"))
            #expect(try await app.request(.get, "/api/v1/organizations/\(ministry)/dispatch-register?date=2026-02-30", token: clerk).status == .unprocessableContent)
            #expect(try await app.request(.get, "/api/v1/organizations/\(ministry)/dispatch-register", token: try await app.signIn("economist")).status == .forbidden)
            let yesterday = try await app.request(.get, "/api/v1/organizations/\(ministry)/dispatch-register?date=2020-01-01", token: clerk)
            #expect((try yesterday.json()["lines"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test("distribution lists: a registrar keeps «Районам» and adds it to a letter in one step, each addressee once; bad lists are 422",
          arguments: TestDatabaseKind.available)
    func distributionLists(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let fixture = app.fixture
            let clerk = try await app.signIn("minfin.clerk")
            let author = try await app.signIn("minfin.admin")
            let path = "/api/v1/organizations/\(fixture.ministry.id)/distribution-lists"
            let body = #"{"name":"Районам","addressees":[{"organizationId":"\#(fixture.district.id)"},{"organizationId":"\#(fixture.otherDistrict.id)"},{"correspondentId":"\#(fixture.correspondent.id)"},{"organizationId":"\#(fixture.district.id)"}]}"#
            #expect(try await app.request(.post, path, token: author, json: body).status == .forbidden)
            let created = try await app.request(.post, path, token: clerk, json: body)
            #expect(created.status == .created, "\(created.text)")
            let listID = try #require(try created.json()["id"] as? String)
            #expect((try created.json()["addressees"] as? [[String: Any]])?.count == 3)
            #expect(try await app.request(.post, path, token: clerk, json: body).problemCode == "distribution_list_exists")
            #expect(try await app.request(.post, path, token: clerk, json: #"{"name":"","addressees":[]}"#).status == .unprocessableContent)
            #expect(try await app.request(.post, path, token: clerk, json: #"{"name":"Никому","addressees":[{"organizationId":"\#(UUID())"}]}"#)
                .status == .unprocessableContent)
            #expect(try await app.request(.get, path, token: author).jsonArray().map { $0["name"] as? String } == ["Районам"])

            // The author's draft already names the district; the list adds the rest.
            let draft = try await app.request(
                .post, "/api/v1/documents", token: author,
                json: #"{"organizationId":"\#(fixture.ministry.id)","kind":"outgoing","title":"Всем районам","addressees":[{"organizationId":"\#(fixture.district.id)"}],"signerEmployeeId":"\#(fixture.ministryAdmin.employeeID)"}"#)
            let draftID = try #require(try draft.json()["id"] as? String)
            let applied = try await app.request(.post, "/api/v1/documents/\(draftID)/distribution-lists/\(listID)", token: author, json: #"{"version":1}"#)
            #expect(applied.status == .ok, "\(applied.text)")
            #expect(try applied.json()["addressees"] as? Int == 3)
            #expect(try await app.request(.post, "/api/v1/documents/\(draftID)/distribution-lists/\(listID)", token: author, json: #"{"version":1}"#)
                .problemCode == "stale_version")
            #expect(try await app.request(.delete, "/api/v1/distribution-lists/\(listID)", token: author).status == .forbidden)
            #expect(try await app.request(.delete, "/api/v1/distribution-lists/\(listID)", token: clerk).status == .noContent)
            #expect(try await app.request(.get, path, token: clerk).jsonArray().isEmpty)
        }
    }

    @Test("what cannot be sent: a draft, an incoming letter, a letter with no addressee in the region; nothing is written",
          arguments: TestDatabaseKind.available)
    func refusedSends(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let clerk = try await app.signIn("minfin.clerk")
            let author = try await app.signIn("minfin.admin")
            let draft = try await app.request(
                .post, "/api/v1/documents", token: author,
                json: #"{"organizationId":"\#(app.fixture.ministry.id)","kind":"outgoing","title":"Проект","addressees":[{"organizationId":"\#(app.fixture.district.id)"}],"signerEmployeeId":"\#(app.fixture.ministryAdmin.employeeID)"}"#)
            let draftID = try #require(try draft.json()["id"] as? String)
            #expect(try await app.request(.post, "/api/v1/documents/\(draftID)/send", token: clerk).problemCode == "not_registered")
            let incoming = try await app.request(.post, "/api/v1/documents", token: clerk, json: DocumentAPITests.incoming(app))
            let incomingID = try #require(try incoming.json()["id"] as? String)
            #expect(try await app.request(.post, "/api/v1/documents/\(incomingID)/send", token: clerk).problemCode == "kind_not_sendable")
            let outsideOnly = try await Self.sentLetter(app, to: [])
            #expect(try await app.request(.post, "/api/v1/documents/\(outsideOnly)/send", token: clerk).problemCode == "no_internal_addressees")
            // The author may see the letter but is not the body's registrar.
            let toDistrict = try await Self.sentLetter(app, to: [app.fixture.district])
            #expect(try await app.request(.post, "/api/v1/documents/\(toDistrict)/send", token: author).status == .forbidden)
            #expect(try await app.request(.post, "/api/v1/documents/\(UUID())/send", token: clerk).status == .notFound)
            #expect(try await app.request(.post, "/api/v1/documents/\(toDistrict)/refuse", token: clerk, json: "{oops").status == .badRequest)
            #expect(try await app.count("deliveries") == 0)
            #expect(try await app.request(.get, "/api/v1/documents/\(toDistrict)/deliveries", token: clerk).jsonArray().isEmpty)
        }
    }
}
