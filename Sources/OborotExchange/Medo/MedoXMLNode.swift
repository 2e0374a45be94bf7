/// An element to write. Optional content is simply left out: the format forbids empty elements, so an element
/// with no text, no attributes and no children never reaches the output.
struct MedoXMLNode {
    let name: String
    let attributes: [(String, String)]
    let text: String?
    let children: [MedoXMLNode]

    init(_ name: String, attributes: [(String, String?)] = [], text: String? = nil, _ children: [MedoXMLNode?] = []) {
        self.name = name
        var written: [(String, String)] = []
        for (key, value) in attributes {
            if let value, !value.isEmpty { written.append((key, value)) }
        }
        self.attributes = written
        self.text = text.flatMap { $0.isEmpty ? nil : $0 }
        self.children = children.compactMap { $0 }.filter { !$0.isEmpty }
    }

    /// A leaf with text, or nil when there is none to write.
    static func leaf(_ name: String, _ text: String?) -> MedoXMLNode? {
        guard let text, !text.isEmpty else { return nil }
        return MedoXMLNode(name, text: text)
    }

    var isEmpty: Bool { attributes.isEmpty && text == nil && children.isEmpty }

    /// The whole document, UTF-8, with the declaration the format requires.
    func document() -> [UInt8] {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        render(into: &output, indent: 0)
        return Array(output.utf8)
    }

    private func render(into output: inout String, indent: Int) {
        let padding = String(repeating: "  ", count: indent)
        output += padding + "<" + name
        for (key, value) in attributes { output += " \(key)=\"\(Self.escape(value, attribute: true))\"" }
        if let text {
            output += ">" + Self.escape(text, attribute: false) + "</\(name)>\n"
        } else if children.isEmpty {
            output += "/>\n"
        } else {
            output += ">\n"
            for child in children { child.render(into: &output, indent: indent + 1) }
            output += padding + "</\(name)>\n"
        }
    }

    /// Markup characters become references; carriage returns and (in attributes) tabs and line feeds too, so a
    /// reader's line-end normalisation gives back the same text. Control characters XML 1.0 cannot carry at all
    /// are dropped.
    static func escape(_ text: String, attribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "'" where attribute: result += "&apos;"
            case "\r": result += "&#13;"
            case "\n" where attribute: result += "&#10;"
            case "\t" where attribute: result += "&#9;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
