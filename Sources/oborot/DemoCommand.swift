import ArgumentParser
import Foundation
import HummingbirdBcrypt
import Logging
import OborotDomain
import OborotServer
import OborotStore

/// `oborot demo`: load the demo region into an empty database.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Загрузить демонстрационный регион в пустую базу.")

    @Option(help: "Сколько людей в регионе (не меньше минимального штата, около 2500; до 16000 и больше).")
    var users = 0

    @Option(help: "Сколько зарегистрированных документов создать (для нагрузочных замеров, например 1000000).")
    var documents = 0

    @Option(help: "Сколько зарегистрированных обращений граждан создать (для замеров отчёта, например 500000).")
    var appeals = 0

    func run() async throws {
        let configuration = try ServerConfiguration.fromEnvironment()
        let logger = CommandSupport.logger(level: configuration.logLevel)
        let database = try await CommandSupport.openMigrated(configuration, logger: logger)
        guard try await DemoLoader.isEmpty(database) else {
            await database.close()
            throw ValidationError("База уже содержит организации: демонстрационный регион загружается только в пустую базу.")
        }
        do {
            try await DemoCommandSupport.loadIfEmpty(
                database, users: users, documents: documents, appeals: appeals, hashCost: configuration.passwordHashCost, logger: logger)
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}

/// Loading the demo region, shared by `oborot demo` and `oborot serve --demo`.
enum DemoCommandSupport {
    static func loadIfEmpty(
        _ database: any Database, users: Int, documents: Int = 0, appeals: Int = 0, hashCost: UInt8, logger: Logger
    ) async throws {
        guard try await DemoLoader.isEmpty(database) else {
            printWarning(loaded: false)
            return
        }
        let started = ContinuousClock.now
        let data = DemoRegion.generate(users: users, now: Date())
        let hash = Bcrypt.hash(DemoRegion.demoPassword, cost: hashCost)
        try await DemoLoader.load(data, passwordHash: hash, into: database) { step in
            logger.info("демо: \(step)")
        }
        say(
            "Загружен демонстрационный регион «\(DemoRegion.regionName)»: \(data.organizations.count) организаций, "
                + "\(data.users.count) учётных записей за \(CommandSupport.milliseconds(since: started)) мс.")
        if documents > 0 {
            let documentsStarted = ContinuousClock.now
            let yearStart = Calendar(identifier: .gregorian).date(from: DateComponents(year: Calendar(identifier: .gregorian).component(.year, from: Date()), month: 1, day: 10)) ?? Date()
            let stored = try await DemoLoader.loadDocuments(documents, region: data, into: database, start: yearStart) { count in
                if count % 100_000 == 0 || count == documents { logger.info("демо: документы \(count) из \(documents)") }
            }
            let milliseconds = max(1, CommandSupport.milliseconds(since: documentsStarted))
            say("Загружено документов: \(stored) за \(milliseconds) мс (\(stored * 1000 / milliseconds) в секунду).")
        }
        if appeals > 0 {
            let appealsStarted = ContinuousClock.now
            let yearStart = Calendar(identifier: .gregorian).date(from: DateComponents(year: Calendar(identifier: .gregorian).component(.year, from: Date()), month: 1, day: 10)) ?? Date()
            let stored = try await DemoLoader.loadAppeals(appeals, region: data, into: database, start: yearStart, calendar: try WorkCalendar.shipped()) { count in
                if count % 100_000 == 0 || count == appeals { logger.info("демо: обращения \(count) из \(appeals)") }
            }
            let milliseconds = max(1, CommandSupport.milliseconds(since: appealsStarted))
            say("Загружено обращений: \(stored) за \(milliseconds) мс (\(stored * 1000 / milliseconds) в секунду).")
        }
        printWarning(loaded: true)
    }

    static func printWarning(loaded: Bool) {
        say(
            """
            ВНИМАНИЕ: это демонстрационные данные, пароль всех учётных записей — «\(DemoRegion.demoPassword)». Не используйте их в работе.
            Учётные записи для входа:
            """)
        for account in DemoRegion.featuredAccounts {
            say("  \(account.login.padding(toLength: 28, withPad: " ", startingAt: 0)) \(account.description)")
        }
    }
}
