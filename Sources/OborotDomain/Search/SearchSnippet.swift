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
        let chunks = Chunks(scalars: scalars)
        // Stemming is the cost here: look at words only until the first match, then only inside the window.
        guard let first = chunks.firstMatch(of: query) else { return nil }
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
        for span in chunks.matches(of: query, within: start..<end) {
            add(position..<span.lowerBound, match: false)
            add(span, match: true)
            position = span.upperBound
        }
        add(position..<end, match: false)
        if end < scalars.count { fragments.append(Fragment(text: "…", isMatch: false)) }
        return SearchSnippet(fragments: fragments)
    }
}

/// A text cut into whitespace-separated chunks of words, matched the way the index keys them: each word by its stem
/// or number prefix, and a chunk of several parts with a digit («01-15/123») also as one number from each part on.
private struct Chunks {
    let scalars: [Unicode.Scalar]
    /// Word spans grouped by chunk.
    let groups: [[Range<Int>]]

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        var groups: [[Range<Int>]] = []
        var current: [Range<Int>] = []
        var wordStart: Int?
        for (index, scalar) in scalars.enumerated() {
            if SearchTerms.isWordScalar(scalar) {
                if wordStart == nil { wordStart = index }
                continue
            }
            if let begun = wordStart {
                current.append(begun..<index)
                wordStart = nil
            }
            if scalar.properties.isWhitespace, !current.isEmpty {
                groups.append(current)
                current = []
            }
        }
        if let begun = wordStart { current.append(begun..<scalars.count) }
        if !current.isEmpty { groups.append(current) }
        self.groups = groups
    }

    func firstMatch(of query: SearchQuery) -> Range<Int>? {
        for group in groups {
            if let span = matches(in: group, query).first { return span }
        }
        return nil
    }

    func matches(of query: SearchQuery, within window: Range<Int>) -> [Range<Int>] {
        groups.lazy.filter { ($0.first?.lowerBound ?? 0) >= window.lowerBound && ($0.last?.upperBound ?? 0) <= window.upperBound }
            .flatMap { matches(in: $0, query) }
    }

    private func matches(in group: [Range<Int>], _ query: SearchQuery) -> [Range<Int>] {
        let words = group.map(word)
        if group.count > 1, !query.numberPrefixes.isEmpty, words.contains(where: SearchTerms.isNumber) {
            for (index, key) in SearchTerms.numberKeys(parts: words).enumerated() {
                if query.numberPrefixes.contains(where: { key.hasPrefix($0) }) {
                    return [group[index].lowerBound..<group[group.count - 1].upperBound]
                }
            }
        }
        return group.indices.filter { query.matches(word: words[$0]) }.map { group[$0] }
    }

    private func word(_ span: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span])
        return SearchTerms.words(in: String(view)).joined()
    }
}
