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
}
