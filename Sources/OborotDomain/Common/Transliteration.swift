/// Russian to Latin letters for logins and file names (close to the passport system of приказ МВД № 889).
public enum Transliteration {
    private static let table: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "",
        "э": "e", "ю": "iu", "я": "ia",
    ]

    /// Lowercase Latin text; letters outside both alphabets and digits become `separator`, runs collapsed.
    public static func latin(_ text: String, separator: Character = "-") -> String {
        var result = ""
        for character in text.lowercased() {
            if let latin = table[character] {
                result += latin
            } else if character.isASCII, character.isLetter || character.isNumber {
                result.append(character)
            } else if result.last != separator, !result.isEmpty {
                result.append(separator)
            }
        }
        while result.last == separator { result.removeLast() }
        return result
    }
}
