import OborotDomain
import Testing

@Suite("Сравнение версий текста")
struct TextDiffTests {
    /// The comparison in a short readable form: " a", "+b", "-c".
    private func sketch(_ lines: [TextDiff.Line]) -> [String] {
        lines.map { line in
            switch line.change {
            case .same: " " + line.text
            case .added: "+" + line.text
            case .removed: "-" + line.text
            }
        }
    }

    @Test("identical texts are all the same, numbered on both sides")
    func identical() {
        let lines = TextDiff.lines(from: "один\nдва\nтри", to: "один\nдва\nтри")
        #expect(sketch(lines) == [" один", " два", " три"])
        #expect(lines.map(\.oldNumber) == [1, 2, 3])
        #expect(lines.map(\.newNumber) == [1, 2, 3])
        #expect(TextDiff.summary(lines) == TextDiff.Summary(added: 0, removed: 0))
        #expect(TextDiff.lines(from: "", to: "").isEmpty)
    }

    @Test("empty against text is all added, and the other way all removed")
    func emptyAgainstText() {
        let added = TextDiff.lines(from: "", to: "a\nb\n")
        #expect(sketch(added) == ["+a", "+b"])
        #expect(added.map(\.oldNumber) == [nil, nil])
        #expect(added.map(\.newNumber) == [1, 2])
        let removed = TextDiff.lines(from: "a\nb", to: "")
        #expect(sketch(removed) == ["-a", "-b"])
        #expect(removed.map(\.oldNumber) == [1, 2])
        #expect(removed.map(\.newNumber) == [nil, nil])
    }

    @Test("a line inserted in the middle")
    func insertion() {
        let lines = TextDiff.lines(from: "a\nb\nc\nd", to: "a\nb\nX\nc\nd")
        #expect(sketch(lines) == [" a", " b", "+X", " c", " d"])
        #expect(lines.map(\.oldNumber) == [1, 2, nil, 3, 4])
        #expect(lines.map(\.newNumber) == [1, 2, 3, 4, 5])
    }

    @Test("lines deleted")
    func deletion() {
        let lines = TextDiff.lines(from: "a\nb\nc\nd\ne", to: "a\nd\ne")
        #expect(sketch(lines) == [" a", "-b", "-c", " d", " e"])
        #expect(lines.map(\.oldNumber) == [1, 2, 3, 4, 5])
        #expect(lines.map(\.newNumber) == [1, nil, nil, 2, 3])
        #expect(TextDiff.summary(lines) == TextDiff.Summary(added: 0, removed: 2))
    }

    @Test("a replaced line shows removal before addition")
    func replacement() {
        let lines = TextDiff.lines(from: "a\nb\nc", to: "a\nB\nc")
        #expect(sketch(lines) == [" a", "-b", "+B", " c"])
        #expect(lines[1] == TextDiff.Line(change: .removed, text: "b", oldNumber: 2, newNumber: nil))
        #expect(lines[2] == TextDiff.Line(change: .added, text: "B", oldNumber: nil, newNumber: 2))
    }

    @Test("a moved line is one removal and one addition")
    func moved() {
        let lines = TextDiff.lines(from: "a\nb\nc\nd", to: "b\nc\nd\na")
        #expect(sketch(lines) == ["-a", " b", " c", " d", "+a"])
        #expect(TextDiff.summary(lines) == TextDiff.Summary(added: 1, removed: 1))
    }

    @Test("Cyrillic lines compare as text")
    func cyrillic() {
        let old = "Приказ № 15\nО назначении ответственного\nВесёлый район"
        let new = "Приказ № 15\nО назначении ответственных лиц\nВесёлый район"
        let lines = TextDiff.lines(from: old, to: new)
        #expect(sketch(lines) == [
            " Приказ № 15", "-О назначении ответственного", "+О назначении ответственных лиц", " Весёлый район",
        ])
    }

    @Test("CRLF and LF line ends are the same lines")
    func crlf() {
        let lines = TextDiff.lines(from: "a\r\nb\r\nc\r\n", to: "a\nb\nd\n")
        #expect(sketch(lines) == [" a", " b", "-c", "+d"])
        #expect(lines.allSatisfy { !$0.text.contains("\r") })
    }

    @Test("line numbers run on each side through a mixed diff")
    func numbers() {
        let lines = TextDiff.lines(from: "1\n2\n3\n4\n5\n6", to: "0\n1\n3\n4\nx\n6\n7")
        #expect(sketch(lines) == ["+0", " 1", "-2", " 3", " 4", "-5", "+x", " 6", "+7"])
        #expect(lines.map(\.oldNumber) == [nil, 1, 2, 3, 4, 5, nil, 6, nil])
        #expect(lines.map(\.newNumber) == [1, 2, nil, 3, 4, nil, 5, 6, 7])
    }

    @Test("beyond the limit the differing middle is all removed then all added")
    func limitFallback() {
        let old = "s\n1\n2\n3\n4\ne"
        let new = "s\n0\n1\n2\n3\n4\n5\ne"
        #expect(TextDiff.summary(TextDiff.lines(from: old, to: new)) == TextDiff.Summary(added: 2, removed: 0))
        let limited = TextDiff.lines(from: old, to: new, limit: 0)
        #expect(sketch(limited) == [" s", "-1", "-2", "-3", "-4", "+0", "+1", "+2", "+3", "+4", "+5", " e"])
    }

    @Test("50,000 different lines finish quickly by falling back")
    func hugeDifferent() {
        let old = (0..<50_000).map { "старая строка \($0)" }.joined(separator: "\n")
        let new = (0..<50_000).map { "новая строка \($0)" }.joined(separator: "\n")
        let lines = TextDiff.lines(from: old, to: new, limit: 200)
        #expect(TextDiff.summary(lines) == TextDiff.Summary(added: 50_000, removed: 50_000))
        #expect(lines.first?.change == .removed && lines.last?.change == .added)
    }

    @Test("50,000 lines with a few edits give exactly those edits")
    func hugeSimilar() {
        let old = (0..<50_000).map { "строка \($0)" }
        var new = old
        new[100] = "изменено"
        new.remove(at: 30_000)
        new.insert("вставлено", at: 45_000)
        let lines = TextDiff.lines(from: old.joined(separator: "\n"), to: new.joined(separator: "\n"))
        #expect(TextDiff.summary(lines) == TextDiff.Summary(added: 2, removed: 2))
        let rebuilt = Self.apply(lines)
        #expect(rebuilt.old == old && rebuilt.new == new)
    }

    @Test("on random texts the diff rebuilds both sides and changes as few lines as possible")
    func randomTexts() {
        var random = SeededRandom(seed: 20_240_601)
        let alphabet = ["а", "б", "в", "г", "", "д"]
        for round in 0..<400 {
            let old = (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            var new = old
            if round % 4 == 0 {
                // Unrelated texts exercise the search far from the diagonal.
                new = (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            } else {
                for _ in 0..<Int.random(in: 0...4, using: &random) {
                    let line = alphabet.randomElement(using: &random)!
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: new.insert(line, at: Int.random(in: 0...new.count, using: &random))
                    case 1 where !new.isEmpty: new.remove(at: Int.random(in: 0..<new.count, using: &random))
                    default: if !new.isEmpty { new[Int.random(in: 0..<new.count, using: &random)] = line }
                    }
                }
            }
            // A final line break would drop a trailing empty line, so end each text with one.
            let oldText = old.map { $0 + "\n" }.joined()
            let newText = new.map { $0 + "\r\n" }.joined()
            let lines = TextDiff.lines(from: oldText, to: newText)
            let rebuilt = Self.apply(lines)
            #expect(rebuilt.old == old, "round \(round)")
            #expect(rebuilt.new == new, "round \(round)")
            let summary = TextDiff.summary(lines)
            let common = Self.longestCommonSubsequence(old, new)
            #expect(summary.removed == old.count - common, "round \(round): \(old) → \(new)")
            #expect(summary.added == new.count - common, "round \(round): \(old) → \(new)")
            #expect(lines.compactMap(\.oldNumber) == Array(stride(from: 1, through: old.count, by: 1)))
            #expect(lines.compactMap(\.newNumber) == Array(stride(from: 1, through: new.count, by: 1)))
        }
    }

    /// Both sides read back from the comparison: the old side is same+removed, the new side same+added.
    private static func apply(_ lines: [TextDiff.Line]) -> (old: [String], new: [String]) {
        (lines.filter { $0.change != .added }.map(\.text), lines.filter { $0.change != .removed }.map(\.text))
    }

    /// The textbook O(n·m) table, as an independent measure of the fewest changes.
    private static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }
}
