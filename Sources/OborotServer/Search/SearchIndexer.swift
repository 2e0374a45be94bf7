import Foundation
public import OborotStore
import OborotDomain

/// Keeps the search index up to date: takes documents off the queue the database triggers fill, builds their
/// entries from the card and the files' extracted text, and extracts the text of new files. Every step is a short
/// transaction, so registration never waits long for it; several instances can run it side by side on PostgreSQL.
public struct SearchIndexer: Sendable {
    let database: any Database
    let blobs: BlobStore

    public init(database: any Database, blobs: BlobStore) {
        self.database = database
        self.blobs = blobs
    }

    /// Indexes up to `limit` queued documents; returns how many were taken off the queue.
    @discardableResult
    public func indexQueued(limit: Int) async throws -> Int {
        try await database.write { db in
            let repository = SearchIndexRepository(db)
            let ids = try await repository.claimQueued(limit: limit)
            guard !ids.isEmpty else { return 0 }
            let sources = try await repository.sources(ids)
            var unseen: [String: ExtractedTextState] = [:]
            let entries = sources.map { source in
                let files = source.files.map { file in
                    SearchEntry.File(name: file.fileName, text: Self.text(of: file, unseen: &unseen))
                }
                return (source.documentID, SearchEntry.make(card: source.card, files: files))
            }
            try await repository.registerBlobs(unseen.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            try await repository.write(entries)
            let found = Set(sources.map(\.documentID))
            try await repository.remove(ids.filter { !found.contains($0) })
            return ids.count
        }
    }

    private static func text(of file: SearchSource.File, unseen: inout [String: ExtractedTextState]) -> SearchEntry.File.Text {
        switch file.state {
        case nil:
            let state = unseen[file.sha256] ?? TextExtraction.initialState(fileName: file.fileName, mimeType: file.mimeType)
            unseen[file.sha256] = state
            return state == .pending ? .pending : .none
        case .pending: return .pending
        case .done: return .extracted(file.text ?? "")
        case .skipped: return .none
        case .failed, .unavailable: return .failed(reason: file.reason ?? SearchTexts.unsupportedFormat)
        }
    }

    /// Extracts the text of up to `limit` new files, two at a time (the machine's cores), and saves the outcomes in
    /// one transaction; returns how many were handled.
    @discardableResult
    public func extractPending(limit: Int) async throws -> Int {
        let claimed = try await database.write { db in
            try await SearchIndexRepository(db).claimPendingTexts(limit: limit, lease: 600)
        }
        guard !claimed.isEmpty else { return 0 }
        let blobs = self.blobs
        let outcomes = await withTaskGroup(of: (Int, TextExtraction.Outcome).self) { group in
            var results = [TextExtraction.Outcome?](repeating: nil, count: claimed.count)
            var next = 0
            func start() {
                guard next < claimed.count else { return }
                let index = next, file = claimed[index]
                next += 1
                group.addTask {
                    (index, await onWorkerThread { TextExtraction.extract(file, path: blobs.filePath(of: file.sha256)) })
                }
            }
            for _ in 0..<min(Self.parallelExtractions, claimed.count) { start() }
            for await (index, outcome) in group {
                results[index] = outcome
                start()
            }
            return results.compactMap { $0 }
        }
        try await database.write { db in
            let repository = SearchIndexRepository(db)
            for (file, outcome) in zip(claimed, outcomes) {
                try await repository.saveText(sha256: file.sha256, state: outcome.state, text: outcome.text, reason: outcome.reason)
            }
        }
        return claimed.count
    }

    /// Files read at once: one per core of the machines we run on.
    static let parallelExtractions = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))

    /// Works until nothing is queued or pending, reporting after each batch.
    public func runUntilIdle(batchSize: Int = 500, progress: @Sendable (SearchIndexStatus) -> Void = { _ in }) async throws {
        while true {
            let extracted = try await extractPending(limit: 16)
            let indexed = try await indexQueued(limit: batchSize)
            progress(try await status())
            if extracted == 0 && indexed == 0 { return }
        }
    }

    public func status() async throws -> SearchIndexStatus {
        try await database.read { try await SearchIndexRepository($0).status() }
    }

    /// Queues every document again (and retries files that waited for a missing tool).
    @discardableResult
    public func queueEverything() async throws -> Int {
        try await database.write { try await SearchIndexRepository($0).queueEverything() }
    }
}
