/// A single HTTP byte range (`Range: bytes=…`), resolved against a file's size.
public struct ByteRange: Sendable, Equatable {
    public let first: Int64
    public let last: Int64

    public var length: Int64 { last - first + 1 }

    public init(first: Int64, last: Int64) {
        self.first = first
        self.last = last
    }

    /// The outcome of reading a `Range` header.
    public enum Parsed: Sendable, Equatable {
        /// No header, or one we ignore (several ranges, another unit): send the whole file.
        case whole
        case partial(ByteRange)
        /// The range starts beyond the end of the file: `416`.
        case unsatisfiable
    }

    /// Parses `bytes=a-b`, `bytes=a-` and `bytes=-n` for a file of `size` bytes.
    public static func parse(_ header: String?, size: Int64) -> Parsed {
        guard let header, header.hasPrefix("bytes=") else { return .whole }
        let spec = String(header.dropFirst("bytes=".count)).trimmed
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let start = String(spec[..<dash]).trimmed
        let end = String(spec[spec.index(after: dash)...]).trimmed
        if start.isEmpty {
            guard let suffix = Int64(end), suffix > 0 else { return .whole }
            guard size > 0 else { return .unsatisfiable }
            return .partial(ByteRange(first: max(0, size - suffix), last: size - 1))
        }
        guard let first = Int64(start), first >= 0 else { return .whole }
        guard first < size else { return .unsatisfiable }
        if end.isEmpty { return .partial(ByteRange(first: first, last: size - 1)) }
        guard let last = Int64(end), last >= first else { return .whole }
        return .partial(ByteRange(first: first, last: min(last, size - 1)))
    }
}
