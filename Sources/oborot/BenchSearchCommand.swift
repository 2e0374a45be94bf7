import ArgumentParser
import Crypto
import Foundation
import Logging
import OborotDomain
import OborotServer
import OborotStore
import SQLKit

extension Bench {
    /// Search at regional scale over the demo region (`oborot demo --documents N` first): attaches generated letters
    /// as TXT files, extracts and indexes everything (timed separately), reports the index size, then measures a mix
    /// of searches as people with region-wide, ministry-wide and district-wide sight.
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Поиск на объёме региона: индексирование и запросы.")

        @Option(help: "Приложить сгенерированные письма (TXT) к стольким документам без файлов.")
        var files = 0

        @Option(help: "Примерный размер письма, КБ.")
        var fileKb = 4

        @Flag(help: "Поставить в очередь все документы и проиндексировать заново (с замером скорости).")
        var reindex = false

        @Option(help: "Сколько повторов каждого запроса.")
        var repeats = 100

        func run() async throws {
            let configuration = try ServerConfiguration.fromEnvironment()
            let database = try await CommandSupport.openMigrated(configuration, logger: CommandSupport.logger(level: .warning))
            let blobs = BlobStore(root: configuration.blobDirectory)
            do {
                if files > 0 { try await attach(database, blobs: blobs) }
                let indexer = SearchIndexer(database: database, blobs: blobs)
                if reindex { try await indexer.queueEverything() }
                try await index(indexer)
                try await reportSize(database)
                try await measure(database)
            } catch {
                await database.close()
                throw error
            }
            await database.close()
        }

        /// Writes `files` letters as blobs and attaches each to a document that has no file yet.
        private func attach(_ database: any Database, blobs: BlobStore) async throws {
            let started = ContinuousClock.now
            let targets = try await database.read { db in
                try await db.sql.raw(
                    """
                    SELECT d.id, d.created_by_user_id FROM documents d
                    WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.document_id = d.id)
                    ORDER BY d.id LIMIT \(unsafeRaw: String(files))
                    """
                ).all().map { (UUID(uuidString: try $0.decode(column: "id", as: String.self))!, UUID(uuidString: try $0.decode(column: "created_by_user_id", as: String.self))!) }
            }
            var random = SeededRandom(seed: 20_261_201)
            var bytes = 0
            for batch in stride(from: 0, to: targets.count, by: 1000) {
                let slice = targets[batch..<min(targets.count, batch + 1000)]
                var rows: [(UUID, UUID, String, Int)] = []
                for (document, author) in slice {
                    let text = DemoLetters.letter(approximateBytes: fileKb * 1024, place: "", using: &random)
                    let data = Data(text.utf8)
                    let sha256 = Hex.encode(SHA256.hash(data: data))
                    let path = blobs.filePath(of: sha256)
                    try FileManager.default.createDirectory(
                        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try data.write(to: URL(fileURLWithPath: path))
                    rows.append((document, author, sha256, data.count))
                    bytes += data.count
                }
                try await database.write { db in
                    let attachments = AttachmentRepository(db)
                    for (document, author, sha256, size) in rows {
                        try await attachments.recordBlob(sha256: sha256, size: Int64(size), mimeType: "text/plain")
                        let version = AttachmentVersion(
                            id: UUID(), attachmentID: UUID(), number: 1, sha256: sha256, size: Int64(size), mimeType: "text/plain",
                            fileName: "письмо.txt", authorUserID: author, createdAt: db.now)
                        try await attachments.create(documentID: document, name: "письмо.txt", version: version)
                    }
                }
            }
            let seconds = BenchTiming.milliseconds(since: started) / 1000
            say(String(format: "приложено файлов: %d (%.0f МБ) за %.1f с", targets.count, Double(bytes) / 1_048_576, seconds))
        }

        /// Card indexing (which also registers new files for extraction), then extraction, then indexing again of
        /// the cards whose files now have text — each timed on its own.
        private func index(_ indexer: SearchIndexer) async throws {
            try await indexCards(indexer, label: "индексирование карточек")
            let before = try await indexer.status()
            let started = ContinuousClock.now
            var extracted = 0
            while true {
                let done = try await indexer.extractPending(limit: 256)
                if done == 0 { break }
                extracted += done
            }
            let seconds = max(0.001, BenchTiming.milliseconds(since: started) / 1000)
            let after = try await indexer.status()
            let megabytes = Double(after.extractedTextBytes - before.extractedTextBytes) / 1_048_576
            if extracted > 0 {
                say(String(format: "извлечение текста: %d файлов, %.1f МБ за %.1f с — %.1f МБ/с, %.0f файлов/с",
                           extracted, megabytes, seconds, megabytes / seconds, Double(extracted) / seconds))
            }
            try await indexCards(indexer, label: "индексирование карточек с текстом файлов")
        }

        private func indexCards(_ indexer: SearchIndexer, label: String) async throws {
            let queued = try await indexer.status().queuedDocuments
            guard queued > 0 else { return }
            let started = ContinuousClock.now
            while try await indexer.indexQueued(limit: 1000) > 0 {}
            let seconds = max(0.001, BenchTiming.milliseconds(since: started) / 1000)
            say(String(format: "%@: %d за %.1f с — %.0f карточек/с", label, queued, seconds, Double(queued) / seconds))
        }

        private func reportSize(_ database: any Database) async throws {
            let (entries, texts, size) = try await database.read { db in
                let entries = try await db.sql.raw("SELECT COUNT(*) AS n FROM search_entries").first()?.decode(column: "n", as: Int.self) ?? 0
                let texts = try await db.sql.raw("SELECT CAST(COALESCE(SUM(text_bytes), 0) AS BIGINT) AS n FROM extracted_texts").first()?.decode(column: "n", as: Int64.self) ?? 0
                let size: Int64?
                switch db.dialect {
                case .postgres:
                    size = try await db.sql.raw("SELECT CAST(pg_total_relation_size('search_entries') AS BIGINT) AS n").first()?.decode(column: "n", as: Int64.self)
                case .sqlite:
                    // dbstat is compiled into sqlite-nio's SQLite; the FTS5 shadow tables hold the index.
                    size = try? await db.sql.raw(
                        "SELECT CAST(SUM(pgsize) AS BIGINT) AS n FROM dbstat WHERE name LIKE 'search_terms%' OR name = 'search_entries'"
                    ).first()?.decode(column: "n", as: Int64.self)
                }
                return (entries, texts, size)
            }
            let sizeText = size.map { String(format: "%.0f МБ", Double($0) / 1_048_576) } ?? "нет данных"
            say(String(format: "в индексе карточек: %d; извлечённого текста %.0f МБ; размер индекса (записи и термины): %@",
                       entries, Double(texts) / 1_048_576, sizeText))
        }

        private func measure(_ database: any Database) async throws {
            let logins = ["governor", "minfin-ro.head", "registrar"]
            let users = try await database.read { db in
                try await db.sql.raw("SELECT id, login FROM users WHERE login IN \(SQLBind.group(logins))").all().map {
                    (try $0.decode(column: "login", as: String.self), UUID(uuidString: try $0.decode(column: "id", as: String.self))!)
                }
            }
            let queries: [(String, DocumentKind?)] = [
                ("ремонт", nil), ("ремонта дорог", nil), ("отопительному сезону", nil), ("субсидии", .incoming),
                ("водопроводных сетей", nil), ("мост Азове", nil), ("15/", nil), ("1234", nil), ("кровли детского сада", nil),
                ("несуществующееслово", nil), ("", nil),
            ]
            for (login, userID) in users.sorted(by: { $0.0 < $1.0 }) {
                guard let searcher = try await SearchBenchmark(database: database, userID: userID) else { continue }
                var all: [Double] = []
                for (text, kind) in queries {
                    var samples: [Double] = []
                    var found: (page: Int, total: Int?) = (0, nil)
                    for _ in 0..<repeats {
                        let start = ContinuousClock.now
                        found = try await searcher.search(text, kind: kind)
                        samples.append(BenchTiming.milliseconds(since: start))
                    }
                    all += samples
                    let label = "\(login): «\(text)»\(kind.map { " [\($0.rawValue)]" } ?? "")"
                    say(BenchTiming.summary(label, samples) + ", найдено: \(found.total.map(String.init) ?? "—"), на странице: \(found.page)")
                }
                say(BenchTiming.summary("\(login): все запросы", all))
            }
        }
    }
}
