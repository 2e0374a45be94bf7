import OborotDomain
import Testing

@Suite("Поисковые термины, запрос и фрагменты")
struct SearchTermsTests {
    private typealias Fragment = SearchSnippet.Fragment

    private func query(_ text: String) throws -> SearchQuery { try SearchQuery.parse(text) }

    /// A snippet in a short readable form: marked parts in brackets, «[дороги] на улице».
    private func sketch(_ snippet: SearchSnippet?) -> String? {
        snippet?.fragments.map { $0.isMatch ? "[\($0.text)]" : $0.text }.joined()
    }

    // MARK: Words

    @Test("words are runs of letters and digits, lowercased, with «ё» read as «е»")
    func words() {
        #expect(SearchTerms.words(in: "Ремонт ДОРОГИ в 2026г.") == ["ремонт", "дороги", "в", "2026г"])
        #expect(SearchTerms.words(in: "Ёлка, ЁЖИК и всё") == ["елка", "ежик", "и", "все"])
        #expect(SearchTerms.words(in: "Swift OR NEAR") == ["swift", "or", "near"])
        #expect(SearchTerms.words(in: "") == [])
        #expect(SearchTerms.words(in: " \n\t ") == [])
        #expect(SearchTerms.words(in: "приказ") == ["приказ"])
    }

    @Test("punctuation, quotes, stars, brackets and symbols separate words")
    func separators() {
        #expect(
            SearchTerms.words(in: "«Ремонт» \"дороги\"*, (ул. Ленина)—д.5; e-mail: info@oborot.ru")
                == ["ремонт", "дороги", "ул", "ленина", "д", "5", "e", "mail", "info", "oborot", "ru"])
        #expect(SearchTerms.words(in: "a_b+c^d:e'f|g~h{i}j[k]l") == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"])
        #expect(SearchTerms.words(in: "№12 № 15 §3 ¶ 👍дорога") == ["12", "15", "3", "дорога"])
        #expect(SearchTerms.words(in: "\"*()-:^") == [])
    }

    @Test("non-ASCII letters are letters, lowercased by their Unicode mapping")
    func nonASCIILetters() {
        #expect(SearchTerms.words(in: "Müller ΣΟΦΙΑ straße Київ ЇЖАК Ўзбек") == ["müller", "σοφια", "straße", "київ", "їжак", "ўзбек"])
        // Non-ASCII digits are digits too.
        #expect(SearchTerms.words(in: "ＡＢ１２") == ["ａｂ１２"])
        #expect(SearchTerms.isNumber("ａｂ１２"))
    }

    /// Text extracted from some PDFs, and names typed on some systems, write «й» as «и» with a combining breve
    /// (NFD). Both spellings are the same text and must give the same word, scalar for scalar — the SQLite index
    /// compares bytes.
    @Test("a decomposed «й» is the same word as the composed one")
    func decomposedLetters() {
        let decomposed = SearchTerms.words(in: "Раи\u{0306}он")
        #expect(decomposed.count == 1, "\(decomposed)")
        #expect(decomposed.first.map { Array($0.unicodeScalars) } == Array("район".unicodeScalars))
    }

    @Test("Cyrillic words and number words are told apart")
    func kinds() {
        #expect(SearchTerms.isCyrillic("дорога"))
        #expect(SearchTerms.isCyrillic("вх"))
        #expect(SearchTerms.isCyrillic("київ"))
        #expect(SearchTerms.isCyrillic("wiкрай"))
        #expect(!SearchTerms.isCyrillic("vector"))
        #expect(!SearchTerms.isCyrillic("2026"))
        #expect(SearchTerms.isNumber("2026"))
        #expect(SearchTerms.isNumber("2026г"))
        #expect(SearchTerms.isNumber("п5"))
        #expect(!SearchTerms.isNumber("дорога"))
        #expect(!SearchTerms.isNumber(""))
    }

    // MARK: Terms

    @Test("stop words have no term, numbers are their own term, other words are stemmed")
    func terms() {
        for stopWord in ["и", "в", "на", "не", "или", "для", "между", "ее", "еще"] {
            #expect(SearchTerms.term(forWord: stopWord) == nil, "\(stopWord)")
        }
        for number in ["2026", "01", "0115123", "2026г", "44фз", "п5"] {
            #expect(SearchTerms.term(forWord: number) == number)
        }
        for word in ["дорога", "дороги", "дорогами", "обращения", "исполнить", "школы", "ооо"] {
            #expect(SearchTerms.term(forWord: word) == RussianStemmer.stem(word), "\(word)")
        }
        #expect(SearchTerms.term(forWord: "дороги") == "дорог")
        #expect(SearchTerms.term(forWord: "дорогами") == "дорог")
        #expect(SearchTerms.term(forWord: "vector") == "vector")
        #expect(SearchTerms.term(forWord: "or") == "or", "English stop words are ordinary words")
    }

    @Test("the terms of a text: each once, in order, without stop words")
    func termsOfText() {
        #expect(SearchTerms.terms(in: "Дорога и дороги, ремонт дорогами в 2026 и 2026") == ["дорог", "ремонт", "2026"])
        #expect(SearchTerms.terms(in: "и в на") == [])
    }

    // MARK: Numbers

    @Test("number keys: the parts joined from the start and from every later part")
    func numberKeys() {
        #expect(SearchTerms.numberKeys("01-15/123") == ["0115123", "15123", "123"])
        #expect(SearchTerms.numberKeys("123-п") == ["123п", "п"])
        #expect(SearchTerms.numberKeys("44-ФЗ") == ["44фз", "фз"])
        #expect(SearchTerms.numberKeys("№ 01 / 15") == ["0115", "15"])
        #expect(SearchTerms.numberKeys("123") == ["123"])
        #expect(SearchTerms.numberKeys("") == [])
        #expect(SearchTerms.numberKeys("-/") == [])
    }

    @Test("number chunks: whitespace-separated pieces with a digit and more than one part")
    func numberChunks() {
        #expect(SearchTerms.numberChunks(in: "письмо № 01-15/123.") == ["01-15/123."])
        #expect(SearchTerms.numberChunks(in: "отчёт за 2026 год") == [])
        #expect(SearchTerms.numberChunks(in: "(2026), №123 и 2026г") == [])
        #expect(SearchTerms.numberChunks(in: "по закону 44-ФЗ от 10.05.2026") == ["44-ФЗ", "10.05.2026"])
        #expect(SearchTerms.numberChunks(in: "ремонт-дороги в\nг.Москва") == [])
        #expect(SearchTerms.numberChunks(in: "") == [])
    }

    // MARK: Query

    @Test("a query of words: stemmed, each stem once, stop words dropped")
    func queryWords() throws {
        let parsed = try query("Ремонт дороги и школы, дорога дорогами")
        #expect(parsed.stems == ["ремонт", "дорог", "школ"])
        #expect(parsed.words == ["ремонт", "дороги", "школы"])
        #expect(parsed.exactWords == [])
        #expect(parsed.numberPrefixes == [])
        #expect(!parsed.isEmpty)
    }

    @Test("a piece with a digit is one number fragment without its separators")
    func queryNumbers() throws {
        #expect(try query("01-15/12").numberPrefixes == ["011512"])
        #expect(try query("01-15/12").stems == [])
        #expect(try query("01-15/12").isEmpty == false)
        #expect(try query("№ 123-п").numberPrefixes == ["123п"])
        #expect(try query("44-ФЗ").numberPrefixes == ["44фз"])
        #expect(try query("ст.5").numberPrefixes == ["ст5"])
        #expect(try query("ст.5").stems == [])
        #expect(try query("2026 2026 2026").numberPrefixes == ["2026"])

        let mixed = try query("Договор ООО «Vector» № 01-15/12 от 2026")
        #expect(mixed.stems == ["договор", RussianStemmer.stem("ооо"), "vector"])
        #expect(mixed.words == ["договор", "ооо"])
        #expect(mixed.exactWords == ["vector"])
        #expect(mixed.numberPrefixes == ["011512", "2026"])
    }

    @Test("Latin words are exact words, Cyrillic words are stemmed words")
    func queryScripts() throws {
        let parsed = try query("Swift сервер LLC серверы Müller")
        #expect(parsed.stems == ["swift", "сервер", "llc", "müller"])
        #expect(parsed.words == ["сервер"])
        #expect(parsed.exactWords == ["swift", "llc", "müller"])
    }

    @Test("full-text syntax typed into the box gives only plain terms")
    func querySyntax() throws {
        let parsed = try query("\"ремонт\" дорога* NEAR(школа) a OR b ( : ^ - +x {y} ремонт:")
        #expect(parsed.stems == ["ремонт", "дорог", "near", "школ", "a", "or", "b", "x", "y"])
        #expect(parsed.words == ["ремонт", "дорога", "школа"])
        #expect(parsed.exactWords == ["near", "a", "or", "b", "x", "y"])
        #expect(parsed.numberPrefixes == [])
        let terms = parsed.stems + parsed.words + parsed.exactWords + parsed.numberPrefixes
        for term in terms {
            #expect(!term.isEmpty && term.allSatisfy { $0.isLetter || $0.isNumber }, "\(term)")
        }
        #expect(try query("NEAR/2").numberPrefixes == ["near2"])
        #expect(try query("\" * ( ) : ^ - + {} \"\"").isEmpty)
    }

    @Test("nothing searchable typed is an empty query")
    func emptyQuery() throws {
        for text in ["", " ", "   \n\t ", "и в на", "«»", "* *"] {
            let parsed = try query(text)
            #expect(parsed.isEmpty, "\(text)")
            #expect(parsed.stems == [] && parsed.words == [] && parsed.exactWords == [] && parsed.numberPrefixes == [])
        }
    }

    @Test("a query of 1,000 characters is read, 1,001 is refused")
    func queryLength() throws {
        #expect(SearchQuery.maxLength == 1_000)
        let longest = String(repeating: "дорога ", count: 142) + "школа "
        #expect(longest.count == 1_000)
        #expect(try query(longest).stems == ["дорог", "школ"])
        #expect(try query(String(repeating: "a", count: 1_000)).exactWords == [String(repeating: "a", count: 1_000)])

        for tooLong in [longest + "x", String(repeating: " ", count: 1_001), String(repeating: "1", count: 5_000)] {
            let error = try #require(throws: OborotError.self) { try SearchQuery.parse(tooLong) }
            #expect(error.kind == .unprocessable)
            #expect(error.code == "search_query_too_long")
            #expect(error.title == "Данные заполнены неверно")
            #expect(error.detail.contains("Запрос слишком длинный"), "\(error.detail)")
            #expect(error.detail.contains("1000"), "\(error.detail)")
        }
    }

    /// Distinct Latin and Cyrillic words, none a stop word, no two with one stem.
    private static let latin = (0..<20).map { "w" + String(repeating: "q", count: $0) }
    private static let cyrillic = [
        "дорога", "школа", "ремонт", "письмо", "приказ", "договор", "закон", "улица", "город", "район", "отдел",
        "сотрудник", "проект", "бюджет", "больница", "мост", "парк", "вокзал", "завод", "склад",
    ]

    @Test("more than the allowed number of terms are cut, words staying those of the kept stems")
    func queryTermLimit() throws {
        #expect(Set(Self.cyrillic.compactMap(SearchTerms.term(forWord:))).count == Self.cyrillic.count)
        let typed = zip(Self.latin, Self.cyrillic).flatMap { [$0, $1] }
        #expect(typed.count > SearchQuery.maxTerms)
        let parsed = try query(typed.joined(separator: " "))
        #expect(parsed.stems.count == SearchQuery.maxTerms)
        #expect(parsed.stems == Array(typed.prefix(SearchQuery.maxTerms)).map { SearchTerms.term(forWord: $0)! })
        #expect(parsed.words.count + parsed.exactWords.count == parsed.stems.count)
        #expect(parsed.words == typed.prefix(SearchQuery.maxTerms).filter(SearchTerms.isCyrillic))
        #expect(parsed.exactWords == typed.prefix(SearchQuery.maxTerms).filter { !SearchTerms.isCyrillic($0) })
        #expect(Set(parsed.words.compactMap(SearchTerms.term(forWord:)) + parsed.exactWords) == Set(parsed.stems))

        // Exactly the limit is kept whole.
        let atLimit = try query(typed.prefix(SearchQuery.maxTerms).joined(separator: " "))
        #expect(atLimit == parsed)
    }

    @Test("with numbers, words and numbers together stay within the limit")
    func queryTermLimitWithNumbers() throws {
        let numbers = (1...10).map { "\($0)-\($0)" }
        let words = Array(Self.cyrillic.prefix(10) + Self.latin.prefix(10))
        let parsed = try query((words + numbers).joined(separator: " "))
        #expect(parsed.stems.count + parsed.numberPrefixes.count == SearchQuery.maxTerms)
        let allStems = words.map { SearchTerms.term(forWord: $0)! }
        let allNumbers = (1...10).map { "\($0)\($0)" }
        #expect(parsed.stems == Array(allStems.prefix(parsed.stems.count)))
        #expect(parsed.numberPrefixes == Array(allNumbers.prefix(parsed.numberPrefixes.count)))
        #expect(Set(parsed.words.compactMap(SearchTerms.term(forWord:)) + parsed.exactWords) == Set(parsed.stems))
        #expect(parsed.words.count + parsed.exactWords.count == parsed.stems.count)

        let onlyNumbers = try query((1...30).map { "№\($0)/1" }.joined(separator: " "))
        #expect(onlyNumbers.numberPrefixes == (1...SearchQuery.maxTerms).map { "\($0)1" })
    }

    @Test("a query matches forms of its words and numbers starting with its fragments")
    func matches() throws {
        let parsed = try query("дорога 01-15 и Vector")
        #expect(parsed.matches(word: "дороги"))
        #expect(parsed.matches(word: "дорогами"))
        #expect(parsed.matches(word: "дорога"))
        #expect(parsed.matches(word: "vector"))
        #expect(parsed.matches(word: "0115"))
        #expect(parsed.matches(word: "0115123"))
        #expect(!parsed.matches(word: "01"), "a number shorter than the fragment")
        #expect(!parsed.matches(word: "150115"), "the fragment not at the start")
        #expect(!parsed.matches(word: "и"), "a stop word of the query")
        #expect(!parsed.matches(word: "школа"))
        #expect(!parsed.matches(word: "дорожный"))
        #expect(!parsed.matches(word: ""))
        #expect(try query("2026").matches(word: "2026г"))
        #expect(try query("2026").matches(word: "2026"))
        #expect(!(try query("дорога").matches(word: "2026")))
    }

    // MARK: Snippet

    @Test("no snippet when nothing in the text matches")
    func snippetNoMatch() throws {
        #expect(SearchSnippet.make(from: "Ремонт школы на улице Ленина", for: try query("дорога")) == nil)
        #expect(SearchSnippet.make(from: "", for: try query("дорога")) == nil)
        #expect(SearchSnippet.make(from: "Ремонт дороги", for: try query("")) == nil)
        #expect(SearchSnippet.make(from: "и в на", for: try query("и")) == nil)
        #expect(SearchSnippet.make(from: "№ 2025 и 12026", for: try query("2026")) == nil)
        #expect(SearchSnippet.make(from: "дороги7 и дорога2026", for: try query("дорога")) == nil, "number words are not forms")
    }

    @Test("a short text is the whole snippet, its matching word marked in any form")
    func snippetShort() throws {
        let snippet = SearchSnippet.make(from: "Ремонт дороги на улице Ленина", for: try query("дорога"))
        #expect(snippet?.fragments == [
            Fragment(text: "Ремонт ", isMatch: false), Fragment(text: "дороги", isMatch: true),
            Fragment(text: " на улице Ленина", isMatch: false),
        ])
        #expect(snippet?.plainText == "Ремонт дороги на улице Ленина")
        #expect(sketch(SearchSnippet.make(from: "ДОРОГАМИ", for: try query("дорога"))) == "[ДОРОГАМИ]")
        #expect(sketch(SearchSnippet.make(from: "Ёлки у дороги", for: try query("елка"))) == "[Ёлки] у дороги")
        #expect(sketch(SearchSnippet.make(from: "Договор с Vector LLC", for: try query("vector"))) == "Договор с [Vector] LLC")
    }

    @Test("numbers starting with a number fragment are marked")
    func snippetNumbers() throws {
        #expect(sketch(SearchSnippet.make(from: "Отчёт за 2026 год", for: try query("2026"))) == "Отчёт за [2026] год")
        #expect(sketch(SearchSnippet.make(from: "Письмо № 123 от 2026г.", for: try query("12 2026"))) == "Письмо № [123] от [2026г].")
        #expect(sketch(SearchSnippet.make(from: "Письмо № 01-15/123 о ремонте", for: try query("123"))) == "Письмо № 01-15/[123] о ремонте")
    }

    /// A document is found by «01-15/12» through the key «0115123» of the number «01-15/123» in its card or text
    /// (`SearchEntry.numberTerms`), so its snippet must show that number rather than nothing.
    @Test("a number typed with separators is marked where the document has it")
    func snippetNumberWithSeparators() throws {
        let text = "Письмо № 01-15/123 о ремонте"
        let entry = SearchEntry.make(card: .init(title: text), files: [])
        let typed = try query("01-15/12")
        #expect(entry.numberTerms.contains { key in typed.numberPrefixes.allSatisfy { key.hasPrefix($0) } })
        let snippet = SearchSnippet.make(from: text, for: typed)
        #expect(snippet != nil)
        #expect(snippet?.fragments.contains { $0.isMatch && $0.text.hasPrefix("01") } == true, "\(String(describing: sketch(snippet)))")
    }

    @Test("every match inside the window is marked, and nothing else")
    func snippetAllMatches() throws {
        let text = "Дорога у дороги, дорогами и дорог. Дорожный знак."
        let parsed = try query("дорога")
        let snippet = try #require(SearchSnippet.make(from: text, for: parsed))
        #expect(sketch(snippet) == "[Дорога] у [дороги], [дорогами] и [дорог]. Дорожный знак.")
        for fragment in snippet.fragments where !fragment.isMatch {
            #expect(!SearchTerms.words(in: fragment.text).contains(where: parsed.matches(word:)), "\(fragment.text)")
        }
        #expect(sketch(SearchSnippet.make(from: "Ремонт школы и дороги у школы", for: try query("школа дорога")))
            == "Ремонт [школы] и [дороги] у [школы]")
    }

    @Test("whitespace in a snippet: each whitespace character becomes one space")
    func snippetWhitespace() throws {
        let snippet = SearchSnippet.make(from: "Ремонт\nдороги\t\tсрочно\r\nи\u{00A0}в срок", for: try query("дорога"))
        #expect(snippet?.fragments == [
            Fragment(text: "Ремонт ", isMatch: false), Fragment(text: "дороги", isMatch: true),
            Fragment(text: "  срочно  и в срок", isMatch: false),
        ])
        #expect(snippet?.plainText.contains { $0.isNewline || $0 == "\t" } == false)
    }

    @Test("a match far into a long text: «…» before and after, the match a little after the start")
    func snippetLongText() throws {
        let before = (0..<100).map { "слово\($0)" }.joined(separator: " ")
        let after = (100..<200).map { "слово\($0)" }.joined(separator: " ")
        let text = before + " дороги " + after
        let snippet = try #require(SearchSnippet.make(from: text, for: try query("дорога")))
        #expect(snippet.fragments.first == Fragment(text: "…", isMatch: false))
        #expect(snippet.fragments.last == Fragment(text: "…", isMatch: false))
        #expect(snippet.fragments.filter(\.isMatch) == [Fragment(text: "дороги", isMatch: true)])
        #expect(snippet.plainText == snippet.fragments.map(\.text).joined())
        let core = snippet.fragments.dropFirst().dropLast().map(\.text).joined()
        let matchIndex = try #require(snippet.fragments.firstIndex { $0.isMatch })
        let lead = snippet.fragments[1..<matchIndex].map(\.text).joined()
        // About a quarter of the length before the match, widened to a whole word.
        #expect(lead.unicodeScalars.count >= 240 / 4 && lead.unicodeScalars.count <= 240 / 4 + 9, "\(lead)")
        #expect(core.unicodeScalars.count >= 240 && core.unicodeScalars.count <= 240 + 8)

        // A match at the very start: no «…» before, one after.
        let atStart = try #require(SearchSnippet.make(from: "Дорога " + after, for: try query("дорога")))
        #expect(atStart.fragments.first == Fragment(text: "Дорога", isMatch: true))
        #expect(atStart.fragments.last == Fragment(text: "…", isMatch: false))
        // A match near the end: «…» before, none after.
        let atEnd = try #require(SearchSnippet.make(from: before + " дорога.", for: try query("дорога")))
        #expect(atEnd.fragments.first == Fragment(text: "…", isMatch: false))
        #expect(atEnd.plainText.hasSuffix("дорога."))
        #expect(atEnd.fragments.suffix(2) == [Fragment(text: "дорога", isMatch: true), Fragment(text: ".", isMatch: false)])
        // A window starting after a lone dash still says the text begins earlier.
        #expect(sketch(SearchSnippet.make(from: "— дорога", for: try query("дорога"), length: 4)) == "… [дорога]")
        // Only the final full stop left out is still a cut.
        #expect(sketch(SearchSnippet.make(from: "Ремонт дороги.", for: try query("дорога"), length: 6)) == "Ремонт [дороги]…")
        #expect(sketch(SearchSnippet.make(from: "Ремонт дороги.", for: try query("дорога"), length: 14)) == "Ремонт [дороги].")
    }

    /// Where `part` occurs in `whole`, by Unicode scalars.
    private func occurrences(of part: [Unicode.Scalar], in whole: [Unicode.Scalar]) -> [Int] {
        guard !part.isEmpty, part.count <= whole.count else { return [] }
        return (0...(whole.count - part.count)).filter { whole[$0..<($0 + part.count)].elementsEqual(part) }
    }

    private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        Character(scalar).isLetter || Character(scalar).isNumber
    }

    @Test("a snippet never cuts a word, is about the length asked for, and has «…» exactly where the text goes on")
    func snippetBoundaries() throws {
        let shapes = ["асфальтобетонного", "по", "ул.", "Ленина,", "д.", "строение", "(корп.", "2)", "и\n", "—"]
        let longestWord = shapes.map { $0.unicodeScalars.count }.max()! + 3
        let parsed = try query("дорога")
        for matchAt in [0, 1, 3, 10, 40, 120, 199] {
            var pieces = (0..<200).map { shapes[$0 % shapes.count] + "\($0)" }
            pieces[matchAt] = matchAt % 2 == 0 ? "дороги" : "«Дорогами»"
            let text = pieces.joined(separator: matchAt % 3 == 0 ? " " : "\n")
            let scalars = Array(text.unicodeScalars).map { $0.properties.isWhitespace ? " " : $0 }
            for length in [20, 37, 60, 100, 240, 10_000] {
                let label = "match at \(matchAt), length \(length)"
                let snippet = try #require(SearchSnippet.make(from: text, for: parsed, length: length), "\(label)")
                #expect(snippet.plainText == snippet.fragments.map(\.text).joined())
                #expect(snippet.fragments.filter(\.isMatch).count == 1, "\(label)")
                let ellipsis = Fragment(text: "…", isMatch: false)
                let leading = snippet.fragments.first == ellipsis
                let trailing = snippet.fragments.last == ellipsis
                let core = Array(snippet.fragments.dropFirst(leading ? 1 : 0).dropLast(trailing ? 1 : 0).map(\.text).joined().unicodeScalars)
                let found = occurrences(of: core, in: scalars)
                try #require(found.count == 1, "\(label): the snippet is a piece of the text")
                let start = found[0], end = found[0] + core.count
                #expect(start == 0 || !isWordScalar(scalars[start - 1]), "\(label): a word cut at the start")
                #expect(end == scalars.count || !isWordScalar(scalars[end]), "\(label): a word cut at the end")
                #expect(leading == (start > 0), "\(label)")
                #expect(trailing == (end < scalars.count), "\(label)")
                #expect(snippet.plainText.unicodeScalars.count <= length + longestWord + 2, "\(label)")
                if end < scalars.count { #expect(core.count >= length, "\(label): cut shorter than asked") }
            }
        }
    }

    // MARK: Entry

    @Test("the card text joins the non-empty fields in order, one a line")
    func entryCardText() {
        let card = SearchEntry.Card(
            title: "Ремонт дороги", registrationNumber: "01-15/123", correspondentName: "",
            correspondentNumber: "ВХ-77/2", notes: "Срочно", resolutionTexts: ["Исполнить", "", "Доложить"])
        let entry = SearchEntry.make(card: card, files: [])
        #expect(entry.cardText == "Ремонт дороги\n01-15/123\nВХ-77/2\nСрочно\nИсполнить\nДоложить")
        #expect(entry.fileText == "")
        #expect(entry.notice == nil)
        let full = SearchEntry.make(
            card: .init(title: "Т", registrationNumber: "1", correspondentName: "ООО «Ромашка»", correspondentNumber: "2", notes: "Н"),
            files: [])
        #expect(full.cardText == "Т\n1\nООО «Ромашка»\n2\nН")
        #expect(SearchEntry.make(card: .init(title: ""), files: []).cardText == "")
    }

    @Test("word terms: each stem once, stop words dropped, from the card and the files")
    func entryWordTerms() {
        let entry = SearchEntry.make(
            card: .init(title: "Ремонт дороги и школы", notes: "Дорога, дорогами"),
            files: [.init(name: "a.txt", text: .extracted("Школа на ремонте. Vector LLC")), .init(name: "b.txt", text: .extracted("обращения"))])
        let expected = ["ремонт", "дороги", "школы", "vector", "llc", "обращения"].map(RussianStemmer.stem)
        #expect(entry.wordTerms == expected)
        #expect(entry.wordTerms.contains("дорог"))
        #expect(Set(entry.wordTerms).count == entry.wordTerms.count)
        #expect(!entry.wordTerms.contains("и") && !entry.wordTerms.contains("на"))
        #expect(entry.numberTerms == [])
        #expect(entry.exactTerms == ["vector", "llc"])
        #expect(entry.fileText == "Школа на ремонте. Vector LLC\nобращения")
    }

    @Test("number terms: the parts, and the keys of the card's numbers and of numbers written in texts")
    func entryNumberTerms() {
        let entry = SearchEntry.make(
            card: .init(title: "Ответ на запрос", registrationNumber: "01-15/123", correspondentNumber: "ВХ-77/2"),
            files: [.init(name: "письмо.docx", text: .extracted("См. письмо № 02-7/45. по закону 44-ФЗ, 2026 год"))])
        #expect(entry.numberTerms == [
            "01", "15", "123", "77", "2", "02", "7", "45", "44", "2026",
            "0115123", "15123", "вх772", "772", "02745", "745", "44фз",
        ])
        #expect(Set(entry.numberTerms).count == entry.numberTerms.count)
        #expect(Set(entry.numberTerms).isDisjoint(with: entry.wordTerms))
        #expect(entry.wordTerms.contains("вх") && entry.wordTerms.contains("фз"))
        // Every query fragment of these numbers finds a key.
        for typed in ["01-15/123", "01-15", "15/12", "123", "вх-77", "77/2", "02-7/4", "7/45", "44-ФЗ"] {
            let key = SearchTerms.words(in: typed).joined()
            #expect(entry.numberTerms.contains { $0.hasPrefix(key) }, "\(typed)")
        }
        #expect(entry.exactTerms == entry.numberTerms, "every word here is Cyrillic")
    }

    @Test("a card number written with spaces is still found as a whole")
    func entrySpacedNumbers() {
        let entry = SearchEntry.make(
            card: .init(title: "Письмо", registrationNumber: "01-15 / 123", correspondentNumber: "ВХ 77/2"), files: [])
        #expect(entry.cardText == "Письмо\n01-15 / 123\nВХ 77/2")
        for key in ["0115123", "15123", "123", "вх772", "772", "2"] {
            #expect(entry.numberTerms.contains(key), "\(key)")
        }
    }

    @Test("exact terms are the numbers and the words without Cyrillic letters")
    func entryExactTerms() {
        let entry = SearchEntry.make(card: .init(title: "Договор 12-Б с Vector GmbH и Müller", notes: "дорога"), files: [])
        #expect(entry.numberTerms == ["12", "12б"])
        #expect(entry.exactTerms == ["12", "12б", "vector", "gmbh", "müller"])
        #expect(!entry.exactTerms.contains("дорог"))
        #expect(!entry.exactTerms.contains(RussianStemmer.stem("договор")))
    }

    @Test("a file whose text failed gives a notice with its name; pending and textless files give none")
    func entryNotices() {
        let quiet = SearchEntry.make(
            card: .init(title: "Приказ"),
            files: [.init(name: "скан.pdf", text: .pending), .init(name: "фото.jpg", text: .none)])
        #expect(quiet.notice == nil)
        #expect(quiet.fileText == "")
        #expect(quiet.wordTerms == ["приказ"])

        let entry = SearchEntry.make(
            card: .init(title: "Приказ"),
            files: [
                .init(name: "скан.pdf", text: .failed(reason: "PDF повреждён или защищён паролем")),
                .init(name: "фото.jpg", text: .none),
                .init(name: "текст.txt", text: .extracted("дорога")),
                .init(name: "ожидает.docx", text: .pending),
                .init(name: "таблица.xlsx", text: .failed(reason: "формат не поддерживается")),
            ])
        let notice = entry.notice
        #expect(notice?.contains("скан.pdf") == true)
        #expect(notice?.contains("таблица.xlsx") == true)
        #expect(notice?.contains("текст не извлечён") == true)
        #expect(notice?.contains("PDF повреждён или защищён паролем") == true)
        #expect(notice?.contains("фото.jpg") == false)
        #expect(notice?.contains("ожидает.docx") == false)
        #expect(notice?.contains("текст.txt") == false)
        #expect(notice == "«скан.pdf»: текст не извлечён — PDF повреждён или защищён паролем; «таблица.xlsx»: текст не извлечён — формат не поддерживается")
        #expect(entry.fileText == "дорога")
    }

    @Test("file texts are joined and capped at the per-document limit")
    func entryFileTextCap() {
        let limit = SearchEntry.maxFileTextCharacters
        #expect(limit == 1_000_000)
        let big = String(repeating: "word ", count: (limit - 10) / 5)
        #expect(big.unicodeScalars.count == limit - 10)
        let entry = SearchEntry.make(
            card: .init(title: "Приложение"),
            files: [
                .init(name: "большой.txt", text: .extracted(big)),
                .init(name: "хвост.txt", text: .extracted("0123456789 обрезано")),
                .init(name: "лишний.txt", text: .extracted("лишний")),
                .init(name: "поздний.pdf", text: .failed(reason: "нет программы")),
            ])
        #expect(entry.fileText.unicodeScalars.count == limit)
        #expect(entry.fileText.hasPrefix(big + "\n"))
        #expect(entry.fileText.hasSuffix("\n012345678"))
        #expect(entry.numberTerms == ["012345678"])
        #expect(entry.wordTerms == [RussianStemmer.stem("приложение"), "word"])
        #expect(!entry.wordTerms.contains(RussianStemmer.stem("обрезано")))
        #expect(!entry.wordTerms.contains(RussianStemmer.stem("лишний")))
        #expect(entry.notice?.contains("поздний.pdf") == true, "a notice does not depend on the cap")

        // Under the cap nothing is cut; one long file alone is cut at the limit.
        let small = SearchEntry.make(card: .init(title: ""), files: [.init(name: "a", text: .extracted("один")), .init(name: "b", text: .extracted("два три"))])
        #expect(small.fileText == "один\nдва три")
        let huge = SearchEntry.make(card: .init(title: ""), files: [.init(name: "a", text: .extracted(String(repeating: "я", count: limit + 500)))])
        #expect(huge.fileText.unicodeScalars.count == limit)
        #expect(huge.fileText.unicodeScalars.allSatisfy { $0 == "я" })
    }
}
