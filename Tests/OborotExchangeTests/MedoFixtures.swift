import Foundation
import OborotDomain
import OborotExchange
import ZIPFoundation

/// МЭДО packets built in the tests: envelopes as text, containers by ZIPFoundation, hostile archives byte by byte.
enum MedoFixture {
    static let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8)
    static let annexPDF = Array("%PDF-1.4\n% приложение\n%%EOF\n".utf8)
    /// Not a real CMS structure: the format layer carries signatures, it does not verify them.
    static let signature: [UInt8] = [0x30, 0x82, 0x01, 0x0A, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02]
    static let annexSignature: [UInt8] = [0x30, 0x82, 0x02, 0x0B, 0x06, 0x09, 0x2A, 0x86, 0x48]

    static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    /// `2026-03-28T09:15:00` Moscow time.
    static func moscow(_ text: String) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 3 * 3600)!
        let parts = text.split { $0 == "-" || $0 == "T" || $0 == ":" }.map { Int($0)! }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3],
                                                  minute: parts[4], second: parts[5]))!
    }

    // MARK: 2.2 (UTF-8, prefix xdms)

    static let legacy22 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xdms:communication xmlns:xdms="http://www.infpres.com/IEDMS" xdms:version="2.2">
          <xdms:header xdms:type="Документ" xdms:uid="3F2504E0-4F89-11D3-9A0C-0305E82C3301" xdms:created="2026-03-28T09:15:00">
            <xdms:source xdms:uid="MINFIN-0001"><xdms:organization>Министерство финансов Российской Федерации</xdms:organization></xdms:source>
          </xdms:header>
          <xdms:document xdms:uid="DOC-22-0001">
            <xdms:kind>Письмо</xdms:kind>
            <xdms:num><xdms:number>01-02-05/12345</xdms:number><xdms:date>2026-03-27</xdms:date></xdms:num>
            <xdms:signatories>
              <xdms:signatory><xdms:organization>Минфин России</xdms:organization><xdms:person>Иванов И.И.</xdms:person>
                <xdms:post>Заместитель Министра</xdms:post><xdms:signed>2026-03-27</xdms:signed></xdms:signatory>
            </xdms:signatories>
            <xdms:addressees>
              <xdms:addressee><xdms:region>Ростовская область</xdms:region><xdms:organization>Правительство Ростовской области</xdms:organization>
                <xdms:person>Петров П.П.</xdms:person><xdms:post>Губернатор</xdms:post></xdms:addressee>
            </xdms:addressees>
            <xdms:pages>2</xdms:pages>
            <xdms:enclosuresPages>5</xdms:enclosuresPages>
            <xdms:annotation>О бюджете &amp; субсидиях на 2026 год</xdms:annotation>
            <xdms:executor><xdms:person>Сидорова А.А.</xdms:person><xdms:contactInfo>+7 495 000-00-00</xdms:contactInfo></xdms:executor>
            <xdms:comment>Срочно</xdms:comment>
          </xdms:document>
          <xdms:files>
            <xdms:file xdms:localName="letter.pdf" xdms:localId="1">
              <xdms:group>Текст документа</xdms:group><xdms:description>Письмо</xdms:description><xdms:pages>2</xdms:pages>
              <xdms:eds xdms:localName="letter.pdf.sig"/>
            </xdms:file>
            <xdms:file xdms:localName="annex.pdf" xdms:localId="2">
              <xdms:group>Текст приложения</xdms:group>
              <xdms:eds>MIIBCgYJKoZIhvcNAQcC</xdms:eds>
            </xdms:file>
          </xdms:files>
        </xdms:communication>
        """

    static func legacy22Folder(_ xml: String = legacy22) -> [String: [UInt8]] {
        ["document.xml": Array(xml.utf8), "letter.pdf": pdf, "letter.pdf.sig": signature, "annex.pdf": annexPDF]
    }

    // MARK: 2.5 (windows-1251, another prefix)

    static let legacy25 = """
        <?xml version="1.0" encoding="windows-1251"?>
        <m:communication xmlns:m="http://www.infpres.com/IEDMS" m:version="2.5">
          <m:header m:type="Документ" m:uid="A1B2C3D4-0000-0000-0000-000000002025" m:created="2026-02-10T14:05:30">
            <m:source m:uid="APPG-0002"><m:organization>Администрация Президента Российской Федерации</m:organization></m:source>
          </m:header>
          <m:document m:uid="DOC-25-0002">
            <m:kind>Обращение</m:kind>
            <m:num><m:number>А26-12345</m:number><m:date>2026-02-09</m:date></m:num>
            <m:classification>ДСП</m:classification>
            <m:annotation>Обращение гражданина Ёлкина Е.Е. «о ремонте дороги» № 7</m:annotation>
            <m:correspondents>
              <m:correspondent><m:organization>Управление Президента по работе с обращениями граждан</m:organization>
                <m:num><m:number>П-2026/77</m:number><m:date>2026-02-08</m:date></m:num></m:correspondent>
            </m:correspondents>
          </m:document>
          <m:files>
            <m:file m:localName="appeal.pdf" m:localId="1"><m:group>Текст документа</m:group></m:file>
          </m:files>
        </m:communication>
        """

    /// Just enough windows-1251 for the fixtures: ASCII, Cyrillic, Ё/ё, №, guillemets.
    static func windows1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0..<0x80: UInt8(scalar.value)
            case 0x410...0x44F: UInt8(scalar.value - 0x410 + 0xC0)
            case 0x401: 0xA8
            case 0x451: 0xB8
            case 0x2116: 0xB9
            case 0xAB: 0xAB
            case 0xBB: 0xBB
            default: fatalError("no windows-1251 byte for \(scalar) in the fixture")
            }
        }
    }

    static func legacy25Folder() -> [String: [UInt8]] {
        ["document.xml": windows1251(legacy25), "appeal.pdf": pdf]
    }

    // MARK: Container passports (2.7 and 2.7.1 share the shape)

    static func passport(namespace: String, mainSignature: Bool = true, extraFile: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <c:container xmlns:c="\(namespace)" c:uid="DOC-27-0003" c:version="1.0">
          <c:requisites>
            <c:documentKind>Письмо</c:documentKind>
            <c:registration><c:number>ИС-15/2026</c:number><c:date>2026-03-30</c:date></c:registration>
            <c:classification>Информация ограниченного распространения</c:classification>
            <c:annotation>О предоставлении сведений</c:annotation>
            <c:pages>3</c:pages>
          </c:requisites>
          <c:signatories><c:signatory><c:person>Смирнов С.С.</c:person><c:post>Министр</c:post><c:signed>2026-03-30</c:signed></c:signatory></c:signatories>
          <c:addressees><c:addressee><c:organization>Правительство Ростовской области</c:organization></c:addressee></c:addressees>
          <c:files>
            <c:file c:localName="main.pdf" role="main">
              <c:description>Текст письма</c:description><c:pages>3</c:pages>
              \(mainSignature ? #"<c:signature localName="main.pdf.p7s"/>"# : "")
            </c:file>
            <c:file localName="stamp1.png" role="stamp">
              <c:stampPosition page="1" x="120.5" y="20" width="60" height="25"/>
            </c:file>
            <c:file localName="annex1.pdf" role="annex"><c:signature localName="annex1.pdf.p7s"/></c:file>
            \(extraFile)
          </c:files>
        </c:container>
        """
    }

    static let stampPNG = MedoStampImage.framedRectangle(width: 60, height: 25)

    static func containerEntries(passport: String) -> [(String, [UInt8])] {
        [("passport.xml", Array(passport.utf8)), ("main.pdf", pdf), ("main.pdf.p7s", signature),
         ("stamp1.png", stampPNG), ("annex1.pdf", annexPDF), ("annex1.pdf.p7s", annexSignature)]
    }

    // MARK: 2.7 (document.xml naming a transport container)

    static func legacy27Envelope(body: String = "cont0003.zip") -> String {
        """
        <?xml version="1.0" encoding="windows-1251"?>
        <xdms:communication xmlns:xdms="http://www.infpres.com/IEDMS" xdms:version="2.7">
          <xdms:header xdms:type="Транспортный контейнер" xdms:uid="C0FFEE00-0000-0000-0000-000000000027" xdms:created="2026-03-30T11:00:00+03:00">
            <xdms:source xdms:uid="MINEC-0003"><xdms:organization>Министерство экономического развития</xdms:organization></xdms:source>
          </xdms:header>
          <xdms:container><xdms:body>\(body)</xdms:body></xdms:container>
        </xdms:communication>
        """
    }

    static func legacy27Folder(entries: [(String, [UInt8])]? = nil) throws -> [String: [UInt8]] {
        let entries = entries ?? containerEntries(passport: passport(namespace: "http://minsvyaz.ru/container"))
        return ["document.xml": windows1251(legacy27Envelope()), "cont0003.zip": try zip(entries)]
    }

    // MARK: 2.7.1 (message.xml)

    static let message271 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <communication xmlns="urn:IEDMS:MESSAGE" version="2.7.1">
          <header type="Документ" uid="0E5B2C1A-7D3F-4F6A-9B1E-000000000271" created="2026-03-31T08:30:00Z">
            <source uid="MINTRANS-0004"><organization>Министерство транспорта Российской Федерации</organization></source>
          </header>
          <deliveryIndex>
            <destination>
              <destination uid="ROSTOV-0100"><organization>Правительство Ростовской области</organization></destination>
              <destination uid="KRASNODAR-0200"><organization>Администрация Краснодарского края</organization></destination>
            </destination>
          </deliveryIndex>
          <container><body>container.zip</body></container>
        </communication>
        """

    static func message271Folder(entries: [(String, [UInt8])]? = nil) throws -> [String: [UInt8]] {
        let entries = entries ?? containerEntries(passport: passport(namespace: "urn:IEDMS:CONTAINER"))
        return ["message.xml": Array(message271.utf8), "container.zip": try zip(entries)]
    }

    // MARK: Archives

    /// A real archive, deflated, by ZIPFoundation.
    static func zip(_ entries: [(String, [UInt8])], method: CompressionMethod = .deflate) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oborot-medo-tests")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(UUID().uuidString + ".zip")
        defer { try? FileManager.default.removeItem(at: url) }
        let archive = try Archive(url: url, accessMode: .create, pathEncoding: nil)
        for (name, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: method) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return [UInt8](try Data(contentsOf: url))
    }

    /// A stored archive written byte by byte, so names ZIPFoundation would clean up (`../x`, `/etc/x`) stay.
    static func rawZip(_ entries: [(String, [UInt8])]) -> [UInt8] {
        var output: [UInt8] = []
        var directory: [UInt8] = []
        for (name, bytes) in entries {
            let nameBytes = Array(name.utf8)
            var common: [UInt8] = le16(0x0800)
            common += le16(0)
            common += le16(0)
            common += le16(0x21)
            common += le32(crc32(bytes))
            common += le32(UInt32(bytes.count))
            common += le32(UInt32(bytes.count))
            common += le16(UInt16(nameBytes.count))
            common += le16(0)
            let offset = UInt32(output.count)
            output += le32(0x0403_4B50)
            output += le16(20)
            output += common
            output += nameBytes
            output += bytes
            directory += le32(0x0201_4B50)
            directory += le16(20)
            directory += le16(20)
            directory += common
            directory += [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
            directory += le32(offset)
            directory += nameBytes
        }
        var archive = output + directory
        archive += le32(0x0605_4B50)
        archive += [0, 0, 0, 0]
        archive += le16(UInt16(entries.count))
        archive += le16(UInt16(entries.count))
        archive += le32(UInt32(directory.count))
        archive += le32(UInt32(output.count))
        archive += [0, 0]
        return archive
    }

    /// Rewrites the declared uncompressed size of `name` in its local header and in the central directory.
    static func patchDeclaredSize(of name: String, in bytes: inout [UInt8], to size: UInt32) {
        let nameBytes = Array(name.utf8)
        var index = 0
        while index + 46 < bytes.count {
            let signature = UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
                | UInt32(bytes[index + 3]) << 24
            if signature == 0x0403_4B50, bytes[(index + 30)...].starts(with: nameBytes) {
                bytes.replaceSubrange((index + 22)..<(index + 26), with: le32(size))
            } else if signature == 0x0201_4B50, bytes[(index + 46)...].starts(with: nameBytes) {
                bytes.replaceSubrange((index + 24)..<(index + 28), with: le32(size))
            }
            index += 1
        }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }

    // MARK: Results

    static func packet(_ files: [String: [UInt8]], limits: MedoLimits = .standard) throws -> MedoPacket {
        try MedoPacketReader.read(files: files, limits: limits).get()
    }

    static func rejection(_ files: [String: [UInt8]], limits: MedoLimits = .standard) -> MedoRejection? {
        if case .failure(let rejection) = MedoPacketReader.read(files: files, limits: limits) { return rejection }
        return nil
    }

    static func document(_ packet: MedoPacket) -> MedoDocument? {
        if case .document(let document) = packet.content { return document }
        return nil
    }
}
