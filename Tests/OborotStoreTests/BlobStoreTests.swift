import Foundation
import NIOCore
import NIOFileSystem
import OborotDomain
import OborotStore
import OborotTestSupport
import Testing

@Suite("Хранилище файлов")
struct BlobStoreTests {
    func withStore(_ body: (BlobStore, URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oborot-blobs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(BlobStore(root: folder.path), folder)
    }

    static func chunks(_ bytes: [UInt8], size: Int = 1000) -> AsyncStream<ByteBuffer> {
        AsyncStream { continuation in
            for start in stride(from: 0, to: bytes.count, by: size) {
                continuation.yield(ByteBuffer(bytes: bytes[start..<min(start + size, bytes.count)]))
            }
            continuation.finish()
        }
    }

    @Test("content is stored once under its SHA-256, streamed in chunks")
    func ingest() async throws {
        try await withStore { store, folder in
            let bytes = Array("%PDF-1.4 ".utf8) + (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let first = try await store.ingest(Self.chunks(bytes), maxBytes: 1_000_000)
            let second = try await store.ingest(Self.chunks(bytes, size: 333), maxBytes: 1_000_000)
            #expect(first == second)
            #expect(first.size == Int64(bytes.count))
            #expect(first.fileType == .pdf)
            #expect(first.sha256 == SHA256Hex.of(bytes))
            let stored = try Data(contentsOf: URL(fileURLWithPath: store.path(of: first.sha256).string))
            #expect(Array(stored) == bytes)
            var read: [UInt8] = []
            try await store.read(first.sha256, range: 10..<20) { read += $0.readableBytesView }
            #expect(read == Array(bytes[10..<20]))
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(first.sha256) }
            #expect(files?.count == 1)
        }
    }

    @Test("past the limit nothing is kept")
    func tooLarge() async throws {
        try await withStore { store, folder in
            await #expect(throws: BlobStore.TooLarge.self) {
                _ = try await store.ingest(Self.chunks([UInt8](repeating: 1, count: 5000)), maxBytes: 4096)
            }
            let leftovers = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }
                .filter { !$0.hasSuffix("tmp") } ?? []
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
    }

    @Test("the sweeper removes old unrecorded files and unfinished uploads, keeps recorded and young ones")
    func sweeper() async throws {
        try await withStore { store, folder in
            let recorded = try await store.ingest(Self.chunks(Array("keep me".utf8)), maxBytes: 100)
            let orphan = try await store.ingest(Self.chunks(Array("orphan".utf8)), maxBytes: 100)
            let young = try await store.ingest(Self.chunks(Array("young orphan".utf8)), maxBytes: 100)
            let temporary = folder.appendingPathComponent("tmp/stale-upload")
            try Data("partial".utf8).write(to: temporary)
            let old = Date().addingTimeInterval(-7200)
            for path in [store.path(of: recorded.sha256).string, store.path(of: orphan.sha256).string, temporary.path] {
                try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
            }
            let removed = try await store.sweepOrphans(olderThan: 3600) { $0 == recorded.sha256 }
            #expect(removed == 2)
            #expect(FileManager.default.fileExists(atPath: store.path(of: recorded.sha256).string))
            #expect(!FileManager.default.fileExists(atPath: store.path(of: orphan.sha256).string))
            #expect(FileManager.default.fileExists(atPath: store.path(of: young.sha256).string))
            #expect(!FileManager.default.fileExists(atPath: temporary.path))
        }
    }
}

import Crypto

enum SHA256Hex {
    static func of(_ bytes: [UInt8]) -> String { Hex.encode(SHA256.hash(data: bytes)) }
}
