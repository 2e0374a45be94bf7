import Foundation
import Logging
import OborotServer
import OborotStore

/// What every subcommand does first: a logger, and the database opened and migrated.
enum CommandSupport {
    static func logger(level: Logger.Level) -> Logger {
        var logger = Logger(label: "oborot")
        logger.logLevel = level
        return logger
    }

    static func open(_ configuration: ServerConfiguration, logger: Logger) async throws -> any Database {
        try await DatabaseFactory.open(configuration.database, logger: logger)
    }

    static func openMigrated(_ configuration: ServerConfiguration, logger: Logger) async throws -> any Database {
        let database = try await open(configuration, logger: logger)
        do {
            try await Migrator.migrate(database, logger: logger)
        } catch {
            await database.close()
            throw error
        }
        return database
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// Prints a line to standard output at once (Swift's `print` is buffered when output goes to a file or pipe, and
/// the demo warning must be visible in a server's log before anything else happens).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
