import Foundation
import OborotDomain
import OborotExchange
import Testing
import ZIPFoundation

@Suite("МЭДО: запись пакетов 2.7.1")
struct MedoWriterTests {
    static let created = MedoFixture.moscow("2026-04-01T16:20:05")

    static func header(_ type: MedoMessageType = .document) -> MedoHeader {
        MedoHeader(type: type, uid: "OUT-\"1\"&<2>", created: created, sourceUID: "ROSTOV-0100",
                   sourceOrganization: "Правительство Ростовской области")
    }

    static let document = MedoDocument(
        uid: "DOC-OUT-0001", kind: "Письмо", number: "1.2-15/123", date: MedoFixture.date("2026-04-01"),
        classification: "Информация ограниченного распространения",
        annotation: "О ходе работ: «A & B» <срочно> 'ответ' \"в течение 3 дней\"\r\nвторая строка",
        pages: 3, enclosuresPages: 7,
        signatories: [MedoParticipant(region: "Ростовская область", organization: "Правительство Ростовской области",
                                      person: "Голубев В.Ю.", department: "Аппарат", post: "Губернатор",
                                      signed: MedoFixture.date("2026-04-01"))],
        addressees: [MedoParticipant(organization: "Министерство транспорта Российской Федерации", person: "Министр")],
        correspondents: [MedoCorrespondent(organization: "Минтранс России", number: "01-2/345",
                                           date: MedoFixture.date("2026-03-20"))],
        executor: MedoParticipant(person: "Иванова И.И.", post: "Консультант"),
        comment: "Ответ на № 01-2/345",
        destinations: [MedoDestination(uid: "MINTRANS-0004", organization: "Министерство транспорта Российской Федерации")],
        files: [
            MedoFile(name: "main.pdf", bytes: MedoFixture.pdf, role: .main, description: "Текст письма", pages: 3,
                     signatures: [MedoSignature(name: "main.pdf.p7s", bytes: MedoFixture.signature),
                                  MedoSignature(name: "main.pdf.2.p7s", bytes: MedoFixture.annexSignature)]),
            MedoFile(name: "regstamp.png", bytes: MedoStampImage.framedRectangle(width: 80, height: 30), role: .stamp,
                     stampPosition: MedoStampPosition(page: 1, x: 15.5, y: 250, width: 80, height: 30)),
            MedoFile(name: "signstamp.png", bytes: MedoStampImage.framedRectangle(width: 90, height: 40), role: .stamp,
                     stampPosition: MedoStampPosition(page: 3, x: 100, y: 200.25, width: 90, height: 40)),
            MedoFile(name: "annex_1.pdf", bytes: MedoFixture.annexPDF, role: .annex, description: "Справка",
                     pages: 7, signatures: [MedoSignature(name: "annex_1.pdf.p7s", bytes: MedoFixture.annexSignature)]),
            MedoFile(name: "data.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04, 0x00], role: .other),
        ])

    static func write(_ content: MedoContent, type: MedoMessageType = .document) throws -> [String: [UInt8]] {
        try MedoPacketWriter.write(MedoPacket(version: "2.7.1", header: header(type), content: content)).get()
    }

    @Test("round trip: written by the writer, read back by the reader, the same requisites, bytes, signatures, stamps")
    func roundTrip() throws {
        let files = try Self.write(.document(Self.document))
        #expect(Set(files.keys) == ["message.xml", "container.zip"])
        let packet = try MedoFixture.packet(files)
        #expect(packet == MedoPacket(version: "2.7.1", header: Self.header(), content: .document(Self.document)))
    }

    @Test("the envelope: UTF-8 declaration, namespace, routing, container/body; escaping in text and attributes")
    func envelope() throws {
        let message = String(decoding: try Self.write(.document(Self.document))["message.xml"]!, as: UTF8.self)
        #expect(message.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<communication xmlns=\"urn:IEDMS:MESSAGE\" version=\"2.7.1\">"))
        #expect(message.contains("<header type=\"Документ\" uid=\"OUT-&quot;1&quot;&amp;&lt;2&gt;\" created=\"2026-04-01T16:20:05+03:00\">"))
        #expect(message.contains("<deliveryIndex>\n    <destination>\n      <destination uid=\"MINTRANS-0004\">"))
        #expect(message.contains("<container>\n    <body>container.zip</body>"))
    }

    @Test("the container holds the passport and every file flat, readable by another ZIP reader")
    func container() throws {
        let zip = try #require(try Self.write(.document(Self.document))["container.zip"])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("medo-\(UUID().uuidString).zip")
        try Data(zip).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let archive = try Archive(url: url, accessMode: .read, pathEncoding: nil)
        var entries: [String: [UInt8]] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            entries[entry.path] = [UInt8](data)
        }
        #expect(Set(entries.keys) == ["passport.xml", "main.pdf", "main.pdf.p7s", "main.pdf.2.p7s", "regstamp.png",
                                      "signstamp.png", "annex_1.pdf", "annex_1.pdf.p7s", "data.xlsx"])
        #expect(entries["main.pdf"] == MedoFixture.pdf)
        let passport = String(decoding: try #require(entries["passport.xml"]), as: UTF8.self)
        if ProcessInfo.processInfo.environment["MEDO_PEEK"] != nil { print(passport) }
        #expect(passport.firstMatch(of: try Regex("<[A-Za-z]+\\s*/>")) == nil)
        #expect(passport.firstMatch(of: try Regex("<([A-Za-z]+)>\\s*</\\1>")) == nil)
        #expect(passport.contains("<container xmlns=\"urn:IEDMS:CONTAINER\" uid=\"DOC-OUT-0001\""))
        #expect(passport.contains("<classification>Информация ограниченного распространения</classification>"))
        #expect(passport.contains("&lt;срочно&gt;") && passport.contains("«A &amp; B»") && passport.contains("&#13;"))
        #expect(passport.contains("<stampPosition page=\"1\" x=\"15.5\" y=\"250\" width=\"80\" height=\"30\"/>"))
    }

    @Test("no empty elements: optional requisites left out are not written at all")
    func noEmptyElements() throws {
        let minimal = MedoDocument(
            uid: "DOC-MIN", kind: "Письмо", number: "7", date: MedoFixture.date("2026-04-01"),
            signatories: [MedoParticipant()], files: [
                MedoFile(name: "main.pdf", bytes: MedoFixture.pdf, role: .main,
                         signatures: [MedoSignature(name: "main.pdf.p7s", bytes: MedoFixture.signature)]),
            ])
        let files = try Self.write(.document(minimal))
        let packet = try MedoFixture.packet(files)
        var expected = minimal
        expected.signatories = []  // a participant with nothing in it cannot be written
        #expect(packet.content == .document(expected))
        let message = String(decoding: files["message.xml"]!, as: UTF8.self)
        #expect(!message.contains("deliveryIndex"))
        let selfClosingBare = try Regex("<[A-Za-z]+\\s*/>")
        let openClose = try Regex("<([A-Za-z]+)>\\s*</\\1>")
        for xml in [message] {
            #expect(xml.firstMatch(of: selfClosingBare) == nil)
            #expect(xml.firstMatch(of: openClose) == nil)
        }
    }

    @Test("refuses to write what a recipient would refuse: no .p7s, no main document, names outside the rules")
    func writerRejections() throws {
        func rejection(_ document: MedoDocument) -> MedoRejection? {
            let packet = MedoPacket(version: "2.7.1", header: Self.header(), content: .document(document))
            if case .failure(let rejection) = MedoPacketWriter.write(packet) { return rejection }
            return nil
        }
        var unsigned = Self.document
        unsigned.files[0].signatures = []
        #expect(rejection(unsigned)?.code == "missing_signature")
        var noMain = Self.document
        noMain.files.removeFirst()
        #expect(rejection(noMain)?.code == "missing_main_document")
        for name in ["письмо.pdf", "bad-name.xml", "a b.pdf", "../main.pdf", "noextension", "x.pdf/", "passport.xml"] {
            var renamed = Self.document
            renamed.files[4].name = name
            #expect(rejection(renamed) != nil, "\(name)")
        }
        var xml = Self.document
        xml.files[4].name = "report2026.xml"
        #expect(rejection(xml) == nil)
        var word = Self.document
        word.files[0].bytes = [0x50, 0x4B, 0x03, 0x04]
        #expect(rejection(word)?.code == "main_not_pdf")
        var gif = Self.document
        gif.files[1].bytes = Array("GIF89a".utf8)
        #expect(rejection(gif)?.code == "stamp_not_png")
        var nowhere = Self.document
        nowhere.files[1].stampPosition?.x = .nan
        #expect(rejection(nowhere)?.code == "invalid_stamp_position")
        var blank = Self.document
        blank.number = "  "
        #expect(rejection(blank) == MedoRejection(code: "empty_value", reason: "Не заполнено обязательное поле «регистрационный номер»"))
    }

    @Test("notifications round trip: accepted with our number, refused with a reason, executor assigned, report sent")
    func notifications() throws {
        let events: [MedoNotification.Event] = [
            .accepted(MedoAcceptance(
                time: MedoFixture.moscow("2026-04-02T09:00:00"), number: "33306/МС", date: MedoFixture.date("2026-04-02"),
                foundation: MedoCorrespondent(organization: "Минтранс России", number: "01-2/345",
                                              date: MedoFixture.date("2026-03-31")),
                correspondent: MedoParticipant(region: "Ростовская область", organization: "Правительство Ростовской области"))),
            .refused(MedoRefusal(time: MedoFixture.moscow("2026-04-02T09:05:00"),
                                 reason: "Документ направлен не по адресу & без приложения")),
            .executorAssigned(executor: MedoParticipant(organization: "Минтранс области", person: "Кузнецов К.К.",
                                                        department: "Отдел дорог", post: "Начальник отдела")),
            .reportPrepared(signatory: MedoParticipant(person: "Орлов О.О.", signed: MedoFixture.date("2026-04-10"))),
            .reportSent(number: "1/2-34", date: MedoFixture.date("2026-04-11")),
            .courseChanged, .documentPublished,
        ]
        for event in events {
            let notification = MedoNotification(documentUID: "DOC-IN-9", event: event)
            let files = try Self.write(.notification(notification), type: .notification)
            #expect(Set(files.keys) == ["message.xml"])
            let packet = try MedoFixture.packet(files)
            #expect(packet.header.type == .notification)
            #expect(packet.content == .notification(notification))
            #expect(String(decoding: files["message.xml"]!, as: UTF8.self).contains("type=\"\(event.label)\""))
        }
        let noReason = MedoPacketWriter.write(MedoPacket(version: "2.7.1", header: Self.header(.notification), content:
            .notification(MedoNotification(documentUID: "D", event: .refused(MedoRefusal(time: Self.created, reason: ""))))))
        #expect(noReason.failure?.code == "empty_value")
    }

    @Test("a ticket round trips, delivered or not")
    func ticket() throws {
        for ticket in [MedoTicket(messageUID: "M-1", time: Self.created, accepted: true),
                       MedoTicket(messageUID: "M-2", time: Self.created, accepted: false, comment: "Адресат не найден")] {
            let packet = try MedoFixture.packet(try Self.write(.ticket(ticket), type: .ticket))
            #expect(packet.header.type == .ticket)
            #expect(packet.content == .ticket(ticket))
        }
    }

    @Test("the stamp PNG: signature, IHDR, chunk CRCs, zlib Adler-32, a frame around a transparent inside")
    func stampPNG() throws {
        let png = MedoStampImage.framedRectangle(width: 300, height: 250, border: 2)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        var chunks: [String: [UInt8]] = [:]
        var index = 8
        while index + 12 <= png.count {
            let length = Int(png[index]) << 24 | Int(png[index + 1]) << 16 | Int(png[index + 2]) << 8 | Int(png[index + 3])
            let typed = Array(png[(index + 4)..<(index + 8 + length)])
            let crc = png[(index + 8 + length)..<(index + 12 + length)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            #expect(crc == MedoFixture.crc32(typed))
            chunks[String(decoding: typed.prefix(4), as: UTF8.self)] = Array(typed.dropFirst(4))
            index += 12 + length
        }
        #expect(index == png.count)
        let header = try #require(chunks["IHDR"])
        #expect(header == [0, 0, 1, 0x2C, 0, 0, 0, 0xFA, 8, 6, 0, 0, 0])
        #expect(chunks["IEND"] == [])
        // Undo the stored blocks by hand.
        let zlib = try #require(chunks["IDAT"])
        #expect(zlib.prefix(2) == [0x78, 0x01])
        var raw: [UInt8] = []
        var cursor = 2
        var final = false
        while !final {
            final = zlib[cursor] & 1 == 1
            let length = Int(zlib[cursor + 1]) | Int(zlib[cursor + 2]) << 8
            #expect(Int(zlib[cursor + 3]) | Int(zlib[cursor + 4]) << 8 == ~length & 0xFFFF)
            raw += zlib[(cursor + 5)..<(cursor + 5 + length)]
            cursor += 5 + length
        }
        #expect(raw.count == (300 * 4 + 1) * 250)
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in raw { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        #expect(Array(zlib[cursor...]) == [UInt8(b >> 8), UInt8(b & 0xFF), UInt8(a >> 8), UInt8(a & 0xFF)])
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(raw[(y * 1201 + 1 + x * 4)..<(y * 1201 + 5 + x * 4)]) }
        #expect(pixel(0, 0) == [0x1F, 0x3A, 0x93, 0xFF])
        #expect(pixel(299, 249) == [0x1F, 0x3A, 0x93, 0xFF])
        #expect(pixel(1, 100) == [0x1F, 0x3A, 0x93, 0xFF])
        #expect(pixel(2, 100)[3] == 0)
        #expect(pixel(150, 125)[3] == 0)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
