import Foundation
import OborotDomain
import Testing

@Suite("Русский стеммер Snowball")
struct RussianStemmerTests {
    /// The published Snowball pairs (see the header of the file for where they come from).
    private static func publishedPairs() throws -> [(word: String, stem: String)] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Data/snowball-russian.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).compactMap { line -> (word: String, stem: String)? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            let fields = trimmed.split(whereSeparator: \.isWhitespace)
            guard fields.count == 2 else { return (word: trimmed, stem: "<malformed line>") }
            return (word: String(fields[0]), stem: String(fields[1]))
        }
    }

    @Test("every published Snowball pair is reproduced")
    func publishedVocabulary() throws {
        let pairs = try Self.publishedPairs()
        // An empty or unreadable file must not pass as "no mismatches".
        #expect(pairs.count > 4000)
        let mismatches = pairs.compactMap { pair -> String? in
            let stem = RussianStemmer.stem(pair.word)
            return stem == pair.stem ? nil : "\(pair.word): expected \(pair.stem), got \(stem)"
        }
        #expect(
            mismatches.isEmpty,
            "\(mismatches.count) of \(pairs.count) differ:\n\(mismatches.prefix(20).joined(separator: "\n"))"
        )
    }

    @Test("forms of one word share a stem")
    func sharedStems() {
        let appeal = ["обращение", "обращения", "обращений", "обращением"].map(RussianStemmer.stem)
        #expect(Set(appeal).count == 1, "\(appeal)")
        let road = ["дорога", "дорог", "дорогами"].map(RussianStemmer.stem)
        #expect(Set(road).count == 1, "\(road)")
        #expect(RussianStemmer.stem("ёлка") == RussianStemmer.stem("елка"))
        #expect(RussianStemmer.stem("ёлка") == "елк")
    }

    @Test("words without Cyrillic vowels, one letter, empty and digits come back unchanged")
    func unchanged() {
        for word in ["тш", "вр", "пст", "ммм", "swift"] {
            #expect(RussianStemmer.stem(word) == word, "no vowel: \(word)")
        }
        for word in ["в", "к", "с", "и", "а", "о", "у", "я"] {
            #expect(RussianStemmer.stem(word) == word, "one letter: \(word)")
        }
        #expect(RussianStemmer.stem("") == "")
        #expect(RussianStemmer.stem("2026") == "2026")
        #expect(RussianStemmer.stem("12") == "12")
    }

    /// Hand-picked words for each step of the algorithm; the stems are those of the Python reference
    /// (snowballstemmer 3.1.1, `stemmer('russian')`).
    private static let steps: [(String, String)] = [
        // Perfective gerund: «в», «вши», «вшись» after «а»/«я», and «ывшись» of group 2.
        ("прочитав", "прочита"), ("прочитавши", "прочита"), ("прочитавшись", "прочита"), ("умывшись", "ум"),
        // Reflexive «ся»/«сь», then the verb or participle ending.
        ("улыбнулся", "улыбнул"), ("умываюсь", "умыва"), ("смеялась", "смея"), ("учиться", "уч"),
        // Adjectival: an adjective ending with a participle suffix before it.
        ("читающий", "чита"), ("читающего", "чита"), ("прочитанного", "прочита"), ("бегущий", "бегущ"),
        // Verb endings of both groups.
        ("говорил", "говор"), ("читаешь", "чита"), ("работают", "работа"), ("делаете", "дела"),
        // Noun endings.
        ("документами", "документ"), ("приказу", "приказ"), ("организации", "организац"),
        // The «и» step: a noun ending removed, then a final «и».
        ("гениев", "ген"), ("санаториев", "санатор"),
        // Derivational «ость» only in R2.
        ("активность", "активн"), ("активности", "активн"), ("радость", "радост"), ("стоимость", "стоимост"),
        // Superlative «ейш»/«ейше».
        ("красивейший", "красив"), ("добрейшая", "добр"), ("сильнейшим", "сильн"),
        // Undoubling «нн», alone and after the superlative.
        ("длинный", "длин"), ("каменный", "камен"), ("длиннейший", "длин"),
        // The soft sign left after a noun ending.
        ("друзьями", "друз"), ("воробьев", "вороб"), ("семьей", "сем"),
        // «ё» is read as «е».
        ("ёж", "еж"), ("ёжик", "ежик"),
    ]

    @Test("each step of the algorithm", arguments: steps)
    func algorithmStep(word: String, stem: String) {
        #expect(RussianStemmer.stem(word) == stem)
    }
}
