public import Foundation
import OborotDomain
import SQLKit

/// Failed sign-ins per login, kept in the database so the limit holds across server instances.
public struct LoginFailureRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    /// Failures for `login` within the throttle window before `db.now`.
    public func recent(login: String) async throws -> [Date] {
        let since = db.now.addingTimeInterval(-LoginThrottle.window).unixMilliseconds
        return try await db.sql.select().column("occurred_at").from("login_failures")
            .where("login", .equal, login).where("occurred_at", .greaterThan, since)
            .all().map { Date(unixMilliseconds: try $0.decode(column: "occurred_at", as: Int64.self)) }
    }

    public func record(login: String, clientAddress: String?) async throws {
        try await db.sql.insert(into: "login_failures").columns("id", "login", "occurred_at", "client_address")
            .values(
                SQLBind(UUID().lowercasedString), SQLBind(login), SQLBind(db.now.unixMilliseconds),
                SQLBind(clientAddress)
            ).run()
    }

    /// Forgets a login's failures after a successful sign-in, and everyone's older than the window.
    public func clear(login: String) async throws {
        let cutoff = db.now.addingTimeInterval(-LoginThrottle.window).unixMilliseconds
        try await db.sql.delete(from: "login_failures")
            .where("login", .equal, login).orWhere("occurred_at", .lessThan, cutoff).run()
    }
}
