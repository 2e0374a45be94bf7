import Foundation

/// A whole `multipart/form-data` body read at once: the text fields and the files. For small forms under a known
/// total limit (the public appeal form, the signature check); large uploads stream through `MultipartFileReader`.
struct MultipartForm: Sendable {
    struct File: Sendable {
        var field: String
        var fileName: String
        var bytes: [UInt8]
    }

    var fields: [String: String] = [:]
    var files: [File] = []

    /// nil when the body is not multipart as our forms send it.
    static func parse(_ body: [UInt8], boundary: String) -> MultipartForm? {
        let delimiter = Array("--\(boundary)".utf8)
        var form = MultipartForm()
        var position = 0
        guard let first = find(delimiter, in: body, from: 0) else { return nil }
        position = first + delimiter.count
        while position + 2 <= body.count {
            if body[position] == UInt8(ascii: "-") && body[position + 1] == UInt8(ascii: "-") { return form }
            position += 2  // CRLF after the delimiter
            guard let headerEnd = find(Array("\r\n\r\n".utf8), in: body, from: position) else { return nil }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = find(Array("\r\n".utf8) + delimiter, in: body, from: contentStart) else { return nil }
            let content = Array(body[contentStart..<next])
            let disposition = headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-disposition:") }.map(String.init) ?? ""
            if let name = parameter("name", in: disposition) {
                if let fileName = parameter("filename", in: disposition) {
                    if !fileName.isEmpty || !content.isEmpty { form.files.append(File(field: name, fileName: fileName, bytes: content)) }
                } else {
                    form.fields[name] = String(decoding: content, as: UTF8.self)
                }
            }
            position = next + 2 + delimiter.count
        }
        return nil
    }

    private static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// Each part's content by field name (the first file of a field, or a text field as bytes), for forms that
    /// send exactly one of each (the signature check: `file` and `signature`).
    static func parts(_ body: [UInt8], boundary: String) -> [String: [UInt8]] {
        guard let form = parse(body, boundary: boundary) else { return [:] }
        var parts = form.fields.mapValues { Array($0.utf8) }
        for file in form.files.reversed() { parts[file.field] = file.bytes }
        return parts
    }

    /// The first occurrence of `needle` at or after `start`, compared in place (no copies per candidate).
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            guard let candidate = haystack[index...last].firstIndex(of: first) else { return nil }
            if haystack[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
