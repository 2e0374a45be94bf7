public import Foundation
public import Logging
public import OborotDomain
public import OborotStore
public import ServiceLifecycle

/// Writes the deadline reminders (3 days before, on the day, overdue) into people's notification feeds, at start
/// and then every `interval`. Several instances may run it at once: each reminder has a key, so it is written once.
public struct ReminderJob: Service {
    static let interval: Duration = .seconds(15 * 60)

    let database: any Database
    let logger: Logger
    /// The zone whose date counts as "today" (the region's).
    let timeZone: TimeZone

    public init(database: any Database, logger: Logger, timeZone: TimeZone) {
        self.database = database
        self.logger = logger
        self.timeZone = timeZone
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let (written, elapsed) = try await runOnce()
                    if written > 0 {
                        logger.info("напоминания о сроках: записано \(written) за \(elapsed.formatted(.units(allowed: [.milliseconds])))")
                    }
                } catch {
                    logger.error("reminder job failed", metadata: ["error": "\(error)"])
                }
                do {
                    try await Task.sleep(for: Self.interval)
                } catch {
                    return  // cancelled: the server is shutting down
                }
            }
        }
    }

    /// One pass over the region: how many new reminders were written and how long it took.
    public func runOnce(today: CalendarDate? = nil) async throws -> (written: Int, elapsed: Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let written = try await database.write { db in
            let day = today ?? CalendarDate(db.now, in: timeZone)
            let notifications = NotificationRepository(db)
            return try await notifications.insertReminders(today: day) + notifications.insertApprovalReminders(today: day)
        }
        return (written, start.duration(to: clock.now))
    }
}
