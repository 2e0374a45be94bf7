import ArgumentParser
import Foundation
import Logging
import OborotStore
import OborotServer
import OborotStore
import SQLKit

extension Bench {
    /// Raw storage costs, to tell driver overhead from query plans: sequential one-row reads, and write
    /// transactions of a few statements, against the configured database.
    struct Storage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Стоимость простых запросов к базе (чтение, запись).")

        @Option(help: "Сколько повторов.")
        var count = 5000

        func run() async throws {
            let configuration = try ServerConfiguration.fromEnvironment()
            let database = try await CommandSupport.openMigrated(configuration, logger: CommandSupport.logger(level: .warning))
            do {
                var start = ContinuousClock.now
                for _ in 0..<count {
                    _ = try await database.read { try await $0.sql.raw("SELECT 1 AS one").first() }
                }
                say("read transaction with SELECT 1: \(rate(count, since: start)) per second")
                start = ContinuousClock.now
                _ = try await database.read { db in
                    for _ in 0..<count { _ = try await db.sql.raw("SELECT 1 AS one").first() }
                }
                say("SELECT 1 on one connection: \(rate(count, since: start)) per second")
                start = ContinuousClock.now
                for index in 0..<count / 5 {
                    try await database.write { db in
                        for step in 0..<5 {
                            try await db.sql.raw("INSERT INTO login_failures (id, login, occurred_at) VALUES (\(bind: UUID().uuidString), \(bind: "bench\(index)-\(step)"), 0)").run()
                        }
                    }
                }
                say("write transactions of 5 inserts: \(rate(count / 5, since: start)) per second")
                start = ContinuousClock.now
                try await database.write { db in
                    for index in 0..<count {
                        try await db.sql.raw("INSERT INTO login_failures (id, login, occurred_at) VALUES (\(bind: UUID().uuidString), \(bind: "bulk\(index)"), 0)").run()
                    }
                }
                say("inserts inside one transaction: \(rate(count, since: start)) per second")
                start = ContinuousClock.now
                for _ in 0..<count / 5 {
                    try await database.write { _ in }
                }
                say("empty write transactions: \(rate(count / 5, since: start)) per second")
                try await database.write {
                    try await $0.sql.raw("DELETE FROM login_failures WHERE login LIKE 'bench%' OR login LIKE 'bulk%'").run()
                }
            } catch {
                await database.close()
                throw error
            }
            await database.close()
        }

        private func rate(_ count: Int, since start: ContinuousClock.Instant) -> Int {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return Int(Double(count) / seconds)
        }
    }
}
