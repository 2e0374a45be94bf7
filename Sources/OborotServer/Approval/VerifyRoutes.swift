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
