import Foundation

/// A parsed XML element, small enough to walk by hand: МЭДО messages are a few kilobytes of requisites.
///
/// Elements are matched by namespace URI and local name, never by prefix: senders choose prefixes freely.
struct MedoXMLElement: Sendable {
    let namespace: String
    let name: String
    /// Attributes by local name; МЭДО attributes are either unprefixed or carry the element's own prefix.
    let attributes: [String: String]
    var children: [MedoXMLElement] = []
    var text = ""
    /// Where the element starts, for a clerk to find it.
    let line: Int

    /// The first child named `name` in this element's namespace.
    func child(_ name: String) -> MedoXMLElement? {
        children.first { $0.name == name && $0.namespace == namespace }
    }

    /// All children named `name` in this element's namespace.
    func children(_ name: String) -> [MedoXMLElement] {
        children.filter { $0.name == name && $0.namespace == namespace }
    }

    /// The element at a path of child names, e.g. `["num", "number"]`.
    func descendant(_ path: [String]) -> MedoXMLElement? {
        var current: MedoXMLElement? = self
        for name in path { current = current?.child(name) }
        return current
    }

    /// The trimmed text of the child at `path`; nil when it is absent.
    func text(_ path: String...) -> String? {
        descendant(path).map(\.trimmedText)
    }

    var trimmedText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    func attribute(_ name: String) -> String? {
        attributes[name]?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The first element, depth first, with no content at all: the format forbids those.
    func firstEmpty() -> MedoXMLElement? {
        if children.isEmpty, attributes.isEmpty, trimmedText.isEmpty { return self }
        for child in children {
            if let empty = child.firstEmpty() { return empty }
        }
        return nil
    }
}
