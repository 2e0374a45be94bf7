/// What a file really is, judged by its first bytes (magic numbers), never by its name alone.
public enum FileType: String, Sendable, CaseIterable {
    case pdf
    case docx
    case xlsx
    case pptx
    case odt
    case ods
    case zip
    case doc
    case rtf
    case png
    case jpeg
    case gif
    case tiff
    case xml
    case text
    case signature
    case unknown

    public var mimeType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        case .zip: "application/zip"
        case .doc: "application/msword"
        case .rtf: "application/rtf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .gif: "image/gif"
        case .tiff: "image/tiff"
        case .xml: "application/xml"
        case .text: "text/plain; charset=utf-8"
        case .signature: "application/pkcs7-signature"
        case .unknown: "application/octet-stream"
        }
    }

    /// File name extensions that claim this type.
    public var extensions: Set<String> {
        switch self {
        case .pdf: ["pdf"]
        case .docx: ["docx"]
        case .xlsx: ["xlsx"]
        case .pptx: ["pptx"]
        case .odt: ["odt"]
        case .ods: ["ods"]
        case .zip: ["zip"]
        case .doc: ["doc", "xls", "ppt"]
        case .rtf: ["rtf"]
        case .png: ["png"]
        case .jpeg: ["jpg", "jpeg"]
        case .gif: ["gif"]
        case .tiff: ["tif", "tiff"]
        case .xml: ["xml"]
        case .text: ["txt", "csv", "md"]
        case .signature: ["p7s", "sig"]
        case .unknown: []
        }
    }

    /// How many leading bytes `detect` needs to see.
    public static let sniffLength = 4096

    /// The type of a file from its first bytes.
    public static func detect(_ head: [UInt8]) -> FileType {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && Array(head[offset..<offset + magic.count]) == magic
        }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .doc }
        if starts(Array("{\\rtf".utf8)) { return .rtf }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return zipFlavour(head) }
        if starts([0x30, 0x80]) || (starts([0x30, 0x82]) && head.count > 20 && containsSignedDataOID(head)) { return .signature }
        if isText(head) {
            let text = String(decoding: head.prefix(64), as: UTF8.self).trimmingPrefixWhitespace()
            return text.hasPrefix("<?xml") ? .xml : .text
        }
        return .unknown
    }

    /// Office and OpenDocument files are ZIP archives; the entry names in the first bytes tell them apart.
    private static func zipFlavour(_ head: [UInt8]) -> FileType {
        let text = String(decoding: head, as: UTF8.self)
        if text.contains("mimetypeapplication/vnd.oasis.opendocument.text") { return .odt }
        if text.contains("mimetypeapplication/vnd.oasis.opendocument.spreadsheet") { return .ods }
        if text.contains("word/") { return .docx }
        if text.contains("xl/") { return .xlsx }
        if text.contains("ppt/") { return .pptx }
        if text.contains("[Content_Types].xml") { return .docx }
        return .zip
    }

    /// The OID of PKCS#7 signedData (1.2.840.113549.1.7.2) near the start of a DER structure.
    private static func containsSignedDataOID(_ head: [UInt8]) -> Bool {
        let oid: [UInt8] = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02]
        let window = Array(head.prefix(32))
        guard window.count >= oid.count else { return false }
        return (0...(window.count - oid.count)).contains { Array(window[$0..<$0 + oid.count]) == oid }
    }

    /// Valid UTF-8 (allowing a character cut at the end) without NUL bytes and with few control characters.
    private static func isText(_ head: [UInt8]) -> Bool {
        guard !head.isEmpty, !head.contains(0) else { return false }
        var bytes = head
        // Drop a multi-byte character cut by the sniffing window.
        var trim = 0
        while trim < 3, let last = bytes.last, last & 0xC0 == 0x80 || last & 0xC0 == 0xC0 {
            bytes.removeLast()
            trim += 1
            if last & 0xC0 == 0xC0 { break }
        }
        guard String(validating: bytes, as: UTF8.self) != nil else { return false }
        let controls = bytes.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }.count
        return controls * 100 <= bytes.count
    }

    /// Whether a file named `fileName` whose content is `self` is what it claims to be.
    ///
    /// A name without an extension, or an extension we do not know, claims nothing. A text file may carry any text
    /// extension (XML is text too). Anything else must match.
    public func matches(fileName: String) -> Bool {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return true }
        let ext = fileName[fileName.index(after: dot)...].lowercased()
        guard let claimed = FileType.allCases.first(where: { $0.extensions.contains(ext) }) else { return true }
        if claimed == self { return true }
        // XML is text, so a .txt holding XML is honest; a .xml holding plain text is not.
        if claimed == .text && self == .xml { return true }
        // Office files are ZIP archives whose entry order varies by tool: within that family a claim is accepted
        // as long as the content is an Office file or the claim is a plain .zip.
        let office: Set<FileType> = [.docx, .xlsx, .pptx]
        if office.contains(claimed) && office.contains(self) { return true }
        return claimed == .zip && office.contains(self)
    }
}

extension String {
    fileprivate func trimmingPrefixWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" })
    }
}
