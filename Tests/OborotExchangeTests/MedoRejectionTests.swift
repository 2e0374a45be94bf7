import Foundation
import OborotExchange
import Testing
import ZIPFoundation

@Suite("МЭДО: отказ в приёме пакетов с понятной причиной")
struct MedoRejectionTests {
    @Test("no message.xml or document.xml")
    func noMessageFile() {
        let rejection = MedoFixture.rejection(["letter.pdf": MedoFixture.pdf])
        #expect(rejection?.code == "no_message_file")
        #expect(rejection?.reason.contains("message.xml") == true)
    }

    @Test("a file listed in xdms:files but not in the folder is named in the reason")
    func missingLegacyFile() {
        var folder = MedoFixture.legacy22Folder()
        folder["annex.pdf"] = nil
        let rejection = MedoFixture.rejection(folder)
        #expect(rejection == MedoRejection(code: "missing_file",
                                           reason: "Не найден файл annex.pdf, указанный в document.xml (xdms:files)"))
        folder = MedoFixture.legacy22Folder()
        folder["letter.pdf.sig"] = nil
        #expect(MedoFixture.rejection(folder)?.reason.contains("letter.pdf.sig") == true)
    }

    @Test("a file listed in the passport but not in the container")
    func missingContainerFile() throws {
        let entries = MedoFixture.containerEntries(passport: MedoFixture.passport(namespace: "urn:IEDMS:CONTAINER"))
            .filter { $0.0 != "main.pdf" }
        let rejection = MedoFixture.rejection(try MedoFixture.message271Folder(entries: entries))
        #expect(rejection == MedoRejection(code: "missing_file",
                                           reason: "Не найден файл main.pdf, указанный в паспорте контейнера"))
    }

    @Test("the container zip named in container/body is missing; passport.xml is missing from it")
    func missingContainer() throws {
        var folder = try MedoFixture.message271Folder()
        folder["container.zip"] = nil
        #expect(MedoFixture.rejection(folder)?.reason
            == "Не найден файл container.zip, указанный в message.xml (container/body)")
        let noPassport = MedoFixture.containerEntries(passport: "").filter { $0.0 != "passport.xml" }
        #expect(MedoFixture.rejection(try MedoFixture.message271Folder(entries: noPassport))?.reason
            == "Не найден файл passport.xml, указанный в контейнере container.zip")
    }

    @Test("the main document without its .p7s, in 2.7 and in 2.7.1")
    func missingSignature() throws {
        for (namespace, build) in [
            ("http://minsvyaz.ru/container", MedoFixture.legacy27Folder),
            ("urn:IEDMS:CONTAINER", MedoFixture.message271Folder),
        ] as [(String, ([(String, [UInt8])]?) throws -> [String: [UInt8]])] {
            let entries = MedoFixture.containerEntries(passport: MedoFixture.passport(namespace: namespace,
                                                                                      mainSignature: false))
                .filter { $0.0 != "main.pdf.p7s" }
            let rejection = MedoFixture.rejection(try build(entries))
            #expect(rejection?.code == "missing_signature")
            #expect(rejection?.reason.contains("main.pdf") == true)
        }
    }

    @Test("2.7 and later: the main document must be a PDF and stamps PNG images")
    func containerFormats() throws {
        var entries = MedoFixture.containerEntries(passport: MedoFixture.passport(namespace: "urn:IEDMS:CONTAINER"))
        entries[1].1 = Array("PK\u{03}\u{04} a DOCX".utf8)
        #expect(MedoFixture.rejection(try MedoFixture.message271Folder(entries: entries))
            == MedoRejection(code: "main_not_pdf",
                             reason: "Основной документ main.pdf не в формате PDF, а в МЭДО 2.7 и новее он должен быть PDF"))
        entries = MedoFixture.containerEntries(passport: MedoFixture.passport(namespace: "http://minsvyaz.ru/container"))
        entries[3].1 = Array("GIF89a".utf8)
        #expect(MedoFixture.rejection(try MedoFixture.legacy27Folder(entries: entries))?.code == "stamp_not_png")
    }

    @Test("empty elements are refused with the element and line; whitespace-only counts as empty")
    func emptyElements() throws {
        let empty = MedoFixture.legacy22.replacingOccurrences(of: "<xdms:comment>Срочно</xdms:comment>",
                                                              with: "<xdms:comment/>")
        let rejection = MedoFixture.rejection(MedoFixture.legacy22Folder(empty))
        #expect(rejection?.code == "empty_element")
        #expect(rejection?.reason.contains("<comment>") == true)
        #expect(rejection?.reason.contains("строка 21") == true)
        let blank = MedoFixture.legacy22.replacingOccurrences(of: "<xdms:kind>Письмо</xdms:kind>",
                                                              with: "<xdms:kind>  </xdms:kind>")
        #expect(MedoFixture.rejection(MedoFixture.legacy22Folder(blank))?.code == "empty_element")
        let emptyPassport = MedoFixture.passport(namespace: "urn:IEDMS:CONTAINER")
            .replacingOccurrences(of: "<c:pages>3</c:pages>\n  </c:requisites>", with: "<c:pages></c:pages>\n  </c:requisites>")
        let inPassport = MedoFixture.rejection(try MedoFixture.message271Folder(
            entries: MedoFixture.containerEntries(passport: emptyPassport)))
        #expect(inPassport?.code == "empty_element")
        #expect(inPassport?.reason.contains("passport.xml") == true)
    }

    @Test("required data missing: the document number")
    func missingRequired() {
        let xml = MedoFixture.legacy22.replacingOccurrences(of: "<xdms:number>01-02-05/12345</xdms:number>", with: "")
        #expect(MedoFixture.rejection(MedoFixture.legacy22Folder(xml))
            == MedoRejection(code: "missing_element", reason: "В файле document.xml нет обязательного элемента <document/num/number>"))
    }

    @Test("malformed XML, a DTD, a second root, garbage bytes")
    func badXML() {
        let broken = MedoFixture.legacy22.replacingOccurrences(of: "</xdms:kind>", with: "</xdms:kin>")
        #expect(MedoFixture.rejection(MedoFixture.legacy22Folder(broken))?.code == "malformed_xml")
        let truncated = String(MedoFixture.legacy22.prefix(400))
        #expect(MedoFixture.rejection(MedoFixture.legacy22Folder(truncated))?.code == "malformed_xml")
        let dtd = MedoFixture.legacy22.replacingOccurrences(
            of: "?>\n", with: "?>\n<!DOCTYPE a [<!ENTITY x \"xxxxxxxx\"><!ENTITY y \"&x;&x;&x;&x;\">]>\n")
        #expect(MedoFixture.rejection(MedoFixture.legacy22Folder(dtd))?.code == "forbidden_dtd")
        #expect(MedoFixture.rejection(MedoFixture.legacy22Folder(MedoFixture.legacy22 + "<x>1</x>"))?.code == "malformed_xml")
        #expect(MedoFixture.rejection(["document.xml": [0x00, 0xFF, 0x13]])?.code == "missing_encoding")
        let other = MedoFixture.legacy22.replacingOccurrences(of: "http://www.infpres.com/IEDMS", with: "urn:other")
        #expect(MedoFixture.rejection(MedoFixture.legacy22Folder(other))?.code == "unknown_root")
    }

    @Test("a listed file name that is a path is refused before anyone could save it under that name")
    func unsafeListedNames() throws {
        for name in ["../../etc/passwd", "C:\\Windows\\evil.dll", "sub/letter.pdf"] {
            var folder = MedoFixture.legacy22Folder(MedoFixture.legacy22.replacingOccurrences(
                of: "xdms:localName=\"annex.pdf\"", with: "xdms:localName=\"\(name)\""))
            folder[name] = MedoFixture.annexPDF
            #expect(MedoFixture.rejection(folder)?.code == "unsafe_file_name", "\(name)")
        }
        let passport = MedoFixture.passport(namespace: "urn:IEDMS:CONTAINER",
                                            extraFile: #"<c:file c:localName="../x.pdf" role="other"/>"#)
        #expect(MedoFixture.rejection(try MedoFixture.message271Folder(
            entries: MedoFixture.containerEntries(passport: passport)))?.code == "unsafe_file_name")
    }

    @Test("elements are matched by namespace, not by local name alone: a kind in another namespace is not the kind")
    func namespaces() throws {
        let foreign = MedoFixture.legacy22.replacingOccurrences(
            of: "<xdms:kind>Письмо</xdms:kind>", with: "<o:kind xmlns:o=\"urn:other\">Письмо</o:kind>")
        #expect(MedoFixture.rejection(MedoFixture.legacy22Folder(foreign))?.reason
            == "В файле document.xml нет обязательного элемента <document/kind>")
        // The same namespace under the default prefix reads as well as under xdms:.
        let unprefixed = MedoFixture.legacy22.replacingOccurrences(
            of: "<xdms:kind>Письмо</xdms:kind>", with: "<kind xmlns=\"http://www.infpres.com/IEDMS\">Письмо</kind>")
        #expect(MedoFixture.document(try MedoFixture.packet(MedoFixture.legacy22Folder(unprefixed)))?.kind == "Письмо")
    }

    @Test("XML bombs by size and by depth")
    func xmlBombs() {
        let deep = String(repeating: "<xdms:comment>", count: 100) + "x" + String(repeating: "</xdms:comment>", count: 100)
        let nested = MedoFixture.legacy22.replacingOccurrences(of: "<xdms:comment>Срочно</xdms:comment>", with: deep)
        #expect(MedoFixture.rejection(MedoFixture.legacy22Folder(nested))?.code == "xml_too_complex")
        let huge = MedoFixture.legacy22.replacingOccurrences(
            of: "Срочно", with: String(repeating: "а", count: 9 << 20))
        #expect(MedoFixture.rejection(MedoFixture.legacy22Folder(huge))?.code == "xml_too_large")
    }

    @Test("encoding: missing declaration, unknown encoding, UTF-8 declared over windows-1251 bytes and back")
    func encodings() {
        let noDeclaration = MedoFixture.legacy22.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "")
        #expect(MedoFixture.rejection(MedoFixture.legacy22Folder(noDeclaration))?.code == "missing_encoding")
        let noEncoding = MedoFixture.legacy22.replacingOccurrences(of: " encoding=\"UTF-8\"", with: "")
        #expect(MedoFixture.rejection(MedoFixture.legacy22Folder(noEncoding))?.code == "missing_encoding")
        let koi8 = MedoFixture.legacy22.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"KOI8-R\"")
        let unknown = MedoFixture.rejection(MedoFixture.legacy22Folder(koi8))
        #expect(unknown?.code == "unknown_encoding")
        #expect(unknown?.reason.contains("KOI8-R") == true)
        // windows-1251 bytes under a UTF-8 declaration.
        let lying = MedoFixture.legacy25.replacingOccurrences(of: "encoding=\"windows-1251\"", with: "encoding=\"UTF-8\"")
        let mismatch = MedoFixture.rejection(["document.xml": MedoFixture.windows1251(lying), "appeal.pdf": MedoFixture.pdf])
        #expect(mismatch == MedoRejection(code: "encoding_mismatch",
                                          reason: "Содержимое файла document.xml не соответствует объявленной кодировке UTF-8"))
        // UTF-8 bytes under a windows-1251 declaration would read as mojibake; refused instead.
        let utf8 = Array(MedoFixture.legacy25.utf8)
        #expect(MedoFixture.rejection(["document.xml": utf8, "appeal.pdf": MedoFixture.pdf])?.code == "encoding_mismatch")
        // UTF-16 is not allowed at all.
        let utf16: [UInt8] = [0xFF, 0xFE] + Array(MedoFixture.legacy22.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(MedoFixture.rejection(["document.xml": utf16])?.code == "unknown_encoding")
    }

    @Test("unknown message type and unsupported version")
    func unknownType() {
        let type = MedoFixture.legacy22.replacingOccurrences(of: "xdms:type=\"Документ\"", with: "xdms:type=\"Телеграмма\"")
        #expect(MedoFixture.rejection(MedoFixture.legacy22Folder(type))
            == MedoRejection(code: "unknown_message_type", reason: "Неизвестный тип сообщения «Телеграмма» в файле document.xml"))
        let version = MedoFixture.legacy22.replacingOccurrences(of: "xdms:version=\"2.2\"", with: "xdms:version=\"9.9\"")
        #expect(MedoFixture.rejection(MedoFixture.legacy22Folder(version))?.code == "unsupported_version")
        let date = MedoFixture.legacy22.replacingOccurrences(of: "<xdms:date>2026-03-27</xdms:date>", with: "<xdms:date>31.02.2026</xdms:date>")
        #expect(MedoFixture.rejection(MedoFixture.legacy22Folder(date))?.code == "invalid_value")
    }

    @Test("zip slip: .., absolute paths, sub-folders, backslashes and drive letters are refused, not skipped",
          arguments: ["../main.pdf", "a/../../etc/passwd", "/etc/passwd", "docs/main.pdf", "docs/", "..\\evil.exe",
                      "C:evil.exe"])
    func zipSlip(path: String) throws {
        let entries = MedoFixture.containerEntries(passport: MedoFixture.passport(namespace: "urn:IEDMS:CONTAINER"))
            + [(path, Array("evil".utf8))]
        var folder = try MedoFixture.message271Folder()
        folder["container.zip"] = MedoFixture.rawZip(entries)
        let rejection = MedoFixture.rejection(folder)
        #expect(rejection?.code == "unsafe_zip_entry")
        #expect(rejection?.reason.contains(path) == true)
    }

    @Test("archive bombs: a declared size over 200 MB, a stream that inflates past its declared size, too many files")
    func bombs() throws {
        let entries = MedoFixture.containerEntries(passport: MedoFixture.passport(namespace: "urn:IEDMS:CONTAINER"))
        var declared = try MedoFixture.zip(entries)
        MedoFixture.patchDeclaredSize(of: "annex1.pdf", in: &declared, to: 300 << 20)
        var folder = try MedoFixture.message271Folder()
        folder["container.zip"] = declared
        let rejection = MedoFixture.rejection(folder)
        #expect(rejection == MedoRejection(code: "archive_too_large",
                                           reason: "Архив container.zip распаковывается больше чем в 200 МБ"))

        // 4 MB of zeros deflate to a few kilobytes; the header claims 100 bytes, the cap is 1 MB.
        var inflating = try MedoFixture.zip(entries + [("zeros.bin", [UInt8](repeating: 0, count: 4 << 20))])
        MedoFixture.patchDeclaredSize(of: "zeros.bin", in: &inflating, to: 100)
        folder["container.zip"] = inflating
        let limits = MedoLimits(maxContainerBytes: 1 << 20)
        #expect(MedoFixture.rejection(folder, limits: limits)?.code == "archive_too_large")

        folder["container.zip"] = MedoFixture.rawZip(entries + (0..<600).map { ("f\($0).txt", [UInt8(ascii: "x")]) })
        #expect(MedoFixture.rejection(folder)?.code == "archive_too_many_entries")
    }

    @Test("a damaged container: not a zip, a wrong checksum, two entries with one name")
    func corruptContainer() throws {
        var folder = try MedoFixture.message271Folder()
        folder["container.zip"] = Array("not a zip at all".utf8)
        #expect(MedoFixture.rejection(folder)?.code == "corrupt_archive")
        let entries = MedoFixture.containerEntries(passport: MedoFixture.passport(namespace: "urn:IEDMS:CONTAINER"))
        var damaged = MedoFixture.rawZip(entries)
        let marker = Array("%PDF-1.4\n1 0".utf8)
        let pdfStart = try #require(damaged.indices.first { damaged[$0...].starts(with: marker) })
        damaged[pdfStart + 2] ^= 0xFF
        folder["container.zip"] = damaged
        #expect(MedoFixture.rejection(folder)?.code == "corrupt_archive")
        folder["container.zip"] = MedoFixture.rawZip(entries + [("MAIN.PDF", MedoFixture.pdf)])
        #expect(MedoFixture.rejection(folder)?.code == "corrupt_archive")
    }

    @Test("never traps: every truncation and many byte flips of each generation's files are read or rejected")
    func hostileBytes() throws {
        var random = SplitMix(state: 0x3ED0)
        let folders = [MedoFixture.legacy22Folder(), MedoFixture.legacy25Folder(), try MedoFixture.legacy27Folder(),
                       try MedoFixture.message271Folder()]
        for folder in folders {
            for (name, bytes) in folder where name.hasSuffix(".xml") || name.hasSuffix(".zip") {
                for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
                    var mutated = folder
                    mutated[name] = Array(bytes.prefix(length))
                    _ = MedoPacketReader.read(files: mutated)
                }
                for _ in 0..<150 {
                    var flipped = bytes
                    for _ in 0..<Int.random(in: 1...4, using: &random) {
                        flipped[Int.random(in: 0..<flipped.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                    }
                    var mutated = folder
                    mutated[name] = flipped
                    _ = MedoPacketReader.read(files: mutated)
                }
            }
        }
    }
}

/// A seeded generator, so a failing mutation is the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
