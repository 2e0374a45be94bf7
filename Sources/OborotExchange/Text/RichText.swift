extension DocumentText {
    /// Plain text of RTF: control words and auxiliary groups (fonts, colours, styles, pictures, fields'
    /// instructions, anything marked \*) are dropped; \'hh is decoded in the document's code page and \uN as Unicode.
    struct RichText {
        /// What a group inherits from its parent and gets back when it closes.
        private struct Group {
            var skip = false
            var unicodeFallback = 1
        }

        /// Destinations whose content is never text a reader sees in the body.
        private static let skipped: Set<String> = [
            "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "objdata", "nonshppict", "header",
            "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "footnote", "annotation",
            "atnid", "atnauthor", "fldinst", "listtable", "listoverridetable", "revtbl", "rsidtbl", "xmlnstbl",
            "themedata", "colorschememapping", "latentstyles", "datastore", "generator", "filetbl", "pgdsctbl",
            "mmathPr", "userprops", "docvar", "bkmkstart", "bkmkend", "xe", "tc", "txe", "private",
        ]
        private static let symbols: [String: String] = [
            "par": "\n", "line": "\n", "sect": "\n", "page": "\n", "row": "\n", "tab": "\t", "cell": "\t",
            "emdash": "\u{2014}", "endash": "\u{2013}", "bullet": "\u{2022}", "lquote": "\u{2018}",
            "rquote": "\u{2019}", "ldblquote": "\u{201C}", "rdblquote": "\u{201D}", "emspace": " ", "enspace": " ",
            "qmspace": " ",
        ]
        /// Real documents nest a few dozen levels; far more is a file built to exhaust memory.
        private static let maxDepth = 1000

        private let bytes: [UInt8]
        private var index = 0
        private var group = Group()
        private var stack: [Group] = []
        private var codePage = CodePage.windows1251
        /// Fallback characters after \uN that readers without Unicode would show instead; we drop them.
        private var fallbackLeft = 0
        private var highSurrogate: UInt16?
        private var text: TextBudget

        static func extract(_ bytes: [UInt8], limit: Int) throws(Failure) -> String {
            guard bytes.starts(with: Array("{\\rtf".utf8)) else { throw .corrupt("Файл не похож на документ RTF") }
            var reader = RichText(bytes: bytes, text: TextBudget(limit: limit))
            try reader.run()
            return reader.text.finished()
        }

        private init(bytes: [UInt8], text: TextBudget) {
            self.bytes = bytes
            self.text = text
        }

        private mutating func run() throws(Failure) {
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "{"):
                    guard stack.count < Self.maxDepth else { throw .corrupt("Слишком глубокая вложенность групп RTF") }
                    stack.append(group)
                    fallbackLeft = 0
                case UInt8(ascii: "}"):
                    group = stack.popLast() ?? group
                    fallbackLeft = 0
                case UInt8(ascii: "\\"):
                    try control()
                case 0x0D, 0x0A:
                    break  // line breaks in RTF source are not text
                default:
                    try character(codePage.scalar(byte))
                }
            }
        }

        private mutating func control() throws(Failure) {
            guard index < bytes.count else { return }
            let first = bytes[index]
            guard Self.isLetter(first) else {
                index += 1
                switch first {
                case UInt8(ascii: "'"):
                    guard index + 2 <= bytes.count, let value = UInt8(String(decoding: bytes[index..<(index + 2)],
                                                                              as: UTF8.self), radix: 16) else { return }
                    index += 2
                    try character(codePage.scalar(value))
                case UInt8(ascii: "*"): group.skip = true
                case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"): try character(Unicode.Scalar(first))
                case UInt8(ascii: "~"): try character("\u{00A0}")
                case UInt8(ascii: "_"): try character("-")
                case 0x0D, 0x0A: try emit("\n")
                default: break  // \- optional hyphen, \| and the like
                }
                return
            }
            let start = index
            while index < bytes.count, index - start < 32, Self.isLetter(bytes[index]) { index += 1 }
            let word = String(decoding: bytes[start..<index], as: UTF8.self)
            var parameter: Int?
            let numberStart = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            while index < bytes.count, index - numberStart < 11, (0x30...0x39).contains(bytes[index]) { index += 1 }
            if index > numberStart { parameter = Int(String(decoding: bytes[numberStart..<index], as: UTF8.self)) }
            if index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            try controlWord(word, parameter)
        }

        private mutating func controlWord(_ word: String, _ parameter: Int?) throws(Failure) {
            if fallbackLeft > 0 {
                fallbackLeft -= 1
                return
            }
            if Self.skipped.contains(word) {
                group.skip = true
            } else if let symbol = Self.symbols[word] {
                try emit(symbol)
            } else {
                switch word {
                case "u":
                    guard let parameter else { return }
                    try unicode(UInt16(truncatingIfNeeded: parameter < 0 ? parameter + 65536 : parameter))
                    fallbackLeft = group.unicodeFallback
                case "uc": group.unicodeFallback = min(max(parameter ?? 1, 0), 16)
                case "bin": index = min(bytes.count, index + max(parameter ?? 0, 0))
                case "ansicpg": codePage = .forNumber(parameter ?? 1251)
                default: break
                }
            }
        }

        private mutating func unicode(_ unit: UInt16) throws(Failure) {
            if UTF16.isLeadSurrogate(unit) {
                highSurrogate = unit
                return
            }
            defer { highSurrogate = nil }
            if UTF16.isTrailSurrogate(unit) {
                guard let high = highSurrogate else { return }
                try emit(String(decoding: [high, unit], as: UTF16.self))
            } else if let scalar = Unicode.Scalar(unit) {
                try emit(String(Character(scalar)))
            }
        }

        private mutating func character(_ scalar: Unicode.Scalar) throws(Failure) {
            if fallbackLeft > 0 {
                fallbackLeft -= 1
                return
            }
            guard !group.skip else { return }
            guard text.append(scalar) else { throw .tooLarge(limit: text.limit) }
        }

        private mutating func emit(_ string: String) throws(Failure) {
            guard !group.skip else { return }
            guard text.append(string) else { throw .tooLarge(limit: text.limit) }
        }

        private static func isLetter(_ byte: UInt8) -> Bool {
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
    }
}
