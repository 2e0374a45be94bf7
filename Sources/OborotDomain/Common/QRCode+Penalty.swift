extension QRCode.ModuleGrid {
    /// The mask evaluation score of ISO/IEC 18004 section 7.8.3; lower is easier to read.
    ///
    /// - N1: each run of five or more same-coloured modules in a row or column scores 3, plus 1 per module over 5.
    /// - N2: each 2×2 block of one colour scores 3 (overlapping blocks count separately).
    /// - N3: each dark-light-dark-dark-dark-light-dark run with four light modules before or after it scores 40;
    ///   the light quiet zone counts as light, since a reader sees it so, and two such runs sharing an end module
    ///   both count (segno skips the second, so on rare symbols it picks another mask than we do).
    /// - N4: 10 for every full 5 % the share of dark modules strays from half.
    func penalty() -> Int {
        var transposed = [Bool](repeating: false, count: size * size)
        for y in 0..<size {
            for x in 0..<size { transposed[x * size + y] = dark[y * size + x] }
        }
        var score = 0
        for line in 0..<size {
            score += Self.lineScore(dark[(line * size)..<(line * size + size)])
            score += Self.lineScore(transposed[(line * size)..<(line * size + size)])
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = dark[y * size + x]
                if dark[y * size + x + 1] == colour, dark[(y + 1) * size + x] == colour,
                   dark[(y + 1) * size + x + 1] == colour {
                    score += 3
                }
            }
        }
        let darkCount = dark.reduce(0) { $0 + ($1 ? 1 : 0) }
        let total = size * size
        score += 10 * (abs(darkCount * 100 - total * 50) / (total * 5))
        return score
    }

    /// N1 and N3 for one row or column.
    private static func lineScore(_ line: ArraySlice<Bool>) -> Int {
        let modules = Array(line)
        let count = modules.count
        var score = 0
        var runStart = 0
        for index in 1...count where index == count || modules[index] != modules[runStart] {
            let length = index - runStart
            if length >= 5 { score += length - 2 }
            runStart = index
        }
        func isLight(_ range: Range<Int>) -> Bool {
            range.allSatisfy { $0 < 0 || $0 >= count || !modules[$0] }
        }
        let finderLike: [Bool] = [true, false, true, true, true, false, true]
        if count >= 7 {
            for start in 0...(count - 7) where modules[start..<(start + 7)].elementsEqual(finderLike) {
                if isLight((start - 4)..<start) || isLight((start + 7)..<(start + 11)) { score += 40 }
            }
        }
        return score
    }
}
