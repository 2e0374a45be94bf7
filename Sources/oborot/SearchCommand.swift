import ArgumentParser
import Foundation
import Logging
import OborotServer
import OborotStore

/// `oborot search reindex | status`: the search index from the command line. Safe while the server runs: both take
/// work from the same queue, in short transactions.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Поисковый индекс документов.", subcommands: [Reindex.self, Status.self])

    struct Reindex: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Переиндексировать карточки и тексты файлов (по умолчанию — все документы).")

        @Flag(name: .long, help: "Только то, что уже ждёт в очереди (изменённые документы и новые файлы).")
        var changed = false

        @Option(name: .long, help: "Карточек в одной транзакции.")
        var batch = 1000

        func run() async throws {
            let configuration = try ServerConfiguration.fromEnvironment()
            let database = try await CommandSupport.openMigrated(configuration, logger: CommandSupport.logger(level: .warning))
            let indexer = SearchIndexer(database: database, blobs: BlobStore(root: configuration.blobDirectory))
            do {
                if !changed { try await indexer.queueEverything() }
                let before = try await indexer.status()
                let progress = ReindexProgress(total: before.queuedDocuments, files: before.pendingTexts)
                try await indexer.runUntilIdle(batchSize: batch) { progress.show($0) }
                let after = try await indexer.status()
                progress.finish(after)
            } catch {
                await database.close()
                throw error
            }
            await database.close()
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Сколько проиндексировано и что ждёт в очереди.")

        func run() async throws {
            let configuration = try ServerConfiguration.fromEnvironment()
            let database = try await CommandSupport.openMigrated(configuration, logger: CommandSupport.logger(level: .warning))
            let status = try await SearchIndexer(database: database, blobs: BlobStore(root: configuration.blobDirectory)).status()
            await database.close()
            say("в индексе карточек: \(status.indexedDocuments), в очереди: \(status.queuedDocuments)")
            say("файлов ждут извлечения текста: \(status.pendingTexts), текст не извлечён: \(status.failedTexts), ждут pdftotext: \(status.unavailableTexts)")
            say("извлечено текста: \(status.extractedTextBytes / 1_048_576) МБ")
        }
    }
}

/// A one-line progress bar on standard error, redrawn after each batch: done/total, rate, files left.
final class ReindexProgress: @unchecked Sendable {
    private let total: Int
    private let files: Int
    private let started = ContinuousClock.now
    private let lock = NSLock()

    init(total: Int, files: Int) {
        self.total = max(total, 1)
        self.files = files
    }

    func show(_ status: SearchIndexStatus) {
        lock.withLock {
            let done = max(0, total - status.queuedDocuments)
            let fraction = min(1, Double(done) / Double(total))
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let line = String(
                format: "\r%@ %3d %% %d из %d карточек, %d в секунду, файлов в очереди: %d ", bar, Int(fraction * 100), done, total,
                rate(done), status.pendingTexts)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    func finish(_ status: SearchIndexStatus) {
        let seconds = max(0.001, BenchTiming.milliseconds(since: started) / 1000)
        FileHandle.standardError.write(Data("\n".utf8))
        say(String(
            format: "Проиндексировано карточек: %d за %.1f с (%d в секунду); извлечено текста %.1f МБ; текст не извлечён: %d; ждут pdftotext: %d.",
            total, seconds, rate(total), Double(status.extractedTextBytes) / 1_048_576, status.failedTexts, status.unavailableTexts))
    }

    private func rate(_ count: Int) -> Int {
        Int(Double(count) / max(0.001, BenchTiming.milliseconds(since: started) / 1000))
    }
}
