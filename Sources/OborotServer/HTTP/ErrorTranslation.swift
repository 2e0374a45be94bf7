import Foundation
import Hummingbird
import OpenAPIRuntime
import OborotDomain

/// Turns anything a handler throws into an `OborotError`, so that exactly one shape of error reaches clients.
///
/// Our own errors pass through; framework errors (unknown route, body too large, undecodable JSON) get stable
/// codes and Russian text; anything else is an internal error whose details stay in the log.
enum ErrorTranslation {
    static func translate(_ error: any Error) -> OborotError? {
        switch error {
        case let error as OborotError:
            return error
        case let error as ServerError:
            return translate(error.underlyingError) ?? malformed(error)
        case let error as DecodingError:
            return decoding(error)
        case let error as HTTPError:
            return http(error)
        case let error as any HTTPResponseError:
            return http(HTTPError(error.status))
        default:
            return nil
        }
    }

    /// The OpenAPI runtime reports a request it could not read (wrong content type, bad parameter) this way.
    private static func malformed(_ error: ServerError) -> OborotError? {
        guard error.httpStatus.code >= 400, error.httpStatus.code < 500 || isRequestProblem(error) else { return nil }
        return .malformedBody(field: nil, reason: ErrorTexts.unreadableRequest(error.causeDescription))
    }

    private static func isRequestProblem(_ error: ServerError) -> Bool {
        let cause = error.causeDescription.lowercased()
        return cause.contains("decod") || cause.contains("content type") || cause.contains("parameter")
            || cause.contains("missing required")
    }

    static func decoding(_ error: DecodingError) -> OborotError {
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return .malformedBody(field: field, reason: ErrorTexts.missingField(field))
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = path(context.codingPath)
            return .malformedBody(field: field, reason: ErrorTexts.wrongType(field))
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .malformedBody(field: nil, reason: ErrorTexts.notJSON)
            }
            let field = path(context.codingPath)
            return .malformedBody(field: field, reason: ErrorTexts.wrongValue(field))
        @unknown default:
            return .malformedBody(field: nil, reason: ErrorTexts.notJSON)
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    static func http(_ error: HTTPError) -> OborotError {
        switch error.status {
        case .notFound:
            OborotError(.notFound, code: "route_not_found", title: ErrorTexts.notFoundTitle, detail: ErrorTexts.noSuchPage)
        case .contentTooLarge:
            OborotError(
                .payloadTooLarge, code: "body_too_large", title: ErrorTexts.tooLargeTitle, detail: ErrorTexts.tooLarge)
        case .methodNotAllowed:
            OborotError(
                .badRequest, code: "method_not_allowed", title: ErrorTexts.badRequestTitle,
                detail: ErrorTexts.methodNotAllowed)
        case .unsupportedMediaType:
            OborotError(
                .unsupportedMediaType, code: "unsupported_media_type", title: ErrorTexts.badRequestTitle,
                detail: ErrorTexts.unsupportedMediaType)
        default:
            OborotError(
                .badRequest, code: "bad_request", title: ErrorTexts.badRequestTitle,
                detail: error.body ?? ErrorTexts.badRequest)
        }
    }

    /// The error for anything we did not foresee; the log has the details under `reference`.
    static func internalError(reference: String) -> OborotError {
        OborotError(
            .internalFailure, code: "internal_error", title: ErrorTexts.internalTitle,
            detail: ErrorTexts.internalDetail(reference))
    }
}

/// Russian wording of errors raised at the HTTP edge.
enum ErrorTexts {
    static let notFoundTitle = "Не найдено"
    static let noSuchPage = "Такой страницы или метода API нет."
    static let tooLargeTitle = "Слишком большой запрос"
    static let tooLarge = "Тело запроса превышает допустимый размер."
    static let badRequestTitle = "Некорректный запрос"
    static let badRequest = "Запрос не удалось обработать."
    static let methodNotAllowed = "Этот метод не поддерживается для данного адреса."
    static let unsupportedMediaType = "Неподдерживаемый тип содержимого. Отправьте application/json."
    static let notJSON = "Тело запроса не является корректным JSON."
    static let internalTitle = "Внутренняя ошибка"

    static func internalDetail(_ reference: String) -> String {
        "Произошла непредвиденная ошибка. Сообщите администратору код \(reference)."
    }

    static func missingField(_ field: String) -> String { "Не указано обязательное поле «\(field)»." }
    static func wrongType(_ field: String) -> String { "Поле «\(field)» имеет неверный тип." }
    static func wrongValue(_ field: String) -> String { "Поле «\(field)» имеет недопустимое значение." }
    static func unreadableRequest(_ cause: String) -> String { "Запрос не удалось прочитать: \(cause)." }
}
