/// The files of one packet folder (or of an unpacked container), looked up the way Windows senders name them:
/// exactly first, then ignoring case (`Document.xml`, `MAIN.PDF`).
struct MedoFolder {
    let files: [String: [UInt8]]

    func bytes(_ name: String) -> [UInt8]? {
        if let bytes = files[name] { return bytes }
        let lowered = name.lowercased()
        return files.first { $0.key.lowercased() == lowered }?.value
    }

    /// A listed file, or the rejection naming where it was listed.
    func required(_ name: String, listedIn list: String) throws(MedoRejection) -> [UInt8] {
        guard let bytes = bytes(name) else { throw .missingFile(name, listedIn: list) }
        return bytes
    }
}
