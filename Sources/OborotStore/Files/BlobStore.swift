public import Foundation
public import NIOCore
import Crypto
public import NIOFileSystem
public import OborotDomain

/// Content-addressed file storage: each distinct content is stored once, under its SHA-256, in
/// `<root>/<aa>/<bb>/<sha256>`.
///
/// Files are written first and recorded in the database afterwards; a file whose recording never committed is an
/// orphan, removed by `sweepOrphans` after a grace period. Nothing is ever recorded before its bytes are safe.
public struct BlobStore: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// What `ingest` stored.
    public struct Ingested: Sendable, Equatable {
        public var sha256: String
        public var size: Int64
        public var fileType: OborotDomain.FileType
    }

    /// The storage limit was exceeded; nothing was kept.
    public struct TooLarge: Error, Sendable {
        public let limit: Int64
    }

    /// Streams `chunks` to disk while hashing them, never holding the whole file in memory. Past `maxBytes` the
    /// partial file is discarded and `TooLarge` thrown.
    public func ingest<Chunks: AsyncSequence>(_ chunks: Chunks, maxBytes: Int64) async throws -> Ingested
    where Chunks.Element == ByteBuffer {
        let temporaryFolder = FilePath(root).appending("tmp")
        try await FileSystem.shared.createDirectory(at: temporaryFolder, withIntermediateDirectories: true)
        let temporary = temporaryFolder.appending(UUID().lowercasedString)
        var hasher = SHA256()
        var size: Int64 = 0
        var head: [UInt8] = []
        do {
            try await FileSystem.shared.withFileHandle(forWritingAt: temporary, options: .newFile(replaceExisting: false)) { handle in
                try await handle.withBufferedWriter(capacity: .kibibytes(512)) { writer in
                    for try await chunk in chunks {
                        size += Int64(chunk.readableBytes)
                        if size > maxBytes { throw TooLarge(limit: maxBytes) }
                        chunk.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
                        if head.count < OborotDomain.FileType.sniffLength {
                            head += chunk.readableBytesView.prefix(OborotDomain.FileType.sniffLength - head.count)
                        }
                        _ = try await writer.write(contentsOf: chunk)
                    }
                }
            }
        } catch {
            // A failed write never became visible (the file system writes new files privately until closed),
            // but a finished one that failed later must go.
            _ = try? await FileSystem.shared.removeItem(at: temporary)
            throw error
        }
        let sha256 = Hex.encode(hasher.finalize())
        let destination = path(of: sha256)
        if try await FileSystem.shared.info(forFileAt: destination) != nil {
            _ = try? await FileSystem.shared.removeItem(at: temporary)
        } else {
            try await FileSystem.shared.createDirectory(at: destination.removingLastComponent(), withIntermediateDirectories: true)
            try await FileSystem.shared.moveItem(at: temporary, to: destination)
        }
        return Ingested(sha256: sha256, size: size, fileType: OborotDomain.FileType.detect(head))
    }

    /// Stores bytes already in memory (files of a МЭДО packet) the same way as a stream.
    public func ingest(bytes: [UInt8]) async throws -> Ingested {
        try await ingest(OneBuffer(buffer: ByteBuffer(bytes: bytes)), maxBytes: Int64(bytes.count))
    }

    /// An async sequence of exactly one buffer.
    struct OneBuffer: AsyncSequence, Sendable {
        let buffer: ByteBuffer
        struct AsyncIterator: AsyncIteratorProtocol {
            var buffer: ByteBuffer?
            mutating func next() async -> ByteBuffer? {
                defer { buffer = nil }
                return buffer
            }
        }
        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(buffer: buffer) }
    }

    /// Where the blob with this hash lives.
    public func path(of sha256: String) -> FilePath {
        let characters = Array(sha256)
        let first = characters.count >= 2 ? String(characters[0..<2]) : "00"
        let second = characters.count >= 4 ? String(characters[2..<4]) : "00"
        return FilePath(root).appending(first).appending(second).appending(sha256)
    }

    /// Deletes a blob file at once (for content refused before it was ever recorded).
    public func removeUnrecorded(_ sha256: String) {
        try? FileManager.default.removeItem(atPath: path(of: sha256).string)
    }

    /// The blob's file as a plain path, for readers outside the store (signature checks hash it in place).
    public func filePath(of sha256: String) -> String { path(of: sha256).string }

    /// A small stored blob whole (a signature file); larger than `maxBytes` is refused rather than read.
    public func readAll(_ sha256: String, maxBytes: Int) async throws -> [UInt8] {
        let file = path(of: sha256).string
        let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? Int.max
        guard size <= maxBytes else { throw TooLarge(limit: Int64(maxBytes)) }
        return Array(try Data(contentsOf: URL(fileURLWithPath: file)))
    }

    /// Reads a stored blob's bytes in `range`, in chunks, for streaming to a client.
    public func read(
        _ sha256: String, range: Range<Int64>, _ body: (ByteBuffer) async throws -> Void
    ) async throws {
        try await FileSystem.shared.withFileHandle(forReadingAt: path(of: sha256)) { handle in
            for try await chunk in handle.readChunks(in: range, chunkLength: .kibibytes(256)) {
                try await body(chunk)
            }
        }
    }

    /// Removes blob files the database does not know, and unfinished uploads, older than `grace`.
    ///
    /// `isRecorded` asks the database; the grace period protects uploads whose transaction has not committed yet.
    @discardableResult
    public func sweepOrphans(
        olderThan grace: TimeInterval, now: Date = Date(), isRecorded: (String) async throws -> Bool
    ) async throws -> Int {
        let rootURL = URL(fileURLWithPath: root)
        guard let enumerator = FileManager.default.enumerator(
            at: rootURL, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey])
        else { return 0 }
        var candidates: [(URL, Bool)] = []
        while let url = enumerator.nextObject() as? URL {
            let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .isRegularFileKey])
            guard values?.isRegularFile == true, let modified = values?.contentModificationDate,
                now.timeIntervalSince(modified) > grace
            else { continue }
            candidates.append((url, url.deletingLastPathComponent().lastPathComponent == "tmp"))
        }
        var removed = 0
        for (url, isTemporary) in candidates {
            let recorded = isTemporary ? false : try await isRecorded(url.lastPathComponent)
            if !recorded {
                try? FileManager.default.removeItem(at: url)
                removed += 1
            }
        }
        return removed
    }
}
