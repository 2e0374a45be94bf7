/// Unpacks a МЭДО container zip into memory, refusing archives that could harm whoever unpacks them later.
///
/// The container is flat by the format, so any folder, absolute path or `..` is refused rather than skipped:
/// a packet that tries it is not one to register. Sizes are capped in total, declared and actually inflated.
enum MedoContainerArchive {
    static func unpack(_ bytes: [UInt8], name: String, limits: MedoLimits) throws(MedoRejection) -> MedoFolder {
        let maxTotalBytes = limits.maxContainerBytes
        let maxEntries = limits.maxContainerEntries
        let zip: DocumentText.ZipParts
        do {
            zip = try DocumentText.ZipParts(bytes: bytes)
        } catch {
            throw rejection(error, archive: name, limit: maxTotalBytes)
        }
        if let climbing = zip.climbingPaths.first { throw .unsafeEntry(name, climbing) }
        guard zip.entries.count <= maxEntries else { throw .tooManyEntries(name, limit: maxEntries) }
        var declared: UInt64 = 0
        var seen: Set<String> = []
        for entry in zip.entries {
            let path = entry.path
            if path.isEmpty || path.contains("/") || path.contains("\\") || path.contains(":")
                || path.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                throw .unsafeEntry(name, path)
            }
            guard seen.insert(path.lowercased()).inserted else {
                throw .duplicateEntry(name, path)
            }
            declared += entry.uncompressedSize
            if declared > UInt64(maxTotalBytes) { throw .archiveTooLarge(name, limit: maxTotalBytes) }
        }
        var files: [String: [UInt8]] = [:]
        var budget = maxTotalBytes
        for entry in zip.entries {
            do {
                // The budget, not the declared size, bounds the inflater: declared sizes may lie.
                guard let data = try zip.read(entry.path, limit: budget) else { continue }
                budget -= data.count
                files[entry.path] = data
            } catch {
                throw rejection(error, archive: name, limit: maxTotalBytes)
            }
        }
        return MedoFolder(files: files)
    }

    private static func rejection(_ failure: DocumentText.Failure, archive: String, limit: Int) -> MedoRejection {
        switch failure {
        case .tooLarge: .archiveTooLarge(archive, limit: limit)
        case .corrupt(let why): .corruptArchive(archive, why.lowercasedFirst)
        case .unsupported(let why): .unsupportedArchive(archive, why.lowercasedFirst)
        }
    }
}

extension String {
    /// «Повреждён каталог ZIP» reads as «повреждён каталог ZIP» after a colon.
    fileprivate var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
