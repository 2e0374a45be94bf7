import ArgumentParser
import Foundation
import Hummingbird
import Logging
import OborotServer
import OborotStore

/// `oborot serve`: migrate, optionally load the demo region, and serve HTTP until SIGTERM/SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Запустить сервер (по умолчанию).")

    @Flag(help: "Загрузить демонстрационный регион, если база пуста, и показать подсказки на странице входа.")
    var demo = false

    @Option(help: "Сколько людей в демонстрационном регионе (с --demo).")
    var users = 0

    @Option(help: "Сколько документов создать в демонстрационном регионе (с --demo).")
    var documents = 3000

    func run() async throws {
        var configuration = try ServerConfiguration.fromEnvironment()
        // The demo shows the public form's identity step with the built-in provider standing in for ЕСИА.
        if demo { configuration.useDevelopmentIdentityProvider() }
        let logger = CommandSupport.logger(level: configuration.logLevel)
        let started = ContinuousClock.now
        let database = try await CommandSupport.openMigrated(configuration, logger: logger)
        if demo {
            try await DemoCommandSupport.loadIfEmpty(
                database, users: users, documents: documents, hashCost: configuration.passwordHashCost, logger: logger)
        }
        let app = try await buildApplication(
            configuration: configuration, database: database, demoMode: demo, logger: logger)
        logger.info(
            "Оборот готов за \(CommandSupport.milliseconds(since: started)) мс: http://\(configuration.host):\(configuration.port) (\(configuration.database.redactedDescription))")
        if configuration.publicURL == nil, configuration.host != "127.0.0.1", configuration.host != "localhost" {
            // Behind a reverse proxy the request's own address is the internal one: printed QR codes would lead there.
            logger.notice("OBOROT_PUBLIC_URL не задан: QR-коды отметок об ЭП будут вести на адрес, по которому пришёл запрос.")
        }
        do {
            try await app.runService()
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}
