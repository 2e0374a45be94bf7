/// What one document is found by: the text of its card and the text of its current files, turned into terms.
public struct SearchEntry: Sendable, Equatable {
    /// File text beyond this many characters per document is not indexed: a 1,000-page annex adds nothing a person
    /// searches for, and PostgreSQL's `tsvector` has a size limit.
    public static let maxFileTextCharacters = 1_000_000

    /// The card's searchable fields, as people read them (the snippet source).
    public var cardText: String
    /// The current files' extracted text, joined and capped.
    public var fileText: String
    /// Stems of every word (for SQLite's index; PostgreSQL stems `cardText` and `fileText` itself).
    public var wordTerms: [String]
    /// Number keys of the registration and correspondent's numbers and every word with a digit.
    public var numberTerms: [String]
    /// Terms matched exactly on PostgreSQL too (its `simple` configuration): numbers and words without Cyrillic letters.
    public var exactTerms: [String] { numberTerms + wordTerms.filter { !SearchTerms.isCyrillic($0) } }
    /// Files whose text could not be read, with the reason — shown beside the result.
    public var notice: String?

    /// The card fields that are searched.
    public struct Card: Sendable, Equatable {
        public var title: String
        public var registrationNumber: String?
        public var correspondentName: String?
        public var correspondentNumber: String?
        public var notes: String?
        public var resolutionTexts: [String]

        public init(
            title: String, registrationNumber: String? = nil, correspondentName: String? = nil,
            correspondentNumber: String? = nil, notes: String? = nil, resolutionTexts: [String] = []
        ) {
            self.title = title
            self.registrationNumber = registrationNumber
            self.correspondentName = correspondentName
            self.correspondentNumber = correspondentNumber
            self.notes = notes
            self.resolutionTexts = resolutionTexts
        }
    }

    /// A current file: its text when extracted, or why there is none.
    public struct File: Sendable, Equatable {
        public enum Text: Sendable, Equatable {
            case extracted(String)
            /// Waiting for the extractor; indexed again when the text arrives.
            case pending
            /// Nothing to read (a picture, a spreadsheet): no notice.
            case none
            case failed(reason: String)
        }

        public var name: String
        public var text: Text

        public init(name: String, text: Text) {
            self.name = name
            self.text = text
        }
    }

    public static func make(card: Card, files: [File]) -> SearchEntry {
        let cardLines = [card.title, card.registrationNumber, card.correspondentName, card.correspondentNumber, card.notes]
            .compactMap { $0 } + card.resolutionTexts
        let cardText = cardLines.filter { !$0.isEmpty }.joined(separator: "\n")
        var fileText = ""
        var notices: [String] = []
        for file in files {
            switch file.text {
            case .extracted(let text):
                guard fileText.unicodeScalars.count < maxFileTextCharacters else { continue }
                if !fileText.isEmpty { fileText += "\n" }
                fileText += String(String.UnicodeScalarView(text.unicodeScalars.prefix(maxFileTextCharacters - fileText.unicodeScalars.count)))
            case .failed(let reason): notices.append(SearchTexts.extractionFailed(file.name, reason))
            case .pending, .none: break
            }
        }
        var words: [String] = []
        var numbers: [String] = []
        var seen: Set<String> = []
        for word in SearchTerms.words(in: cardText) + SearchTerms.words(in: fileText) {
            guard let term = SearchTerms.term(forWord: word), seen.insert(term).inserted else { continue }
            if SearchTerms.isNumber(term) { numbers.append(term) } else { words.append(term) }
        }
        // A number written in a text («письмо № 01-15/123») is found like a registration number: by the keys of
        // the whole whitespace-separated chunk, not only by its separate parts.
        let numberChunks = [card.registrationNumber, card.correspondentNumber].compactMap { $0 }
            + SearchTerms.numberChunks(in: cardText) + SearchTerms.numberChunks(in: fileText)
        for chunk in numberChunks {
            for key in SearchTerms.numberKeys(chunk) where seen.insert(key).inserted { numbers.append(key) }
        }
        return SearchEntry(
            cardText: cardText, fileText: fileText, wordTerms: words, numberTerms: numbers,
            notice: notices.isEmpty ? nil : notices.joined(separator: "; "))
    }
}
