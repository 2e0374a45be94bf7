import Foundation

/// The thematic classifier as an admin loads it: CSV with `code`, `name` and an optional obsolete flag (`1`, `да`,
/// `true`, `x`). Every bad line is reported at once with its number; nothing is loaded from a file with errors.
public enum ClassifierFile {
    public static let maxNameLength = 500

    public static func parse(_ text: String) -> Result<[TopicNode], OborotError> {
        var rows = CSV.rows(text)
        // The header: a first line that does not start with a digit («code», «Код»); a first line that does but is
        // no code («0001.1») is a bad line like any other, not silently dropped.
        if let first = rows.first?.fields.first?.trimmed, TopicCode(first) == nil,
            !(first.first.map { $0.isASCII && $0.isNumber } ?? false)
        {
            rows.removeFirst()
        }
        var nodes: [TopicNode] = []
        var seen: [TopicCode: Int] = [:]
        var problems: [String] = []
        for row in rows {
            let fields = row.fields.map(\.trimmed)
            guard let code = TopicCode(fields[0]) else {
                problems.append(ClassifierTexts.badCode(line: row.line, fields[0]))
                continue
            }
            let name = fields.count > 1 ? fields[1] : ""
            if name.isEmpty || name.count > maxNameLength {
                problems.append(ClassifierTexts.badName(line: row.line, code))
                continue
            }
            let flag = fields.count > 2 ? fields[2].lowercased() : ""
            guard let obsolete = obsoleteFlag(flag) else {
                problems.append(ClassifierTexts.badFlag(line: row.line, fields[2]))
                continue
            }
            if let earlier = seen[code] {
                problems.append(ClassifierTexts.duplicate(line: row.line, code, earlier: earlier))
                continue
            }
            seen[code] = row.line
            nodes.append(TopicNode(code: code, name: name, obsolete: obsolete))
        }
        for node in nodes {
            if let parent = node.code.parent, seen[parent] == nil {
                problems.append(ClassifierTexts.orphan(line: seen[node.code] ?? 0, node.code, parent: parent))
            }
        }
        if nodes.isEmpty && problems.isEmpty { problems.append(ClassifierTexts.empty) }
        guard problems.isEmpty else { return .failure(ClassifierTexts.invalid(problems)) }
        return .success(nodes.sorted { $0.code < $1.code })
    }

    private static func obsoleteFlag(_ text: String) -> Bool? {
        switch text {
        case "", "0", "нет", "false", "no": false
        case "1", "да", "true", "yes", "x", "х": true
        default: nil
        }
    }
}

enum ClassifierTexts {
    static func badCode(line: Int, _ text: String) -> String {
        "строка \(line): «\(text.prefix(40))» — не код классификатора (нужно четыре цифры на уровень, до четырёх уровней через точку)"
    }
    static func badName(line: Int, _ code: TopicCode) -> String {
        "строка \(line): у кода \(code) нет наименования или оно длиннее \(ClassifierFile.maxNameLength) символов"
    }
    static func badFlag(line: Int, _ text: String) -> String {
        "строка \(line): «\(text.prefix(20))» — признак «исключён» должен быть 0 или 1"
    }
    static func duplicate(line: Int, _ code: TopicCode, earlier: Int) -> String {
        "строка \(line): код \(code) уже был в строке \(earlier)"
    }
    static func orphan(line: Int, _ code: TopicCode, parent: TopicCode) -> String {
        "строка \(line): для кода \(code) нет родительского узла \(parent)"
    }
    static let empty = "в файле нет ни одной строки классификатора"

    static func invalid(_ problems: [String]) -> OborotError {
        let shown = problems.prefix(20).joined(separator: "; ")
        let more = problems.count > 20 ? "; и ещё \(problems.count - 20)" : ""
        return OborotError(
            .unprocessable, code: "classifier_invalid", title: "Файл классификатора не загружен",
            detail: "Ошибки (\(problems.count)): \(shown)\(more). Ничего не изменено.")
    }
}

extension ClassifierFile {
    /// The subset of the classifier that ships with Oborot (`Resources/appeal-topics.csv`): the five sections and the
    /// topics citizens write about most; an admin loads the full edition with `oborot classifier import`.
    public static func shipped() throws -> [TopicNode] {
        guard let url = Bundle.module.url(forResource: "appeal-topics", withExtension: "csv", subdirectory: "Resources") else {
            throw OborotError(
                .internalFailure, code: "classifier_missing", title: "Нет тематического классификатора",
                detail: "В поставке не найден файл Resources/appeal-topics.csv.")
        }
        return try parse(String(decoding: try Data(contentsOf: url), as: UTF8.self)).get()
    }
}
