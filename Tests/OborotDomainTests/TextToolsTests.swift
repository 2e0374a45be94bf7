import Foundation
import OborotDomain
import Testing

@Suite("Текст: поиск и транслитерация")
struct TextToolsTests {
    @Test("search text is case-insensitive and treats ё as е")
    func normalize() {
        #expect(SearchText.normalize("  Весёловское   СЕЛЬСКОЕ\tпоселение ") == "веселовское сельское поселение")
        #expect(SearchText.combine("Минфин", nil, "ИНН 123") == "минфин инн 123")
    }

    @Test("LIKE patterns escape their own wildcards")
    func like() {
        #expect(SearchText.likePattern(containing: "50%_a\\b") == "%50\\%\\_a\\\\b%")
        #expect(SearchText.likePrefixPattern("аз") == "аз%")
    }

    @Test("transliteration for logins", arguments: [
        ("Минфин РО", "minfin-ro"), ("Азовский район", "azovskii-raion"), ("г. Ростов-на-Дону", "g-rostov-na-donu"),
        ("Щёлково", "shchelkovo"), ("Объём", "obieem"),
    ])
    func latin(_ input: String, _ expected: String) {
        #expect(Transliteration.latin(input) == expected)
    }
}

@Suite("Шестнадцатеричная запись")
struct HexTests {
    @Test("bytes print as lowercase hex, two digits each")
    func encode() {
        #expect(Hex.encode([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(Hex.encode([UInt8]()) == "")
        #expect(SessionToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

@Suite("Нормализация для поиска")
struct SearchNormalizationTests {
    @Test("the fast path agrees with Foundation on Russian and Latin text, and folds ё")
    func agreement() {
        let samples = [
            "ПРИКАЗ № 5 «О мерах»", "Ёлкино, ул. Щорса", "Mixed CASE Ärger Straße", "  пробелы\t\nи   переводы  ",
            "ΑΒΓ греческие", "ИНН 6163027810", "",
        ]
        for sample in samples {
            let foundation = sample.lowercased().replacingOccurrences(of: "ё", with: "е")
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(SearchText.normalize(sample) == foundation, "\(sample)")
        }
    }
}
