/// Reads one МЭДО packet folder of any generation into a `MedoPacket`, or says precisely why it cannot.
///
/// Pure: the caller lists the folder (name → bytes); nothing here touches the file system. Every check the
/// format makes is enforced here so a packet that passes can be registered without a second look.
public enum MedoPacketReader {
    /// `files`: the files of one packet folder, by name. Never traps, whatever the bytes.
    public static func read(files: [String: [UInt8]], limits: MedoLimits = .standard)
        -> Result<MedoPacket, MedoRejection> {
        do {
            return .success(try packet(MedoFolder(files: files), limits: limits))
        } catch {
            return .failure(error)
        }
    }

    private static func packet(_ folder: MedoFolder, limits: MedoLimits) throws(MedoRejection) -> MedoPacket {
        let file: String
        let bytes: [UInt8]
        if let message = folder.bytes("message.xml") {
            (file, bytes) = ("message.xml", message)
        } else if let document = folder.bytes("document.xml") {
            (file, bytes) = ("document.xml", document)
        } else {
            throw .noMessageFile
        }
        let root = try MedoXMLParser.parse(bytes, file: file)
        let fields = MedoFieldReader(file: file)
        guard root.name == "communication", root.namespace == MedoNamespace.legacy
                || root.namespace == MedoNamespace.message else {
            throw .unknownRoot(file, root.name)
        }
        let version = try fields.requiredAttribute(root, "version")
        let isMessage = root.namespace == MedoNamespace.message
        guard (isMessage ? MedoNamespace.messageVersions : MedoNamespace.legacyVersions).contains(version) else {
            throw .unsupportedVersion(file, version)
        }
        let header = try self.header(root, fields)
        let content: MedoContent
        switch header.type {
        // Some 2.7 senders label a container packet «Документ»; the container element says which it is.
        case .document where !isMessage && root.child("container") == nil:
            content = .document(try legacyDocument(root, folder: folder, fields: fields))
        case .document, .transportContainer:
            let passportNamespace = isMessage ? MedoNamespace.container : MedoNamespace.legacyContainer
            var document = try containerDocument(root, folder: folder, fields: fields,
                                                 passportNamespace: passportNamespace, limits: limits)
            document.destinations = try destinations(root, fields)
            content = .document(document)
        case .notification:
            content = .notification(try notification(root, fields))
        case .ticket:
            content = .ticket(try ticket(root, fields))
        }
        return MedoPacket(version: version, header: header, content: content)
    }

    private static func header(_ root: MedoXMLElement, _ fields: MedoFieldReader) throws(MedoRejection) -> MedoHeader {
        let header = try fields.requiredChild(root, "header")
        let typeLabel = try fields.requiredAttribute(header, "type")
        guard let type = MedoMessageType(rawValue: typeLabel) else { throw .unknownMessageType(fields.file, typeLabel) }
        let source = try fields.requiredChild(header, "source")
        return MedoHeader(
            type: type,
            uid: try fields.requiredAttribute(header, "uid"),
            created: try fields.time(try fields.requiredAttribute(header, "created"), "header@created"),
            sourceUID: try fields.requiredAttribute(source, "uid"),
            sourceOrganization: try fields.required(source, "organization"))
    }

    /// 2.7.1 routing: `deliveryIndex/destination/destination@uid/organization`.
    private static func destinations(_ root: MedoXMLElement, _ fields: MedoFieldReader) throws(MedoRejection)
        -> [MedoDestination] {
        guard let index = root.child("deliveryIndex") else { return [] }
        var result: [MedoDestination] = []
        for list in index.children("destination") {
            // Some writers put the uid on the outer element itself; both shapes name one participant each.
            let entries = list.children("destination").isEmpty ? [list] : list.children("destination")
            for entry in entries {
                result.append(MedoDestination(uid: try fields.requiredAttribute(entry, "uid"),
                                              organization: try fields.required(entry, "organization")))
            }
        }
        return result
    }
}
