extension QRCode {
    /// How the codewords of one version and level split into Reed–Solomon blocks (ISO/IEC 18004 table 9).
    struct BlockLayout {
        /// All codewords the symbol holds, data and error correction together.
        let totalCodewords: Int
        /// Error correction codewords in each block; every block of a symbol has the same number.
        let eccPerBlock: Int
        let blockCount: Int

        var dataCodewords: Int { totalCodewords - eccPerBlock * blockCount }

        init(version: Int, level: QRCode.ErrorCorrection) {
            let row = Self.row(level)
            totalCodewords = ModuleGrid.dataModuleCount(version: version) / 8
            eccPerBlock = Int(Self.eccPerBlock[row][version - 1])
            blockCount = Int(Self.blockCount[row][version - 1])
        }

        /// Splits the data into blocks, appends each block's error correction and interleaves them column by column,
        /// so that a burst of damage in the symbol spreads over many blocks instead of exhausting one.
        func interleavedWithErrorCorrection(_ data: [UInt8]) -> [UInt8] {
            precondition(data.count == dataCodewords)
            // When the data does not divide evenly, the first blocks are one codeword shorter than the rest.
            let shortLength = dataCodewords / blockCount
            let longBlocks = dataCodewords % blockCount
            var blocks: [ArraySlice<UInt8>] = []
            var start = 0
            for index in 0..<blockCount {
                let length = shortLength + (index >= blockCount - longBlocks ? 1 : 0)
                blocks.append(data[start..<(start + length)])
                start += length
            }
            let generator = ReedSolomon.generator(degree: eccPerBlock)
            let corrections = blocks.map { ReedSolomon.remainder(of: $0, generator: generator) }

            var result: [UInt8] = []
            result.reserveCapacity(totalCodewords)
            for column in 0...shortLength {
                for block in blocks where column < block.count { result.append(block[block.startIndex + column]) }
            }
            for column in 0..<eccPerBlock {
                for correction in corrections { result.append(correction[column]) }
            }
            return result
        }

        private static func row(_ level: QRCode.ErrorCorrection) -> Int {
            switch level {
            case .low: 0
            case .medium: 1
            case .quartile: 2
            case .high: 3
            }
        }

        /// Error correction codewords per block for versions 1...40; rows are L, M, Q, H.
        private static let eccPerBlock: [[UInt8]] = [
            [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
             28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
            [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
             26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
            [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
             28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
            [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
             30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        ]

        /// Reed–Solomon blocks for versions 1...40; rows are L, M, Q, H.
        private static let blockCount: [[UInt8]] = [
            [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
             8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
            [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
             17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
            [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
             23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
            [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
             25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
        ]
    }

    /// Reed–Solomon error correction over GF(2^8) with the QR field polynomial x^8 + x^4 + x^3 + x^2 + 1.
    enum ReedSolomon {
        /// Powers of the generator element 2; doubled in length so a product's log sum needs no modulo.
        private static let exponents: [UInt8] = {
            var table = [UInt8](repeating: 0, count: 512)
            var value = 1
            for power in 0..<255 {
                table[power] = UInt8(value)
                value <<= 1
                if value & 0x100 != 0 { value ^= 0x11D }
            }
            for power in 255..<512 { table[power] = table[power - 255] }
            return table
        }()

        private static let logarithms: [Int] = {
            var table = [Int](repeating: 0, count: 256)
            for power in 0..<255 { table[Int(exponents[power])] = power }
            return table
        }()

        static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
            if a == 0 || b == 0 { return 0 }
            return exponents[logarithms[Int(a)] + logarithms[Int(b)]]
        }

        /// Coefficients of (x - 2^0)(x - 2^1)...(x - 2^(degree-1)), highest power first, the leading 1 included.
        static func generator(degree: Int) -> [UInt8] {
            var polynomial: [UInt8] = [1]
            for root in 0..<degree {
                var next = polynomial + [0]
                for index in 1..<next.count { next[index] ^= multiply(polynomial[index - 1], exponents[root]) }
                polynomial = next
            }
            return polynomial
        }

        /// The remainder of data·x^degree divided by the generator: the error correction codewords of one block.
        static func remainder(of data: ArraySlice<UInt8>, generator: [UInt8]) -> [UInt8] {
            let degree = generator.count - 1
            var remainder = [UInt8](repeating: 0, count: degree)
            for byte in data {
                let factor = byte ^ remainder[0]
                remainder.removeFirst()
                remainder.append(0)
                for index in 0..<degree { remainder[index] ^= multiply(generator[index + 1], factor) }
            }
            return remainder
        }
    }
}
