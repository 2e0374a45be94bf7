import Foundation
import Hummingbird
import OborotDomain

extension AppRequestContext {
    /// An id from the route's path (hand-written routes); a malformed one cannot name anything, so it is "not found".
    func pathID(_ name: String, _ object: ObjectKind) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw OborotError.notFound(object) }
        return id
    }
}

/// Values read from request bodies and queries, the same way for generated and hand-written routes.
enum RequestValues {
    /// An id from a request body or query; a malformed one is a field error.
    static func bodyID(_ text: String, field: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else {
            throw OborotError.validation([FieldProblem(field: field, code: "invalid_id", message: APITexts.invalidID(field))])
        }
        return id
    }

    /// An optional integer query parameter; present but not a number is a `400` rather than silently ignored.
    static func integer(_ text: Substring?, field: String) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text) else {
            throw OborotError.malformedBody(field: field, reason: APITexts.notANumber(field))
        }
        return value
    }
}
