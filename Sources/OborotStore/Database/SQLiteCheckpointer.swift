import Foundation
import Synchronization

/// Moves committed pages from the WAL into the database file on a thread of its own, once a second; and a minute
/// after start and then once an hour refreshes the planner's statistics where they have gone stale (`PRAGMA
/// optimize`, as SQLite advises for long-lived connections): the appeals report's skip-scan over its index is chosen
/// only with current statistics.
///
/// Left to SQLite, the checkpoint (which syncs the file to disk) runs inside whichever commit crosses the threshold,
/// and that commit then takes milliseconds; with the writer being the embedded database's bottleneck this halved
/// write throughput. A PASSIVE checkpoint never blocks the writer or readers.
final class SQLiteCheckpointer: Sendable {
    static let interval: TimeInterval = 1
    static let optimizeEvery = 3600

    /// Shared between the owner and the thread (atomics cannot be captured by value).
    private final class State: Sendable {
        let stopped = Atomic<Bool>(false)
        let finished = Atomic<Bool>(false)
    }

    private let state = State()

    /// Starts checkpointing `path` with a connection of its own.
    init(path: String) throws {
        let connection = try NativeSQLiteConnection(path: path)
        try connection.execute("PRAGMA busy_timeout=1000")
        let thread = Thread { [state] in
            var ticks = 0
            while !state.stopped.load(ordering: .relaxed) {
                Thread.sleep(forTimeInterval: Self.interval)
                try? connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
                ticks += 1
                // A minute after start (not during it: it writes the statistics tables while the server warms up and
                // other instances open the file), then hourly; 0x10002 checks every table, not only those used.
                if ticks == 60 || ticks % Self.optimizeEvery == 0 { try? connection.execute("PRAGMA optimize=0x10002") }
            }
            connection.close()
            state.finished.store(true, ordering: .releasing)
        }
        thread.name = "oborot-sqlite-checkpointer"
        thread.start()
    }

    /// Asks the thread to stop and waits (briefly) until it has closed its connection.
    func stop() async {
        state.stopped.store(true, ordering: .relaxed)
        for _ in 0..<Int(Self.interval * 40) + 10 {
            if state.finished.load(ordering: .acquiring) { return }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
}
