import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import OborotDomain
import OborotStore
import OborotTestSupport
import Testing

/// The approval and signing pages through the real router: forms, inboxes, notifications, templates, the signature
/// mark's QR code and the public verification page it leads to.
@Suite("Согласование и подпись (веб)")
struct ApprovalWebTests {
    static let pki = Result { try TestPKI.make() }

    func get(_ app: TestApp, _ uri: String, token: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.accept: "text/html"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await app.client.execute(uri: uri, method: .get, headers: headers)
    }

    func post(_ app: TestApp, _ uri: String, token: String?, form: String) async throws -> TestResponse {
        var headers: HTTPFields = [.accept: "text/html", .contentType: "application/x-www-form-urlencoded"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await app.client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: form))
    }

    func multipart(_ app: TestApp, _ uri: String, token: String?, parts: [(name: String, file: String?, bytes: [UInt8])]) async throws -> TestResponse {
        let boundary = "web-test-boundary"
        var body: [UInt8] = []
        for part in parts {
            let file = part.file.map { "; filename=\"\($0)\"" } ?? ""
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\"\(file)\r\n\r\n".utf8) + part.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [.accept: "text/html", .contentType: "multipart/form-data; boundary=\(boundary)"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await app.client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    static func form(_ values: [(String, String)]) -> String {
        values.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
    }

    @Test("route by form (saved as a template), one-tap approval from the inbox, notifications, signing by form, the QR link verifies")
    func webFlow() async throws {
        let pki = try Self.pki.get()
        try await TestApp.run(.sqlite) { app in
            let fixture = app.fixture
            let author = try await app.signIn("minfin.admin")
            let clerk = try await app.signIn("minfin.clerk")
            let minister = try await app.signIn("minister")
            let regionAdmin = try await app.signIn("region.admin")
            let (id, attachment) = try await ApprovalAPITests.draft(app, author: author)

            let card = try await get(app, "/documents/\(id)", token: author)
            #expect(card.text.contains(#"id="start-approval""#))
            #expect(card.text.contains("Регистраторова"), "the registrar is offered as an approver")
            let started = try await post(app, "/documents/\(id)/approval", token: author, form: Self.form([
                ("stage1", fixture.clerk.userID.uuidString), ("stage2", fixture.minister.userID.uuidString),
                ("workingDays", "3"), ("restartMode", "stage"), ("templateName", "Исходящие Минфина"),
            ]))
            #expect(started.status == .seeOther, "\(started.text)")
            #expect(try await get(app, "/documents/\(id)", token: author).text.contains("На согласовании"))
            let templates = try await app.request(
                .get, "/api/v1/organizations/\(fixture.ministry.id)/approval-templates?kind=outgoing", token: author).jsonArray()
            #expect(templates.map { $0["name"] as? String } == ["Исходящие Минфина"])

            // The registrar is told, finds it in «На согласование» and approves with one tap, staying in the inbox.
            let feed = try await app.request(.get, "/api/v1/notifications", token: clerk).json()["items"] as? [[String: Any]] ?? []
            #expect(feed.first?["kind"] as? String == "approval_requested")
            #expect(feed.first?["documentId"] as? String == id)
            #expect(try await get(app, "/approvals", token: clerk).text.contains("О финансировании ремонта дорог"))
            #expect(try await post(app, "/documents/\(id)/approval/decision", token: clerk, form: "comment=x").status == .badRequest)
            let tapped = try await post(app, "/documents/\(id)/approval/decision", token: clerk, form: "decision=approved&back=%2Fapprovals")
            #expect(tapped.headers[.location] == "/approvals")
            // A refusal without a reason shows the card with the reason it failed and changes nothing.
            let noReason = try await post(app, "/documents/\(id)/approval/decision", token: minister, form: "decision=rejected&comment=")
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.text.contains("Укажите, почему документ не согласован"))
            let approved = try await post(app, "/documents/\(id)/approval/decision", token: minister, form: "decision=approved_with_remarks&comment=%D0%A1%D0%BE%D0%BA%D1%80%D0%B0%D1%82%D0%B8%D1%82%D1%8C")
            #expect(approved.status == .seeOther)
            let authorFeed = try await app.request(.get, "/api/v1/notifications", token: author).json()["items"] as? [[String: Any]] ?? []
            #expect(authorFeed.contains { $0["kind"] as? String == "approval_approved" })
            let sheet = try await get(app, "/documents/\(id)/approval-sheet", token: author)
            #expect(sheet.text.contains("Лист согласования") && sheet.text.contains("Согласовано с замечаниями") && sheet.text.contains("Сократить"))

            // The administrator loads the CA and binds the signer on the page.
            let signer = try pki.issueSigner(commonName: "Министерская Мария", organization: "Минфин ТО")
            #expect(try await post(app, "/admin/signatures/trusted", token: regionAdmin, form: Self.form([("pem", pki.chainPEM())])).status == .seeOther)
            #expect(try await post(app, "/admin/signatures/bindings", token: regionAdmin, form: Self.form([("login", "minfin.admin"), ("subject", signer.subject)])).status == .seeOther)
            let admin = try await get(app, "/admin/signatures", token: regionAdmin)
            #expect(admin.text.contains(signer.subject))
            #expect(try await get(app, "/admin/signatures", token: author).status == .forbidden)

            // «На подпись», then signing by the form: the card shows the number and the mark.
            #expect(try await get(app, "/approvals", token: author).text.contains(#"id="to-sign""#))
            let signature = Array(try pki.signDetached(Data(ApprovalAPITests.letter), by: signer))
            let signed = try await multipart(app, "/documents/\(id)/signatures", token: author, parts: [
                ("attachmentId", nil, Array(attachment.utf8)), ("signature", "letter.pdf.p7s", signature),
            ])
            #expect(signed.status == .seeOther, "\(signed.text)")
            let signedCard = try await get(app, "/documents/\(id)", token: author).text
            #expect(signedCard.contains("№ 1-исх"))
            #expect(signedCard.contains("Документ подписан электронной подписью"))
            let signatures = try await app.request(.get, "/api/v1/documents/\(id)/signatures", token: author).jsonArray()
            let signatureID = try #require(signatures.first?["id"] as? String)

            // The printed mark carries a QR code of the public page's address; that page, opened by anyone, says valid.
            let mark = try await get(app, "/documents/\(id)/signature-mark/\(signatureID)", token: author).text
            let href = try #require(mark.firstMatch(of: /id="verify-link">([^<]+)</).map { String($0.1) })
            #expect(mark.contains(try QRCode.encode(href).svg(moduleSize: 3)))
            let path = try #require(href.firstMatch(of: /(\/verify\/[0-9A-Z]{10})$/).map { String($0.1) })
            let verified = try await get(app, path)
            #expect(verified.status == .ok)
            #expect(verified.text.contains(#"data-valid="true""#))
            #expect(verified.text.contains("№ 1-исх"))

            let wrongFile = try await multipart(app, "/verify", token: nil, parts: [
                ("file", "x.pdf", Array("%PDF-1.7 другое".utf8)), ("signature", "x.p7s", signature),
            ])
            #expect(wrongFile.text.contains(#"data-valid="false""#))
            #expect(wrongFile.text.contains("Подпись сделана над другим содержимым"))
            // The form takes files far above the JSON body limit (the tests' limit is 64 KB).
            let large = try await multipart(app, "/verify", token: nil, parts: [
                ("file", "big.pdf", [UInt8](repeating: 0x41, count: 1_500_000)), ("signature", "x.p7s", signature),
            ])
            #expect(large.status == .ok, "\(large.status)")
            #expect(large.text.contains("Подпись сделана над другим содержимым"))

            // A second draft follows the saved template.
            let (second, _) = try await ApprovalAPITests.draft(app, author: author)
            let templateID = try #require(templates.first?["id"] as? String)
            let fromTemplate = try await app.request(.post, "/api/v1/documents/\(second)/approval", token: author, json: #"{"templateId":"\#(templateID)"}"#)
            #expect(fromTemplate.status == .created, "\(fromTemplate.text)")
            let steps = try fromTemplate.json()["steps"] as? [[String: Any]] ?? []
            #expect(steps.map { $0["approverUserId"] as? String } == [fixture.clerk.userID, fixture.minister.userID].map { $0.uuidString.lowercased() })

            // The reminder job reminds the approver on the last day and once it has passed, each once.
            let deadline = try #require(steps.first?["deadline"] as? String)
            let lastDay = try #require(CalendarDate(iso: deadline))
            let later = CalendarDate(year: 2099, month: 1, day: 1)!
            func remind(_ day: CalendarDate) async throws -> Int {
                try await app.database.write { try await NotificationRepository($0).insertApprovalReminders(today: day) }
            }
            #expect(try await remind(lastDay) == 1)
            #expect(try await remind(lastDay) == 0)
            #expect(try await remind(later) == 1)
            #expect(try await remind(later) == 0)
            let clerkFeed = try await app.request(.get, "/api/v1/notifications", token: clerk).json()["items"] as? [[String: Any]] ?? []
            #expect(Set(clerkFeed.compactMap { $0["kind"] as? String }).isSuperset(of: ["approval_due_today", "approval_overdue"]))
        }
    }
}
