import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OborotDomain
import OborotStore

/// Upload and download of document files, by hand rather than through the generated server: bodies are streamed
/// (never held whole in memory) and downloads honour `Range`.
///
/// | route | what |
/// |---|---|
/// | `POST /api/v1/documents/{id}/files` | new attachment: raw body (name in `?name=` or `X-File-Name`, URL-encoded) or `multipart/form-data` |
/// | `POST /api/v1/documents/{id}/files/{attachmentId}/versions` | next version of an attachment, same body forms |
/// | `GET /api/v1/documents/{id}/files/{attachmentId}?version=N&inline=1` | the bytes, with `Range` and `Content-Disposition` |
enum FileRoutes {
    static let fileNameHeader = HTTPField.Name("X-File-Name")!

    /// Upload routes read their own bodies with their own limit; the JSON body limit does not apply to them.
    static func isUpload(_ request: Request) -> Bool {
        request.method == .post && request.uri.path.hasPrefix("/api/v1/documents/")
            && (request.uri.path.hasSuffix("/files") || request.uri.path.hasSuffix("/versions"))
    }

    static func add(to router: Router<AppRequestContext>, files: FileService) {
        router.post("/api/v1/documents/:documentId/files") { request, context in
            try await upload(request, context, files: files, attachmentID: nil)
        }
        router.post("/api/v1/documents/:documentId/files/:attachmentId/versions") { request, context in
            try await upload(request, context, files: files, attachmentID: try context.pathID("attachmentId", .attachment))
        }
        router.get("/api/v1/documents/:documentId/files/:attachmentId") { request, context in
            try await download(request, context, files: files)
        }
    }

    private static func upload(
        _ request: Request, _ context: AppRequestContext, files: FileService, attachmentID: UUID?
    ) async throws -> Response {
        let caller = try RequestScope.current.requireCaller()
        let documentID = try context.pathID("documentId", .document)
        try await files.checkCanUpload(caller, documentID: documentID, attachmentID: attachmentID)
        if let length = request.headers[.contentLength].flatMap(Int64.init), length > files.maxUploadBytes + 64 * 1024 {
            throw OborotError.fileTooLarge(maxBytes: files.maxUploadBytes)
        }
        let contentType = request.headers[.contentType] ?? ""
        let version: AttachmentVersion
        if let boundary = MultipartFileReader.boundary(fromContentType: contentType) {
            version = try await uploadMultipart(request, boundary: boundary, caller: caller, documentID: documentID, attachmentID: attachmentID, files: files)
        } else {
            let name = request.uri.queryParameters["name"].map(String.init) ?? request.headers[fileNameHeader]?.removingPercentEncoding
            guard let name, !name.isEmpty else { throw OborotError.fileNameRequired }
            version = try await files.store(
                caller, documentID: documentID, attachmentID: attachmentID, fileName: name,
                declaredType: contentType.isEmpty ? nil : contentType, chunks: request.body)
        }
        return try jsonResponse(status: .created, FileJSON(version))
    }

    /// Pipes the multipart file part into the blob store through a stream, so the body is never buffered whole.
    static func uploadMultipart(
        _ request: Request, boundary: String, caller: Caller, documentID: UUID, attachmentID: UUID?, files: FileService
    ) async throws -> AttachmentVersion {
        let (stream, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream(bufferingPolicy: .bufferingOldest(8))
        let (partStream, partContinuation) = AsyncStream<MultipartFileReader.FilePart?>.makeStream()
        let reader = MultipartFileReader(boundary: boundary)
        return try await withThrowingTaskGroup(of: AttachmentVersion?.self) { group in
            group.addTask {
                do {
                    var announced = false
                    try await reader.read(
                        request.body,
                        onPart: { part in
                            announced = true
                            partContinuation.yield(part)
                            partContinuation.finish()
                        },
                        onBytes: { bytes in
                            // Back-pressure: wait while the writer is behind.
                            while case .dropped = continuation.yield(bytes) { try await Task.sleep(for: .milliseconds(1)) }
                        })
                    if !announced { partContinuation.yield(nil) }
                    partContinuation.finish()
                    continuation.finish()
                } catch {
                    partContinuation.yield(nil)
                    partContinuation.finish()
                    continuation.finish(throwing: error)
                }
                return nil
            }
            var iterator = partStream.makeAsyncIterator()
            guard let part = await iterator.next() ?? nil else {
                for try await _ in group {}
                throw OborotError.fileNameRequired
            }
            group.addTask {
                try await files.store(
                    caller, documentID: documentID, attachmentID: attachmentID, fileName: part.fileName,
                    declaredType: part.contentType, chunks: stream)
            }
            var stored: AttachmentVersion?
            for try await result in group { if let result { stored = result } }
            guard let stored else { throw OborotError.fileNameRequired }
            return stored
        }
    }

    private static func download(_ request: Request, _ context: AppRequestContext, files: FileService) async throws -> Response {
        let caller = try RequestScope.current.requireCaller()
        let documentID = try context.pathID("documentId", .document)
        let attachmentID = try context.pathID("attachmentId", .attachment)
        let number = request.uri.queryParameters["version"].flatMap { Int(String($0)) }
        let version = try await files.versionForDownload(caller, documentID: documentID, attachmentID: attachmentID, number: number)
        let inline = request.uri.queryParameters["inline"] == "1" || version.mimeType == FileType.pdf.mimeType && request.uri.queryParameters["download"] != "1"
        var headers: HTTPFields = [
            .contentType: version.mimeType,
            .contentDisposition: ContentDisposition.header(fileName: version.fileName, inline: inline),
            .eTag: "\"\(version.sha256)\"",
            .acceptRanges: "bytes",
            .cacheControl: "private, no-cache",
        ]
        if request.headers[.ifNoneMatch] == "\"\(version.sha256)\"" {
            return Response(status: .notModified, headers: headers)
        }
        let range: Range<Int64>
        let status: HTTPResponse.Status
        switch ByteRange.parse(request.headers[.range], size: version.size) {
        case .whole:
            range = 0..<version.size
            status = .ok
        case .partial(let byteRange):
            range = byteRange.first..<(byteRange.last + 1)
            status = .partialContent
            headers[.contentRange] = "bytes \(byteRange.first)-\(byteRange.last)/\(version.size)"
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(version.size)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        }
        let blobs = files.blobs
        let sha256 = version.sha256
        let body = ResponseBody(contentLength: Int(range.count)) { writer in
            try await blobs.read(sha256, range: range) { chunk in try await writer.write(chunk) }
            try await writer.finish(nil)
        }
        return Response(status: status, headers: headers, body: body)
    }

    static func jsonResponse<T: Encodable>(status: HTTPResponse.Status, _ value: T) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try ProfileService.encoder.encode(value))))
    }
}

/// The JSON of a stored file version, the same shape as `AttachmentVersion` in openapi.yaml.
struct FileJSON: Encodable {
    var id: String
    var attachmentId: String
    var number: Int
    var fileName: String
    var size: Int64
    var mimeType: String
    var sha256: String
    var authorUserId: String
    var createdAt: Date

    init(_ version: AttachmentVersion) {
        id = version.id.lowercasedString
        attachmentId = version.attachmentID.lowercasedString
        number = version.number
        fileName = version.fileName
        size = version.size
        mimeType = version.mimeType
        sha256 = version.sha256
        authorUserId = version.authorUserID.lowercasedString
        createdAt = version.createdAt
    }
}

extension OborotError {
    static let fileNameRequired = OborotError(
        .badRequest, code: "file_name_required", title: "Не указано имя файла",
        detail: "Передайте файл формой (multipart/form-data) или укажите имя в параметре name либо заголовке X-File-Name.")
}
