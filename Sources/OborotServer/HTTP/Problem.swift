import Foundation
import Hummingbird
import OborotDomain

/// An RFC 9457 problem document, the body of every API error.
struct Problem: Encodable, Sendable {
    var type: String
    var title: String
    var status: Int
    var code: String
    var detail: String
    var errors: [FieldProblem]?

    init(_ error: OborotError) {
        type = "urn:oborot:problem:\(error.code)"
        title = error.title
        status = Int(error.kind.status.code)
        code = error.code
        detail = error.detail
        errors = error.fieldProblems.isEmpty ? nil : error.fieldProblems
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    /// The problem as a response with the right status, content type and `Retry-After`.
    static func response(for error: OborotError) -> Response {
        var headers: HTTPFields = [.contentType: "application/problem+json; charset=utf-8"]
        if let seconds = error.retryAfterSeconds { headers[.retryAfter] = String(seconds) }
        let body = (try? encoder.encode(Problem(error))) ?? Data()
        return Response(status: error.kind.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension OborotError.Kind {
    /// The HTTP status for each kind of error.
    var status: HTTPResponse.Status {
        switch self {
        case .badRequest: .badRequest
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .unprocessable: .unprocessableContent
        case .payloadTooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .tooManyRequests: .tooManyRequests
        case .unavailable: .serviceUnavailable
        case .internalFailure: .internalServerError
        }
    }
}
