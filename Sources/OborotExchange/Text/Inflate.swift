extension DocumentText {
    /// Raw DEFLATE (RFC 1951) decoding with a hard cap on the output.
    ///
    /// Ours rather than ZIPFoundation's: on Linux its inflate loop spins forever when a crafted entry's stream
    /// runs to the end of the file without a final block, and it cannot be told where the entry's bytes end.
    /// Here the input is exactly the entry's compressed bytes and running out of them is an error.
    struct Inflater {
        enum Problem: Error { case corrupt, tooLarge }

        private let input: [UInt8]
        private let limit: Int
        private var position = 0
        private var bits: UInt64 = 0
        private var bitCount = 0
        private(set) var output: [UInt8] = []

        /// Inflates `input` into at most `limit` bytes.
        static func inflate(_ input: [UInt8], limit: Int, expectedSize: Int) throws(Problem) -> [UInt8] {
            var inflater = Inflater(input: input, limit: limit)
            inflater.output.reserveCapacity(min(expectedSize, limit))
            try inflater.run()
            return inflater.output
        }

        private init(input: [UInt8], limit: Int) {
            self.input = input
            self.limit = limit
        }

        private mutating func run() throws(Problem) {
            var last = false
            var dynamicBlocks = 0
            while !last {
                last = try take(1) == 1
                switch try take(2) {
                case 0: try stored()
                case 1: try codes(Self.fixedLiterals, Self.fixedDistances)
                case 2:
                    // Each dynamic block builds its tables; a stream of near-empty ones would be a CPU bomb in a few
                    // bytes of input. Real encoders emit one per tens of kilobytes of output.
                    dynamicBlocks += 1
                    if dynamicBlocks > 16, dynamicBlocks > output.count / 64 { throw .corrupt }
                    let (literals, distances) = try dynamicTables()
                    try codes(literals, distances)
                default: throw .corrupt
                }
            }
        }

        /// Loads whole bytes only, so the unread ones can be handed back to a stored block.
        private mutating func take(_ count: Int) throws(Problem) -> Int {
            while bitCount < count {
                guard position < input.count else { throw .corrupt }
                bits |= UInt64(input[position]) << UInt64(bitCount)
                position += 1
                bitCount += 8
            }
            let value = Int(bits & ((1 << UInt64(count)) - 1))
            bits >>= UInt64(count)
            bitCount -= count
            return value
        }

        private mutating func stored() throws(Problem) {
            // Drop the partial byte and give back whole bytes still in the bit buffer.
            position -= bitCount / 8
            bits = 0
            bitCount = 0
            guard position + 4 <= input.count else { throw .corrupt }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            let check = Int(input[position + 2]) | Int(input[position + 3]) << 8
            position += 4
            guard length == ~check & 0xFFFF, position + length <= input.count else { throw .corrupt }
            guard output.count + length <= limit else { throw .tooLarge }
            output.append(contentsOf: input[position..<(position + length)])
            position += length
        }

        private mutating func codes(_ literals: Huffman, _ distances: Huffman) throws(Problem) {
            while true {
                let symbol = try decode(literals)
                if symbol < 256 {
                    guard output.count < limit else { throw .tooLarge }
                    output.append(UInt8(symbol))
                } else if symbol == 256 {
                    return
                } else {
                    let lengthIndex = symbol - 257
                    guard lengthIndex < Self.lengthBase.count else { throw .corrupt }
                    let length = Self.lengthBase[lengthIndex] + (try take(Self.lengthExtra[lengthIndex]))
                    let distanceIndex = try decode(distances)
                    guard distanceIndex < Self.distanceBase.count else { throw .corrupt }
                    let distance = Self.distanceBase[distanceIndex] + (try take(Self.distanceExtra[distanceIndex]))
                    guard distance <= output.count else { throw .corrupt }
                    guard output.count + length <= limit else { throw .tooLarge }
                    let start = output.count - distance
                    // Byte by byte on purpose: a match may overlap the bytes it is producing.
                    for offset in 0..<length { output.append(output[start + offset]) }
                }
            }
        }

        private mutating func decode(_ code: Huffman) throws(Problem) -> Int {
            // Peek up to 15 bits; near the end of the input fewer may be there, which is fine for short codes.
            while bitCount < Huffman.maxBits, position < input.count {
                bits |= UInt64(input[position]) << UInt64(bitCount)
                position += 1
                bitCount += 8
            }
            let entry = code.table[Int(bits & UInt64(Huffman.tableSize - 1))]
            let length = Int(entry & 0xFF)
            guard length > 0, length <= bitCount else { throw .corrupt }
            bits >>= UInt64(length)
            bitCount -= length
            return Int(entry >> 8)
        }

        private mutating func dynamicTables() throws(Problem) -> (Huffman, Huffman) {
            let literalCount = try take(5) + 257
            let distanceCount = try take(5) + 1
            let lengthCodeCount = try take(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else { throw .corrupt }
            var lengthLengths = [Int](repeating: 0, count: 19)
            for index in 0..<lengthCodeCount { lengthLengths[Self.lengthOrder[index]] = try take(3) }
            let lengthCode = try Huffman(lengths: lengthLengths)
            var lengths: [Int] = []
            lengths.reserveCapacity(literalCount + distanceCount)
            while lengths.count < literalCount + distanceCount {
                let symbol = try decode(lengthCode)
                switch symbol {
                case 0..<16: lengths.append(symbol)
                case 16:
                    guard let previous = lengths.last else { throw .corrupt }
                    lengths.append(contentsOf: repeatElement(previous, count: 3 + (try take(2))))
                case 17: lengths.append(contentsOf: repeatElement(0, count: 3 + (try take(3))))
                default: lengths.append(contentsOf: repeatElement(0, count: 11 + (try take(7))))
                }
            }
            guard lengths.count == literalCount + distanceCount, lengths[256] > 0 else { throw .corrupt }
            return (try Huffman(lengths: Array(lengths[..<literalCount])),
                    try Huffman(lengths: Array(lengths[literalCount...])))
        }

        /// A canonical Huffman code as one lookup table indexed by the next 15 input bits (least significant first).
        struct Huffman: Sendable {
            static let maxBits = 15
            static let tableSize = 1 << maxBits
            /// symbol << 8 | code length; a length of 0 marks a bit pattern no code starts with.
            let table: [UInt32]

            init(lengths: [Int]) throws(Problem) {
                var counts = [Int](repeating: 0, count: Self.maxBits + 1)
                for length in lengths { counts[length] += 1 }
                counts[0] = 0
                var left = 1
                for length in 1...Self.maxBits {
                    left = left << 1 - counts[length]
                    guard left >= 0 else { throw .corrupt }  // over-subscribed
                }
                var next = [Int](repeating: 0, count: Self.maxBits + 2)
                for length in 1...Self.maxBits { next[length + 1] = (next[length] + counts[length]) << 1 }
                var table = [UInt32](repeating: 0, count: Self.tableSize)
                for (symbol, length) in lengths.enumerated() where length > 0 {
                    let code = next[length]
                    next[length] += 1
                    var reversed = 0
                    for bit in 0..<length where code & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
                    for fill in stride(from: reversed, to: Self.tableSize, by: 1 << length) {
                        table[fill] = UInt32(symbol) << 8 | UInt32(length)
                    }
                }
                self.table = table
            }
        }

        private static let fixedLiterals = try! Huffman(
            lengths: Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112)
                + Array(repeating: 7, count: 24) + Array(repeating: 8, count: 8))
        private static let fixedDistances = try! Huffman(lengths: Array(repeating: 5, count: 30))
        private static let lengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        private static let lengthBase = [
            3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
            227, 258,
        ]
        private static let lengthExtra = [
            0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
        ]
        private static let distanceBase = [
            1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
            4097, 6145, 8193, 12289, 16385, 24577,
        ]
        private static let distanceExtra = [
            0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
        ]
    }
}
