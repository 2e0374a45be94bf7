/// A packet uploaded over HTTP as one ZIP of its folder's files (flat, as in the IN folder).
public enum MedoUpload {
    /// The packet folder's files, with the same zip-slip and bomb checks as a 2.7 container.
    public static func files(zip bytes: [UInt8], limits: MedoLimits = .standard) -> Result<[String: [UInt8]], MedoRejection> {
        do throws(MedoRejection) {
            return .success(try MedoContainerArchive.unpack(bytes, name: "upload.zip", limits: limits).files)
        } catch {
            return .failure(error)
        }
    }
}
