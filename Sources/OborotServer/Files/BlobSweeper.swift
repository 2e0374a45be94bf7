import Foundation
import Logging
import OborotStore
import ServiceLifecycle

/// Removes orphaned blob files (written by uploads whose transaction never committed) once an hour.
///
/// Files younger than the grace period are left alone: their upload may still be about to commit.
struct BlobSweeper: Service {
    static let interval: Duration = .seconds(3600)
    static let grace: TimeInterval = 3600

    let blobs: BlobStore
    let database: any Database
    let logger: Logger

    func run() async throws {
        // Graceful shutdown does not cancel tasks by itself; without this the hour-long sleep would hold the
        // server open after SIGTERM.
        try await cancelWhenGracefulShutdown {
            try await loop()
        }
    }

    private func loop() async throws {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: Self.interval)
            } catch {
                return  // cancelled: the server is shutting down
            }
            do {
                let removed = try await sweep()
                if removed > 0 { logger.info("blob sweeper removed \(removed) orphaned files") }
            } catch {
                logger.error("blob sweeper failed", metadata: ["error": "\(error)"])
            }
        }
    }

    func sweep() async throws -> Int {
        try await blobs.sweepOrphans(olderThan: Self.grace) { sha256 in
            try await database.read { try await AttachmentRepository($0).blobIsRecorded(sha256) }
        }
    }
}
