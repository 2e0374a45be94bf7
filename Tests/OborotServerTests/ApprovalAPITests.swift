import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import OborotDomain
import OborotServer
import OborotStore
import OborotTestSupport
import Testing

@Suite("Согласование и электронная подпись (API)")
struct ApprovalAPITests {
    static let pki = Result { try TestPKI.make() }
    static let letter = Array("%PDF-1.7\n".utf8) + (0..<3000).map { UInt8($0 % 199) }

    /// An outgoing draft of the ministry signed by its administrator, with one PDF; returns (document, attachment).
    static func draft(_ app: TestApp, author: String) async throws -> (String, String) {
        let created = try await app.request(
            .post, "/api/v1/documents", token: author,
            json: #"{"organizationId":"\#(app.fixture.ministry.id)","kind":"outgoing","title":"О финансировании ремонта дорог","addressees":[{"correspondentId":"\#(app.fixture.correspondent.id)"}],"signerEmployeeId":"\#(app.fixture.ministryAdmin.employeeID)","executorEmployeeId":"\#(app.fixture.clerk.employeeID)"}"#)
        guard created.status == .created else { throw UnexpectedResponse(created) }
        let id = try created.json()["id"] as? String ?? ""
        let uploaded = try await upload(app, "/api/v1/documents/\(id)/files?name=letter.pdf", token: author, bytes: letter)
        guard uploaded.status == .created else { throw UnexpectedResponse(uploaded) }
        return (id, try uploaded.json()["attachmentId"] as? String ?? "")
    }

    static func upload(_ app: TestApp, _ uri: String, token: String?, bytes: [UInt8], contentType: String = "application/octet-stream") async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await app.client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: bytes))
    }

    static func decide(_ app: TestApp, _ token: String, _ id: String, _ decision: String, comment: String? = nil) async throws -> TestResponse {
        let text = comment.map { #","comment":"\#($0)""# } ?? ""
        return try await app.request(.post, "/api/v1/documents/\(id)/approval/decisions", token: token, json: #"{"decision":"\#(decision)"\#(text)}"#)
    }

    @Test("a draft through a mixed route, refused once, restarted by a new version, signed, registered and verified by anyone",
          arguments: TestDatabaseKind.available)
    func draftToVerifiedSignature(kind: TestDatabaseKind) async throws {
        let pki = try Self.pki.get()
        try await TestApp.run(kind) { app in
            let fixture = app.fixture
            let author = try await app.signIn("minfin.admin")
            let clerk = try await app.signIn("minfin.clerk")
            let minister = try await app.signIn("minister")
            let economist = try await app.signIn("economist")
            let regionAdmin = try await app.signIn("region.admin")
            let (id, attachment) = try await Self.draft(app, author: author)

            // Stage 1: the registrar; stage 2: the minister and the economist in parallel.
            let route = #"{"stages":[[{"userId":"\#(fixture.clerk.userID)"}],[{"userId":"\#(fixture.minister.userID)"},{"userId":"\#(fixture.economist.userID)","workingDays":5}]],"restartMode":"route"}"#
            #expect(try await app.request(.post, "/api/v1/documents/\(id)/approval", token: economist, json: route).status == .notFound)
            let started = try await app.request(.post, "/api/v1/documents/\(id)/approval", token: author, json: route)
            #expect(started.status == .created, "\(started.text)")
            #expect(try started.json()["state"] as? String == "in_progress")
            #expect(try await app.request(.post, "/api/v1/documents/\(id)/approval", token: author, json: route).problemCode == "approval_route_exists")
            let bad = try await app.request(.post, "/api/v1/documents/\(id)/approval/decisions", token: clerk, json: #"{"decision":"maybe"}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(try await app.request(.post, "/api/v1/documents/\(id)/approval/decisions", token: clerk, json: "{oops").status == .badRequest)

            // The minister's turn has not come; the registrar approves; the minister finds it in the inbox.
            #expect(try await Self.decide(app, minister, id, "approved").problemCode == "approval_step_not_active")
            #expect(try await Self.decide(app, clerk, id, "approved").status == .ok)
            let inbox = try await app.request(.get, "/api/v1/approvals", token: minister).json()["items"] as? [[String: Any]] ?? []
            #expect(inbox.map { $0["documentId"] as? String } == [id])
            // The approver was given access to the draft to read it.
            #expect(try await app.request(.get, "/api/v1/documents/\(id)", token: minister).status == .ok)

            // A refusal needs a reason; it ends the round and signing is blocked.
            #expect(try await Self.decide(app, economist, id, "rejected").status == .unprocessableContent)
            let refused = try await Self.decide(app, economist, id, "rejected", comment: "Нет расчёта")
            #expect(try refused.json()["state"] as? String == "rejected")
            let signer = try pki.issueSigner(commonName: "Министерская Мария", organization: "Минфин ТО")
            let early = try await Self.upload(
                app, "/api/v1/documents/\(id)/files/\(attachment)/signatures", token: author,
                bytes: Array(try pki.signDetached(Data(Self.letter), by: signer)))
            #expect(early.problemCode == "approval_required", "\(early.text)")
            // Nor does the paper-signature mark get around the refusal.
            let card = try await app.request(.get, "/api/v1/documents/\(id)", token: author).json()
            let cardVersion = try #require(card["version"] as? Int)
            let marked = try await app.request(
                .post, "/api/v1/documents/\(id)/transitions", token: author, json: #"{"event":"sign","version":\#(cardVersion)}"#)
            #expect(marked.problemCode == "approval_required", "\(marked.text)")

            // A new version restarts the route from the first stage; everyone approves.
            let revised = Self.letter + Array("расчёт приложен".utf8)
            let newVersion = try await Self.upload(app, "/api/v1/documents/\(id)/files/\(attachment)/versions?name=letter.pdf", token: author, bytes: revised)
            #expect(newVersion.status == .created, "\(newVersion.text)")
            let afterUpload = try await app.request(.get, "/api/v1/documents/\(id)/approval", token: author).json()
            #expect(afterUpload["round"] as? Int == 2)
            #expect(afterUpload["state"] as? String == "in_progress")
            #expect(try await Self.decide(app, clerk, id, "approved").status == .ok)
            #expect(try await Self.decide(app, minister, id, "approved_with_remarks", comment: "Сократить вводную часть").status == .ok)
            let approved = try await Self.decide(app, economist, id, "approved")
            #expect(try approved.json()["state"] as? String == "approved")

            // Trust store and binding belong to the region's administrator.
            #expect(try await Self.upload(app, "/api/v1/trust-store", token: author, bytes: Array(pki.chainPEM().utf8)).status == .forbidden)
            let trusted = try await Self.upload(app, "/api/v1/trust-store", token: regionAdmin, bytes: Array(pki.chainPEM().utf8))
            #expect(trusted.status == .created, "\(trusted.text)")
            let leaf = try await Self.upload(app, "/api/v1/trust-store", token: regionAdmin, bytes: Array(signer.certificatePEM.utf8))
            #expect(leaf.problemCode == "not_a_certificate_authority")

            let signatureURI = "/api/v1/documents/\(id)/files/\(attachment)/signatures"
            let goodSignature = Array(try pki.signDetached(Data(revised), by: signer))
            let unbound = try await Self.upload(app, signatureURI, token: author, bytes: goodSignature)
            #expect(unbound.problemCode == "signature_not_bound", "\(unbound.text)")
            let binding = try await app.request(
                .post, "/api/v1/certificate-bindings", token: regionAdmin,
                json: #"{"employeeId":"\#(fixture.ministryAdmin.employeeID)","subject":"\#(signer.subject)"}"#)
            #expect(binding.status == .created, "\(binding.text)")

            // Signatures over the old version, by a stranger, or malformed are refused with their reasons; nothing is signed.
            let oldBytes = try await Self.upload(app, signatureURI, token: author, bytes: Array(try pki.signDetached(Data(Self.letter), by: signer)))
            #expect(oldBytes.problemCode == "signature_content_mismatch")
            #expect(try await Self.upload(app, signatureURI, token: author, bytes: Array("мусор".utf8)).problemCode == "signature_malformed")
            #expect(try await Self.upload(app, signatureURI, token: clerk, bytes: goodSignature).status == .forbidden)
            // Only the current (approved) version is signed: the refused first version cannot be picked.
            let oldVersion = try await Self.upload(
                app, signatureURI + "?version=1", token: author, bytes: Array(try pki.signDetached(Data(Self.letter), by: signer)))
            #expect(oldVersion.problemCode == "signature_not_current_version", "\(oldVersion.text)")
            #expect(try await Self.upload(app, signatureURI + "?version=abc", token: author, bytes: goodSignature).status == .badRequest)
            #expect(try await app.count("signatures") == 0)

            // The signer signs: the letter is numbered at once in «Исходящие».
            let signed = try await Self.upload(app, signatureURI, token: author, bytes: goodSignature)
            #expect(signed.status == .created, "\(signed.text)")
            let result = try signed.json()
            let document = try #require(result["document"] as? [String: Any])
            #expect(document["state"] as? String == "registered")
            #expect(document["registrationNumber"] as? String == "1-исх")
            let signature = try #require(result["signature"] as? [String: Any])
            #expect((signature["certificate"] as? [String: Any])?["serialNumber"] as? String == signer.serialHex)
            let code = try #require(signature["verificationCode"] as? String)

            // The signed version takes no new versions, not even from the registrar who may still edit the card.
            let frozen = try await Self.upload(app, "/api/v1/documents/\(id)/files/\(attachment)/versions?name=letter.pdf", token: clerk, bytes: Self.letter)
            #expect(frozen.problemCode == "signed_version_frozen", "\(frozen.text)")

            // Anyone checks it: by the code printed as a QR code, and by file + signature.
            let byCode = try await app.request(.get, "/api/v1/verify/\(code)")
            #expect(byCode.status == .ok, "\(byCode.text)")
            let check = try byCode.json()
            #expect(check["valid"] as? Bool == true)
            #expect((check["registered"] as? [String: Any])?["registrationNumber"] as? String == "1-исх")
            #expect(try await app.request(.get, "/api/v1/verify/0000000000").status == .notFound)

            let boundary = "oborot-test-boundary"
            var form = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"letter.pdf\"\r\n\r\n".utf8) + revised
            form += Array("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"signature\"; filename=\"letter.pdf.p7s\"\r\n\r\n".utf8) + goodSignature
            form += Array("\r\n--\(boundary)--\r\n".utf8)
            let uploadedCheck = try await Self.upload(app, "/api/v1/verify", token: nil, bytes: form, contentType: "multipart/form-data; boundary=\(boundary)")
            #expect(uploadedCheck.status == .ok, "\(uploadedCheck.text)")
            let uploadedResult = try uploadedCheck.json()
            #expect(uploadedResult["valid"] as? Bool == true)
            #expect((uploadedResult["registered"] as? [String: Any])?["verificationCode"] as? String == code)
            // The same signature with another file is invalid, with the reason.
            var otherForm = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.pdf\"\r\n\r\n".utf8) + Self.letter
            otherForm += Array("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"signature\"; filename=\"x.p7s\"\r\n\r\n".utf8) + goodSignature
            otherForm += Array("\r\n--\(boundary)--\r\n".utf8)
            let mismatch = try await Self.upload(app, "/api/v1/verify", token: nil, bytes: otherForm, contentType: "multipart/form-data; boundary=\(boundary)").json()
            #expect(mismatch["valid"] as? Bool == false)
            #expect(mismatch["reasonCode"] as? String == "signature_content_mismatch")
            #expect(mismatch["registered"] == nil, "a signature that does not fit the file names no registered document")
        }
    }
}
