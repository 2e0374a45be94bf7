import Foundation
import NIOCore

/// Streams the first file of a `multipart/form-data` body without holding it in memory: the bytes between the
/// part's headers and the next boundary are passed on as they arrive.
///
/// Only what our forms send is supported: the file part is found by its `filename` parameter; other parts before
/// it are skipped; anything after the file part is ignored.
struct MultipartFileReader {
    /// The file part's headers.
    struct FilePart: Sendable, Equatable {
        var fileName: String
        var contentType: String?
    }

    enum Failure: Error, Equatable {
        case malformed(String)
        case noFilePart
    }

    let boundary: [UInt8]

    /// The boundary from a `Content-Type: multipart/form-data; boundary=…` header.
    static func boundary(fromContentType contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2
                    ? String(pair[1].dropFirst().dropLast()) : pair[1]
                return value.isEmpty || value.utf8.count > 200 ? nil : value
            }
        }
        return nil
    }

    init(boundary: String) {
        self.boundary = Array(boundary.utf8)
    }

    /// Reads `body` and calls `onPart` once with the file part's headers, then `onBytes` with its content in order.
    func read<Body: AsyncSequence>(
        _ body: Body, onPart: (FilePart) async throws -> Void, onBytes: (ByteBuffer) async throws -> Void
    ) async throws where Body.Element == ByteBuffer {
        let delimiter = Array("\r\n--".utf8) + boundary
        var buffer: [UInt8] = []
        var state = State.preamble
        // The preamble ends at the first boundary, which may come without the leading CRLF.
        buffer = Array("\r\n".utf8)
        for try await chunk in body {
            buffer += chunk.readableBytesView
            while true {
                switch state {
                case .preamble, .skippingPart:
                    guard let index = Self.find(delimiter, in: buffer) else {
                        // Keep only what could still be the start of a delimiter.
                        if buffer.count > delimiter.count { buffer.removeFirst(buffer.count - delimiter.count) }
                        break
                    }
                    buffer.removeFirst(index + delimiter.count)
                    state = .afterDelimiter
                    continue
                case .afterDelimiter:
                    guard buffer.count >= 2 else { break }
                    if buffer[0] == UInt8(ascii: "-") && buffer[1] == UInt8(ascii: "-") { throw Failure.noFilePart }
                    guard let end = Self.find(Array("\r\n\r\n".utf8), in: buffer) else {
                        if buffer.count > 16 * 1024 { throw Failure.malformed("заголовки части слишком длинные") }
                        break
                    }
                    let headerText = String(decoding: buffer[..<end], as: UTF8.self)
                    buffer.removeFirst(end + 4)
                    if let part = Self.filePart(headerText) {
                        try await onPart(part)
                        state = .file
                    } else {
                        state = .skippingPart
                    }
                    continue
                case .file:
                    if let index = Self.find(delimiter, in: buffer) {
                        if index > 0 { try await onBytes(ByteBuffer(bytes: buffer[..<index])) }
                        state = .done
                        buffer = []
                        break
                    }
                    let safe = buffer.count - delimiter.count
                    if safe > 0 {
                        try await onBytes(ByteBuffer(bytes: buffer[..<safe]))
                        buffer.removeFirst(safe)
                    }
                case .done:
                    buffer = []
                }
                break
            }
        }
        switch state {
        case .done: return
        case .file: throw Failure.malformed("тело оборвалось до конца файла")
        default: throw Failure.noFilePart
        }
    }

    private enum State {
        case preamble, afterDelimiter, skippingPart, file, done
    }

    /// The file part's name and type from its headers, or nil for a plain field.
    static func filePart(_ headers: String) -> FilePart? {
        var fileName: String?
        var contentType: String?
        for line in headers.split(separator: "\r\n") {
            let lower = line.lowercased()
            if lower.hasPrefix("content-disposition:") {
                fileName = parameter("filename*", in: String(line)).flatMap(decodeExtended) ?? parameter("filename", in: String(line))
            } else if lower.hasPrefix("content-type:") {
                contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
            }
        }
        guard let fileName else { return nil }
        return FilePart(fileName: fileName, contentType: contentType)
    }

    private static func parameter(_ name: String, in line: String) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// RFC 5987 `UTF-8''%D0%9F…`.
    private static func decodeExtended(_ value: String) -> String? {
        guard value.lowercased().hasPrefix("utf-8''") else { return nil }
        return String(value.dropFirst(7)).removingPercentEncoding
    }

    /// The first position of `needle` in `haystack`.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
