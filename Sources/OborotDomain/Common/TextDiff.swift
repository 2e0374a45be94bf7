/// A line-by-line comparison of two versions of a text, for the "compare versions" view.
public enum TextDiff {
    /// What happened to one line between the old and the new text.
    public enum Change: String, Sendable, Equatable { case same, added, removed }

    /// One line of the comparison with its number in the old and/or the new text (1-based).
    public struct Line: Sendable, Equatable {
        /// Whether the line is in both texts, only the new one or only the old one.
        public let change: Change
        /// The line without its line break.
        public let text: String
        /// The line's number in the old text, or nil for an added line.
        public let oldNumber: Int?
        /// The line's number in the new text, or nil for a removed line.
        public let newNumber: Int?

        /// Makes a line; numbers are 1-based and absent on the side the line is not in.
        public init(change: Change, text: String, oldNumber: Int?, newNumber: Int?) {
            self.change = change
            self.text = text
            self.oldNumber = oldNumber
            self.newNumber = newNumber
        }
    }

    /// How many lines were added and removed.
    public struct Summary: Sendable, Equatable {
        /// Lines only in the new text.
        public let added: Int
        /// Lines only in the old text.
        public let removed: Int

        /// Makes a summary from the two counts.
        public init(added: Int, removed: Int) {
            self.added = added
            self.removed = removed
        }
    }

    /// Myers O(ND) diff of the lines of `old` and `new` (split on \n, \r\n); `limit` bounds the edit distance
    /// explored, beyond which the differing middle part is shown as all removed then all added.
    public static func lines(from old: String, to new: String, limit: Int = 20_000) -> [Line] {
        let oldLines = split(old)
        let newLines = split(new)
        // Lines become small integers so the inner loops compare numbers, not strings.
        var ids: [String: Int32] = [:]
        func intern(_ line: String) -> Int32 {
            if let id = ids[line] { return id }
            let id = Int32(ids.count)
            ids[line] = id
            return id
        }
        var search = Search(a: oldLines.map(intern), b: newLines.map(intern), limit: max(limit, 0))
        search.run()

        var result: [Line] = []
        result.reserveCapacity(max(oldLines.count, newLines.count))
        var i = 0
        var j = 0
        // Within each hunk removals come first, which is how people read a replacement.
        while i < oldLines.count || j < newLines.count {
            if i < oldLines.count, search.removed[i] {
                result.append(Line(change: .removed, text: oldLines[i], oldNumber: i + 1, newNumber: nil))
                i += 1
            } else if j < newLines.count, search.added[j] {
                result.append(Line(change: .added, text: newLines[j], oldNumber: nil, newNumber: j + 1))
                j += 1
            } else {
                result.append(Line(change: .same, text: oldLines[i], oldNumber: i + 1, newNumber: j + 1))
                i += 1
                j += 1
            }
        }
        return result
    }

    /// Counts the added and removed lines of a comparison.
    public static func summary(_ lines: [Line]) -> Summary {
        var added = 0
        var removed = 0
        for line in lines {
            switch line.change {
            case .added: added += 1
            case .removed: removed += 1
            case .same: break
            }
        }
        return Summary(added: added, removed: removed)
    }

    /// Splits on LF and CRLF at the byte level, because Swift treats "\r\n" as one Character; a final line
    /// break does not start an extra empty line.
    static func split(_ text: String) -> [String] {
        var lines: [String] = []
        let bytes = Array(text.utf8)
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            let end = index > start && bytes[index - 1] == 0x0D ? index - 1 : index
            lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.count {
            lines.append(String(decoding: bytes[start...], as: UTF8.self))
        }
        return lines
    }
}

extension TextDiff {
    /// Linear-space Myers: find the middle of an optimal edit path, split there, repeat on both halves.
    /// Marks every old line that is removed and every new line that is added.
    struct Search {
        let a: [Int32]
        let b: [Int32]
        let limit: Int
        var removed: [Bool]
        var added: [Bool]

        init(a: [Int32], b: [Int32], limit: Int) {
            self.a = a
            self.b = b
            self.limit = limit
            removed = Array(repeating: false, count: a.count)
            added = Array(repeating: false, count: b.count)
        }

        mutating func run() {
            compare(aLow: 0, aHigh: a.count, bLow: 0, bHigh: b.count)
        }

        private mutating func compare(aLow: Int, aHigh: Int, bLow: Int, bHigh: Int) {
            var aLow = aLow, aHigh = aHigh, bLow = bLow, bHigh = bHigh
            while aLow < aHigh, bLow < bHigh, a[aLow] == b[bLow] {
                aLow += 1
                bLow += 1
            }
            while aLow < aHigh, bLow < bHigh, a[aHigh - 1] == b[bHigh - 1] {
                aHigh -= 1
                bHigh -= 1
            }
            let n = aHigh - aLow
            let m = bHigh - bLow
            if n == 0 || m == 0 {
                markChanged(aLow..<aHigh, bLow..<bHigh)
                return
            }
            // A split at a corner would recurse on the same problem forever; it cannot happen, but be safe.
            guard let (x, y) = middle(aLow: aLow, n: n, bLow: bLow, m: m),
                  (x, y) != (0, 0), (x, y) != (n, m) else {
                markChanged(aLow..<aHigh, bLow..<bHigh)
                return
            }
            compare(aLow: aLow, aHigh: aLow + x, bLow: bLow, bHigh: bLow + y)
            compare(aLow: aLow + x, aHigh: aHigh, bLow: bLow + y, bHigh: bHigh)
        }

        private mutating func markChanged(_ old: Range<Int>, _ new: Range<Int>) {
            for index in old { removed[index] = true }
            for index in new { added[index] = true }
        }

        /// Runs the forward and the backward search together until they meet; returns the meeting point
        /// relative to the range, or nil when the edit distance exceeds `limit` (or nothing is in common).
        private func middle(aLow: Int, n: Int, bLow: Int, m: Int) -> (Int, Int)? {
            let maxD = min((n + m + 1) / 2, limit / 2 + 1)
            // forward[maxD + k]: furthest x reached on diagonal k = x - y from the top left; backward likewise
            // from the bottom right; -1 where not reached yet.
            var forwardStorage = [Int](repeating: -1, count: 2 * maxD + 1)
            var backwardStorage = [Int](repeating: -1, count: 2 * maxD + 1)
            forwardStorage[maxD + 1] = 0
            backwardStorage[maxD + 1] = 0
            // Raw buffers: this loop runs up to limit² times, and bounds checks would double its cost.
            return a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    forwardStorage.withUnsafeMutableBufferPointer { forward in
                        backwardStorage.withUnsafeMutableBufferPointer { backward in
                            Self.meet(a: UnsafeBufferPointer(rebasing: a[aLow..<(aLow + n)]),
                                      b: UnsafeBufferPointer(rebasing: b[bLow..<(bLow + m)]),
                                      maxD: maxD, forward: forward, backward: backward)
                        }
                    }
                }
            }
        }

        private static func meet(a: UnsafeBufferPointer<Int32>, b: UnsafeBufferPointer<Int32>, maxD: Int,
                                 forward: UnsafeMutableBufferPointer<Int>,
                                 backward: UnsafeMutableBufferPointer<Int>) -> (Int, Int)? {
            let n = a.count
            let m = b.count
            let offset = maxD
            let width = 2 * maxD
            let delta = n - m
            // With an odd delta the paths can first meet on a forward step, with an even one on a backward step.
            let checkOnForward = delta % 2 != 0
            // Diagonals that ran off the grid are skipped from then on.
            var forwardStart = 0, forwardEnd = 0, backwardStart = 0, backwardEnd = 0
            for d in 0..<maxD {
                for k in stride(from: -d + forwardStart, through: d - forwardEnd, by: 2) {
                    let index = offset + k
                    var x = k == -d || (k != d && forward[index - 1] < forward[index + 1])
                        ? forward[index + 1] : forward[index - 1] + 1
                    var y = x - k
                    while x < n, y < m, a[x] == b[y] {
                        x += 1
                        y += 1
                    }
                    forward[index] = x
                    if x > n {
                        forwardEnd += 2
                    } else if y > m {
                        forwardStart += 2
                    } else if checkOnForward {
                        let other = offset + delta - k
                        if other >= 0, other < width, backward[other] != -1, x >= n - backward[other] {
                            return (x, y)
                        }
                    }
                }
                for k in stride(from: -d + backwardStart, through: d - backwardEnd, by: 2) {
                    let index = offset + k
                    var x = k == -d || (k != d && backward[index - 1] < backward[index + 1])
                        ? backward[index + 1] : backward[index - 1] + 1
                    var y = x - k
                    while x < n, y < m, a[n - x - 1] == b[m - y - 1] {
                        x += 1
                        y += 1
                    }
                    backward[index] = x
                    if x > n {
                        backwardEnd += 2
                    } else if y > m {
                        backwardStart += 2
                    } else if !checkOnForward {
                        let other = offset + delta - k
                        if other >= 0, other < width, forward[other] != -1 {
                            let forwardX = forward[other]
                            let forwardY = forwardX - (other - offset)
                            if forwardX >= n - x { return (forwardX, forwardY) }
                        }
                    }
                }
            }
            return nil
        }
    }
}
