import OborotAPI
import OborotStore
import SQLKit

extension APIHandlers {
    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        let kind = services.database.dialect.rawValue
        do {
            _ = try await services.database.read { try await $0.sql.raw("SELECT 1 AS ok").first() }
            return .ok(.init(body: .json(.init(status: .ok, database: kind))))
        } catch {
            return .serviceUnavailable(
                .init(body: .json(.init(status: .unavailable, database: kind, detail: "База данных недоступна: \(error)"))))
        }
    }
}
