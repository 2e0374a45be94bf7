import Foundation
import OborotDomain

extension MedoPacketWriter {
    static let passportName = "passport.xml"

    /// The container zip: the passport (see `MedoPacketReader+Container` for its shape) and every file with
    /// its signatures, flat.
    static func container(_ document: MedoDocument, created: Date) throws(MedoRejection) -> [UInt8] {
        try require(document.uid, MedoWording.documentUID)
        try require(document.kind, MedoWording.kind)
        try require(document.number, MedoWording.registrationNumber)
        guard let main = document.mainFile else { throw .missingMainDocument }
        // Recipients refuse a 2.7.1 document whose main text is not signed; better to stop here than be refused.
        if !main.looksLikePDF { throw .mainNotPDF(main.name) }
        if main.signatures.isEmpty { throw .missingSignature(main.name) }
        if let stamp = document.files.first(where: { $0.role == .stamp && !$0.looksLikePNG }) {
            throw .stampNotPNG(stamp.name)
        }
        var names: Set<String> = [passportName.lowercased()]
        var zip = MedoZipWriter(modified: created)
        var total = 0
        var entries: [(String, [UInt8])] = []
        for file in document.files {
            for name in [file.name] + file.signatures.map(\.name) {
                try validate(name)
                guard names.insert(name.lowercased()).inserted else {
                    throw .duplicateFileName(name)
                }
            }
            if let position = file.stampPosition {
                let numbers = [position.x, position.y, position.width, position.height]
                guard position.page >= 1, numbers.allSatisfy(\.isFinite), position.width > 0, position.height > 0 else {
                    throw .invalidStampPosition(file.name)
                }
            }
            entries.append((file.name, file.bytes))
            entries += file.signatures.map { ($0.name, $0.bytes) }
        }
        let passport = self.passport(document).document()
        zip.add(passportName, passport)
        for (name, bytes) in entries {
            total += bytes.count
            zip.add(name, bytes)
        }
        guard MedoZipWriter.fits(totalBytes: total + passport.count, entries: entries.count + 1) else {
            throw .archiveTooLarge(containerName, limit: 0xF000_0000)
        }
        return zip.finished()
    }

    /// Flat names of Latin letters and digits with an extension, as the format wants them; XML files exactly
    /// `[a-zA-Z0-9]{1,251}\.xml`. Dots, hyphens and underscores are allowed inside other names (`main.pdf.p7s`).
    static func validate(_ name: String) throws(MedoRejection) {
        let scalars = Array(name.unicodeScalars)
        let isLatinOrDigit: (Unicode.Scalar) -> Bool = { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        if name.lowercased().hasSuffix(".xml") {
            let stem = scalars.dropLast(4)
            guard (1...251).contains(stem.count), stem.allSatisfy(isLatinOrDigit), name.hasSuffix(".xml") else {
                throw .invalidFileName(name)
            }
            return
        }
        guard (3...255).contains(scalars.count), let first = scalars.first, isLatinOrDigit(first),
              let last = scalars.last, isLatinOrDigit(last), name.contains("."),
              scalars.allSatisfy({ isLatinOrDigit($0) || $0 == "." || $0 == "-" || $0 == "_" }),
              !name.contains("..") else {
            throw .invalidFileName(name)
        }
    }

    private static func passport(_ document: MedoDocument) -> MedoXMLNode {
        let requisites = MedoXMLNode("requisites", [
            .leaf("documentKind", document.kind),
            MedoXMLNode("registration", [.leaf("number", document.number), .leaf("date", document.date.iso)]),
            .leaf("classification", document.classification),
            .leaf("annotation", document.annotation),
            .leaf("pages", document.pages.map(String.init)),
            .leaf("enclosuresPages", document.enclosuresPages.map(String.init)),
        ])
        let files = MedoXMLNode("files", document.files.map(fileNode))
        return MedoXMLNode("container", attributes: [
            ("xmlns", MedoNamespace.container), ("uid", document.uid), ("version", version),
        ], [
            requisites,
            MedoXMLNode("signatories", document.signatories.map { participant("signatory", $0) }),
            MedoXMLNode("addressees", document.addressees.map { participant("addressee", $0) }),
            MedoXMLNode("correspondents", document.correspondents.map { correspondent("correspondent", $0) }),
            participant("executor", document.executor),
            .leaf("comment", document.comment),
            files,
        ])
    }

    /// `250` rather than `250.0`, `15.5` as is: how people write millimetres.
    private static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    private static func fileNode(_ file: MedoFile) -> MedoXMLNode? {
        var children: [MedoXMLNode?] = [.leaf("description", file.description), .leaf("pages", file.pages.map(String.init))]
        for signature in file.signatures {
            children.append(MedoXMLNode("signature", attributes: [("localName", signature.name)]))
        }
        if let position = file.stampPosition {
            children.append(MedoXMLNode("stampPosition", attributes: [
                ("page", String(position.page)), ("x", number(position.x)), ("y", number(position.y)),
                ("width", number(position.width)), ("height", number(position.height)),
            ]))
        }
        return MedoXMLNode("file", attributes: [("localName", file.name), ("role", file.role.rawValue)], children)
    }
}
