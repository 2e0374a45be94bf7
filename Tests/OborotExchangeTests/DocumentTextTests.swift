import Foundation
import OborotExchange
import Testing
import ZIPFoundation

@Suite("Текст документов: DOCX, ODT, TXT, RTF")
struct DocumentTextTests {
    static let wordDocument = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
          <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
            <w:r><w:t>Приказ</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">№ 1</w:t></w:r><w:r><w:t>5</w:t></w:r>
          </w:p>
          <w:p><w:r><w:t>О назначении</w:t><w:br/><w:t>ответственного &amp; лиц</w:t></w:r>
            <w:r><w:instrText>PAGE</w:instrText></w:r></w:p>
        </w:body></w:document>
        """

    @Test("DOCX: paragraphs become lines, runs join, tabs and breaks kept, tab stops and field codes not")
    func docx() throws {
        for method in [CompressionMethod.deflate, .none] {
            let path = try Fixture.zip([
                ("[Content_Types].xml", Data(Fixture.contentTypes.utf8)),
                ("word/document.xml", Data(Self.wordDocument.utf8)),
            ], method: method)
            let text = try DocumentText.extract(fileAt: path, format: .docx)
            #expect(text == "Приказ\t№ 15\nО назначении\nответственного & лиц")
        }
    }

    @Test("a long DOCX inflates exactly: many deflate blocks, dynamic codes, long matches")
    func longDocx() throws {
        var random = Fixture.Random(state: 0x5EED)
        let words = ["приказ", "распоряжение", "Ростов", "ёлка", "№", "2024", "&amp;", "исполнить", "срок", "a"]
        let paragraphs = (0..<3000).map { _ in
            (0..<Int.random(in: 0...12, using: &random)).map { _ in words.randomElement(using: &random)! }
                .joined(separator: " ")
        }
        let body = paragraphs.map { "<w:p><w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r></w:p>" }.joined()
        let xml = #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
            + body + "</w:body></w:document>"
        let path = try Fixture.zip([("word/document.xml", Data(xml.utf8))])
        var expected = paragraphs.joined(separator: "\n").replacingOccurrences(of: "&amp;", with: "&")
        while expected.hasSuffix("\n") { expected.removeLast() }
        #expect(try DocumentText.extract(fileAt: path, format: .docx) == expected)
    }

    @Test("ODT: text:p and text:h are lines, text:s c=3 is three spaces, other white space collapses")
    func odt() throws {
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
              <office:body><office:text>
                <text:h text:outline-level="1">Заголовок</text:h>
                <text:p>Слово<text:s text:c="3"/>пробелы<text:tab/>таб<text:line-break/>строка</text:p>
                <text:p>Второй
                   абзац<office:annotation><text:p>комментарий</text:p></office:annotation><text:s/>и всё</text:p>
              </office:text></office:body>
            </office:document-content>
            """
        let path = try Fixture.zip([
            ("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)),
            ("content.xml", Data(content.utf8)),
        ])
        let text = try DocumentText.extract(fileAt: path, format: .odt)
        #expect(text == "Заголовок\nСлово   пробелы\tтаб\nстрока\nВторой абзац и всё")
    }

    @Test("TXT: windows-1251 when not UTF-8, UTF-8 with a byte order mark, UTF-16; CRLF becomes LF")
    func txt() throws {
        let windows: [UInt8] = [0xCF, 0xF0, 0xE8, 0xEA, 0xE0, 0xE7, 0x20, 0xB9, 0x20, 0x35, 0x0D, 0x0A,
                                0xB8, 0xEB, 0xEA, 0xE0, 0x20, 0xA8]
        #expect(try DocumentText.extract(fileAt: Fixture.file(windows), format: .txt) == "Приказ № 5\nёлка Ё")
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Акт\r\nпередачи".utf8)
        #expect(try DocumentText.extract(fileAt: Fixture.file(bom), format: .txt) == "Акт\nпередачи")
        let utf16: [UInt8] = [0xFF, 0xFE] + "Дело №1".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try DocumentText.extract(fileAt: Fixture.file(utf16), format: .txt) == "Дело №1")
    }

    @Test("RTF: tables of fonts and colours dropped, \\'hh in windows-1251, \\uN with fallback skipped")
    func rtf() throws {
        let rtf = #"""
            {\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0\fnil\fcharset204 Times New Roman;}}
            {\colortbl;\red0\green0\blue0;}{\*\generator Msftedit 5.41;}\viewkind4\uc1\pard\f0\fs24
            \'cf\'f0\'e8\'e2\'e5\'f2, \u1087?\u1088?\u1080?\u1074?\u1077?\u1090?!\par
            Line\tab two \{braces\} \u-10179?\u-8704?\par
            {\field{\*\fldinst HYPERLINK "http://example.org"}{\fldrslt \'f1\'f1\'fb\'eb\'ea\'e0}}{\pict\pngblip 89504e47}\par
            }
            """#
        let text = try DocumentText.extract(fileAt: Fixture.file(Array(rtf.utf8)), format: .rtf)
        #expect(text == "Привет, привет!\nLine\ttwo {braces} 😀\nссылка")
    }

    @Test("format by extension first, then by MIME type")
    func formats() {
        #expect(DocumentText.format(fileName: "Приказ.DOCX", mimeType: "application/octet-stream") == .docx)
        #expect(DocumentText.format(fileName: "письмо.odt", mimeType: "") == .odt)
        #expect(DocumentText.format(fileName: "readme", mimeType: "text/plain; charset=utf-8") == .txt)
        #expect(DocumentText.format(fileName: "a.rtf", mimeType: "text/plain") == .rtf)
        #expect(DocumentText.format(fileName: "scan", mimeType: "application/rtf") == .rtf)
        #expect(DocumentText.format(fileName: "scan.pdf", mimeType: "application/pdf") == nil)
        #expect(DocumentText.format(fileName: "old.doc", mimeType: "application/msword") == nil)
    }

    @Test("random bytes named .docx are corrupt, and an OLE file is unsupported")
    func notZip() throws {
        var random = Fixture.Random(state: 0x5EED)
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        #expect(Fixture.failure(try Fixture.file(noise), .docx)?.isCorrupt == true)
        #expect(Fixture.failure(try Fixture.file([]), .odt)?.isCorrupt == true)
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        guard case .unsupported = Fixture.failure(try Fixture.file(ole), .docx) else {
            Issue.record("an OLE container should be unsupported")
            return
        }
    }

    @Test("a ZIP without the main part is corrupt, even when a '..' path would name it")
    func missingPart() throws {
        let path = try Fixture.zip([
            ("[Content_Types].xml", Data(Fixture.contentTypes.utf8)),
            ("../word/document.xml", Data(Self.wordDocument.utf8)),
            ("word/../word/document.xml", Data(Self.wordDocument.utf8)),
        ])
        #expect(Fixture.failure(path, .docx)?.isCorrupt == true)
        #expect(Fixture.failure(path, .odt)?.isCorrupt == true)
    }

    @Test("a declared size over the limit is refused before inflating")
    func declaredTooLarge() throws {
        var bytes = try Fixture.bytes(of: Fixture.zip([("word/document.xml", Data(Self.wordDocument.utf8))]))
        Fixture.patchDeclaredSize(of: "word/document.xml", in: &bytes, to: 0xFFFF_FFF0)
        #expect(Fixture.failure(try Fixture.file(bytes), .docx) == .tooLarge(limit: 64 << 20))
    }

    @Test("5 MB of zeros against a 1 MB limit: refused by the declared size, and by counting when it lies")
    func zipBomb() throws {
        let zeros = Data(count: 5 << 20)
        let honest = try Fixture.zip([("word/document.xml", zeros)])
        #expect(Fixture.failure(honest, .docx, maxUncompressed: 1 << 20) == .tooLarge(limit: 1 << 20))
        var bytes = try Fixture.bytes(of: honest)
        #expect(bytes.count < 64 << 10)
        Fixture.patchDeclaredSize(of: "word/document.xml", in: &bytes, to: 100)
        #expect(Fixture.failure(try Fixture.file(bytes), .docx, maxUncompressed: 1 << 20) == .tooLarge(limit: 1 << 20))
    }

    @Test("a deflate stream that never ends is corrupt rather than a hang")
    func endlessStream() throws {
        // A non-final stored block that claims 65,535 bytes runs into the directory and off the end of the file.
        let data: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("<w:document/>".utf8)
        let path = try Fixture.file(Fixture.rawZip(name: "word/document.xml", method: 8, data: data, size: 13))
        #expect(Fixture.failure(path, .docx)?.isCorrupt == true)
    }

    @Test("damaged bytes fail the checksum")
    func checksum() throws {
        var bytes = try Fixture.bytes(of: Fixture.zip([("word/document.xml", Data(Self.wordDocument.utf8))],
                                                       method: .none))
        let at = try #require(bytes.firstRange(of: Array("Приказ".utf8))).lowerBound
        bytes[at + 1] ^= 0x01
        #expect(Fixture.failure(try Fixture.file(bytes), .docx)?.isCorrupt == true)
    }

    @Test("malformed XML, a DTD and a nonsense RTF are corrupt, never a crash")
    func malformed() throws {
        let broken = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:t>а</w:p>"
        #expect(Fixture.failure(try Fixture.zip([("word/document.xml", Data(broken.utf8))]), .docx)?.isCorrupt == true)
        let garbage = Data([0x3C, 0x00, 0xFF, 0x3E, 0x26, 0x3C, 0x3C])
        #expect(Fixture.failure(try Fixture.zip([("content.xml", garbage)]), .odt)?.isCorrupt == true)
        let bomb = """
            <?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
            <w:t>&b;</w:t></w:r></w:p></w:body></w:document>
            """
        #expect(Fixture.failure(try Fixture.zip([("word/document.xml", Data(bomb.utf8))]), .docx)?.isCorrupt == true)
        #expect(Fixture.failure(try Fixture.file(Array("plain words".utf8)), .rtf)?.isCorrupt == true)
        let unbalanced = Array(#"{\rtf1 \'zz{{{\u{}text\bin999999 "#.utf8)
        #expect((try? DocumentText.extract(fileAt: Fixture.file(unbalanced), format: .rtf)) != nil)
    }

    @Test("text over maxTextBytes is tooLarge in every format, however it is produced")
    func textLimit() throws {
        let docx = try Fixture.zip([("word/document.xml", Data(Self.wordDocument.utf8))])
        #expect(Fixture.failure(docx, .docx, maxText: 10) == .tooLarge(limit: 10))
        let spaces = """
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
            <text:p><text:s text:c="2000000000"/></text:p></office:text></office:body></office:document-content>
            """
        #expect(Fixture.failure(try Fixture.zip([("content.xml", Data(spaces.utf8))]), .odt) == .tooLarge(limit: 8 << 20))
        #expect(Fixture.failure(try Fixture.file(Array(repeating: 0x41, count: 100)), .txt, maxText: 10)
            == .tooLarge(limit: 10))
        #expect(Fixture.failure(try Fixture.file(Array(#"{\rtf1 0123456789abc}"#.utf8)), .rtf, maxText: 10)
            == .tooLarge(limit: 10))
    }
}

/// Files built in the test: real archives by ZIPFoundation, hostile ones byte by byte.
private enum Fixture {
    /// xorshift64, so a failing fixture is the same on every run.
    struct Random: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """

    static func newURL() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oborot-document-text-tests")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(UUID().uuidString)
    }

    static func file(_ bytes: [UInt8]) throws -> String {
        let url = try newURL()
        try Data(bytes).write(to: url)
        return url.path
    }

    static func zip(_ entries: [(String, Data)], method: CompressionMethod = .deflate) throws -> String {
        let url = try newURL()
        let archive = try Archive(url: url, accessMode: .create, pathEncoding: nil)
        for (name, data) in entries {
            // ODF wants its mimetype first and uncompressed.
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: name == "mimetype" ? .none : method) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return url.path
    }

    static func bytes(of path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func failure(_ path: String, _ format: DocumentText.Format, maxText: Int = 8 << 20,
                        maxUncompressed: Int = 64 << 20) -> DocumentText.Failure? {
        do {
            _ = try DocumentText.extract(fileAt: path, format: format, maxTextBytes: maxText,
                                         maxUncompressedBytes: maxUncompressed)
            return nil
        } catch {
            return error
        }
    }

    /// Rewrites the uncompressed size of `name` in its local header and in the central directory.
    static func patchDeclaredSize(of name: String, in bytes: inout [UInt8], to size: UInt32) {
        let nameBytes = Array(name.utf8)
        let little = (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * $0)) }
        for at in 0..<(bytes.count - 46) {
            let signature = Array(bytes[at..<(at + 4)])
            if signature == [0x50, 0x4B, 0x03, 0x04], Array(bytes[(at + 30)..<(at + 30 + nameBytes.count)]) == nameBytes {
                bytes.replaceSubrange((at + 22)..<(at + 26), with: little)
            } else if signature == [0x50, 0x4B, 0x01, 0x02],
                      Array(bytes[(at + 46)..<min(bytes.count, at + 46 + nameBytes.count)]) == nameBytes {
                bytes.replaceSubrange((at + 24)..<(at + 28), with: little)
            }
        }
    }

    /// A one-entry ZIP with exactly the given entry bytes, whatever they are.
    static func rawZip(name: String, method: UInt16, data: [UInt8], size: UInt32) -> [UInt8] {
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }
        let nameBytes = Array(name.utf8)
        let sizes = le32(0) + le32(data.count) + le32(Int(size))  // crc, compressed, uncompressed
        let local = le32(0x0403_4B50) + le16(20) + le16(0) + le16(Int(method)) + le16(0) + le16(0) + sizes
            + le16(nameBytes.count) + le16(0) + nameBytes + data
        let central = le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(Int(method)) + le16(0) + le16(0)
            + sizes + le16(nameBytes.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(0) + nameBytes
        let end = le32(0x0605_4B50) + le16(0) + le16(0) + le16(1) + le16(1) + le32(central.count)
            + le32(local.count) + le16(0)
        return local + central + end
    }
}

extension DocumentText.Failure {
    fileprivate var isCorrupt: Bool {
        if case .corrupt = self { return true }
        return false
    }
}
