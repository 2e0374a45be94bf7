import Foundation

extension MedoPacketReader {
    /// 2.2–2.6: requisites in `xdms:document`, files listed in `xdms:files` and lying next to `document.xml`.
    static func legacyDocument(_ root: MedoXMLElement, folder: MedoFolder, fields: MedoFieldReader)
        throws(MedoRejection) -> MedoDocument {
        let element = try fields.requiredChild(root, "document")
        var document = MedoDocument(
            uid: try fields.requiredAttribute(element, "uid"),
            kind: try fields.required(element, "kind"),
            number: try fields.required(element, "num", "number"),
            date: try fields.date(try fields.required(element, "num", "date"), "num/date"),
            classification: fields.optional(element, "classification"),
            annotation: fields.optional(element, "annotation"),
            pages: try fields.optionalCount(element, "pages"),
            enclosuresPages: try fields.optionalCount(element, "enclosuresPages"),
            comment: fields.optional(element, "comment"))
        if let executor = element.child("executor") { document.executor = try fields.participant(executor) }
        document.signatories = try participants(element, "signatories", "signatory", fields)
        document.addressees = try participants(element, "addressees", "addressee", fields)
        for correspondent in element.child("correspondents")?.children("correspondent") ?? [] {
            document.correspondents.append(try fields.correspondent(correspondent))
        }
        let list = "\(fields.file) (xdms:files)"
        for file in root.child("files")?.children("file") ?? [] {
            let name = try fields.fileName(file)
            var signatures: [MedoSignature] = []
            for (index, eds) in file.children("eds").enumerated() {
                if eds.attribute("localName") != nil {
                    let signatureName = try fields.fileName(eds)
                    signatures.append(MedoSignature(
                        name: signatureName, bytes: try folder.required(signatureName, listedIn: list)))
                } else {
                    // Older senders put the signature inline, in base64.
                    let text = eds.trimmedText.filter { !$0.isWhitespace }
                    guard let data = Data(base64Encoded: text) else {
                        throw .invalidValue(fields.file, "eds", text, expected: MedoWording.base64Signature)
                    }
                    signatures.append(MedoSignature(name: index == 0 ? "\(name).sig" : "\(name).\(index + 1).sig",
                                                    bytes: Array(data)))
                }
            }
            document.files.append(MedoFile(
                name: name, bytes: try folder.required(name, listedIn: list),
                role: role(group: fields.optional(file, "group")),
                description: fields.optional(file, "description"),
                pages: try fields.optionalCount(file, "pages"),
                signatures: signatures))
        }
        return document
    }

    static func participants(_ element: MedoXMLElement, _ list: String, _ item: String, _ fields: MedoFieldReader)
        throws(MedoRejection) -> [MedoParticipant] {
        var result: [MedoParticipant] = []
        for child in element.child(list)?.children(item) ?? [] { result.append(try fields.participant(child)) }
        return result
    }

    private static func role(group: String?) -> MedoFile.Role {
        switch group {
        case "Текст документа": .main
        case "Текст приложения": .annex
        default: .other
        }
    }
}
