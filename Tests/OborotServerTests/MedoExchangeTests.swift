import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import OborotDomain
import OborotExchange
@testable import OborotServer
import OborotStore
import OborotTestSupport
import Testing

@Suite("МЭДО: входящие пакеты, карантин, уведомления (API и папки IN/OUT)")
struct MedoExchangeTests {
    static let pdf = Array("%PDF-1.7\n1 0 obj<<>>endobj\n".utf8) + (0..<2000).map { UInt8($0 % 251) }
    static let signature: [UInt8] = [0x30, 0x82, 0x01, 0x00] + (0..<256).map { UInt8($0 % 7) }

    /// A signed 2.7.1 letter from a federal ministry, addressed by uid to the test region's ministry.
    static func letter(
        uid: String = "doc-\(UUID().uuidString.prefix(8))", destination: String = "MINFIN-TO",
        addressee: String = "Министерство финансов Тестовой области", classification: String? = nil,
        signature: [UInt8] = MedoExchangeTests.signature
    ) throws -> [String: [UInt8]] {
        let document = MedoDocument(
            uid: uid, kind: "Письмо", number: "ДБ-12/345", date: CalendarDate(year: 2026, month: 11, day: 30)!,
            classification: classification, annotation: "О финансировании ремонта автомобильных дорог", pages: 2,
            signatories: [MedoParticipant(organization: "Минтранс России", person: "Петров П.П.", post: "Заместитель Министра")],
            addressees: [MedoParticipant(organization: addressee)],
            destinations: [MedoDestination(uid: destination, organization: addressee)],
            files: [MedoFile(name: "main.pdf", bytes: pdf, role: .main, pages: 2, signatures: [MedoSignature(name: "main.pdf.p7s", bytes: signature)])])
        let packet = MedoPacket(
            version: "2.7.1",
            header: MedoHeader(
                type: .document, uid: "packet-\(uid)", created: Date(), sourceUID: "MINTRANS-0004",
                sourceOrganization: "Министерство транспорта Российской Федерации"),
            content: .document(document))
        return try MedoPacketWriter.write(packet).get()
    }

    /// Puts a packet folder into IN as the transport client would, written a while ago (settled).
    static func drop(_ files: [String: [UInt8]], into directory: String, name: String) throws {
        let folder = (directory as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (file, bytes) in files {
            let path = (folder as NSString).appendingPathComponent(file)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: path)
        }
        // Writing the files touched the folder too: the whole folder was written a while ago.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: folder)
    }

    static func folders(_ app: TestApp) -> MedoFolders {
        let configuration = app.configuration
        return MedoFolders(
            inbox: MedoInbox(
                database: app.database, blobs: BlobStore(root: configuration.blobDirectory),
                quarantineDirectory: configuration.medoQuarantine),
            database: app.database, inDirectory: configuration.medoIn, outDirectory: configuration.medoOut,
            logger: Logger(label: "medo-test"))
    }

    static func addMinistryParticipant(_ app: TestApp) async throws {
        let admin = try await app.signIn("region.admin")
        let added = try await app.request(
            .post, "/api/v1/medo/participants", token: admin,
            json: #"{"uid":"MINFIN-TO","name":"Минфин ТО","organizationId":"\#(app.fixture.ministry.id)"}"#)
        guard added.status == .created else { throw UnexpectedResponse(added) }
    }

    @Test("a 2.7.1 packet dropped into IN becomes an incoming card; registered, it sends «Зарегистрирован» with our number to OUT; the same packet again changes nothing",
          arguments: TestDatabaseKind.available)
    func inboundToAccepted(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            try await Self.addMinistryParticipant(app)
            let folders = Self.folders(app)
            let letter = try Self.letter(uid: "doc-1")
            try Self.drop(letter, into: app.configuration.medoIn, name: "packet-1")
            #expect(await folders.scanInbox() == 1)
            #expect(!FileManager.default.fileExists(atPath: (app.configuration.medoIn as NSString).appendingPathComponent("packet-1")))

            let clerk = try await app.signIn("minfin.clerk")
            let packets = try await app.request(.get, "/api/v1/medo/packets?direction=in", token: clerk).json()["items"] as? [[String: Any]] ?? []
            #expect(packets.count == 1)
            #expect(packets.first?["state"] as? String == "received")
            #expect((packets.first?["signatureCheck"] as? String)?.hasPrefix("main.pdf: подпись не подтверждена") == true)
            let cardID = try #require(packets.first?["documentId"] as? String)
            let card = try await app.request(.get, "/api/v1/documents/\(cardID)", token: clerk).json()
            #expect(card["kind"] as? String == "incoming" && card["state"] as? String == "draft")
            #expect(card["correspondentNumber"] as? String == "ДБ-12/345")
            #expect(card["deliveryMethod"] as? String == "medo")
            #expect((card["correspondent"] as? [String: Any])?["name"] as? String == "Министерство транспорта Российской Федерации")
            let names = Set((card["attachments"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
            #expect(names == ["main.pdf", "main.pdf.p7s"])

            // The same packet delivered again (or uploaded) is the same packet: no second card.
            try Self.drop(letter, into: app.configuration.medoIn, name: "packet-1-again")
            #expect(await folders.scanInbox() == 1)
            #expect(try await app.count("medo_packets") == 1)

            // Registration queues «Зарегистрирован» with our number; the job writes it to OUT.
            let registered = try await app.request(
                .post, "/api/v1/documents/\(cardID)/transitions", token: clerk,
                json: #"{"event":"register","version":1,"journalId":"\#(app.fixture.journal(for: .incoming).id)"}"#)
            #expect(registered.status == .ok, "\(registered.text)")
            let number = try #require((try registered.json()["registration"] as? [String: Any])?["number"] as? String)
            #expect(try await folders.flushOutbox() == 1)
            let out = try FileManager.default.contentsOfDirectory(atPath: app.configuration.medoOut).filter { !$0.hasPrefix(".") }
            #expect(out.count == 1)
            let written = try #require(Self.files(in: (app.configuration.medoOut as NSString).appendingPathComponent(out[0])))
            let notice = try MedoPacketReader.read(files: written).get()
            guard case .notification(let notification) = notice.content, case .accepted(let acceptance) = notification.event else {
                Issue.record("expected documentAccepted, got \(notice.content)")
                return
            }
            #expect(notification.documentUID == "doc-1")
            #expect(acceptance.number == number)
            #expect(notice.header.sourceUID == "MINFIN-TO")
            let log = try await app.request(.get, "/api/v1/documents/\(cardID)/exchange", token: clerk).jsonArray()
            #expect(log.map { $0["direction"] as? String } == ["out", "in"])
            #expect(log.first?["state"] as? String == "written")
            #expect(try await folders.flushOutbox() == 0)

            // Another body's registrar sees neither the packets nor the card.
            try await DeliveryAPITests.prepareRecipients(app)
            let district = try await app.signIn("district.admin")
            #expect((try await app.request(.get, "/api/v1/medo/packets", token: district).json()["items"] as? [[String: Any]])?.isEmpty == true)
            #expect(try await app.request(.get, "/api/v1/documents/\(cardID)/exchange", token: district).status == .notFound)

            // A ДСП letter arrives too: only those given access (the ministry's registrar) see the card.
            try Self.drop(try Self.letter(uid: "doc-dsp", classification: "Информация ограниченного распространения"), into: app.configuration.medoIn, name: "packet-dsp")
            #expect(await folders.scanInbox() == 1)
            let dsp = try await app.request(.get, "/api/v1/medo/packets?state=received", token: clerk).json()["items"] as? [[String: Any]] ?? []
            let dspCardID = try #require(dsp.first { $0["documentUid"] as? String == "doc-dsp" }?["documentId"] as? String)
            let dspCard = try await app.request(.get, "/api/v1/documents/\(dspCardID)", token: clerk).json()
            #expect(dspCard["accessMark"] as? String == "restricted")
            #expect(try await app.request(.get, "/api/v1/documents/\(dspCardID)", token: try await app.signIn("minister")).status == .notFound)

            // The operator's ticket for our notification marks it delivered.
            let ticket = try MedoPacketWriter.write(MedoPacket(
                version: "2.7.1",
                header: MedoHeader(type: .ticket, uid: "ticket-1", created: Date(), sourceUID: "MEDO-OPERATOR", sourceOrganization: "Оператор МЭДО"),
                content: .ticket(MedoTicket(messageUID: out[0], time: Date(), accepted: true)))).get()
            try Self.drop(ticket, into: app.configuration.medoIn, name: "ticket-1")
            #expect(await folders.scanInbox() == 1)
            let after = try await app.request(.get, "/api/v1/documents/\(cardID)/exchange", token: clerk).jsonArray()
            #expect(after.first { $0["direction"] as? String == "out" }?["state"] as? String == "delivered")
        }
    }

    @Test("bad packets are quarantined with their reasons and a copy of their files; the watcher goes on; a refusal sends «Отказано в регистрации»",
          arguments: TestDatabaseKind.available)
    func quarantineAndRefusal(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            try await Self.addMinistryParticipant(app)
            let folders = Self.folders(app)
            var missingSignature = try Self.letter(uid: "doc-2")
            // A container without the .p7s it lists: rebuilt by hand below would be long; a broken XML is enough here.
            missingSignature["message.xml"] = Array("<broken".utf8)
            try Self.drop(missingSignature, into: app.configuration.medoIn, name: "a-broken-xml")
            try Self.drop(try Self.letter(uid: "doc-3", destination: "NOBODY", addressee: "Администрация города Энска"), into: app.configuration.medoIn, name: "b-unknown-addressee")
            try Self.drop(["readme.txt": Array("не пакет".utf8)], into: app.configuration.medoIn, name: "c-no-xml")
            try Self.drop(try Self.letter(uid: "doc-4"), into: app.configuration.medoIn, name: "d-good")
            // A folder with a sub-folder is moved into the quarantine whole; an empty one is left to be filled.
            try Self.drop(["message.xml": Array("<x/>".utf8)], into: app.configuration.medoIn, name: "e-nested")
            let nested = (app.configuration.medoIn as NSString).appendingPathComponent("e-nested")
            try FileManager.default.createDirectory(atPath: (nested as NSString).appendingPathComponent("sub"), withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: (nested as NSString).appendingPathComponent("sub"))
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: nested)
            let empty = (app.configuration.medoIn as NSString).appendingPathComponent("f-empty")
            try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: empty)
            #expect(await folders.scanInbox() == 5)
            #expect(FileManager.default.fileExists(atPath: empty))
            #expect(!FileManager.default.fileExists(atPath: nested))

            let clerk = try await app.signIn("minfin.clerk")
            // Packets about no card may concern any body: the region's own clerks see them, a ministry's do not.
            #expect((try await app.request(.get, "/api/v1/medo/packets?state=quarantined", token: clerk).json()["items"] as? [[String: Any]])?.isEmpty == true)
            let regionAdmin = try await app.signIn("region.admin")
            let quarantined = try await app.request(.get, "/api/v1/medo/packets?state=quarantined", token: regionAdmin).json()["items"] as? [[String: Any]] ?? []
            #expect(quarantined.count == 4)
            #expect(quarantined.contains { $0["reasonCode"] as? String == "nested_entry" })
            #expect(Set(quarantined.compactMap { $0["reasonCode"] as? String }).contains("unknown_addressee"))
            #expect(quarantined.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
            let copies = try FileManager.default.contentsOfDirectory(atPath: app.configuration.medoQuarantine)
            #expect(copies.count == 4)
            // Nothing half-made: only the good packet has a card.
            #expect(try await app.count("documents") == 1)
            // Registrars and admins see the quarantine, others do not; only admins see the XML.
            #expect(try await app.request(.get, "/api/v1/medo/packets", token: try await app.signIn("economist")).status == .forbidden)
            #expect(try await app.request(.get, "/api/v1/medo/packets?state=lost", token: clerk).status == .unprocessableContent)

            // An upload of a non-zip is quarantined too, never an error page.
            var headers: HTTPFields = [.contentType: "application/zip", .authorization: "Bearer \(clerk)"]
            headers[.accept] = "application/json"
            let upload = try await app.client.execute(uri: "/api/v1/medo/packets", method: .post, headers: headers, body: ByteBuffer(string: "not a zip"))
            #expect(upload.status == .created)
            #expect((try upload.json())["state"] as? String == "quarantined")
            let uploadID = try #require((try upload.json())["id"] as? String)
            #expect(try await app.request(.get, "/api/v1/medo/packets/\(uploadID)", token: clerk).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/medo/packets/\(uploadID)", token: regionAdmin).status == .ok)

            // The good one is refused by the registrar: «Отказано в регистрации» with the reason goes to OUT.
            let good = try await app.request(.get, "/api/v1/medo/packets?state=received", token: clerk).json()["items"] as? [[String: Any]] ?? []
            let cardID = try #require(good.first?["documentId"] as? String)
            let refused = try await app.request(.post, "/api/v1/documents/\(cardID)/refuse", token: clerk, json: #"{"reason":"Направлено не по адресу"}"#)
            #expect(refused.status == .ok, "\(refused.text)")
            #expect(try await folders.flushOutbox() == 1)
            let out = try FileManager.default.contentsOfDirectory(atPath: app.configuration.medoOut).filter { !$0.hasPrefix(".") }
            let notice = try MedoPacketReader.read(files: try #require(Self.files(in: (app.configuration.medoOut as NSString).appendingPathComponent(out[0])))).get()
            guard case .notification(let notification) = notice.content, case .refused(let refusal) = notification.event else {
                Issue.record("expected documentRefused, got \(notice.content)")
                return
            }
            #expect(refusal.reason == "Направлено не по адресу")
            #expect(notification.documentUID == "doc-4")
        }
    }

    @Test("a signed letter to a federal body on the МЭДО network goes out as a 2.7.1 packet (PDF, .p7s, stamp, routing); its ticket and the body's «Зарегистрирован» show in the letter's exchange log",
          arguments: TestDatabaseKind.available)
    func outboundLetter(kind: TestDatabaseKind) async throws {
        try await TestApp.run(kind) { app in
            let fixture = app.fixture
            try await DeliveryAPITests.prepareRecipients(app)
            let admin = try await app.signIn("region.admin")
            #expect(try await app.request(
                .post, "/api/v1/medo/participants", token: admin,
                json: #"{"uid":"FED-0001","name":"ООО «Дорожник»","correspondentId":"\#(fixture.correspondent.id)"}"#).status == .created)
            #expect(try await app.request(.post, "/api/v1/medo/participants", token: admin, json: #"{"uid":"FED-0001","name":"Ещё","correspondentId":"\#(fixture.correspondent.id)"}"#)
                .problemCode == "medo_participant_exists")
            #expect(try await app.request(.post, "/api/v1/medo/participants", token: admin, json: #"{"uid":"X 1","name":""}"#).status == .unprocessableContent)
            let clerk = try await app.signIn("minfin.clerk")
            let letterID = try await DeliveryAPITests.sentLetter(app, to: [fixture.district])

            // Without an electronic signature on the PDF nothing goes anywhere.
            #expect(try await app.request(.post, "/api/v1/documents/\(letterID)/send", token: clerk).problemCode == "medo_needs_signed_pdf")
            #expect(try await app.count("deliveries") == 0)

            let p7s: [UInt8] = [0x30, 0x80] + Array("подпись".utf8)
            let blob = try await BlobStore(root: app.configuration.blobDirectory).ingest(bytes: p7s)
            try await app.database.write { db in
                let id = try #require(UUID(uuidString: letterID))
                try await AttachmentRepository(db).recordBlob(sha256: blob.sha256, size: blob.size, mimeType: "application/pkcs7-signature")
                let file = try #require(try await AttachmentRepository(db).summaries(documentID: id).first)
                let version = try #require(file.versions.first)
                try await SignatureRepository(db).insert(StoredSignature(
                    id: UUID(), documentID: id, attachmentID: file.id, attachmentVersionID: version.id, versionNumber: 1,
                    contentSHA256: version.sha256, signatureSHA256: blob.sha256, signerUserID: fixture.ministryAdmin.userID,
                    signerEmployeeID: fixture.ministryAdmin.employeeID,
                    certificate: CertificateFacts(
                        serialNumberHex: "01", subject: "CN=Министерская", commonName: "Министерская", organization: nil, issuer: "CN=УЦ",
                        notBefore: Date().addingTimeInterval(-86400), notAfter: Date().addingTimeInterval(86400), fingerprintSHA256: "00"),
                    algorithm: "ECDSA P-256 SHA-256", claimedSigningTime: nil, signedAt: Date(), verificationCode: "TESTCODE01"))
            }
            let sent = try await app.request(.post, "/api/v1/documents/\(letterID)/send", token: clerk)
            #expect(sent.status == .ok, "\(sent.text)")
            #expect(try sent.jsonArray().count == 1)  // the district; the federal body is in the exchange log
            #expect(try await app.request(.post, "/api/v1/documents/\(letterID)/send", token: clerk).problemCode == "already_delivered")

            let folders = Self.folders(app)
            #expect(try await folders.flushOutbox() == 1)
            let out = try FileManager.default.contentsOfDirectory(atPath: app.configuration.medoOut).filter { !$0.hasPrefix(".") }
            let packet = try MedoPacketReader.read(files: try #require(Self.files(in: (app.configuration.medoOut as NSString).appendingPathComponent(out[0])))).get()
            guard case .document(let document) = packet.content else {
                Issue.record("expected a document, got \(packet.content)")
                return
            }
            #expect(packet.version == "2.7.1")
            #expect(document.uid == letterID && document.number == "1-исх")
            #expect(document.destinations.map(\.uid) == ["FED-0001"])
            #expect(document.mainFile?.bytes == ApprovalAPITests.letter)
            #expect(document.mainFile?.signatures.first?.bytes == p7s)
            #expect(document.files.contains { $0.role == .stamp && $0.stampPosition != nil })

            // The operator's ticket and the body's registration notice come back.
            let ticket = try MedoPacketWriter.write(MedoPacket(
                version: "2.7.1",
                header: MedoHeader(type: .ticket, uid: "t-\(out[0])", created: Date(), sourceUID: "MEDO-OPERATOR", sourceOrganization: "Оператор МЭДО"),
                content: .ticket(MedoTicket(messageUID: out[0], time: Date(), accepted: true)))).get()
            let accepted = try MedoPacketWriter.write(MedoPacket(
                version: "2.7.1",
                header: MedoHeader(type: .notification, uid: "n-1", created: Date(), sourceUID: "FED-0001", sourceOrganization: "ООО «Дорожник»"),
                content: .notification(MedoNotification(
                    documentUID: letterID,
                    event: .accepted(MedoAcceptance(time: Date(), number: "33306/МС", date: CalendarDate(year: 2026, month: 12, day: 1)!)))))).get()
            try Self.drop(ticket, into: app.configuration.medoIn, name: "t1")
            try Self.drop(accepted, into: app.configuration.medoIn, name: "n1")
            #expect(await folders.scanInbox() == 2)
            let log = try await app.request(.get, "/api/v1/documents/\(letterID)/exchange", token: clerk).jsonArray()
            #expect(log.contains { $0["direction"] as? String == "out" && $0["state"] as? String == "delivered" })
            #expect(log.contains { $0["label"] as? String == "Зарегистрирован" && ($0["reason"] as? String)?.contains("33306/МС") == true })
        }
    }

    static let pki = Result { try TestPKI.make() }

    @Test("the signatures of an inbound packet are checked against the region's trust store: a good one names its owner",
          arguments: TestDatabaseKind.available)
    func inboundSignatureCheck(kind: TestDatabaseKind) async throws {
        let pki = try Self.pki.get()
        try await TestApp.run(kind) { app in
            try await Self.addMinistryParticipant(app)
            let regionAdmin = try await app.signIn("region.admin")
            let trusted = try await ApprovalAPITests.upload(app, "/api/v1/trust-store", token: regionAdmin, bytes: Array(pki.chainPEM().utf8))
            #expect(trusted.status == .created, "\(trusted.text)")
            let signer = try pki.issueSigner(commonName: "Петров Пётр", organization: "Минтранс России")
            let good = Array(try pki.signDetached(Data(Self.pdf), by: signer))
            try Self.drop(try Self.letter(uid: "doc-signed", signature: good), into: app.configuration.medoIn, name: "signed")
            #expect(await Self.folders(app).scanInbox() == 1)
            let clerk = try await app.signIn("minfin.clerk")
            let packets = try await app.request(.get, "/api/v1/medo/packets?state=received", token: clerk).json()["items"] as? [[String: Any]] ?? []
            let check = try #require(packets.first?["signatureCheck"] as? String)
            #expect(check.hasPrefix("main.pdf: подпись действительна — Петров Пётр"), "\(check)")
        }
    }

    static func files(in folder: String) -> [String: [UInt8]]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        var files: [String: [UInt8]] = [:]
        for name in names { files[name] = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)).map(Array.init) }
        return files
    }
}
