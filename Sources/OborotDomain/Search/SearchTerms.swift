/// How text becomes search terms, identically when a card is indexed and when a query is read.
///
/// Words are maximal runs of letters and digits, lowercased with «ё» read as «е». A word with a digit is a number
/// and is kept as it is; other words are reduced to their Snowball stem, and stop words are dropped (PostgreSQL's
/// `russian` configuration drops them too, so both databases answer alike).
public enum SearchTerms {
    /// The words of `text`, normalised, in order.
    public static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xAD:
                continue  // a soft hyphen: invisible, inside a word
            case 0x300...0x36F:
                // A combining mark (text from some PDFs): «и» + breve is «й»; other marks only decorate the letter.
                if scalar.value == 0x306, current.last == "и" {
                    current.removeLast()
                    current.append("й")
                }
                continue
            default:
                break
            }
            if isWordScalar(scalar) {
                appendLowercased(scalar, to: &current)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// The term a word is indexed and searched under, or nil for a stop word.
    public static func term(forWord word: String) -> String? {
        if isNumber(word) { return word }
        if RussianStopWords.all.contains(word) { return nil }
        return RussianStemmer.stem(word)
    }

    /// The terms of `text`, each once, in order of first appearance.
    public static func terms(in text: String) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for word in words(in: text) {
            guard let term = term(forWord: word), seen.insert(term).inserted else { continue }
            result.append(term)
        }
        return result
    }

    /// The keys a registration number is found by: its letters and digits joined, from the start and from every
    /// part after a separator, so «01-15/123» is found by «0115123», «01-15», «15/12» and «123».
    public static func numberKeys(_ number: String) -> [String] {
        numberKeys(parts: words(in: number))
    }

    /// The keys of a number already cut into its parts: key `i` starts at part `i`.
    public static func numberKeys(parts: [String]) -> [String] {
        parts.indices.map { parts[$0...].joined() }
    }

    /// The whitespace-separated pieces of `text` that hold a digit and more than one word («01-15/123», «44-ФЗ»):
    /// what a query reads as one number fragment.
    public static func numberChunks(in text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).compactMap { chunk in
            guard chunk.unicodeScalars.contains(where: { $0.properties.numericType != nil }) else { return nil }
            let parts = words(in: String(chunk))
            return parts.count > 1 ? String(chunk) : nil
        }
    }

    /// A word with a Cyrillic letter: stemmed as Russian on both databases.
    public static func isCyrillic(_ word: String) -> Bool {
        word.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) }
    }

    /// A word with a digit in it: a number, a date or a code, matched by prefix and never stemmed.
    public static func isNumber(_ word: String) -> Bool {
        word.unicodeScalars.contains { $0.properties.numericType != nil }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x410...0x44F, 0x401, 0x451: true
        case 0...0x7F: false
        case 0xAD, 0x300...0x36F: true  // soft hyphens and combining marks belong to the word they sit in
        default: scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    private static func appendLowercased(_ scalar: Unicode.Scalar, to word: inout String.UnicodeScalarView) {
        switch scalar.value {
        case 0x41...0x5A, 0x410...0x42F: word.append(Unicode.Scalar(scalar.value + 0x20)!)
        case 0x401, 0x451: word.append("е")
        case 0...0x7F, 0x430...0x44F: word.append(scalar)
        default:
            for mapped in scalar.properties.lowercaseMapping.unicodeScalars { word.append(mapped == "ё" ? "е" : mapped) }
        }
    }
}

/// Russian function words that carry no meaning for search; PostgreSQL's `russian` configuration ignores the same
/// words (this list must contain all of its stop words — the PostgreSQL search tests check it).
public enum RussianStopWords {
    public static let all: Set<String> = Set(
        """
        и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня
        еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь
        там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз
        тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы
        нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти
        нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя
        такой им более всегда конечно всю между
        """.split(whereSeparator: \.isWhitespace).map(String.init))
}
