import Logging
import ServiceLifecycle

/// The server's МЭДО exchange: every couple of seconds, take in what arrived in IN and write what is queued to OUT.
struct MedoJob: Service {
    static let pause: Duration = .seconds(2)

    let folders: MedoFolders

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await folders.scanInbox()
                do {
                    try await folders.flushOutbox()
                    try await folders.flagMissingTickets()
                } catch {
                    folders.logger.error("medo outbox failed", metadata: ["error": "\(error)"])
                }
                do {
                    try await Task.sleep(for: Self.pause)
                } catch {
                    return
                }
            }
        }
    }
}
