import Foundation

/// A code of the «Типовой общероссийский тематический классификатор обращений»: up to four levels of four digits,
/// `Раздел.Тематика.Тема.Вопрос`, e.g. `0003.0009.0099.0742` (Экономика → Хозяйственная деятельность → Транспорт →
/// Эксплуатация и сохранность автомобильных дорог).
public struct TopicCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let parts: [String]

    /// Reads `0003`, `0003.0008`, … ; nil for anything else (wrong digit count, more than four levels, letters).
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard (1...4).contains(parts.count),
            parts.allSatisfy({ $0.count == 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        self.parts = parts
    }

    public var description: String { parts.joined(separator: ".") }
    /// 1 section, 2 тематика, 3 тема, 4 вопрос.
    public var level: Int { parts.count }
    /// Questions of an appeal are coded to the fourth level.
    public var isQuestion: Bool { level == 4 }
    public var section: TopicCode { TopicCode(parts: [parts[0]]) }
    public var parent: TopicCode? { level > 1 ? TopicCode(parts: Array(parts.dropLast())) : nil }

    public func isWithin(_ ancestor: TopicCode) -> Bool {
        ancestor.parts.count <= parts.count && Array(parts.prefix(ancestor.parts.count)) == ancestor.parts
    }

    public static func < (lhs: TopicCode, rhs: TopicCode) -> Bool { lhs.description < rhs.description }

    private init(parts: [String]) { self.parts = parts }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = TopicCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a topic code: \(text)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A node of the classifier. Nodes are never deleted: an obsolete one stays so old appeals keep their codes.
public struct TopicNode: Sendable, Hashable, Codable {
    public var code: TopicCode
    public var name: String
    public var obsolete: Bool

    public init(code: TopicCode, name: String, obsolete: Bool) {
        self.code = code
        self.name = name
        self.obsolete = obsolete
    }
}
