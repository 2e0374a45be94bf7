import Foundation

/// A journal's registration number template, e.g. `01-15/{seq}`, `{seq}-п`, `{seq}/{code}-{yy}`.
///
/// Placeholders: `{seq}` (the serial number, once, required; `{seq:4}` pads to four digits), `{yyyy}` and `{yy}`
/// (the registration year), `{index}` (the case file's index), `{code}` (the journal's code). Everything else is
/// literal text.
public struct NumberTemplate: Sendable, Equatable, CustomStringConvertible {
    enum Part: Sendable, Equatable {
        case literal(String)
        case sequence(padding: Int)
        case fullYear
        case shortYear
        case caseIndex
        case journalCode
    }

    public let text: String
    let parts: [Part]

    public var description: String { text }

    /// Parses and checks a template; the error lists what is wrong in Russian.
    public static func parse(_ text: String) -> Result<NumberTemplate, OborotError> {
        var parts: [Part] = []
        var literal = ""
        var sequenceCount = 0
        var index = text.startIndex
        func fail(_ message: String) -> Result<NumberTemplate, OborotError> {
            .failure(.validation([FieldProblem(field: "numberTemplate", code: "invalid_template", message: message)]))
        }
        while index < text.endIndex {
            let character = text[index]
            if character == "}" { return fail(NumberTemplateTexts.unbalanced) }
            guard character == "{" else {
                literal.append(character)
                index = text.index(after: index)
                continue
            }
            guard let close = text[index...].firstIndex(of: "}") else { return fail(NumberTemplateTexts.unbalanced) }
            let name = String(text[text.index(after: index)..<close])
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            }
            switch name {
            case "seq": parts.append(.sequence(padding: 0))
            case "yyyy": parts.append(.fullYear)
            case "yy": parts.append(.shortYear)
            case "index": parts.append(.caseIndex)
            case "code": parts.append(.journalCode)
            default:
                if name.hasPrefix("seq:"), let width = Int(name.dropFirst(4)), (1...9).contains(width) {
                    parts.append(.sequence(padding: width))
                } else {
                    return fail(NumberTemplateTexts.unknownPlaceholder(name))
                }
            }
            if case .sequence = parts.last { sequenceCount += 1 }
            index = text.index(after: close)
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        guard sequenceCount == 1 else { return fail(NumberTemplateTexts.needsOneSequence) }
        guard text.count <= 100 else { return fail(NumberTemplateTexts.tooLong) }
        return .success(NumberTemplate(text: text, parts: parts))
    }

    /// Whether the template needs a case file index to render.
    public var needsCaseIndex: Bool { parts.contains(.caseIndex) }

    /// The registration number for one serial number.
    public func render(sequence: Int, year: Int, caseIndex: String?, journalCode: String) -> String {
        parts.map { part in
            switch part {
            case .literal(let text): text
            case .sequence(let padding):
                padding == 0 ? String(sequence) : String(repeating: "0", count: max(0, padding - String(sequence).count)) + String(sequence)
            case .fullYear: String(year)
            case .shortYear: String(format: "%02d", year % 100)
            case .caseIndex: caseIndex ?? ""
            case .journalCode: journalCode
            }
        }.joined()
    }
}

enum NumberTemplateTexts {
    static let unbalanced = "В шаблоне номера непарные фигурные скобки."
    static let needsOneSequence = "Шаблон номера должен содержать порядковый номер {seq} ровно один раз."
    static let tooLong = "Шаблон номера длиннее 100 символов."

    static func unknownPlaceholder(_ name: String) -> String {
        "Неизвестная подстановка {\(name)}. Допустимы: {seq}, {seq:N}, {yyyy}, {yy}, {index}, {code}."
    }
}
