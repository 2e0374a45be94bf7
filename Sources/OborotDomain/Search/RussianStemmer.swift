/// The Snowball Russian stemming algorithm (https://snowballstem.org/algorithms/russian/stemmer.html), written from
/// its published description so SQLite's full-text index and the query agree with PostgreSQL's `russian`
/// configuration, which runs the same algorithm.
///
/// Words are arrays of Unicode scalar values; every suffix list is matched longest first, as Snowball's `among` does,
/// and a suffix whose condition fails does not fall back to a shorter one.
public enum RussianStemmer {
    /// The stem of one lowercase word; «ё» is read as «е». Words without a Cyrillic vowel come back unchanged.
    public static func stem(_ word: String) -> String {
        var letters = Array(word.unicodeScalars).map { $0 == "ё" ? "е" : $0 }
        guard let rv = regionAfterFirstVowel(letters) else { return word }
        let r2 = secondRegion(letters, from: rv)
        stem(&letters, rv: rv, r2: r2)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: letters)
        return String(result)
    }

    private static let vowels: Set<Unicode.Scalar> = ["а", "е", "и", "о", "у", "ы", "э", "ю", "я"]

    /// RV: the part after the first vowel (nil when there is none, so there is nothing to remove).
    private static func regionAfterFirstVowel(_ letters: [Unicode.Scalar]) -> Int? {
        letters.firstIndex(where: vowels.contains).map { $0 + 1 }
    }

    /// R2: R1 of R1, where R1 starts after the first non-vowel that follows a vowel. Counted from RV, whose start is
    /// already just past the first vowel.
    private static func secondRegion(_ letters: [Unicode.Scalar], from rv: Int) -> Int {
        var index = rv
        func pastNonVowel() -> Bool {
            while index < letters.count {
                defer { index += 1 }
                if !vowels.contains(letters[index]) { return true }
            }
            return false
        }
        func pastVowel() -> Bool {
            while index < letters.count {
                defer { index += 1 }
                if vowels.contains(letters[index]) { return true }
            }
            return false
        }
        guard pastNonVowel(), pastVowel(), pastNonVowel() else { return letters.count }
        return index
    }

    private static func stem(_ word: inout [Unicode.Scalar], rv: Int, r2: Int) {
        // Step 1.
        if !removePerfectiveGerund(&word, rv: rv) {
            _ = removeLongest(Suffixes.reflexive, from: &word, rv: rv)
            if !removeAdjectival(&word, rv: rv) && !removeVerb(&word, rv: rv) {
                _ = removeLongest(Suffixes.noun, from: &word, rv: rv)
            }
        }
        // Step 2.
        if word.count > rv, word.last == "и" { word.removeLast() }
        // Step 3: the derivational ending must lie in R2.
        if let match = longestMatch(Suffixes.derivational, in: word, rv: rv), word.count - match.count >= r2 {
            word.removeLast(match.count)
        }
        // Step 4.
        if let match = longestMatch(Suffixes.superlative, in: word, rv: rv) {
            word.removeLast(match.count)
            undoubleN(&word, rv: rv)
        } else if word.count - 2 >= rv, word.suffix(2).elementsEqual(["н", "н"]) {
            word.removeLast()
        } else if word.count > rv, word.last == "ь" {
            word.removeLast()
        }
    }

    private static func undoubleN(_ word: inout [Unicode.Scalar], rv: Int) {
        if word.count - 2 >= rv, word.suffix(2).elementsEqual(["н", "н"]) { word.removeLast() }
    }

    private static func removePerfectiveGerund(_ word: inout [Unicode.Scalar], rv: Int) -> Bool {
        removeGrouped(Suffixes.perfectiveGerund, from: &word, rv: rv)
    }

    /// An adjective ending, and before it optionally a participle ending.
    private static func removeAdjectival(_ word: inout [Unicode.Scalar], rv: Int) -> Bool {
        guard removeLongest(Suffixes.adjective, from: &word, rv: rv) else { return false }
        _ = removeGrouped(Suffixes.participle, from: &word, rv: rv)
        return true
    }

    private static func removeVerb(_ word: inout [Unicode.Scalar], rv: Int) -> Bool {
        removeGrouped(Suffixes.verb, from: &word, rv: rv)
    }

    /// Removes the longest suffix of a two-group list: group 1 only after «а» or «я» (which stay, and must be in RV).
    private static func removeGrouped(_ groups: Suffixes.Grouped, from word: inout [Unicode.Scalar], rv: Int) -> Bool {
        guard let match = longestMatch(groups.afterAOrYa + groups.anywhere, in: word, rv: rv) else { return false }
        if groups.afterAOrYa.contains(where: { $0 == match }) {
            let before = word.count - match.count - 1
            guard before >= rv, word[before] == "а" || word[before] == "я" else { return false }
        }
        word.removeLast(match.count)
        return true
    }

    private static func removeLongest(_ suffixes: [[Unicode.Scalar]], from word: inout [Unicode.Scalar], rv: Int) -> Bool {
        guard let match = longestMatch(suffixes, in: word, rv: rv) else { return false }
        word.removeLast(match.count)
        return true
    }

    /// The longest of `suffixes` that ends the word inside RV.
    private static func longestMatch(_ suffixes: [[Unicode.Scalar]], in word: [Unicode.Scalar], rv: Int) -> [Unicode.Scalar]? {
        var best: [Unicode.Scalar]?
        for suffix in suffixes where suffix.count > (best?.count ?? 0) {
            if word.count - suffix.count >= rv, word.suffix(suffix.count).elementsEqual(suffix) { best = suffix }
        }
        return best
    }
}

/// The ending lists of the algorithm.
private enum Suffixes {
    struct Grouped {
        /// Removed only when preceded by «а» or «я».
        var afterAOrYa: [[Unicode.Scalar]]
        var anywhere: [[Unicode.Scalar]]
    }

    static func list(_ words: String) -> [[Unicode.Scalar]] {
        words.split(separator: " ").map { Array($0.unicodeScalars) }
    }

    static let perfectiveGerund = Grouped(
        afterAOrYa: list("в вши вшись"), anywhere: list("ив ивши ившись ыв ывши ывшись"))
    static let adjective = list("ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею")
    static let participle = Grouped(afterAOrYa: list("ем нн вш ющ щ"), anywhere: list("ивш ывш ующ"))
    static let reflexive = list("ся сь")
    static let verb = Grouped(
        afterAOrYa: list("ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно"),
        anywhere: list("ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю"))
    static let noun = list("а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я")
    static let derivational = list("ост ость")
    static let superlative = list("ейш ейше")
}
