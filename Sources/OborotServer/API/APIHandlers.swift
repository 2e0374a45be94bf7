import Foundation
import OborotAPI
import OborotDomain
import OborotStore

/// The generated `APIProtocol`, implemented by thin handlers: parse, call a service, map the result.
struct APIHandlers: APIProtocol {
    let services: AppServices
    let configuration: ServerConfiguration

    /// The caller of the current request, or `401`.
    func caller() throws -> Caller { try RequestScope.current.requireCaller() }

    /// Parses an id from a path or query; a malformed one cannot name anything, so it is "not found".
    func id(_ text: String, _ object: ObjectKind) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw OborotError.notFound(object) }
        return id
    }

    /// Parses an id from a request body; a malformed one is a field error.
    func bodyID(_ text: String, field: String) throws -> UUID {
        try RequestValues.bodyID(text, field: field)
    }

    /// A list size within bounds.
    func limit(_ requested: Int?, default value: Int, max: Int) -> Int {
        Swift.min(Swift.max(requested ?? value, 1), max)
    }
}

/// Russian wording of the API edge.
enum APITexts {
    static func invalidID(_ field: String) -> String {
        "Поле «\(field)» должно содержать идентификатор (UUID)."
    }
    static func notANumber(_ field: String) -> String { "Параметр «\(field)» должен быть целым числом." }
    static let executorKind = "У исполнителя укажите либо сотрудника (userId), либо организацию (organizationId)."
    static let calendarNotText = "Производственный календарь загружается текстовым файлом (Content-Type: text/plain)."
    static let calendarTooLargeTitle = "Файл календаря слишком большой"
    static func calendarTooLarge(_ bytes: Int) -> String {
        "Файл производственного календаря больше \(bytes / 1024) КБ; календарь на десять лет занимает меньше 10 КБ."
    }
}
