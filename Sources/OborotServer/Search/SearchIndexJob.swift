import Logging
import OborotStore
import ServiceLifecycle

/// The server's background indexing: small batches while there is work, a short pause when there is none.
struct SearchIndexJob: Service {
    /// Small enough that a batch holds SQLite's write lock for only tens of milliseconds.
    static let batchSize = 200
    static let idlePause: Duration = .seconds(2)

    let indexer: SearchIndexer
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                var worked = false
                do {
                    worked = try await indexer.extractPending(limit: 4) > 0
                    worked = try await indexer.indexQueued(limit: Self.batchSize) > 0 || worked
                } catch {
                    logger.error("search indexing failed", metadata: ["error": "\(error)"])
                }
                if !worked {
                    do {
                        try await Task.sleep(for: Self.idlePause)
                    } catch {
                        return  // cancelled: the server is shutting down
                    }
                }
            }
        }
    }
}
