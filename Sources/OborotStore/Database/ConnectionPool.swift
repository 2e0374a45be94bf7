import Synchronization

/// A fixed set of connections handed out one at a time, first come first served.
///
/// Used for SQLite's readers and, with a single connection, as the writer's queue: SQLite allows one writer at a
/// time, and queueing writers here is faster and fairer than letting them fight over the file lock.
final class ConnectionPool<Connection: Sendable>: Sendable {
    private struct State {
        var idle: [Connection]
        var waiters: [CheckedContinuation<Connection, any Error>] = []
        var inUse = 0
        var closed = false
    }

    private let state: Mutex<State>
    let size: Int

    init(_ connections: [Connection]) {
        self.size = connections.count
        self.state = Mutex(State(idle: connections))
    }

    /// Runs `body` with a connection, waiting for one to be free.
    func withConnection<T>(_ body: (Connection) async throws -> T) async throws -> T {
        let connection = try await lease()
        defer { release(connection) }
        return try await body(connection)
    }

    func status() -> PoolStatus {
        state.withLock { PoolStatus(total: size, inUse: $0.inUse, waiting: $0.waiters.count) }
    }

    /// Takes every connection out of the pool, failing anyone still waiting.
    func drain() -> [Connection] {
        let (connections, waiters) = state.withLock { state in
            state.closed = true
            let result = (state.idle, state.waiters)
            state.idle = []
            state.waiters = []
            return result
        }
        for waiter in waiters { waiter.resume(throwing: PoolClosedError()) }
        return connections
    }

    private func lease() async throws -> Connection {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<Connection, any Error>? = state.withLock { state in
                if state.closed { return .failure(PoolClosedError()) }
                if let connection = state.idle.popLast() {
                    state.inUse += 1
                    return .success(connection)
                }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }

    private func release(_ connection: Connection) {
        let waiter: CheckedContinuation<Connection, any Error>? = state.withLock { state in
            if state.waiters.isEmpty {
                state.inUse -= 1
                state.idle.append(connection)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: connection)
    }
}

/// The database was closed while a request waited for a connection.
struct PoolClosedError: Error, CustomStringConvertible {
    var description: String { "the database is closed" }
}
