extension DocumentText {
    /// Text files as Russian offices save them: UTF-8 (with or without a byte order mark), UTF-16 with a mark
    /// (Notepad's "Unicode"), otherwise windows-1251.
    enum PlainText {
        static func decode(_ bytes: [UInt8], limit: Int) throws(Failure) -> String {
            let text: String
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                let littleEndian = bytes[0] == 0xFF
                let units = stride(from: 2, to: bytes.count - 1, by: 2).map { index in
                    littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                        : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                }
                text = String(decoding: units, as: UTF16.self)
            } else if let utf8 = String(validating: bytes, as: UTF8.self) {
                text = utf8
            } else {
                text = CodePage.windows1251.decode(bytes)
            }
            // One line convention for every format: the diff and the search index see \n only.
            var normalized: [UInt8] = []
            normalized.reserveCapacity(text.utf8.count)
            var afterReturn = false
            for byte in text.utf8 {
                if byte == 0x0D {
                    normalized.append(0x0A)
                } else if byte != 0x0A || !afterReturn {
                    normalized.append(byte)
                }
                afterReturn = byte == 0x0D
            }
            guard normalized.count <= limit else { throw .tooLarge(limit: limit) }
            return String(decoding: normalized, as: UTF8.self)
        }
    }

    /// The single-byte Windows code pages that RTF and old text files use here.
    struct CodePage: Sendable {
        /// Unicode scalars for bytes 0x80...0xFF.
        private let high: [UInt16]

        func scalar(_ byte: UInt8) -> Unicode.Scalar {
            byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(high[Int(byte) - 0x80]) ?? "\u{FFFD}"
        }

        func decode(_ bytes: [UInt8]) -> String {
            var utf8: [UInt8] = []
            utf8.reserveCapacity(bytes.count * 2)
            for byte in bytes { utf8.append(contentsOf: scalar(byte).utf8) }
            return String(decoding: utf8, as: UTF8.self)
        }

        static func forNumber(_ number: Int) -> CodePage {
            number == 1252 ? .windows1252 : .windows1251
        }

        static let windows1251 = CodePage(high: [
            0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A,
            0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122,
            0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6,
            0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456,
            0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
        ] + (0x0410...0x044F).map { UInt16($0) })

        static let windows1252 = CodePage(high: [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
            0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
            0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ] + (0xA0...0xFF).map { UInt16($0) })
    }
}
