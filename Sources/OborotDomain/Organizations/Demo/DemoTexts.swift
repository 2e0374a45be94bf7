/// Russian word forms the demo generator needs. Covers the adjective endings that occur in the region's names.
public enum DemoTexts {
    /// «Азовский» → «Азовского», «Верхнедонской» → «Верхнедонского», «Грушевское» → «Грушевского».
    public static func genitive(ofAdjective word: String) -> String {
        let stem = word.dropLast(2)
        switch word.suffix(2) {
        case "ее":
            return stem + "его"
        case "ое", "ой", "ый":
            return stem + "ого"
        case "ий":
            // Hard stems (Азовский) take «-ого», soft and hushing ones (Верхний, Свежий) take «-его».
            return stem + (stem.hasSuffix("к") || stem.hasSuffix("г") || stem.hasSuffix("х") ? "ого" : "его")
        default:
            return word
        }
    }

    /// «Александровское» → «Александровская» (for «… средняя школа»).
    public static func feminine(ofNeuterAdjective word: String) -> String {
        if word.hasSuffix("ее") { return word.dropLast(2) + "яя" }
        if word.hasSuffix("ое") { return word.dropLast(2) + "ая" }
        return word
    }

    /// The head's title from a body's full name: «Министерство …» → «Министр …».
    static func headTitle(forBody fullName: String) -> String {
        let lower = fullName.lowercased()
        if lower.hasPrefix("министерство") { return "Министр" }
        if lower.hasPrefix("комитет") { return "Председатель комитета" }
        if lower.hasPrefix("департамент") { return "Директор департамента" }
        if lower.hasPrefix("управление") { return "Начальник управления" }
        if lower.hasPrefix("инспекция") { return "Начальник инспекции" }
        if lower.hasPrefix("региональная служба") { return "Руководитель службы" }
        return "Руководитель"
    }

    /// A body's typical nomenclature of case files.
    static let nomenclature: [(title: String, retention: Retention)] = [
        ("Постановления и распоряжения Губернатора и Правительства (копии)", .permanent),
        ("Приказы по основной деятельности", .permanent),
        ("Переписка с федеральными органами власти", .years(5)),
        ("Переписка с органами местного самоуправления", .years(5)),
        ("Обращения граждан и документы по их рассмотрению", .years(5)),
        ("Документы о выполнении поручений Губернатора", .years(5)),
        ("Протоколы совещаний у руководителя", .permanent),
        ("Номенклатура дел", .permanent),
    ]

    /// Outside organisations that write to the region's bodies.
    static let correspondents: [(name: String, address: String)] = [
        ("Министерство финансов Российской Федерации", "г. Москва, ул. Ильинка, д. 9"),
        ("Министерство цифрового развития, связи и массовых коммуникаций Российской Федерации", "г. Москва, Пресненская наб., д. 10"),
        ("Прокуратура Ростовской области", "г. Ростов-на-Дону, пер. Соборный, д. 14"),
        ("Управление Федерального казначейства по Ростовской области", "г. Ростов-на-Дону, ул. Большая Садовая, д. 49"),
        ("Законодательное Собрание Ростовской области", "г. Ростов-на-Дону, ул. Социалистическая, д. 112"),
        ("Контрольно-счётная палата Ростовской области", "г. Ростов-на-Дону, ул. Социалистическая, д. 112"),
        ("ПАО «Россети Юг»", "г. Ростов-на-Дону, ул. Большая Садовая, д. 49"),
        ("АО «Ростовводоканал»", "г. Ростов-на-Дону, ул. 1-я Луговая, д. 9"),
        ("ООО «Донские дороги»", "г. Ростов-на-Дону, пр. Ворошиловский, д. 33"),
        ("ГУ МЧС России по Ростовской области", "г. Ростов-на-Дону, ул. Нансена, д. 253"),
        ("Южный федеральный университет", "г. Ростов-на-Дону, ул. Большая Садовая, д. 105/42"),
        ("Общественная палата Ростовской области", "г. Ростов-на-Дону, ул. Социалистическая, д. 112"),
    ]
}
