import Foundation
public import OborotDomain
import Crypto

/// Bytes already in memory (a small file uploaded for a public check).
public struct InMemoryContent: SignedContent {
    let bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public func digest(_ algorithm: DigestAlgorithm) throws -> [UInt8] {
        switch algorithm {
        case .sha256: Array(SHA256.hash(data: bytes))
        case .sha384: Array(SHA384.hash(data: bytes))
        case .sha512: Array(SHA512.hash(data: bytes))
        }
    }
}

/// A file on disk, hashed in 1 MiB pieces. A blob's SHA-256 is its name in the content-addressed store, so when it
/// is known the file is not read for SHA-256 at all.
public struct FileContent: SignedContent {
    let path: String
    let knownSHA256Hex: String?

    public init(path: String, knownSHA256Hex: String? = nil) {
        self.path = path
        self.knownSHA256Hex = knownSHA256Hex
    }

    public func digest(_ algorithm: DigestAlgorithm) throws -> [UInt8] {
        if algorithm == .sha256, let hex = knownSHA256Hex, let bytes = Hex.decode(hex) { return bytes }
        switch algorithm {
        case .sha256: return try hash(SHA256())
        case .sha384: return try hash(SHA384())
        case .sha512: return try hash(SHA512())
        }
    }

    private func hash<H: HashFunction>(_ initial: H) throws -> [UInt8] {
        var hasher = initial
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return Array(hasher.finalize())
    }
}
