/// A QR code symbol (ISO/IEC 18004, model 2) holding text in byte mode.
///
/// The encoder is our own so the domain layer can print verification codes on documents without a dependency:
/// UTF-8 bytes in a single byte-mode segment, the smallest version 1...40 that fits, Reed–Solomon blocks as the
/// standard lays them out, and the data mask with the lowest penalty. No ECI header is written: readers take
/// byte-mode text as UTF-8 when it is valid UTF-8, and the header would cost capacity in every code.
public struct QRCode: Sendable, Equatable {
    /// The symbol version, 1...40; each version adds four modules to the side.
    public let version: Int
    /// Modules per side, `17 + 4 * version`, without the quiet zone.
    public let size: Int
    /// Row-major modules, `true` for dark.
    let modules: [Bool]
    /// The data mask pattern 0...7 that was applied.
    let mask: Int

    /// Whether the module in column `x`, row `y` (origin top-left) is dark. Coordinates outside the symbol are
    /// light, as the quiet zone around it is.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, x < size, y >= 0, y < size else { return false }
        return modules[y * size + x]
    }

    /// How much of the symbol may be damaged and still read: about 7, 15, 25 and 30 percent of the codewords.
    public enum ErrorCorrection: Sendable, CaseIterable {
        case low, medium, quartile, high
    }

    /// The text does not fit even the largest symbol (version 40) at the chosen error correction level.
    public struct TooLong: Error, Sendable, Equatable {
        /// UTF-8 bytes of the text.
        public let bytes: Int
        /// The most bytes a version 40 symbol holds at that level.
        public let maxBytes: Int

        /// Creates the error; public so callers can compare against an expected value.
        public init(bytes: Int, maxBytes: Int) {
            self.bytes = bytes
            self.maxBytes = maxBytes
        }
    }

    /// Encodes the UTF-8 bytes of `text` in byte mode in the smallest version that holds them.
    /// - Throws: `TooLong` when the text exceeds version 40's capacity at `errorCorrection`.
    public static func encode(
        _ text: String, errorCorrection: ErrorCorrection = .medium
    ) throws(QRCode.TooLong) -> QRCode {
        try encode(bytes: Array(text.utf8), errorCorrection: errorCorrection, mask: nil)
    }

    /// Encodes raw bytes; `mask` forces a mask pattern (for comparing with reference encoders), `nil` picks the
    /// pattern with the lowest penalty.
    static func encode(
        bytes: [UInt8], errorCorrection level: ErrorCorrection, mask forcedMask: Int?
    ) throws(QRCode.TooLong) -> QRCode {
        guard let version = (1...40).first(where: { byteCapacity(version: $0, level: level) >= bytes.count }) else {
            throw TooLong(bytes: bytes.count, maxBytes: byteCapacity(version: 40, level: level))
        }
        let data = dataCodewords(bytes, version: version, level: level)
        let codewords = BlockLayout(version: version, level: level).interleavedWithErrorCorrection(data)

        var grid = ModuleGrid(version: version)
        grid.placeData(codewords)

        // Masks are scored before format and version information are written (light), the order of the
        // standard's steps and what the reference encoders do; the first of equal penalties wins.
        let candidates = forcedMask.map { [$0] } ?? Array(0..<8)
        var best: (grid: ModuleGrid, mask: Int, penalty: Int)?
        for mask in candidates {
            var masked = grid
            masked.applyMask(mask)
            let penalty = candidates.count == 1 ? 0 : masked.penalty()
            if best == nil || penalty < best!.penalty { best = (masked, mask, penalty) }
        }
        var symbol = best!.grid
        symbol.drawInformation(level: level, mask: best!.mask)
        return QRCode(version: version, size: symbol.size, modules: symbol.dark, mask: best!.mask)
    }

    /// Bytes a byte-mode segment can carry in `version` at `level`, after the mode indicator and character count.
    static func byteCapacity(version: Int, level: ErrorCorrection) -> Int {
        let dataBits = BlockLayout(version: version, level: level).dataCodewords * 8
        return (dataBits - 4 - characterCountBits(version: version)) / 8
    }

    /// Byte mode counts characters in 8 bits up to version 9 and in 16 bits from version 10 on.
    static func characterCountBits(version: Int) -> Int { version < 10 ? 8 : 16 }

    /// The data codewords: mode indicator, count, the bytes, a terminator, zero bits to a byte boundary and the
    /// alternating pad bytes the standard prescribes for the unused capacity.
    static func dataCodewords(_ bytes: [UInt8], version: Int, level: ErrorCorrection) -> [UInt8] {
        let capacity = BlockLayout(version: version, level: level).dataCodewords
        var writer = BitWriter()
        writer.append(0b0100, bits: 4)
        writer.append(bytes.count, bits: characterCountBits(version: version))
        for byte in bytes { writer.append(Int(byte), bits: 8) }
        writer.append(0, bits: min(4, capacity * 8 - writer.bitCount))
        writer.append(0, bits: (8 - writer.bitCount % 8) % 8)
        var codewords = writer.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }
}

extension QRCode {
    /// Appends values most significant bit first, the order in which the symbol reads them.
    struct BitWriter {
        private(set) var bytes: [UInt8] = []
        private(set) var bitCount = 0

        mutating func append(_ value: Int, bits: Int) {
            for shift in stride(from: bits - 1, through: 0, by: -1) {
                if bitCount % 8 == 0 { bytes.append(0) }
                if (value >> shift) & 1 == 1 { bytes[bytes.count - 1] |= 0x80 >> UInt8(bitCount % 8) }
                bitCount += 1
            }
        }
    }
}
