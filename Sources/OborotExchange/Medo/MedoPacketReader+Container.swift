/// The container passport as we read and write it (2.7 `http://minsvyaz.ru/container`, 2.7.1
/// `urn:IEDMS:CONTAINER`; the same shape in both):
///
/// ```xml
/// <container uid="…" version="…">
///   <requisites>
///     <documentKind>Письмо</documentKind>
///     <registration><number>…</number><date>2026-03-28</date></registration>
///     <classification>…</classification>?  <annotation>…</annotation>?
///     <pages>…</pages>?  <enclosuresPages>…</enclosuresPages>?
///   </requisites>
///   <signatories><signatory>{region, organization, person, department, post, signed}</signatory></signatories>?
///   <addressees><addressee>{…}</addressee></addressees>?
///   <correspondents><correspondent>{organization, person, num{number, date}}</correspondent></correspondents>?
///   <executor>{…}</executor>?  <comment>…</comment>?
///   <files>
///     <file localName="main.pdf" role="main|annex|stamp|other">
///       <description>…</description>?  <pages>…</pages>?
///       <signature localName="main.pdf.p7s"/>*
///       <stampPosition page="1" x="…" y="…" width="…" height="…"/>?
///     </file>
///   </files>
/// </container>
/// ```
extension MedoPacketReader {
    static let passportName = "passport.xml"
    static let passportList = MedoWording.passport

    /// 2.7 and 2.7.1: the envelope names the zip (`container/body`); the requisites are in its passport.
    static func containerDocument(_ root: MedoXMLElement, folder: MedoFolder, fields: MedoFieldReader,
                                  passportNamespace: String, limits: MedoLimits) throws(MedoRejection) -> MedoDocument {
        let body = try fields.required(root, "container", "body")
        if body.contains("/") || body.contains("\\") || body.contains(":") { throw .unsafeFileName(fields.file, body) }
        let zip = try folder.required(body, listedIn: "\(fields.file) (container/body)")
        let container = try MedoContainerArchive.unpack(zip, name: body, limits: limits)
        let passportBytes = try container.required(passportName, listedIn: MedoWording.container(body))
        let passport = try MedoXMLParser.parse(passportBytes, file: passportName)
        guard passport.name == "container", passport.namespace == passportNamespace else {
            throw .unknownRoot(passportName, passport.name)
        }
        return try document(passport: passport, files: container)
    }

    private static func document(passport: MedoXMLElement, files: MedoFolder) throws(MedoRejection) -> MedoDocument {
        let fields = MedoFieldReader(file: passportName)
        let requisites = try fields.requiredChild(passport, "requisites")
        var document = MedoDocument(
            uid: try fields.requiredAttribute(passport, "uid"),
            kind: try fields.required(requisites, "documentKind"),
            number: try fields.required(requisites, "registration", "number"),
            date: try fields.date(try fields.required(requisites, "registration", "date"), "registration/date"),
            classification: fields.optional(requisites, "classification"),
            annotation: fields.optional(requisites, "annotation"),
            pages: try fields.optionalCount(requisites, "pages"),
            enclosuresPages: try fields.optionalCount(requisites, "enclosuresPages"),
            comment: fields.optional(passport, "comment"))
        if let executor = passport.child("executor") { document.executor = try fields.participant(executor) }
        document.signatories = try participants(passport, "signatories", "signatory", fields)
        document.addressees = try participants(passport, "addressees", "addressee", fields)
        for correspondent in passport.child("correspondents")?.children("correspondent") ?? [] {
            document.correspondents.append(try fields.correspondent(correspondent))
        }
        for file in try fields.requiredChild(passport, "files").children("file") {
            document.files.append(try self.file(file, files: files, fields: fields))
        }
        guard let main = document.mainFile else { throw .missingMainDocument }
        // 2.7 made the main document a PDF and its detached signature mandatory; stamps are PNG images.
        if !main.looksLikePDF { throw .mainNotPDF(main.name) }
        if main.signatures.isEmpty { throw .missingSignature(main.name) }
        if let stamp = document.files.first(where: { $0.role == .stamp && !$0.looksLikePNG }) {
            throw .stampNotPNG(stamp.name)
        }
        return document
    }

    private static func file(_ element: MedoXMLElement, files: MedoFolder, fields: MedoFieldReader)
        throws(MedoRejection) -> MedoFile {
        let name = try fields.fileName(element)
        let roleName = try fields.requiredAttribute(element, "role")
        guard let role = MedoFile.Role(rawValue: roleName) else {
            throw .invalidValue(fields.file, "file@role", roleName, expected: MedoWording.role)
        }
        var signatures: [MedoSignature] = []
        for signature in element.children("signature") {
            let signatureName = try fields.fileName(signature)
            signatures.append(MedoSignature(name: signatureName,
                                            bytes: try files.required(signatureName, listedIn: passportList)))
        }
        var position: MedoStampPosition?
        if let stamp = element.child("stampPosition") {
            let page = try fields.requiredAttribute(stamp, "page")
            guard let pageNumber = Int(page), pageNumber >= 1 else {
                throw .invalidValue(fields.file, "stampPosition@page", page, expected: MedoWording.page)
            }
            position = MedoStampPosition(
                page: pageNumber,
                x: try fields.number(try fields.requiredAttribute(stamp, "x"), "stampPosition@x"),
                y: try fields.number(try fields.requiredAttribute(stamp, "y"), "stampPosition@y"),
                width: try fields.number(try fields.requiredAttribute(stamp, "width"), "stampPosition@width"),
                height: try fields.number(try fields.requiredAttribute(stamp, "height"), "stampPosition@height"))
        }
        return MedoFile(
            name: name, bytes: try files.required(name, listedIn: passportList), role: role,
            description: fields.optional(element, "description"), pages: try fields.optionalCount(element, "pages"),
            signatures: signatures, stampPosition: position)
    }
}
