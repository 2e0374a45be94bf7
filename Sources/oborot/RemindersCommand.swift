import ArgumentParser
import Foundation
import Logging
import OborotDomain
import OborotServer
import OborotStore

/// `oborot reminders run [--date YYYY-MM-DD]`: one pass of the deadline reminder job (the server runs it every
/// 15 minutes by itself; this is for cron-less checks and for measuring it).
struct RemindersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminders", abstract: "Напоминания о сроках поручений.", subcommands: [Run.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Записать напоминания (за 3 дня, в день срока, о просрочке) за один проход по региону.")

        @Option(name: .long, help: "Считать сегодняшней эту дату (ГГГГ-ММ-ДД).")
        var date: String?

        func run() async throws {
            let today = try date.map { text in
                guard let day = CalendarDate(iso: text) else { throw ValidationError("Дата указывается как ГГГГ-ММ-ДД.") }
                return day
            }
            let configuration = try ServerConfiguration.fromEnvironment()
            let logger = CommandSupport.logger(level: .warning)
            let database = try await CommandSupport.openMigrated(configuration, logger: logger)
            let job = ReminderJob(
                database: database, logger: logger, timeZone: TimeZone(identifier: OrganizationRules.defaultTimeZone) ?? .current)
            do {
                let (written, elapsed) = try await job.runOnce(today: today)
                await database.close()
                say("напоминаний записано: \(written) за \(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000) мс")
            } catch {
                await database.close()
                throw error
            }
        }
    }
}
