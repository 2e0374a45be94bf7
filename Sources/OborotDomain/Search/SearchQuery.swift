/// What a person typed into the search box, read into terms. Nothing typed is ever syntax: quotes, stars, `OR`,
/// `NEAR` and brackets are separators or ordinary words, so no query can break the database's full-text parser.
public struct SearchQuery: Sendable, Equatable {
    /// The longest query accepted; longer ones are refused rather than silently cut.
    public static let maxLength = 1_000
    /// Only this many terms are used: more only make the query slower, never better.
    public static let maxTerms = 24

    /// Stems every document must contain.
    public var stems: [String]
    /// The normalised Cyrillic words behind `stems`, for PostgreSQL, which stems them itself with the same algorithm.
    public var words: [String]
    /// Words without Cyrillic letters (Latin names, codes), matched as they are on both databases — PostgreSQL's
    /// `russian` configuration would otherwise stem them as English and drop English stop words such as «or».
    public var exactWords: [String] = []
    /// Number keys (`SearchTerms.numberKeys`) a document's numbers or number words must start with.
    public var numberPrefixes: [String]

    public init(stems: [String], words: [String], numberPrefixes: [String]) {
        self.stems = stems
        self.words = words
        self.numberPrefixes = numberPrefixes
    }

    /// True when nothing searchable was typed: the latest documents are shown instead.
    public var isEmpty: Bool { stems.isEmpty && numberPrefixes.isEmpty }

    /// Reads a query. A term with a digit is a number fragment with its separators dropped («01-15/12» → «011512»);
    /// other terms are words, stemmed, without stop words.
    public static func parse(_ text: String) throws(OborotError) -> SearchQuery {
        guard text.count <= maxLength else {
            throw OborotError(
                .unprocessable, code: "search_query_too_long", title: CommonTexts.validationTitle,
                detail: SearchTexts.queryTooLong(maxLength))
        }
        var query = SearchQuery(stems: [], words: [], numberPrefixes: [])
        for chunk in text.split(whereSeparator: { $0.isWhitespace }) {
            let words = SearchTerms.words(in: String(chunk))
            if words.contains(where: SearchTerms.isNumber) {
                let key = words.joined()
                if !query.numberPrefixes.contains(key) { query.numberPrefixes.append(key) }
                continue
            }
            for word in words {
                guard let stem = SearchTerms.term(forWord: word), !query.stems.contains(stem) else { continue }
                query.stems.append(stem)
                if SearchTerms.isCyrillic(word) { query.words.append(word) } else { query.exactWords.append(word) }
            }
        }
        let excess = query.stems.count + query.numberPrefixes.count - maxTerms
        if excess > 0 {
            // Numbers narrow a search the most: words go first.
            query.numberPrefixes = Array(query.numberPrefixes.prefix(maxTerms))
            let keptWords = maxTerms - query.numberPrefixes.count
            query.stems = Array(query.stems.prefix(keptWords))
            let kept = Set(query.stems)
            query.words = query.words.filter { SearchTerms.term(forWord: $0).map(kept.contains) ?? false }
            query.exactWords = query.exactWords.filter { kept.contains($0) }
        }
        return query
    }

    /// Whether one word of a text is what this query looks for (for highlighting).
    public func matches(word: String) -> Bool {
        if SearchTerms.isNumber(word) { return numberPrefixes.contains { word.hasPrefix($0) } }
        guard let term = SearchTerms.term(forWord: word) else { return false }
        return stems.contains(term)
    }
}

/// The Russian wording of search.
public enum SearchTexts {
    static func queryTooLong(_ limit: Int) -> String {
        "Запрос слишком длинный: не больше \(limit) символов. Сократите его до ключевых слов или номера."
    }
    public static let notExtractedPrefix = "текст не извлечён"
    public static let extracting = "текст файла извлекается для поиска"
    public static let pdfToolMissing =
        "программа pdftotext не установлена — PDF найден только по карточке (установите пакет poppler-utils)"
    public static let unsupportedFormat = "формат файла не поддерживается для поиска по тексту"
    public static func extractionFailed(_ fileName: String, _ reason: String) -> String {
        "«\(fileName)»: \(notExtractedPrefix) — \(reason)"
    }
    public static let corruptPDF = "PDF повреждён или защищён паролем"
}
