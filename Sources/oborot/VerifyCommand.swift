import ArgumentParser
import Foundation
import Logging
import OborotDomain
import OborotExchange
import OborotStore
import OborotServer

/// `oborot verify FILE SIG`: checks a detached signature offline, without a running server — against the trust
/// roots given with `--roots`, or the trust store of the configured database.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Проверить отсоединённую подпись (.p7s) файла. Код выхода 1, если подпись не действительна.")

    @Argument(help: "Подписанный файл.")
    var file: String

    @Argument(help: "Файл подписи .p7s (DER или PEM).")
    var signature: String

    @Option(help: "Доверенные корневые сертификаты (PEM); по умолчанию — доверенные сертификаты базы данных.")
    var roots: String?

    @Option(help: "Момент проверки сертификата (ISO 8601); по умолчанию — время подписания, указанное в подписи.")
    var at: String?

    func run() async throws {
        let signatureBytes = try Array(Data(contentsOf: URL(fileURLWithPath: signature)))
        guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("Файл не найден: \(file)") }
        let trustRoots: [[UInt8]]
        if let roots {
            trustRoots = SignatureFiles.certificatesDER(from: try Array(Data(contentsOf: URL(fileURLWithPath: roots))))
            guard !trustRoots.isEmpty else { throw ValidationError("В файле \(roots) нет сертификатов.") }
        } else {
            let configuration = try ServerConfiguration.fromEnvironment()
            let database = try await CommandSupport.openMigrated(configuration, logger: CommandSupport.logger(level: .warning))
            let stored = try? await database.read { try await SignatureRepository($0).trustedCertificates().map(\.der) }
            await database.close()
            trustRoots = stored ?? []
        }
        let moment: ValidationMoment
        if let at {
            guard let date = ISO8601DateFormatter().date(from: at) else { throw ValidationError("Неверный момент: \(at)") }
            moment = .at(date)
        } else {
            moment = .claimedSigningTime(otherwise: Date())
        }
        let result = try await CMSSignatureVerifier().verify(
            signature: signatureBytes, content: FileContent(path: file), trustRoots: trustRoots, moment: moment)
        switch result {
        case .success(let verified):
            say("ok: подпись действительна")
            say("владелец: \(verified.certificate.ownerName)")
            say("сертификат: \(verified.certificate.serialNumberHex), выдан \(verified.certificate.issuer)")
            say("действует: \(SignatureTexts.moment(verified.certificate.notBefore)) — \(SignatureTexts.moment(verified.certificate.notAfter))")
            say("алгоритм: \(verified.algorithmName); проверено на \(SignatureTexts.moment(verified.validatedAt))")
            if at == nil, verified.claimedSigningTime != nil {
                say("внимание: сертификат проверен на время подписания, указанное в самой подписи (заявление подписанта)")
            }
        case .failure(let problem):
            say("invalid: \(problem.code): \(problem.russianReason)")
            throw ExitCode(1)
        }
    }
}
