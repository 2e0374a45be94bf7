import ArgumentParser
import Foundation
import Logging
import OborotServer
import OborotStore

extension Bench {
    /// Internal delivery at regional scale: a registered letter from the demo government to every municipality,
    /// sent in-process as its registrar; each repeat is a new letter.
    struct Delivery: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Внутренняя доставка: письмо всем муниципальным образованиям.")

        @Option(help: "Сколько писем отправить (каждое — всем муниципальным образованиям).")
        var repeats = 10

        @Option(help: "Сколько файлов у письма.")
        var files = 2

        func run() async throws {
            let configuration = try ServerConfiguration.fromEnvironment()
            let database = try await CommandSupport.openMigrated(configuration, logger: CommandSupport.logger(level: .warning))
            do {
                guard let bench = try await DeliveryBenchmark(database: database) else {
                    throw ValidationError("Нет демонстрационного региона: сначала `oborot demo`.")
                }
                var samples: [Double] = []
                var cards = 0
                for _ in 0..<repeats {
                    let letter = try await bench.prepareLetter(files: files)
                    let start = ContinuousClock.now
                    cards += try await bench.send(letter)
                    samples.append(BenchTiming.milliseconds(since: start))
                }
                print("адресатов в письме: \(bench.recipientCount), файлов: \(files), писем: \(repeats), карточек создано: \(cards)")
                print(BenchTiming.summary("отправка письма всем адресатам", samples))
            } catch {
                await database.close()
                throw error
            }
            await database.close()
        }
    }
}
