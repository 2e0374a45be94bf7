import Foundation
import OborotDomain
import Testing

private func code(_ text: String) -> TopicCode { TopicCode(text)! }

@Suite("Тематический классификатор обращений")
struct AppealClassifierFileTests {
    static func nodes(_ text: String) throws -> [TopicNode] { try ClassifierFile.parse(text).get() }

    static func failure(_ text: String) -> OborotError? { ClassifierFile.parse(text).failure }

    // MARK: Codes

    @Test("codes: up to four levels of four digits", arguments: [
        ("0003", 1), ("0003.0009", 2), ("0003.0009.0099", 3), ("0003.0009.0099.0742", 4), (" 0003.0009 ", 2),
    ])
    func validCodes(_ text: String, _ level: Int) throws {
        let parsed = try #require(TopicCode(text))
        #expect(parsed.level == level)
        #expect(parsed.isQuestion == (level == 4))
        #expect(parsed.description == text.trimmingCharacters(in: .whitespaces))
        #expect(parsed.parts.count == level && parsed.parts.allSatisfy { $0.count == 4 })
    }

    @Test("not codes", arguments: [
        "", "3", "003", "00003", "0003.", ".0003", "0003..0009", "0003.0009.0099.0742.0001", "0003,0009", "000a",
        "0003.0009.099", "٠٠٠٣", "0003 0009", "ОООЗ", "０００３",
    ])
    func invalidCodes(_ text: String) {
        #expect(TopicCode(text) == nil)
    }

    @Test("parent, section, isWithin and order")
    func hierarchy() throws {
        let question = code("0003.0009.0099.0742")
        #expect(question.parent == code("0003.0009.0099"))
        #expect(question.parent?.parent == code("0003.0009"))
        #expect(question.parent?.parent?.parent == code("0003"))
        #expect(code("0003").parent == nil)
        #expect(question.section == code("0003"))
        #expect(code("0003").section == code("0003"))
        #expect(question.isWithin(code("0003")))
        #expect(question.isWithin(code("0003.0009.0099")))
        #expect(question.isWithin(question))
        #expect(!question.isWithin(code("0003.0008")))
        #expect(!question.isWithin(code("0001")))
        #expect(!code("0003.0009").isWithin(question))
        #expect(!code("0003.0009.0099.0742").isWithin(code("0003.0009.0099.0743")))
        #expect(code("0001.0002") < code("0003"))
        #expect(code("0003") < code("0003.0001"))
        #expect([code("0005"), code("0001.0001"), code("0001")].sorted() == [code("0001"), code("0001.0001"), code("0005")])
    }

    @Test("a code encodes as its text and decodes only from a valid one")
    func codable() throws {
        let data = try JSONEncoder().encode([code("0003.0009.0099.0742")])
        #expect(String(decoding: data, as: UTF8.self) == #"["0003.0009.0099.0742"]"#)
        #expect(try JSONDecoder().decode([TopicCode].self, from: data) == [code("0003.0009.0099.0742")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([TopicCode].self, from: Data(#"["3.9"]"#.utf8)) }
    }

    // MARK: Files

    @Test("with a header, comma-separated")
    func headerComma() throws {
        let nodes = try Self.nodes("""
            code,name,obsolete
            0001,"Государство, общество, политика",0
            0001.0001,Конституционный строй,0
            0001.0001.0005,Население Российской Федерации,1
            """)
        #expect(nodes == [
            TopicNode(code: code("0001"), name: "Государство, общество, политика", obsolete: false),
            TopicNode(code: code("0001.0001"), name: "Конституционный строй", obsolete: false),
            TopicNode(code: code("0001.0001.0005"), name: "Население Российской Федерации", obsolete: true),
        ])
    }

    @Test("without a header, semicolon-separated, with the flag column left out")
    func noHeaderSemicolon() throws {
        let nodes = try Self.nodes("0002;Социальная сфера\n0002.0004;Семья, материнство\n")
        #expect(nodes == [
            TopicNode(code: code("0002"), name: "Социальная сфера", obsolete: false),
            TopicNode(code: code("0002.0004"), name: "Семья, материнство", obsolete: false),
        ])
    }

    @Test("a Russian header with a semicolon, a byte order mark and CRLF, as Excel saves it")
    func excel() throws {
        let nodes = try Self.nodes("\u{FEFF}Код;Наименование;Исключён\r\n0005;Жилищно-коммунальная сфера;0\r\n0005.0005;Жилище;нет\r\n\r\n")
        #expect(nodes.map(\.code) == [code("0005"), code("0005.0005")])
        #expect(nodes.map(\.name) == ["Жилищно-коммунальная сфера", "Жилище"])
        #expect(nodes.map(\.obsolete) == [false, false])
        // A byte order mark right before a code, with no header.
        #expect(try Self.nodes("\u{FEFF}0005;Жилищно-коммунальная сфера;0").map(\.code) == [code("0005")])
    }

    @Test("quoted names keep their separators, doubled quotes and line breaks")
    func quoted() throws {
        let nodes = try Self.nodes(
            "0003;\"Экономика; хозяйство, \"\"рынок\"\"\";0\n"
            + "0003.0009;\"Хозяйственная\nдеятельность\";0\n"
            + "0003.0009.0099;  Транспорт  ;0\n")
        #expect(nodes.map(\.name) == ["Экономика; хозяйство, \"рынок\"", "Хозяйственная\nдеятельность", "Транспорт"])
        let commas = try Self.nodes("code,name\n0004,\"Оборона, безопасность, законность\"\n0004.0001,\"Звание \"\"Ветеран\"\"\"\n")
        #expect(commas.map(\.name) == ["Оборона, безопасность, законность", "Звание \"Ветеран\""])
    }

    @Test("the obsolete flag", arguments: [
        ("0", false), ("1", true), ("да", true), ("Да", true), ("ДА", true), ("нет", false), ("Нет", false), ("", false),
        ("true", true), ("false", false), ("x", true), ("X", true), ("х", true), ("yes", true), ("no", false), (" 1 ", true),
    ])
    func obsoleteFlag(_ flag: String, _ obsolete: Bool) throws {
        #expect(try Self.nodes("0001;Государство;\(flag)").first?.obsolete == obsolete)
    }

    @Test("nodes come sorted by code whatever the order of the file")
    func sorted() throws {
        let nodes = try Self.nodes("0002.0004;Семья\n0001;Государство\n0002;Социальная сфера\n0001.0001;Строй\n")
        #expect(nodes.map(\.code.description) == ["0001", "0001.0001", "0002", "0002.0004"])
    }

    @Test("each bad line is named by its number", arguments: [
        ("code;name\n0001;Государство\n0001.01;Строй\n",
         "строка 3: «0001.01» — не код классификатора (нужно четыре цифры на уровень, до четырёх уровней через точку)"),
        ("0001;Государство\n0001.0001.0001.0001.0001;Пятый уровень\n",
         "строка 2: «0001.0001.0001.0001.0001» — не код классификатора (нужно четыре цифры на уровень, до четырёх уровней через точку)"),
        ("0001;Государство\n0001.0001;  \n", "строка 2: у кода 0001.0001 нет наименования или оно длиннее 500 символов"),
        ("0001;Государство\n0001.0001\n", "строка 2: у кода 0001.0001 нет наименования или оно длиннее 500 символов"),
        ("0001;\(String(repeating: "я", count: 501))\n", "строка 1: у кода 0001 нет наименования или оно длиннее 500 символов"),
        ("0001;Государство;2\n", "строка 1: «2» — признак «исключён» должен быть 0 или 1"),
        ("0001;Государство\n0001;Государство ещё раз\n", "строка 2: код 0001 уже был в строке 1"),
        ("0001;Государство\n0001.0002.0023;Органы власти\n", "строка 2: для кода 0001.0002.0023 нет родительского узла 0001.0002"),
        // A bad code on the first line is a bad line, not a header.
        ("0001.1;Государство\n", "строка 1: «0001.1» — не код классификатора (нужно четыре цифры на уровень, до четырёх уровней через точку)"),
    ])
    func badLine(_ text: String, _ problem: String) {
        let failure = Self.failure(text)
        #expect(failure?.code == "classifier_invalid")
        #expect(failure?.kind == .unprocessable)
        #expect(failure?.title == "Файл классификатора не загружен")
        #expect(failure?.detail == "Ошибки (1): \(problem). Ничего не изменено.")
    }

    @Test("every error at once, line numbers counted across quoted line breaks and CRLF")
    func allErrors() {
        let text = "code;name;obsolete\r\n"  // 1
            + "0001;\"Государство,\r\nобщество\";0\r\n"  // 2–3
            + "0001.0001;;0\r\n"  // 4
            + "00010002;Основы;0\r\n"  // 5
            + "0001.0003;Строй;может быть\r\n"  // 6
            + "\r\n"  // 7
            + "0001;Дубль;0\r\n"  // 8
            + "0001.0004.0001;Сирота;0\r\n"  // 9
        #expect(Self.failure(text)?.detail == "Ошибки (5): "
            + "строка 4: у кода 0001.0001 нет наименования или оно длиннее 500 символов; "
            + "строка 5: «00010002» — не код классификатора (нужно четыре цифры на уровень, до четырёх уровней через точку); "
            + "строка 6: «может быть» — признак «исключён» должен быть 0 или 1; "
            + "строка 8: код 0001 уже был в строке 2; "
            + "строка 9: для кода 0001.0004.0001 нет родительского узла 0001.0004. Ничего не изменено.")
    }

    @Test("old Mac line ends (CR only) count lines too, inside quotes as well")
    func carriageReturns() {
        #expect(Self.failure("0001;\"Государство,\rобщество\";0\r0001.0001;;0\r")?.detail
            == "Ошибки (1): строка 3: у кода 0001.0001 нет наименования или оно длиннее 500 символов. Ничего не изменено.")
    }

    @Test("more than 20 errors: the first 20 and how many more")
    func manyErrors() {
        let text = (1...25).map { "0001.\(String(format: "%04d", $0));Тематика без раздела" }.joined(separator: "\n")
        let detail = Self.failure(text)?.detail ?? ""
        #expect(detail.hasPrefix("Ошибки (25): строка 1: для кода 0001.0001 нет родительского узла 0001; "))
        #expect(detail.hasSuffix("строка 20: для кода 0001.0020 нет родительского узла 0001; и ещё 5. Ничего не изменено."))
    }

    @Test("an empty file, a header alone or blank lines only load nothing", arguments: ["", "code;name;obsolete\n", "\n\r\n\n", "\u{FEFF}"])
    func empty(_ text: String) {
        #expect(Self.failure(text)?.detail == "Ошибки (1): в файле нет ни одной строки классификатора. Ничего не изменено.")
    }

    // MARK: The shipped subset

    static let shippedURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/OborotDomain/Resources/appeal-topics.csv")

    @Test("the shipped classifier parses: five sections, 247 nodes, roads among the questions")
    func shipped() throws {
        let text = try String(contentsOf: Self.shippedURL, encoding: .utf8)
        let nodes = try ClassifierFile.parse(text).get()
        #expect(nodes.count == 247)
        let byCode = Dictionary(uniqueKeysWithValues: nodes.map { ($0.code, $0) })
        #expect(nodes.filter { $0.code.level == 1 }.map(\.name) == [
            "Государство, общество, политика", "Социальная сфера", "Экономика", "Оборона, безопасность, законность",
            "Жилищно-коммунальная сфера",
        ])
        #expect(nodes.filter { $0.code.level == 1 }.map(\.code.description) == ["0001", "0002", "0003", "0004", "0005"])
        #expect(byCode[code("0003.0009.0099.0742")] == TopicNode(
            code: code("0003.0009.0099.0742"), name: "Эксплуатация и сохранность автомобильных дорог", obsolete: false))
        #expect(byCode[code("0003.0009.0099")]?.name == "Транспорт")
        #expect(byCode[code("0002.0007.0074.0301")]?.name.hasPrefix("Звание \"Ветеран труда\", \"Участник трудового фронта\".") == true)
        #expect(nodes.filter(\.obsolete).map(\.code.description) == ["0003.0011.0122.0839", "0005.0005.0056.1174", "0005.0005.0056.1175"])
        #expect(nodes.filter(\.code.isQuestion).count == 174)
        #expect(nodes.allSatisfy { node in node.code.parent.map { byCode[$0] != nil } ?? true })
    }
}
