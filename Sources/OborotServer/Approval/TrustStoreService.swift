import Foundation
import OborotDomain
import OborotExchange
import OborotStore

/// The region's trust store (root and intermediate certificates of the certification authorities it accepts) and the
/// bindings of certificate subjects to employees.
///
/// | action | policy |
/// |---|---|
/// | list, add, remove trusted certificates | `administersARoot` |
/// | list, add, remove bindings | `administersARoot` |
struct TrustStoreService: Sendable {
    let database: any Database

    func trusted(_ caller: Caller) async throws -> [TrustedCertificate] {
        try caller.actor.require(.administersARoot)
        return try await database.read { try await SignatureRepository($0).trustedCertificates() }
    }

    /// Adds every certificate of a PEM bundle or a DER file; each must be a certification authority.
    func trust(_ caller: Caller, certificateFile bytes: [UInt8]) async throws -> [TrustedCertificate] {
        try caller.actor.require(.administersARoot)
        guard let read = CertificateReader.read(bytes) else { throw TrustStoreTexts.notACertificate }
        if let notAuthority = read.first(where: { !$0.isAuthority }) {
            throw TrustStoreTexts.notAnAuthority(notAuthority.facts.subject)
        }
        return try await database.write { db in
            let repository = SignatureRepository(db)
            var added: [TrustedCertificate] = []
            for certificate in read {
                var trusted = TrustedCertificate(id: UUID(), facts: certificate.facts, der: certificate.der, active: true, addedAt: db.now)
                trusted.id = try await repository.trust(trusted, addedBy: caller.actor.principal.userID)
                try await AuditLog(db).append(
                    caller.audit("trust.add", .trustedCertificate, trusted.id, TrustStoreTexts.added(certificate.facts)))
                added.append(trusted)
            }
            return added
        }
    }

    func distrust(_ caller: Caller, id: UUID) async throws {
        try caller.actor.require(.administersARoot)
        try await database.write { db in
            guard try await SignatureRepository(db).distrust(id) else { throw OborotError.notFound(.trustedCertificate) }
            try await AuditLog(db).append(caller.audit("trust.remove", .trustedCertificate, id, TrustStoreTexts.removed))
        }
    }

    func bindings(_ caller: Caller, employeeID: UUID?) async throws -> [CertificateBinding] {
        try caller.actor.require(.administersARoot)
        return try await database.read { try await SignatureRepository($0).bindings(employeeID: employeeID) }
    }

    /// Binds a subject to an employee: given as text, or read from the employee's certificate file.
    func bind(_ caller: Caller, employeeID: UUID, subject: String?, certificateFile: [UInt8]?) async throws -> CertificateBinding {
        try caller.actor.require(.administersARoot)
        let resolved: String
        if let certificateFile {
            guard let certificate = CertificateReader.read(certificateFile)?.first else { throw TrustStoreTexts.notACertificate }
            resolved = certificate.facts.subject
        } else {
            guard let text = subject.nonBlank, text.count <= 2000 else {
                throw OborotError.validation([FieldProblem(field: "subject", code: "required", message: TrustStoreTexts.subjectRequired)])
            }
            resolved = SignerRules.normalizedSubject(text)
        }
        return try await database.write { db in
            let employee = try await EmployeeRepository(db).get(employeeID)
            var binding = CertificateBinding(
                id: UUID(), employeeID: employee.id, subject: resolved, createdByUserID: caller.actor.principal.userID, createdAt: db.now)
            binding.id = try await SignatureRepository(db).bind(binding)
            try await AuditLog(db).append(
                caller.audit("certificate.bind", .employee, employee.id, TrustStoreTexts.bound(resolved)))
            return binding
        }
    }

    func unbind(_ caller: Caller, id: UUID) async throws {
        try caller.actor.require(.administersARoot)
        try await database.write { db in
            guard try await SignatureRepository(db).unbind(id) else { throw OborotError.notFound(.certificateBinding) }
            try await AuditLog(db).append(caller.audit("certificate.unbind", .certificateBinding, id, TrustStoreTexts.unbound))
        }
    }
}

/// Russian wording of the trust store.
enum TrustStoreTexts {
    static let notACertificate = OborotError(
        .unprocessable, code: "not_a_certificate", title: "Это не сертификат",
        detail: "Файл не содержит сертификатов X.509 (ожидается .cer/.crt в DER или PEM).")

    static func notAnAuthority(_ subject: String) -> OborotError {
        OborotError(
            .unprocessable, code: "not_a_certificate_authority", title: "Сертификат не удостоверяющего центра",
            detail: "Сертификат «\(subject)» не является сертификатом удостоверяющего центра (CA:TRUE): доверенными могут быть только корневые и промежуточные сертификаты УЦ.")
    }

    static let subjectRequired = "Укажите субъект сертификата (например, «CN=Иванов Иван Иванович,O=Минфин») или загрузите сертификат."
    static let removed = "Сертификат исключён из доверенных"
    static let unbound = "Привязка сертификата удалена"

    static func added(_ facts: CertificateFacts) -> String {
        "Доверенный сертификат добавлен: \(facts.subject), серийный номер \(facts.serialNumberHex)"
    }

    static func bound(_ subject: String) -> String { "Сертификаты «\(subject)» привязаны к сотруднику" }
}
