import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OborotExchange
import Testing

@Suite("МЭДО: кодировка windows-1251")
struct MedoEncodingTests {
    /// Collects all character data, to see what the parser made of the bytes.
    final class Collector: NSObject, XMLParserDelegate {
        var text = ""
        var failed = false
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { failed = true }
    }

    @Test("what libxml2 behind FoundationXML does with windows-1251 bytes on this machine (observed, not relied on)")
    func libxml2OnWindows1251() {
        let bytes = MedoFixture.windows1251("<?xml version=\"1.0\" encoding=\"windows-1251\"?><a>Ёлка № «1»</a>")
        let collector = Collector()
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.delegate = collector
        let parsed = parser.parse()
        // Observed on the Linux build machine (December 2026): libxml2 was built with iconv and decodes it. If
        // this starts failing on another platform nothing breaks: the reader transcodes before parsing.
        #expect(parsed && !collector.failed && collector.text == "Ёлка № «1»")
        let packet = try? MedoPacketReader.read(files: MedoFixture.legacy25Folder()).get()
        #expect(packet?.header.sourceOrganization == "Администрация Президента Российской Федерации")
    }
}
