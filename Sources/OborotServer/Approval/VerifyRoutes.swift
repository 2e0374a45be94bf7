import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OborotDomain
import OborotStore

/// Signature checks for anyone and the region administrator's trust store, by hand (`openapi.yaml`, tag `approval`).
///
/// | route | who | what |
/// |---|---|---|
/// | `GET /api/v1/verify/{code}` | anyone | the signature behind the code of a signature mark / QR code |
/// | `POST /api/v1/verify` | anyone | `multipart/form-data` with parts `file` and `signature` (at most `maxCheckBytes`) |
/// | `GET, POST /api/v1/trust-store`, `DELETE /api/v1/trust-store/{id}` | region admin | trusted CA certificates (POST: a PEM bundle or DER body) |
/// | `GET, POST /api/v1/certificate-bindings`, `DELETE …/{id}` | region admin | subject ↔ employee (POST: `{"employeeId","subject"}` or `{"employeeId","certificatePem"}`) |
enum VerifyRoutes {
    /// A public check holds the file in memory, so it has its own, smaller limit than document uploads.
    static let maxCheckBytes = 25 * 1024 * 1024

    /// The check (API and web form alike) reads its own body with its own limit.
    static func readsOwnBody(_ request: Request) -> Bool {
        request.method == .post && (request.uri.path == "/api/v1/verify" || request.uri.path == "/verify")
    }

    static func add(to router: Router<AppRequestContext>, services: AppServices) {
        router.get("/api/v1/verify/:code") { _, context in
            let check = try await services.signatures.check(code: context.parameters.get("code") ?? "")
            return try FileRoutes.jsonResponse(status: .ok, CheckJSON(check))
        }
        router.post("/api/v1/verify") { request, _ in
            let (file, signature) = try await readCheckForm(request)
            let check = try await services.signatures.check(file: file, signature: signature)
            return try FileRoutes.jsonResponse(status: .ok, CheckJSON(check))
        }
        router.get("/api/v1/trust-store") { _, _ in
            let list = try await services.trustStore.trusted(try ApprovalRoutes.caller())
            return try FileRoutes.jsonResponse(status: .ok, list.map(TrustedJSON.init))
        }
        router.post("/api/v1/trust-store") { request, _ in
            let bytes = try await request.body.collect(upTo: 1024 * 1024)
            let added = try await services.trustStore.trust(try ApprovalRoutes.caller(), certificateFile: Array(bytes.readableBytesView))
            return try FileRoutes.jsonResponse(status: .created, added.map(TrustedJSON.init))
        }
        router.delete("/api/v1/trust-store/:id") { _, context in
            try await services.trustStore.distrust(
                try ApprovalRoutes.caller(), id: try context.pathID("id", .trustedCertificate))
            return Response(status: .noContent)
        }
        router.get("/api/v1/certificate-bindings") { request, _ in
            let employee = try request.uri.queryParameters["employeeId"].map { try RequestValues.bodyID(String($0), field: "employeeId") }
            let list = try await services.trustStore.bindings(try ApprovalRoutes.caller(), employeeID: employee)
            return try FileRoutes.jsonResponse(status: .ok, list.map(BindingJSON.init))
        }
        router.post("/api/v1/certificate-bindings") { request, context in
            let body = try await ApprovalRoutes.decode(BindingBody.self, request, context)
            let binding = try await services.trustStore.bind(
                try ApprovalRoutes.caller(), employeeID: try RequestValues.bodyID(body.employeeId, field: "employeeId"),
                subject: body.subject, certificateFile: body.certificatePem.map { Array($0.utf8) })
            return try FileRoutes.jsonResponse(status: .created, BindingJSON(binding))
        }
        router.delete("/api/v1/certificate-bindings/:id") { _, context in
            try await services.trustStore.unbind(
                try ApprovalRoutes.caller(), id: try context.pathID("id", .certificateBinding))
            return Response(status: .noContent)
        }
    }

    struct BindingBody: Decodable {
        var employeeId: String
        var subject: String?
        var certificatePem: String?
    }

    /// The two parts of the public check form.
    static func readCheckForm(_ request: Request) async throws -> (file: [UInt8], signature: [UInt8]) {
        guard let boundary = MultipartFileReader.boundary(fromContentType: request.headers[.contentType] ?? "") else {
            throw VerifyTexts.formRequired
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxCheckBytes {
            throw VerifyTexts.tooLarge(maxCheckBytes)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maxCheckBytes)
        } catch {
            throw VerifyTexts.tooLarge(maxCheckBytes)
        }
        let parts = MultipartForm.parts(Array(body.readableBytesView), boundary: boundary)
        guard let file = parts["file"], !file.isEmpty, let signature = parts["signature"], !signature.isEmpty else {
            throw VerifyTexts.formRequired
        }
        return (file, signature)
    }
}

/// Parts of a small `multipart/form-data` body held in memory, by field name (the streaming reader handles uploads).
enum MultipartForm {
    static func parts(_ body: [UInt8], boundary: String) -> [String: [UInt8]] {
        let delimiter = Array("--\(boundary)".utf8)
        var result: [String: [UInt8]] = [:]
        var starts: [Int] = []
        var index = 0
        while let found = find(delimiter, in: body, from: index) {
            starts.append(found)
            index = found + delimiter.count
        }
        for (position, start) in starts.enumerated() where position + 1 < starts.count {
            var part = Array(body[(start + delimiter.count)..<starts[position + 1]])
            if part.starts(with: [13, 10]) { part.removeFirst(2) }
            if part.suffix(2) == [13, 10] { part.removeLast(2) }
            guard let split = find([13, 10, 13, 10], in: part, from: 0) else { continue }
            let headers = String(decoding: part[..<split], as: UTF8.self)
            guard let name = fieldName(headers) else { continue }
            result[name] = Array(part[(split + 4)...])
        }
        return result
    }

    /// The `name` parameter of a part's Content-Disposition (not `filename`, which also ends in `name=`).
    private static func fieldName(_ headers: String) -> String? {
        for line in headers.split(whereSeparator: \.isNewline) where line.lowercased().hasPrefix("content-disposition:") {
            for parameter in line.split(separator: ";").dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0].lowercased() == "name" {
                    return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                }
            }
        }
        return nil
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

/// Russian wording of the public check's errors.
enum VerifyTexts {
    static let formRequired = OborotError(
        .badRequest, code: "verify_form_required", title: "Нужны файл и подпись",
        detail: "Передайте форму multipart/form-data с частями «file» (документ) и «signature» (файл подписи .p7s).")

    static func tooLarge(_ bytes: Int) -> OborotError {
        OborotError(
            .payloadTooLarge, code: "verify_too_large", title: "Файл слишком большой",
            detail: "Для проверки подписи принимаются файлы до \(bytes / (1024 * 1024)) МБ.")
    }
}
