#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation

/// Reads one МЭДО XML file into a `MedoXMLElement` tree, enforcing the format's encoding rule and refusing
/// what would make the parser dangerous (a DTD) or the tree huge.
final class MedoXMLParser: NSObject, XMLParserDelegate {
    static let maxDepth = 64
    static let maxElements = 100_000
    /// Real envelopes and passports are kilobytes; the cap keeps a hostile one from costing memory and time.
    static let maxBytes = 16 << 20

    private var stack: [MedoXMLElement] = []
    private var root: MedoXMLElement?
    private var elementCount = 0
    private var tooComplex = false
    private var errorLine: Int?

    /// The root element of `bytes` (named `file` in reasons), with no empty elements anywhere.
    static func parse(_ bytes: [UInt8], file: String) throws(MedoRejection) -> MedoXMLElement {
        guard bytes.count <= maxBytes else { throw .xmlTooLarge(file, limit: maxBytes) }
        let utf8 = try MedoXMLEncoding.utf8Document(bytes, file: file)
        // Entity expansion is how XML bombs work, and МЭДО messages never carry a DTD.
        if DocumentText.OfficeXMLText.hasDocumentType(utf8) { throw .forbiddenDTD(file) }
        let collector = MedoXMLParser()
        // The stream initialiser, as in OfficeXMLText: XMLParser(data:) misbehaves on Linux with long lines.
        let parser = XMLParser(stream: InputStream(data: Data(utf8)))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        let parsed = parser.parse()
        if collector.tooComplex { throw .tooDeep(file) }
        guard parsed, collector.errorLine == nil, collector.stack.isEmpty, let root = collector.root else {
            throw .malformedXML(file, line: collector.errorLine ?? parser.lineNumber)
        }
        if let empty = root.firstEmpty() { throw .emptyElement(file, empty.name, line: empty.line) }
        return root
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elementCount += 1
        guard stack.count < Self.maxDepth, elementCount <= Self.maxElements, root == nil else {
            // A second root is malformed; depth and count are a bomb. Either way stop here.
            if root == nil { tooComplex = true } else { errorLine = parser.lineNumber }
            parser.abortParsing()
            return
        }
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict {
            let parts = key.split(separator: ":", maxSplits: 1)
            if parts.first == "xmlns" || key == "xmlns" { continue }
            attributes[String(parts.last ?? Substring(key))] = value
        }
        stack.append(MedoXMLElement(namespace: namespaceURI ?? "", name: elementName, attributes: attributes,
                                    line: parser.lineNumber))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    /// The Linux parser recovers from some errors and still reports success, so errors are noted here too.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if errorLine == nil { errorLine = parser.lineNumber }
    }
}
