/// A short piece of a text around the first place a query matches, with the matching words marked — what a result
/// list shows instead of the whole text.
public struct SearchSnippet: Sendable, Equatable {
    public struct Fragment: Sendable, Equatable {
        public var text: String
        public var isMatch: Bool

        public init(text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    public var fragments: [Fragment]

    /// The snippet as plain text, marks dropped.
    public var plainText: String { fragments.map(\.text).joined() }

    /// The snippet of `text` for `query`, about `length` characters (in Unicode scalars) starting a little before the
    /// first match; nil when nothing in `text` matches.
    public static func make(from text: String, for query: SearchQuery, length: Int = 240) -> SearchSnippet? {
        let scalars = Array(text.unicodeScalars)
        let words = wordSpans(scalars)
        // Stemming is the cost here: stem words only until the first match, then only inside the window.
        guard let first = words.first(where: { query.matches(word: normalized(scalars[$0])) }) else { return nil }
        var start = max(0, first.lowerBound - length / 4)
        // Begin at a word boundary so no word is cut in half.
        while start > 0, SearchTerms.isWordScalar(scalars[start - 1]) { start -= 1 }
        var end = min(scalars.count, start + length)
        while end < scalars.count, end < first.upperBound || SearchTerms.isWordScalar(scalars[end]) { end += 1 }
        var fragments: [Fragment] = []
        var position = start
        func add(_ range: Range<Int>, match: Bool) {
            guard !range.isEmpty else { return }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range].map { $0.properties.isWhitespace ? " " : $0 })
            fragments.append(Fragment(text: String(view), isMatch: match))
        }
        if start > 0 { fragments.append(Fragment(text: "…", isMatch: false)) }
        let window = words.filter { $0.lowerBound >= start && $0.upperBound <= end }
        for span in window where query.matches(word: normalized(scalars[span])) {
            add(position..<span.lowerBound, match: false)
            add(span, match: true)
            position = span.upperBound
        }
        add(position..<end, match: false)
        if end < scalars.count { fragments.append(Fragment(text: "…", isMatch: false)) }
        return SearchSnippet(fragments: fragments)
    }

    private static func wordSpans(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var start: Int?
        for (index, scalar) in scalars.enumerated() {
            if SearchTerms.isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let begun = start {
                spans.append(begun..<index)
                start = nil
            }
        }
        if let begun = start { spans.append(begun..<scalars.count) }
        return spans
    }

    private static func normalized(_ word: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: word)
        return SearchTerms.words(in: String(view)).first ?? ""
    }
}
