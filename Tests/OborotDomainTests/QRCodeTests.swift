import Foundation
import OborotDomain
import Testing

@Suite("QR-коды")
struct QRCodeTests {
    /// A matrix from the reference encoder, one hexadecimal string per row, most significant bit leftmost, each
    /// row padded with zero bits to a whole hex digit.
    struct Reference {
        let text: String
        let level: QRCode.ErrorCorrection
        let version: Int
        let rows: [String]
    }

    /// Produced with segno 1.6.6 (`segno.make_qr(text.encode(), error=…, mode="byte", boost_error=False)`, mask
    /// left to segno, which chose the same one we do for every case here). segno was patched for one deviation:
    /// it appends a whole zero byte when the bit stream already ends on a codeword boundary after the terminator,
    /// which ISO/IEC 18004 7.4.10 does not ask for and byte mode always runs into; with that byte dropped,
    /// python-qrcode 8.2 gives the same matrices for the same mask.
    static let references: [String: Reference] = [
        "url": Reference(
            text: "https://oborot.example/verify/7K3M9Q2X",
            level: .medium, version: 3, rows: [
                "fe3273f8", "8245ca08", "ba910ae8", "ba93c2e8", "bab79ae8", "82d1c208", "feaaabf8", "00a92800",
                "be60d3e0", "d4443f88", "1e6f8200", "6cdd82d0", "caaa4960", "3dc19b88", "1b49e960", "a5b22d10",
                "d759d460", "a1e67fa8", "b37faa20", "956c0690", "af224fb8", "0081a8f8", "fe39dae0", "828ab898",
                "ba81cfa0", "bac24078", "baabaff0", "821c9950", "fed67120",
            ]),
        "hello": Reference(
            text: "HELLO",
            level: .medium, version: 1, rows: [
                "fe13f8", "822a08", "bac2e8", "baaae8", "bacae8", "82f208", "feabf8", "00c000", "be33e0", "6d7e60",
                "3e8b70", "687e60", "5f8928", "00a940", "fe74b0", "82a1f0", "bad4b0", "badf40", "bacb20", "827ee0",
                "fec8b0",
            ]),
        "hundredBytes": Reference(
            text: "Oborot document 2026/0417: signed by 3 of 3 approvers; hash "
                + "9f86d081884c7d659a2feaa0c55ad015a3bf4f2b",
            level: .medium, version: 6, rows: [
                "fe253fa13f8", "8203a850208", "bad085b3ae8", "ba84b266ae8", "bacb9d4dae8", "82b3a07c208",
                "feaaaaaabf8", "00921c89000", "be3c68643e0", "dc2197afff8", "a6ea84fa560", "914d8c98ac0",
                "cf60c25e420", "f9768f87b98", "f320329aa70", "315d1f32348", "9ed1fade038", "4de5d521b88",
                "ef4548d2800", "5d72ec120d0", "a7fe8cf7030", "807abd09f90", "13744ab66c0", "e5cb1c904d0",
                "fbd47854520", "010d9589f98", "5759649a1a0", "8daf259a0d8", "f6404ac6420", "d5a28769ba8",
                "87ca6e9c950", "890aa41adc8", "9a98485cfb0", "009233a38b8", "fe5aa2f3a90", "82c498988d8",
                "baa927d6fb8", "bacf59a0518", "ba80c2187c0", "823df780910", "fe934854560",
            ]),
        "cyrillic": Reference(
            text: "Проверка подписи",
            level: .medium, version: 3, rows: [
                "fe721bf8", "82dc6208", "ba316ae8", "ba74fae8", "bac482e8", "826bc208", "feaaabf8", "00690800",
                "aa30f090", "10e5a0d0", "7e6bdaa0", "1416b520", "b6fb00e8", "59a37bc0", "023431b0", "48a90f68",
                "cf00f5d0", "58cda0a0", "9733bb80", "61469430", "a6a38fe8", "00cb68c0", "fe54aab0", "827928e8",
                "ba893fd0", "ba7c56c0", "ba9dac08", "82593d30", "feaa0af8",
            ]),
        "cyrillicLong": Reference(
            text: "Документ № 42/2026 от 1 марта — подписан ЭП; проверка: https"
                + "://oborot.example/v/AB12",
            level: .quartile, version: 9, rows: [
                "fe152d77a823f8", "82461551ea3208", "bade96c5e052e8", "ba342bb169eae8", "badd95fbd5e2e8",
                "82dc708eb1e208", "feaaaaaaaaabf8", "0019cc8d56c000", "4a8d03fa01a5a0", "a5b343b9df9560",
                "023bfbba57a4b0", "f891484c09a0a8", "aa671d8b2fc660", "712b4ebee4dce8", "93272b8a760f18",
                "3d6e43c2ac46b0", "3a6db493c73000", "c8b81eb7ef8af0", "535563f6326900", "88a9a25ba0c3a8",
                "df1e71412bb888", "0cc8ac5d9ed2c8", "6efc50e4551238", "d4fd95e768a688", "9fcce5fe3ecfd0",
                "48eb258efc7898", "dac8d9a9a7baf8", "28bc8a8e78d8c0", "8f9c50fc0dff80", "d8d6d80126bcf0",
                "9fb737059e2f00", "6d949aa3807530", "1e3a4accf288b8", "1c0e2fcaec5870", "ea3930c7b18980",
                "502193ddcd0b68", "f26dc39c862fc0", "781ee8f3c8bd68", "8bd58e9115a720", "7096498e63b418",
                "5b30a41150bc40", "c8bd14facf44f0", "debfa36c538980", "60a7b26969ca30", "131e14fa4e2fb8",
                "00a9348b8e98e0", "fe1dbda8b7ba90", "82269b89e738e8", "baa0afff156fa0", "ba43a85faade78",
                "ba2e70aa0b9128", "82f814777652f8", "fe2cf01a14bb30",
            ]),
        "helloHigh": Reference(
            text: "HELLO",
            level: .high, version: 1, rows: [
                "fe4bf8", "82e208", "ba5ae8", "ba72e8", "ba6ae8", "82e208", "feabf8", "00e800", "0f4b10", "b9c778",
                "cf6990", "74ba80", "f3f030", "00e058", "fe8e50", "82f710", "ba91a8", "ba5258", "ba55c0", "821600",
                "fe59a8",
            ]),
    ]

    @Test("matrices match the reference encoder, mask choice included", arguments: [
        "url", "hello", "hundredBytes", "cyrillic", "cyrillicLong", "helloHigh",
    ])
    func matchesReference(_ name: String) throws {
        let reference = try #require(Self.references[name])
        let code = try QRCode.encode(reference.text, errorCorrection: reference.level)
        #expect(code.version == reference.version)
        #expect(code.size == 17 + 4 * reference.version)
        try #require(reference.rows.count == code.size)
        var mismatches: [String] = []
        for (y, row) in reference.rows.enumerated() {
            let bits = row.flatMap { digit in
                let value = Int(String(digit), radix: 16)!
                return (0..<4).map { value >> (3 - $0) & 1 == 1 }
            }
            for x in 0..<code.size where code.isDark(x: x, y: y) != bits[x] { mismatches.append("(\(x), \(y))") }
        }
        #expect(mismatches.isEmpty, "modules differ at \(mismatches.prefix(10).joined(separator: " "))")
    }

    /// Byte-mode capacities of ISO/IEC 18004 table 7, columns L, M, Q, H.
    static let capacities: [(version: Int, bytes: [Int])] = [
        (1, [17, 14, 11, 7]), (2, [32, 26, 20, 14]), (3, [53, 42, 32, 24]), (4, [78, 62, 46, 34]),
        (5, [106, 84, 60, 44]), (6, [134, 106, 74, 58]), (7, [154, 122, 86, 64]), (8, [192, 152, 108, 84]),
        (9, [230, 180, 130, 98]), (10, [271, 213, 151, 119]), (40, [2953, 2331, 1663, 1273]),
    ]

    @Test("the smallest version that holds the bytes is chosen")
    func minimalVersion() throws {
        let levels: [QRCode.ErrorCorrection] = [.low, .medium, .quartile, .high]
        for (version, bytes) in Self.capacities {
            for (level, capacity) in zip(levels, bytes) {
                let full = try QRCode.encode(String(repeating: "a", count: capacity), errorCorrection: level)
                #expect(full.version == version, "\(capacity) bytes at \(level)")
                if version < 40 {
                    let over = try QRCode.encode(String(repeating: "a", count: capacity + 1), errorCorrection: level)
                    #expect(over.version == version + 1, "\(capacity + 1) bytes at \(level)")
                }
            }
        }
        // Capacity counts UTF-8 bytes, not characters: seven two-byte letters fill version 1 at M, eight do not.
        #expect(try QRCode.encode("абвгдеж").version == 1)
        #expect(try QRCode.encode("абвгдежз").version == 2)
        #expect(try QRCode.encode("").version == 1)
    }

    @Test("text over version 40's capacity throws TooLong with the byte counts")
    func tooLong() throws {
        #expect(throws: QRCode.TooLong(bytes: 2332, maxBytes: 2331)) {
            try QRCode.encode(String(repeating: "a", count: 2332))
        }
        #expect(throws: QRCode.TooLong(bytes: 1274, maxBytes: 1273)) {
            try QRCode.encode(String(repeating: "a", count: 1274), errorCorrection: .high)
        }
        #expect(throws: QRCode.TooLong(bytes: 2954, maxBytes: 2953)) {
            try QRCode.encode(String(repeating: "я", count: 1477), errorCorrection: .low)
        }
    }

    @Test("function patterns are in place at every version")
    func functionPatterns() throws {
        for version in [1, 2, 6, 7, 14, 21, 27, 32, 40] {
            let bytes = Self.capacityLow(version)
            let code = try QRCode.encode(String(repeating: "Z", count: bytes), errorCorrection: .low)
            #expect(code.version == version)
            let size = code.size
            #expect(size == 17 + 4 * version)
            // Finder centres with their rings, one per corner except lower right.
            for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
                for d in -4...4 {
                    for e in -4...4 {
                        let x = cx + d, y = cy + e
                        guard x >= 0, x < size, y >= 0, y < size else { continue }
                        let ring = max(abs(d), abs(e))
                        #expect(code.isDark(x: x, y: y) == (ring != 2 && ring != 4), "v\(version) finder (\(x), \(y))")
                    }
                }
            }
            for index in 8..<(size - 8) {
                #expect(code.isDark(x: index, y: 6) == index.isMultiple(of: 2))
                #expect(code.isDark(x: 6, y: index) == index.isMultiple(of: 2))
            }
            #expect(code.isDark(x: 8, y: size - 8))
            // Both copies of the format information carry the same 15 bits.
            let first = (0..<6).map { (8, $0) } + [(8, 7), (8, 8), (7, 8)] + (9..<15).map { (14 - $0, 8) }
            let second = (0..<8).map { (size - 1 - $0, 8) } + (8..<15).map { (8, size - 15 + $0) }
            #expect(first.map { code.isDark(x: $0.0, y: $0.1) } == second.map { code.isDark(x: $0.0, y: $0.1) })
            if version >= 7 {
                // Version information: the two 6×3 blocks mirror each other across the diagonal.
                for index in 0..<18 {
                    let a = code.isDark(x: size - 11 + index % 3, y: index / 3)
                    #expect(a == code.isDark(x: index / 3, y: size - 11 + index % 3))
                }
            }
        }
    }

    /// Byte capacity at level L for the versions `functionPatterns` visits (ISO/IEC 18004 table 7).
    static func capacityLow(_ version: Int) -> Int {
        [1: 17, 2: 32, 6: 134, 7: 154, 14: 458, 21: 929, 27: 1465, 32: 1952, 40: 2953][version]!
    }

    @Test("modules outside the symbol are light; equal input gives equal codes")
    func accessAndEquality() throws {
        let code = try QRCode.encode("HELLO")
        #expect(code.isDark(x: 0, y: 0))
        #expect(!code.isDark(x: -1, y: 0))
        #expect(!code.isDark(x: 0, y: code.size))
        #expect(code == (try QRCode.encode("HELLO")))
        #expect(code != (try QRCode.encode("HELLO", errorCorrection: .high)))
        #expect(code != (try QRCode.encode("HELLo")))
    }

    @Test("SVG has the quiet zone in its viewBox and draws exactly the dark modules")
    func svg() throws {
        let code = try QRCode.encode("https://oborot.example/verify/7K3M9Q2X")
        #expect(code.size == 29)
        let svg = code.svg()
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains(#"viewBox="0 0 37 37""#))
        #expect(svg.contains(#"width="148" height="148""#))
        #expect(svg.contains(#"shape-rendering="crispEdges""#))
        #expect(svg.components(separatedBy: "<path").count == 2)
        #expect(code.svg(moduleSize: 10, quietZone: 0).contains(#"viewBox="0 0 29 29" "#))
        #expect(code.svg(moduleSize: 10, quietZone: 0).contains(#"width="290""#))

        // Each path command is "M<x> <y>h<length>v1h-<length>z"; painting them must reproduce the matrix.
        let path = try #require(svg.components(separatedBy: #" d=""#).last?.components(separatedBy: "\"").first)
        var painted = Set<[Int]>()
        for command in path.split(separator: "z") {
            let numbers = command.split(whereSeparator: { "Mhv -".contains($0) }).compactMap { Int($0) }
            try #require(numbers.count == 5 && numbers[3] == 1 && numbers[4] == numbers[2], "\(command)")
            let (x, y, length) = (numbers[0] - 4, numbers[1] - 4, numbers[2])
            for offset in 0..<length { painted.insert([x + offset, y]) }
        }
        var dark = Set<[Int]>()
        for y in 0..<code.size {
            for x in 0..<code.size where code.isDark(x: x, y: y) { dark.insert([x, y]) }
        }
        #expect(painted == dark)
    }
}
