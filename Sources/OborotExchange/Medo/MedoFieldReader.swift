import Foundation
import OborotDomain

/// Reading required and optional values out of one XML file, with reasons that name the file and the element.
struct MedoFieldReader {
    /// The file's name, as the clerk sees it in the packet folder.
    let file: String

    func required(_ element: MedoXMLElement, _ path: String...) throws(MedoRejection) -> String {
        guard let value = element.descendant(path)?.trimmedText, !value.isEmpty else {
            throw .missingElement(file, display(element, path))
        }
        return value
    }

    func requiredAttribute(_ element: MedoXMLElement, _ name: String) throws(MedoRejection) -> String {
        guard let value = element.attribute(name), !value.isEmpty else {
            throw .missingAttribute(file, element.name, name)
        }
        return value
    }

    /// A file name a list points to: it must name a file of the folder itself, not a path that could lead out
    /// of it once someone saves the files to disk.
    func fileName(_ element: MedoXMLElement, _ attribute: String = "localName") throws(MedoRejection) -> String {
        let name = try requiredAttribute(element, attribute)
        if name.contains("/") || name.contains("\\") || name.contains(":") || name == "." || name == ".."
            || name.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            throw .unsafeFileName(file, name)
        }
        return name
    }

    func requiredChild(_ element: MedoXMLElement, _ path: String...) throws(MedoRejection) -> MedoXMLElement {
        guard let child = element.descendant(path) else { throw .missingElement(file, display(element, path)) }
        return child
    }

    func optional(_ element: MedoXMLElement?, _ path: String...) -> String? {
        guard let value = element?.descendant(path)?.trimmedText, !value.isEmpty else { return nil }
        return value
    }

    func date(_ text: String, _ element: String) throws(MedoRejection) -> CalendarDate {
        guard let date = MedoTime.calendarDate(text) else {
            throw .invalidValue(file, element, text, expected: MedoWording.date)
        }
        return date
    }

    func optionalDate(_ element: MedoXMLElement?, _ path: String...) throws(MedoRejection) -> CalendarDate? {
        guard let value = element?.descendant(path)?.trimmedText, !value.isEmpty else { return nil }
        return try date(value, path.joined(separator: "/"))
    }

    func time(_ text: String, _ element: String) throws(MedoRejection) -> Date {
        guard let time = MedoTime.parse(text) else {
            throw .invalidValue(file, element, text, expected: MedoWording.dateTime)
        }
        return time
    }

    func optionalCount(_ element: MedoXMLElement?, _ path: String...) throws(MedoRejection) -> Int? {
        guard let value = element?.descendant(path)?.trimmedText, !value.isEmpty else { return nil }
        guard let count = Int(value), count >= 0, count < 1_000_000 else {
            throw .invalidValue(file, path.joined(separator: "/"), value, expected: MedoWording.pageCount)
        }
        return count
    }

    func number(_ text: String, _ element: String) throws(MedoRejection) -> Double {
        guard let value = Double(text), value.isFinite else {
            throw .invalidValue(file, element, text, expected: MedoWording.number)
        }
        return value
    }

    /// A person block (`signatory`, `addressee`, `executor`, `correspondent` of a notification).
    func participant(_ element: MedoXMLElement) throws(MedoRejection) -> MedoParticipant {
        MedoParticipant(
            region: optional(element, "region"), organization: optional(element, "organization"),
            person: optional(element, "person"), department: optional(element, "department"),
            post: optional(element, "post"), signed: try optionalDate(element, "signed"))
    }

    func optionalParticipant(_ element: MedoXMLElement?) throws(MedoRejection) -> MedoParticipant? {
        guard let element else { return nil }
        return try participant(element)
    }

    func optionalCorrespondent(_ element: MedoXMLElement?) throws(MedoRejection) -> MedoCorrespondent? {
        guard let element else { return nil }
        return try correspondent(element)
    }

    /// A `correspondent` of a document or the `foundation` of a notification: who, and under which number.
    func correspondent(_ element: MedoXMLElement) throws(MedoRejection) -> MedoCorrespondent {
        MedoCorrespondent(
            organization: optional(element, "organization"), person: optional(element, "person"),
            number: optional(element, "num", "number"), date: try optionalDate(element, "num", "date"))
    }

    private func display(_ element: MedoXMLElement, _ path: [String]) -> String {
        "<" + ([element.name] + path).joined(separator: "/") + ">"
    }
}
