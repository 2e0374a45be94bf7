import Foundation

extension DocumentText {
    /// Just enough of ZIP to read one named part of an office document or of a МЭДО container, from a file or
    /// from bytes in memory: the central directory is trusted for sizes, every size is checked against the limits
    /// before reading, and the inflater counts what it makes.
    struct ZipParts {
        struct Entry {
            let path: String
            let flags: UInt16
            let method: UInt16
            let crc: UInt32
            let compressedSize: UInt64
            let uncompressedSize: UInt64
            let headerOffset: UInt64
        }

        /// Where the archive's bytes are: an open file, read piece by piece, or bytes already in memory.
        private enum Source {
            case file(FileHandle)
            case memory([UInt8])
        }

        private let source: Source
        private let fileSize: UInt64
        private(set) var entries: [Entry] = []
        /// Paths of entries that climb out of the archive (`..`); they are skipped, but callers that must refuse
        /// such an archive outright (МЭДО) need to know they were there.
        private(set) var climbingPaths: [String] = []

        init(path: String) throws(Failure) {
            guard let handle = FileHandle(forReadingAtPath: path) else { throw .corrupt("Файл не удалось открыть") }
            source = .file(handle)
            do {
                fileSize = try handle.seekToEnd()
            } catch {
                throw .corrupt("Файл не удалось прочитать")
            }
            try readDirectory()
        }

        init(bytes: [UInt8]) throws(Failure) {
            source = .memory(bytes)
            fileSize = UInt64(bytes.count)
            try readDirectory()
        }

        /// The bytes of the part named exactly `name`, or nil when the archive has none.
        func read(_ name: String, limit: Int) throws(Failure) -> [UInt8]? {
            guard let entry = entries.first(where: { $0.path == name }) else { return nil }
            if entry.flags & 1 != 0 { throw .unsupported("Документ защищён паролем") }
            guard entry.method == 0 || entry.method == 8 else {
                throw .unsupported("Сжатие части \(name) не поддерживается")
            }
            guard entry.uncompressedSize <= UInt64(limit) else { throw .tooLarge(limit: limit) }
            // Deflate never grows data by more than a few bytes per 16 KB block, so a much larger stream lies.
            guard entry.compressedSize <= UInt64(limit) + UInt64(limit / 1000) + 64 else {
                throw .tooLarge(limit: limit)
            }
            let header = try bytes(at: entry.headerOffset, count: 30)
            guard Self.uint32(header, 0) == 0x0403_4B50 else { throw .corrupt("Повреждён заголовок части \(name)") }
            let dataOffset = entry.headerOffset + 30 + UInt64(Self.uint16(header, 26)) + UInt64(Self.uint16(header, 28))
            let stored = try bytes(at: dataOffset, count: Int(entry.compressedSize))
            let data: [UInt8]
            if entry.method == 0 {
                data = stored
            } else {
                do {
                    data = try Inflater.inflate(stored, limit: limit, expectedSize: Int(entry.uncompressedSize))
                } catch .tooLarge {
                    throw .tooLarge(limit: limit)
                } catch {
                    throw .corrupt("Повреждено сжатое содержимое части \(name)")
                }
            }
            guard UInt64(data.count) == entry.uncompressedSize, CRC32.checksum(data) == entry.crc else {
                throw .corrupt("Не сходится контрольная сумма части \(name)")
            }
            return data
        }

        private mutating func readDirectory() throws(Failure) {
            // The end record sits in the last 22 bytes plus a comment of at most 64 KB.
            let tailSize = min(fileSize, 22 + 0xFFFF)
            let tail = try bytes(at: fileSize - tailSize, count: Int(tailSize))
            guard tail.count >= 22,
                  let end = stride(from: tail.count - 22, through: 0, by: -1)
                      .first(where: { Self.uint32(tail, $0) == 0x0605_4B50 }) else {
                throw .corrupt("Файл не является ZIP-архивом")
            }
            let count = Int(Self.uint16(tail, end + 10))
            let size = UInt64(Self.uint32(tail, end + 12))
            let offset = UInt64(Self.uint32(tail, end + 16))
            if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
                throw .unsupported("Архивы ZIP64 не поддерживаются")
            }
            guard offset + size <= fileSize - tailSize + UInt64(end) else { throw .corrupt("Повреждён каталог ZIP") }
            let directory = try bytes(at: offset, count: Int(size))
            var cursor = 0
            for _ in 0..<count {
                guard cursor + 46 <= directory.count, Self.uint32(directory, cursor) == 0x0201_4B50 else {
                    throw .corrupt("Повреждён каталог ZIP")
                }
                let nameLength = Int(Self.uint16(directory, cursor + 28))
                let extraLength = Int(Self.uint16(directory, cursor + 30))
                let commentLength = Int(Self.uint16(directory, cursor + 32))
                let next = cursor + 46 + nameLength + extraLength + commentLength
                guard next <= directory.count else { throw .corrupt("Повреждён каталог ZIP") }
                let path = String(decoding: directory[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
                // A path that climbs out of the archive is never looked at, let alone read.
                let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
                if components.contains("..") {
                    climbingPaths.append(path)
                } else {
                    entries.append(Entry(
                        path: path,
                        flags: Self.uint16(directory, cursor + 8),
                        method: Self.uint16(directory, cursor + 10),
                        crc: Self.uint32(directory, cursor + 16),
                        compressedSize: UInt64(Self.uint32(directory, cursor + 20)),
                        uncompressedSize: UInt64(Self.uint32(directory, cursor + 24)),
                        headerOffset: UInt64(Self.uint32(directory, cursor + 42))))
                }
                cursor = next
            }
        }

        private func bytes(at offset: UInt64, count: Int) throws(Failure) -> [UInt8] {
            guard offset <= fileSize, UInt64(count) <= fileSize - offset else {
                throw .corrupt("Файл обрывается раньше, чем сказано в его заголовках")
            }
            switch source {
            case .memory(let bytes):
                return Array(bytes[Int(offset)..<(Int(offset) + count)])
            case .file(let handle):
                do {
                    try handle.seek(toOffset: offset)
                    let data = try handle.read(upToCount: count) ?? Data()
                    guard data.count == count else { throw Failure.corrupt("Файл не удалось прочитать") }
                    return [UInt8](data)
                } catch {
                    throw .corrupt("Файл не удалось прочитать")
                }
            }
        }

        private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
            UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
        }

        private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
            UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
    }

    /// The ZIP checksum (CRC-32, polynomial 0xEDB88320), to notice parts that were damaged in storage.
    enum CRC32 {
        private static let table: [UInt32] = (0..<256).map { index in
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
            return value
        }

        static func checksum(_ bytes: [UInt8]) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
            return ~crc
        }
    }
}
