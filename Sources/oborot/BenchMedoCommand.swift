import ArgumentParser
import Foundation
import Logging
import OborotServer
import OborotStore

extension Bench {
    /// Inbound МЭДО throughput: typical 2.7.1 packets taken in as from the IN folder (parse, checks, blobs, card).
    struct Medo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "МЭДО: приём входящих пакетов (пакетов в секунду).")

        @Option(help: "Сколько пакетов принять.")
        var packets = 200

        @Option(help: "Размер основного документа пакета, МБ.")
        var megabytes = 2.0

        @Option(help: "Сколько пакетов принимать одновременно.")
        var concurrency = 2

        func run() async throws {
            let configuration = try ServerConfiguration.fromEnvironment()
            let database = try await CommandSupport.openMigrated(configuration, logger: CommandSupport.logger(level: .warning))
            do {
                guard let bench = try await MedoBenchmark(database: database, configuration: configuration) else {
                    throw ValidationError("Нет демонстрационного региона: сначала `oborot demo`.")
                }
                let folders = try bench.packets(count: packets, megabytes: megabytes)
                let start = ContinuousClock.now
                let accepted = try await withThrowingTaskGroup(of: Int.self) { group in
                    let lanes = max(1, concurrency)
                    for lane in 0..<lanes {
                        group.addTask {
                            var count = 0
                            for index in stride(from: lane, to: folders.count, by: lanes) where try await bench.receive(folders[index]) { count += 1 }
                            return count
                        }
                    }
                    return try await group.reduce(0, +)
                }
                let seconds = BenchTiming.milliseconds(since: start) / 1000
                print(String(format: "пакетов: %d по %.1f МБ, принято карточек: %d, за %.2f с — %.1f пакетов/с, %.1f МБ/с",
                             packets, megabytes, accepted, seconds, Double(packets) / seconds, Double(packets) * megabytes / seconds))
            } catch {
                await database.close()
                throw error
            }
            await database.close()
        }
    }
}
