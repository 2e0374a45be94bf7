import Foundation

/// Plain text of uploaded documents, for search and for comparing versions; safe against hostile files.
public enum DocumentText {
    /// The formats whose text can be read.
    public enum Format: String, Sendable { case docx, odt, txt, rtf }

    /// Why no text came out; the reasons are in Russian because people read them.
    public enum Failure: Error, Sendable, Equatable {
        /// The file is valid but uses something we do not read (a password, an old format, ZIP64).
        case unsupported(String)
        /// The file is damaged or is not what its format says.
        case corrupt(String)
        /// The text or a part of the archive is over the limit, in bytes, named here.
        case tooLarge(limit: Int)

        /// Why, in Russian, for a person.
        public var reason: String {
            switch self {
            case .unsupported(let why), .corrupt(let why): why
            case .tooLarge(let limit): "текст длиннее \(limit / (1024 * 1024)) МБ"
            }
        }
    }

    /// Plain text of a file, one line per paragraph: DOCX (word/document.xml), ODT (content.xml), TXT (UTF-8, or
    /// windows-1251 when not valid UTF-8) or RTF; at most `maxTextBytes` of text (else `tooLarge`) and at most
    /// `maxUncompressedBytes` read from any ZIP entry, counted while inflating as well as declared.
    public static func extract(fileAt path: String, format: Format, maxTextBytes: Int = 8 << 20,
                               maxUncompressedBytes: Int = 64 << 20) throws(Failure) -> String {
        switch format {
        case .docx:
            let part = try zipPart("word/document.xml", of: path, limit: maxUncompressedBytes, format: "DOCX")
            return try OfficeXMLText.extract(part, flavor: .word, limit: maxTextBytes)
        case .odt:
            let part = try zipPart("content.xml", of: path, limit: maxUncompressedBytes, format: "ODT")
            return try OfficeXMLText.extract(part, flavor: .openDocument, limit: maxTextBytes)
        case .txt:
            // UTF-16 may shrink by half when re-encoded as UTF-8; anything bigger cannot fit the text limit.
            let bytes = try readFile(path, limit: 2 * maxTextBytes + 4, reported: maxTextBytes)
            return try PlainText.decode(bytes, limit: maxTextBytes)
        case .rtf:
            let bytes = try readFile(path, limit: maxUncompressedBytes, reported: maxUncompressedBytes)
            return try RichText.extract(bytes, limit: maxTextBytes)
        }
    }

    /// The format of an upload by its extension, or by its MIME type when the extension says nothing.
    public static func format(fileName: String, mimeType: String) -> Format? {
        let name = fileName.lowercased()
        if let dot = name.lastIndex(of: "."), let format = byExtension[String(name[name.index(after: dot)...])] {
            return format
        }
        let mime = mimeType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return mime.flatMap { byMIMEType[$0] }
    }

    private static let byExtension: [String: Format] = ["docx": .docx, "odt": .odt, "txt": .txt, "rtf": .rtf]
    private static let byMIMEType: [String: Format] = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": .docx,
        "application/vnd.oasis.opendocument.text": .odt,
        "text/plain": .txt,
        "application/rtf": .rtf, "application/x-rtf": .rtf, "text/rtf": .rtf, "text/richtext": .rtf,
    ]

    private static func zipPart(_ name: String, of path: String, limit: Int, format: String) throws(Failure) -> [UInt8] {
        // Old binary Word files and password-protected DOCX are OLE containers, not ZIP; say so plainly.
        let head = try readFile(path, limit: .max, reported: limit, prefix: 8)
        if head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            throw .unsupported("Файл защищён паролем или сохранён в старом формате Word (.doc); сохраните его как DOCX")
        }
        let archive = try ZipParts(path: path)
        guard let part = try archive.read(name, limit: limit) else {
            throw .corrupt("В файле \(format) нет части \(name)")
        }
        return part
    }

    /// The whole file (or its first `prefix` bytes), refusing files over `limit` bytes before reading them.
    private static func readFile(_ path: String, limit: Int, reported: Int, prefix: Int? = nil) throws(Failure) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .corrupt("Файл не удалось открыть") }
        defer { try? handle.close() }
        do {
            let size = try handle.seekToEnd()
            guard size <= UInt64(limit) else { throw Failure.tooLarge(limit: reported) }
            try handle.seek(toOffset: 0)
            let count = prefix.map { min($0, Int(size)) } ?? Int(size)
            return [UInt8](try handle.read(upToCount: count) ?? Data())
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .corrupt("Файл не удалось прочитать")
        }
    }
}

extension DocumentText {
    /// Text with a cap on its UTF-8 size, shared by every format.
    struct TextBudget {
        let limit: Int
        private var text = ""
        private var bytes = 0
        var exceeded = false

        init(limit: Int) { self.limit = limit }

        func fits(_ byteCount: Int) -> Bool { byteCount <= limit - bytes }

        /// Appends unless that would pass the limit; returns false (and remembers) when it would.
        @discardableResult
        mutating func append(_ string: String) -> Bool {
            guard !exceeded else { return false }
            let count = string.utf8.count
            guard fits(count) else {
                exceeded = true
                return false
            }
            text += string
            bytes += count
            return true
        }

        /// Appends one character's scalar; the cheap path for formats decoded byte by byte.
        mutating func append(_ scalar: Unicode.Scalar) -> Bool {
            guard !exceeded else { return false }
            let count = UTF8.width(scalar)
            guard fits(count) else {
                exceeded = true
                return false
            }
            text.unicodeScalars.append(scalar)
            bytes += count
            return true
        }

        /// The text without the line breaks that closing paragraphs leave at its end.
        func finished() -> String {
            var result = Substring(text)
            while result.last == "\n" { result = result.dropLast() }
            return String(result)
        }
    }
}
