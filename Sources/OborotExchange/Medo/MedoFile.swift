/// One file of a document packet with its detached signatures.
public struct MedoFile: Sendable, Equatable {
    /// What the file is for.
    public enum Role: String, Sendable, Equatable, CaseIterable {
        /// The document's text (2.x «Текст документа»; the PDF of 2.7 and later).
        case main
        /// An attachment (2.x «Текст приложения»).
        case annex
        /// A PNG image of the registration stamp or of a signature stamp, placed on the main document.
        case stamp
        case other
    }

    /// The file's name in the packet (a flat name, no folders).
    public var name: String
    public var bytes: [UInt8]
    public var role: Role
    public var description: String?
    public var pages: Int?
    /// Detached CMS signatures (`.p7s`) over `bytes`.
    public var signatures: [MedoSignature]
    /// Where a stamp image stands on the main document.
    public var stampPosition: MedoStampPosition?

    public init(name: String, bytes: [UInt8], role: Role, description: String? = nil, pages: Int? = nil,
                signatures: [MedoSignature] = [], stampPosition: MedoStampPosition? = nil) {
        self.name = name
        self.bytes = bytes
        self.role = role
        self.description = description
        self.pages = pages
        self.signatures = signatures
        self.stampPosition = stampPosition
    }
}

/// A detached signature file as it came: its name and its bytes (DER or PEM; `SignatureFiles` reads both).
public struct MedoSignature: Sendable, Equatable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// The place of a stamp image on a page of the main document, in the units the sender used (millimetres in
/// practice), from the page's top-left corner.
public struct MedoStampPosition: Sendable, Equatable {
    public var page: Int
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(page: Int, x: Double, y: Double, width: Double, height: Double) {
        self.page = page
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

extension MedoFile {
    /// Whether the bytes start as a PDF does; 2.7 and later send the main document only as PDF.
    var looksLikePDF: Bool {
        // Some writers put a few bytes of junk before the header; readers accept it within the first kilobyte.
        let marker = Array("%PDF-".utf8)
        return bytes.prefix(1024).indices.contains { bytes[$0...].starts(with: marker) }
    }

    /// Whether the bytes carry the PNG signature; stamp images are PNG by the format.
    var looksLikePNG: Bool { bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) }
}
