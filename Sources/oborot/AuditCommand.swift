import ArgumentParser
import Foundation
import Logging
import OborotDomain
import OborotServer
import OborotStore

/// `oborot audit verify`: check the audit log's hash chain from the first event to the last.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Журнал аудита.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Проверить целостность журнала аудита (цепочку хешей). Код выхода 1 при нарушении.")

        func run() async throws {
            let configuration = try ServerConfiguration.fromEnvironment()
            let logger = CommandSupport.logger(level: .warning)
            let database = try await CommandSupport.openMigrated(configuration, logger: logger)
            let outcome: AuditVerification.Outcome
            do {
                outcome = try await AuditVerification.run(database)
            } catch {
                await database.close()
                throw error
            }
            await database.close()
            if let broken = outcome.firstBreak {
                say("broken: event \(broken.sequence): \(broken) (\(outcome.checked) events before it are intact)")
                throw ExitCode(1)
            }
            say("ok: \(outcome.checked) events")
        }
    }
}
