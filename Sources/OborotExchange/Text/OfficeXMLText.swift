#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation

extension DocumentText {
    /// Collects the visible text of a WordprocessingML body or an OpenDocument content part, a line per paragraph.
    final class OfficeXMLText: NSObject, XMLParserDelegate {
        enum Flavor { case word, openDocument }

        private static let wordNamespaces: Set<String> = [
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            "http://purl.oclc.org/ooxml/wordprocessingml/main",
        ]
        private static let textNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
        private static let officeNamespace = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

        private let flavor: Flavor
        private var text = TextBudget(limit: 0)
        private var runDepth = 0
        private var textDepth = 0
        private var paragraphDepth = 0
        private var skipDepth = 0
        /// OpenDocument collapses runs of white space in paragraph text; explicit text:s spaces are kept.
        private var lastWasSpace = true
        private var failed = false

        private init(flavor: Flavor, limit: Int) {
            self.flavor = flavor
            text = TextBudget(limit: limit)
        }

        /// The text of `data`; a DTD is refused outright, since office parts never carry one and entity
        /// expansion is how XML bombs work.
        static func extract(_ data: [UInt8], flavor: Flavor, limit: Int) throws(Failure) -> String {
            // Office parts are UTF-8; anything else (UTF-16 above all) would slip past the byte-level DTD check.
            if !startsAsUTF8XML(data) { throw .corrupt("Части документа не в кодировке UTF-8") }
            if hasDocumentType(data) { throw .corrupt("Документ содержит недопустимое объявление DTD") }
            let collector = OfficeXMLText(flavor: flavor, limit: limit)
            // The stream initialiser: on Linux XMLParser(data:) is several times slower and fails near the end
            // of large single-line documents, which is how Word writes them.
            let parser = XMLParser(stream: InputStream(data: Data(data)))
            parser.shouldProcessNamespaces = true
            parser.shouldResolveExternalEntities = false
            parser.delegate = collector
            let parsed = parser.parse()
            if collector.text.exceeded { throw .tooLarge(limit: limit) }
            guard parsed, !collector.failed else { throw .corrupt("Текст документа повреждён (ошибка XML)") }
            return collector.text.finished()
        }

        /// Whether the part begins, after an optional UTF-8 byte-order mark and white space, with an ASCII `<`.
        static func startsAsUTF8XML(_ data: [UInt8]) -> Bool {
            var index = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while index < data.count, [0x20, 0x09, 0x0A, 0x0D].contains(data[index]) { index += 1 }
            return index < data.count && data[index] == UInt8(ascii: "<") && (index + 1 == data.count || data[index + 1] != 0)
        }

        /// Whether the prolog, the only place a DTD may stand, has one; it ends where the root element starts.
        static func hasDocumentType(_ data: [UInt8]) -> Bool {
            let doctype = Array("<!DOCTYPE".utf8)
            let commentEnd = Array("-->".utf8)
            var index = 0
            while index + 1 < data.count {
                guard data[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                if data[index + 1] == UInt8(ascii: "?") {
                    index += 2
                } else if data[index...].starts(with: Array("<!--".utf8)) {
                    index += 4
                    while index < data.count, !data[index...].starts(with: commentEnd) { index += 1 }
                } else {
                    return data[index...].starts(with: doctype)
                }
            }
            return false
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let namespace = namespaceURI ?? ""
            switch flavor {
            case .word:
                guard Self.wordNamespaces.contains(namespace) else { return }
                switch elementName {
                case "r": runDepth += 1
                case "t" where runDepth > 0: textDepth += 1
                // w:tab also names tab stops in paragraph properties; only a tab inside a run is text.
                case "tab" where runDepth > 0: append("\t", parser)
                case "br" where runDepth > 0, "cr" where runDepth > 0: append("\n", parser)
                case "noBreakHyphen" where runDepth > 0: append("-", parser)
                default: break
                }
            case .openDocument:
                if Self.isAside(namespace, elementName) { skipDepth += 1 }
                guard namespace == Self.textNamespace, skipDepth == 0 else { return }
                switch elementName {
                case "p", "h":
                    paragraphDepth += 1
                    lastWasSpace = true
                case "s" where paragraphDepth > 0:
                    let value = attributeDict.first { $0.key == "c" || $0.key.hasSuffix(":c") }?.value
                    let count = value.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1
                    appendSpaces(max(count, 1), parser)
                case "tab" where paragraphDepth > 0: append("\t", parser)
                case "line-break" where paragraphDepth > 0: append("\n", parser)
                default: break
                }
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            let namespace = namespaceURI ?? ""
            switch flavor {
            case .word:
                guard Self.wordNamespaces.contains(namespace) else { return }
                switch elementName {
                case "r": runDepth = max(runDepth - 1, 0)
                case "t": textDepth = max(textDepth - 1, 0)
                case "p": append("\n", parser)
                default: break
                }
            case .openDocument:
                if Self.isAside(namespace, elementName) {
                    skipDepth = max(skipDepth - 1, 0)
                    return
                }
                guard namespace == Self.textNamespace, skipDepth == 0 else { return }
                if elementName == "p" || elementName == "h" {
                    paragraphDepth = max(paragraphDepth - 1, 0)
                    append("\n", parser)
                    lastWasSpace = true
                }
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            switch flavor {
            case .word:
                if textDepth > 0 { append(string, parser) }
            case .openDocument:
                guard paragraphDepth > 0, skipDepth == 0 else { return }
                var collapsed = ""
                for character in string {
                    if character == " " || character == "\t" || character == "\n" || character == "\r\n"
                        || character == "\r" {
                        if !lastWasSpace { collapsed.append(" ") }
                        lastWasSpace = true
                    } else {
                        collapsed.append(character)
                        lastWasSpace = false
                    }
                }
                append(collapsed, parser)
            }
        }

        /// Comments and footnotes: DOCX keeps them in other parts, so leaving them out here keeps formats alike.
        private static func isAside(_ namespace: String, _ name: String) -> Bool {
            (namespace == officeNamespace && name == "annotation") || (namespace == textNamespace && name == "note")
        }

        /// The Linux parser recovers from some errors and still reports success, so errors are noted here too.
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            failed = true
        }

        private func append(_ string: String, _ parser: XMLParser) {
            if !text.append(string) { parser.abortParsing() }
            if string == "\t" || string == "\n" { lastWasSpace = true }
        }

        private func appendSpaces(_ count: Int, _ parser: XMLParser) {
            // Checked before building the string: text:c is an attacker's number.
            guard text.fits(count) else {
                text.exceeded = true
                parser.abortParsing()
                return
            }
            append(String(repeating: " ", count: count), parser)
            lastWasSpace = true
        }
    }
}
