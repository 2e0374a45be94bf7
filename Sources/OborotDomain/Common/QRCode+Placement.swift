extension QRCode {
    /// The module matrix while a symbol is built: colours plus which modules belong to function patterns, which data
    /// placement and masking must leave alone.
    struct ModuleGrid {
        let version: Int
        let size: Int
        private(set) var dark: [Bool]
        private var reserved: [Bool]

        /// A grid with finders, separators, timing and alignment patterns drawn and the format and version areas
        /// reserved (they are written once the mask is known).
        init(version: Int) {
            self.version = version
            size = 17 + 4 * version
            dark = Array(repeating: false, count: size * size)
            reserved = Array(repeating: false, count: size * size)
            drawFunctionPatterns()
        }

        /// Modules left for data and error correction. Counted from the pattern geometry rather than tabulated:
        /// three finders with separators and format areas (3 × 64 + 31, the dark module included), the two timing
        /// lines, the alignment patterns (less the timing modules they cover) and, from version 7, two version blocks.
        static func dataModuleCount(version: Int) -> Int {
            let size = 17 + 4 * version
            var count = size * size - 3 * 64 - 31 - 2 * (size - 16)
            if version >= 2 {
                let perSide = version / 7 + 2
                count -= 25 * (perSide * perSide - 3)
                count += 2 * 5 * (perSide - 2)
            }
            if version >= 7 { count -= 2 * 18 }
            return count
        }

        /// Centre coordinates of alignment patterns along one axis: 6, then evenly spaced (an even step) back from
        /// `size - 7`, so the first gap absorbs the rounding. Version 32 is the one the standard spaces differently.
        static func alignmentCenters(version: Int) -> [Int] {
            guard version >= 2 else { return [] }
            let size = 17 + 4 * version
            let count = version / 7 + 2
            let span = size - 13
            var step = (span + count - 2) / (count - 1)
            step += step % 2
            if version == 32 { step = 26 }
            var centers = [6]
            for index in stride(from: count - 2, through: 0, by: -1) { centers.append(size - 7 - index * step) }
            return centers
        }

        // MARK: Function patterns

        private mutating func set(_ x: Int, _ y: Int, _ isDark: Bool) {
            dark[y * size + x] = isDark
            reserved[y * size + x] = true
        }

        private mutating func drawFunctionPatterns() {
            // Finders with their light separators: concentric squares, dark at distances 0, 1 and 3 from the centre.
            for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
                for dy in -4...4 {
                    for dx in -4...4 {
                        let x = cx + dx, y = cy + dy
                        guard x >= 0, x < size, y >= 0, y < size else { continue }
                        let distance = max(abs(dx), abs(dy))
                        set(x, y, distance != 2 && distance != 4)
                    }
                }
            }
            for index in 8..<(size - 8) {
                set(index, 6, index % 2 == 0)
                set(6, index, index % 2 == 0)
            }
            let centers = Self.alignmentCenters(version: version)
            // Every pair of centres gets a pattern, except the three corners the finders take.
            for cy in centers {
                for cx in centers {
                    let first = centers.first!, last = centers.last!
                    let underFinder = (cx == first && (cy == first || cy == last)) || (cx == last && cy == first)
                    if underFinder { continue }
                    for dy in -2...2 {
                        for dx in -2...2 { set(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1) }
                    }
                }
            }
            // Format and version information (with the dark module that stands beside them) are written only once the
            // mask is chosen, as the standard orders the steps; until then their modules are reserved and light.
            for index in 0..<9 where index != 6 {  // 6 is where the timing patterns cross the format areas
                set(8, index, false)
                set(index, 8, false)
            }
            for index in 0..<8 {
                set(size - 1 - index, 8, false)
                set(8, size - 1 - index, false)
            }
            if version >= 7 {
                for index in 0..<18 {
                    set(size - 11 + index % 3, index / 3, false)
                    set(index / 3, size - 11 + index % 3, false)
                }
            }
        }

        /// Writes the modules that depend on the chosen level and mask, and the fixed ones that the standard writes
        /// with them: format information, the dark module and, from version 7, version information.
        mutating func drawInformation(level: QRCode.ErrorCorrection, mask: Int) {
            drawFormatInformation(level: level, mask: mask)
            set(8, size - 8, true)  // the dark module beside the lower-left finder, always dark
            if version >= 7 { drawVersionInformation() }
        }

        /// The 6-bit version with its 12-bit BCH(18, 6) check, in two 6×3 blocks by the upper-right and lower-left
        /// finders, so a reader can tell large versions apart without guessing the size from the timing pattern.
        private mutating func drawVersionInformation() {
            let bits = version << 12 | Self.bchRemainder(version, generator: 0x1F25, checkBits: 12)
            for index in 0..<18 {
                let isDark = (bits >> index) & 1 == 1
                let across = size - 11 + index % 3, along = index / 3
                set(across, along, isDark)
                set(along, across, isDark)
            }
        }

        /// Level and mask with a BCH(15, 5) check, XORed with 101010000010010 so no format word is all light, drawn
        /// twice: around the upper-left finder and split between the other two.
        private mutating func drawFormatInformation(level: QRCode.ErrorCorrection, mask: Int) {
            let levelBits = switch level {
            case .low: 0b01
            case .medium: 0b00
            case .quartile: 0b11
            case .high: 0b10
            }
            let data = levelBits << 3 | mask
            let bits = (data << 10 | Self.bchRemainder(data, generator: 0x537, checkBits: 10)) ^ 0x5412
            func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
            // Upper-left copy: down column 8 (stepping over the timing row), then left along row 8.
            for index in 0..<6 { set(8, index, bit(index)) }
            set(8, 7, bit(6))
            set(8, 8, bit(7))
            set(7, 8, bit(8))
            for index in 9..<15 { set(14 - index, 8, bit(index)) }
            // Second copy: bits 0...7 along row 8 under the upper-right finder, 8...14 down column 8 at the bottom.
            for index in 0..<8 { set(size - 1 - index, 8, bit(index)) }
            for index in 8..<15 { set(8, size - 15 + index, bit(index)) }
        }

        /// Remainder of `value · x^checkBits` divided by `generator` over GF(2).
        private static func bchRemainder(_ value: Int, generator: Int, checkBits: Int) -> Int {
            var remainder = value << checkBits
            let generatorDegree = Int.bitWidth - generator.leadingZeroBitCount - 1
            while remainder != 0, Int.bitWidth - remainder.leadingZeroBitCount - 1 >= generatorDegree {
                let shift = (Int.bitWidth - remainder.leadingZeroBitCount - 1) - generatorDegree
                remainder ^= generator << shift
            }
            return remainder
        }

        // MARK: Data

        /// Places codewords most significant bit first in two-module-wide columns, zigzagging up and down from the
        /// lower-right corner and skipping function modules. Modules beyond the codewords (0...7 remainder bits) stay
        /// light before masking.
        mutating func placeData(_ codewords: [UInt8]) {
            let totalBits = codewords.count * 8
            var bitIndex = 0
            var right = size - 1
            var upward = true
            while right > 0 {
                if right == 6 { right = 5 }  // column 6 is the vertical timing pattern; the pairs shift left past it
                for step in 0..<size {
                    let y = upward ? size - 1 - step : step
                    for x in [right, right - 1] where !reserved[y * size + x] {
                        if bitIndex < totalBits {
                            dark[y * size + x] = (codewords[bitIndex / 8] >> (7 - bitIndex % 8)) & 1 == 1
                        }
                        bitIndex += 1
                    }
                }
                upward.toggle()
                right -= 2
            }
            precondition(bitIndex == Self.dataModuleCount(version: version), "module count disagrees with the layout")
        }

        /// Inverts the data modules where the mask's condition holds (row `i`, column `j`, as the standard writes
        /// them), breaking up patterns that would confuse a reader.
        mutating func applyMask(_ mask: Int) {
            for i in 0..<size {
                for j in 0..<size where !reserved[i * size + j] {
                    let invert = switch mask {
                    case 0: (i + j) % 2 == 0
                    case 1: i % 2 == 0
                    case 2: j % 3 == 0
                    case 3: (i + j) % 3 == 0
                    case 4: (i / 2 + j / 3) % 2 == 0
                    case 5: (i * j) % 2 + (i * j) % 3 == 0
                    case 6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
                    default: ((i + j) % 2 + (i * j) % 3) % 2 == 0
                    }
                    if invert { dark[i * size + j].toggle() }
                }
            }
        }
    }
}
