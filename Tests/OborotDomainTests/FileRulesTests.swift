import Foundation
import OborotDomain
import Testing

@Suite("Файлы: тип по содержимому, имена, диапазоны, CSV")
struct FileRulesTests {
    static func zip(firstEntry: String, content: String = "") -> [UInt8] {
        [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 26) + Array(firstEntry.utf8) + Array(content.utf8)
    }

    @Test("types are recognised by their first bytes")
    func detection() {
        #expect(FileType.detect(Array("%PDF-1.7\n".utf8)) == .pdf)
        #expect(FileType.detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(FileType.detect([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(FileType.detect(Self.zip(firstEntry: "[Content_Types].xml", content: "word/document.xml")) == .docx)
        #expect(FileType.detect(Self.zip(firstEntry: "mimetype", content: "application/vnd.oasis.opendocument.text")) == .odt)
        #expect(FileType.detect(Self.zip(firstEntry: "data.csv")) == .zip)
        #expect(FileType.detect(Array("{\\rtf1\\ansi".utf8)) == .rtf)
        #expect(FileType.detect(Array("<?xml version=\"1.0\"?><a/>".utf8)) == .xml)
        #expect(FileType.detect(Array("Служебная записка о ремонте".utf8)) == .text)
        #expect(FileType.detect([0x00, 0x01, 0x02, 0xFF]) == .unknown)
        // A Cyrillic letter cut in half by the sniffing window is still text.
        #expect(FileType.detect(Array("Текст".utf8).dropLast()) == .text)
    }

    @Test("a name's extension must agree with the content", arguments: [
        (FileType.pdf, "приказ.pdf", true), (.pdf, "приказ.PDF", true), (.text, "приказ.pdf", false), (.pdf, "скан.docx", false),
        (.docx, "письмо.docx", true), (.xlsx, "таблица.docx", true), (.docx, "архив.zip", true), (.unknown, "данные.bin", true),
        (.xml, "сведения.txt", true), (.text, "пакет.xml", false), (.jpeg, "фото.jpg", true), (.png, "фото.jpg", false),
        (.pdf, "без расширения", true),
    ])
    func matching(_ type: FileType, _ name: String, _ matches: Bool) {
        #expect(type.matches(fileName: name) == matches)
    }

    @Test("Content-Disposition carries the exact UTF-8 name and an ASCII fallback")
    func disposition() {
        let header = ContentDisposition.header(fileName: "Приказ № 5 «О мерах».pdf", inline: false)
        #expect(header.hasPrefix("attachment; filename=\"prikaz_5_o_merakh.pdf\"; filename*=UTF-8''"))
        #expect(header.hasSuffix("%D0%9F%D1%80%D0%B8%D0%BA%D0%B0%D0%B7%20%E2%84%96%205%20%C2%AB%D0%9E%20%D0%BC%D0%B5%D1%80%D0%B0%D1%85%C2%BB.pdf"))
        #expect(ContentDisposition.header(fileName: "a.pdf", inline: true).hasPrefix("inline;"))
        #expect(ContentDisposition.sanitizedFileName("../../etc/passwd") == "passwd")
        #expect(ContentDisposition.sanitizedFileName("C:\\Users\\Иван\\Письмо.docx") == "Письмо.docx")
        #expect(ContentDisposition.sanitizedFileName("  \u{0}  ") == "файл")
        #expect(ContentDisposition.sanitizedFileName(".hidden") == "hidden")
    }

    @Test("byte ranges", arguments: [
        ("bytes=0-99", ByteRange.Parsed.partial(ByteRange(first: 0, last: 99))),
        ("bytes=100-", .partial(ByteRange(first: 100, last: 999))),
        ("bytes=-100", .partial(ByteRange(first: 900, last: 999))),
        ("bytes=900-5000", .partial(ByteRange(first: 900, last: 999))),
        ("bytes=1000-", .unsatisfiable),
        ("bytes=5-1", .whole), ("bytes=0-1,5-6", .whole), ("items=0-1", .whole), ("bytes=abc", .whole),
    ])
    func ranges(_ header: String, _ expected: ByteRange.Parsed) {
        #expect(ByteRange.parse(header, size: 1000) == expected)
    }

    @Test("CSV for Russian spreadsheets: semicolons, quoting, no formulas")
    func csv() {
        #expect(CSV.line(["12-вх", "О «ремонте»; дорог", "=1+1", "многострочный\nтекст", "кавычка \""])
            == "12-вх;\"О «ремонте»; дорог\";'=1+1;\"многострочный\ntext\";\"кавычка \"\"\"\r\n".replacingOccurrences(of: "text", with: "текст"))
    }
}
