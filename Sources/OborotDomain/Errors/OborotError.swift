/// The one error type the domain and the store throw for anything a person can act on.
///
/// `code` is stable and machine-readable (clients switch on it); `title` and `detail` are Russian text for people.
/// The HTTP edge maps `kind` to a status; nothing else about an error decides what the user sees.
public struct OborotError: Error, Sendable, Equatable {
    /// What went wrong, in the vocabulary of HTTP statuses but free of any framework.
    public enum Kind: Sendable, Equatable {
        case badRequest
        case unauthorized
        case forbidden
        case notFound
        case conflict
        case unprocessable
        case payloadTooLarge
        case unsupportedMediaType
        case tooManyRequests
        case unavailable
        case internalFailure
    }

    public var kind: Kind
    public var code: String
    public var title: String
    public var detail: String
    /// Problems with individual fields, for forms that mark each field.
    public var fieldProblems: [FieldProblem]
    /// For `tooManyRequests`: when the client may try again.
    public var retryAfterSeconds: Int?

    public init(
        _ kind: Kind, code: String, title: String, detail: String,
        fieldProblems: [FieldProblem] = [], retryAfterSeconds: Int? = nil
    ) {
        self.kind = kind
        self.code = code
        self.title = title
        self.detail = detail
        self.fieldProblems = fieldProblems
        self.retryAfterSeconds = retryAfterSeconds
    }
}

/// One invalid field of a request, with a Russian message a form can show next to it.
public struct FieldProblem: Sendable, Equatable, Codable {
    public var field: String
    public var code: String
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}
