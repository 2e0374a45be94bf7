import ArgumentParser
import OborotServer
import OborotStore

/// `oborot migrate`: bring the schema up to date and exit.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Применить миграции схемы базы данных.")

    func run() async throws {
        let configuration = try ServerConfiguration.fromEnvironment()
        let logger = CommandSupport.logger(level: configuration.logLevel)
        let database = try await CommandSupport.open(configuration, logger: logger)
        do {
            let applied = try await Migrator.migrate(database, logger: logger)
            say(applied.isEmpty ? "Схема актуальна." : "Применены миграции: \(applied.map(String.init).joined(separator: ", ")).")
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}
