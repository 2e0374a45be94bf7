import Foundation
import Logging
import Synchronization

/// The single writer connection of the embedded database, shared by concurrent writers with group commit.
///
/// Each writer runs its transaction body inside a savepoint of a shared SQLite transaction. When others are waiting,
/// the connection is handed to the next one without committing; the last of a batch commits for all, and only then
/// does any of them return. A body that fails rolls back to its own savepoint and fails alone; a failed commit
/// fails the whole batch. Callers therefore see exactly the semantics of one transaction each, while the commit —
/// the write to the WAL, and occasionally waiting for the disk — is paid once per batch.
final class GroupCommitWriter: Sendable {
    static let maxBatch = 64

    private struct State {
        var busy = false
        var waiters: [CheckedContinuation<Void, Never>] = []
        var inTransaction = false
        var batch: [CheckedContinuation<Result<Void, any Error>, Never>] = []
        var savepoint = 0
    }

    private let connection: NativeSQLiteConnection
    private let state = Mutex(State())
    private let logger: Logger

    init(connection: NativeSQLiteConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    var status: PoolStatus {
        state.withLock { PoolStatus(total: 1, inUse: $0.busy ? 1 : 0, waiting: $0.waiters.count) }
    }

    func write<T>(_ body: (NativeSQLiteConnection) async throws -> T) async throws -> T {
        await acquire()
        let savepoint: String
        do {
            savepoint = try beginOrContinue()
        } catch {
            release()
            throw error
        }
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await body(connection))
            try connection.execute("RELEASE \(savepoint)")
        } catch {
            do {
                try connection.execute("ROLLBACK TO \(savepoint)")
                try connection.execute("RELEASE \(savepoint)")
            } catch {
                logger.error("rolling back a savepoint failed", metadata: ["error": "\(error)"])
            }
            // Nothing of this body remains in the transaction: it need not wait for the commit.
            finishTurn()
            throw error
        }
        let committed = await withCheckedContinuation { (done: CheckedContinuation<Result<Void, any Error>, Never>) in
            state.withLock { $0.batch.append(done) }
            finishTurn()
        }
        try committed.get()
        return try outcome.get()
    }

    /// Opens the shared transaction if needed and a savepoint for this writer.
    private func beginOrContinue() throws -> String {
        let (open, number) = state.withLock { state -> (Bool, Int) in
            state.savepoint += 1
            return (state.inTransaction, state.savepoint)
        }
        if !open {
            // IMMEDIATE takes the write lock at once, so another process waits on busy_timeout instead of failing
            // half-way through.
            try connection.execute("BEGIN IMMEDIATE")
            state.withLock { $0.inTransaction = true }
        }
        let name = "writer_\(number)"
        try connection.execute("SAVEPOINT \(name)")
        return name
    }

    /// Hands the open transaction to the next writer, or commits the batch when nobody waits or it is full.
    private func finishTurn() {
        let handOff = state.withLock { state -> Bool in
            guard state.inTransaction, !state.waiters.isEmpty, state.batch.count < Self.maxBatch else { return false }
            state.waiters.removeFirst().resume()
            return true
        }
        if handOff { return }
        let (members, open) = state.withLock { state -> ([CheckedContinuation<Result<Void, any Error>, Never>], Bool) in
            let members = state.batch
            state.batch = []
            let open = state.inTransaction
            state.inTransaction = false
            state.savepoint = 0
            return (members, open)
        }
        var result: Result<Void, any Error> = .success(())
        if open {
            do {
                try connection.execute("COMMIT")
            } catch {
                result = .failure(error)
                do { try connection.execute("ROLLBACK") } catch {
                    logger.error("ROLLBACK after a failed COMMIT failed", metadata: ["error": "\(error)"])
                }
            }
        }
        for member in members { member.resume(returning: result) }
        release()
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let free = state.withLock { state -> Bool in
                if state.busy {
                    state.waiters.append(continuation)
                    return false
                }
                state.busy = true
                return true
            }
            if free { continuation.resume() }
        }
    }

    /// Passes the idle connection to the next waiter (who starts a new transaction) or marks it free.
    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.busy = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }

    func close() {
        connection.close()
    }
}
