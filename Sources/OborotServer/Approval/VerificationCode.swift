import NIOCore

/// Codes of public verification pages: ten characters of Crockford's base32 (no I, L, O, U), about 50 bits —
/// unguessable enough that the pages cannot be walked, short enough to type from paper.
enum VerificationCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }

    /// A code as typed: upper-cased, separators dropped, look-alike letters read as digits; nil if it cannot be one.
    static func normalize(_ text: String) -> String? {
        let mapped = text.uppercased().compactMap { character -> Character? in
            switch character {
            case "-", " ": nil
            case "O": "0"
            case "I", "L": "1"
            default: character
            }
        }
        guard mapped.count == 10, mapped.allSatisfy(alphabet.contains) else { return nil }
        return String(mapped)
    }
}

/// One buffer as the chunk sequence the blob store ingests.
struct OneBuffer: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let buffer: ByteBuffer

    init(_ buffer: ByteBuffer) { self.buffer = buffer }

    struct AsyncIterator: AsyncIteratorProtocol {
        var buffer: ByteBuffer?
        mutating func next() async throws -> ByteBuffer? {
            defer { buffer = nil }
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(buffer: buffer) }
}
