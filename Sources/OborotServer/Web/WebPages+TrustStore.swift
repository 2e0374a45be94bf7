import Foundation
import Hummingbird
import OborotDomain
import OborotStore

/// The region administrator's page of trusted certification authorities and of certificate bindings.
extension WebPages {
    struct TrustStoreModel {
        struct Trusted {
            var id: String
            var subject: String
            var serial: String
            var validity: String
        }
        struct Binding {
            var id: String
            var employee: String
            var subject: String
        }
        var trusted: [Trusted]
        var hasTrusted: Bool
        var bindings: [Binding]
        var hasBindings: Bool
        var error: String?
        var notice: String?
    }

    func addTrustStoreRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/signatures") { request, _ in
            let caller = try signedIn(request)
            return try await trustStorePage(caller, notice: request.uri.queryParameters["done"] == "1" ? "Сохранено." : nil)
        }
        router.post("/admin/signatures/trusted") { request, _ in
            let caller = try signedIn(request)
            return try await trustStoreAction(caller) {
                let pairs = try await WebForms.pairs(from: request)
                let pem = pairs.first { $0.0 == "pem" }?.1 ?? ""
                _ = try await services.trustStore.trust(caller, certificateFile: Array(pem.utf8))
            }
        }
        router.post("/admin/signatures/trusted/:id/remove") { request, context in
            let caller = try signedIn(request)
            return try await trustStoreAction(caller) {
                guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw OborotError.notFound(.trustedCertificate) }
                try await services.trustStore.distrust(caller, id: id)
            }
        }
        router.post("/admin/signatures/bindings") { request, _ in
            let caller = try signedIn(request)
            return try await trustStoreAction(caller) {
                let pairs = try await WebForms.pairs(from: request)
                let login = pairs.first { $0.0 == "login" }?.1.trimmingCharacters(in: .whitespaces) ?? ""
                let employee = try await services.database.read { db in
                    try await UserRepository(db).find(login: login)
                }
                guard let employee else {
                    throw OborotError.validation([FieldProblem(field: "login", code: "unknown_login", message: "Нет пользователя с логином «\(login)».")])
                }
                let pem = (pairs.first { $0.0 == "pem" }?.1).nonBlank
                let subject = pairs.first { $0.0 == "subject" }?.1
                _ = try await services.trustStore.bind(
                    caller, employeeID: employee.employeeID, subject: subject, certificateFile: pem.map { Array($0.utf8) })
            }
        }
        router.post("/admin/signatures/bindings/:id/remove") { request, context in
            let caller = try signedIn(request)
            return try await trustStoreAction(caller) {
                guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw OborotError.notFound(.certificateBinding) }
                try await services.trustStore.unbind(caller, id: id)
            }
        }
    }

    private func trustStoreAction(_ caller: Caller, _ action: () async throws -> Void) async throws -> Response {
        do {
            try await action()
            return WebRedirect(location: "/admin/signatures?done=1").response
        } catch let error as OborotError where error.kind == .unprocessable || error.kind == .badRequest || error.kind == .notFound {
            return try await trustStorePage(caller, error: error.detail, status: error.kind.status)
        }
    }

    private func trustStorePage(_ caller: Caller, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let zone = OrganizationRules.defaultTimeZone
        let trusted = try await services.trustStore.trusted(caller)
        let bindings = try await services.trustStore.bindings(caller, employeeID: nil)
        let names = try await services.database.read { db in
            Dictionary(
                try await EmployeeRepository(db).findMany(Array(Set(bindings.map(\.employeeID)))).map { ($0.id, $0.name.withInitials) },
                uniquingKeysWith: { first, _ in first })
        }
        let model = TrustStoreModel(
            trusted: trusted.map {
                .init(
                    id: $0.id.lowercasedString, subject: $0.facts.subject, serial: $0.facts.serialNumberHex,
                    validity: "\(WebTexts.dateTime($0.facts.notBefore, timeZone: zone)) — \(WebTexts.dateTime($0.facts.notAfter, timeZone: zone))")
            },
            hasTrusted: !trusted.isEmpty,
            bindings: bindings.map { .init(id: $0.id.lowercasedString, employee: names[$0.employeeID] ?? "", subject: $0.subject) },
            hasBindings: !bindings.isEmpty, error: error, notice: notice)
        return page("trust-store", title: "Электронная подпись: доверенные УЦ", model: model, caller: caller, path: "/admin/signatures", status: status)
    }
}
