public import OborotDomain
public import Foundation
import SQLKit

/// Reads and writes user accounts. Password hashes are returned only by `credentials(login:)`.
public struct UserRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    public func find(_ id: UUID) async throws -> User? {
        try await db.sql.select().column("*").from("users").where("id", .equal, id.lowercasedString)
            .row(UserRow.self)?.user()
    }

    public func get(_ id: UUID) async throws -> User {
        guard let user = try await find(id) else { throw OborotError.notFound(.user) }
        return user
    }

    public func find(login: String) async throws -> User? {
        try await db.sql.select().column("*").from("users").where("login", .equal, login)
            .row(UserRow.self)?.user()
    }

    /// The account and its password hash, for checking a sign-in.
    public func credentials(login: String) async throws -> (user: User, passwordHash: String)? {
        guard let row = try await db.sql.select().column("*").from("users").where("login", .equal, login)
            .row(UserRow.self)
        else { return nil }
        return (try row.user(), row.passwordHash)
    }

    /// Accounts whose employees work in `organizationID`, by login.
    public func list(organizationID: UUID, limit: Int = 200) async throws -> [User] {
        try await db.sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("u")))
            .from(SQLAlias(SQLIdentifier("users"), as: SQLIdentifier("u")))
            .join(SQLAlias(SQLIdentifier("employees"), as: SQLIdentifier("e")), on: SQLRaw("e.id = u.employee_id"))
            .where(SQLColumn("organization_id", table: "e"), .equal, SQLBind(organizationID.lowercasedString))
            .orderBy(SQLColumn("login", table: "u")).limit(limit)
            .rows(UserRow.self).map { try $0.user() }
    }

    /// Stores new accounts; a duplicate login throws `loginTaken`.
    public func insert(_ users: [(user: User, passwordHash: String)]) async throws {
        let rows = users.map { UserRow($0.user, passwordHash: $0.passwordHash, updatedAt: db.now) }
        for chunk in rows.chunked(into: StorageLimits.rowsPerInsert(columns: 8)) {
            try await db.sql.insert(into: "users").rows(Array(chunk)).run()
        }
    }

    /// Whether a login is already used (logins are unique, case-insensitively: stored lowercased).
    public func loginExists(_ login: String) async throws -> Bool {
        try await find(login: login) != nil
    }

    /// The account of an employee, if they have one.
    public func userID(employeeID: UUID) async throws -> UUID? {
        let row = try await db.sql.select().column("id").from("users").where("employee_id", .equal, employeeID.lowercasedString)
            .first()
        return try row.map { try UUID.stored(try $0.decode(column: "id", as: String.self)) }
    }

    /// Whether an employee already has an account (one account per employee).
    public func accountExists(employeeID: UUID) async throws -> Bool {
        try await db.sql.select().column("id").from("users").where("employee_id", .equal, employeeID.lowercasedString)
            .first() != nil
    }

    /// Changes the active flag and, when given, the password hash, unless a newer version was saved first.
    public func update(id: UUID, active: Bool, passwordHash: String?, expectedVersion: Int) async throws -> User {
        var update = db.sql.update("users")
            .set("active", to: active).set("version", to: expectedVersion + 1)
            .set("updated_at", to: db.now.unixMilliseconds)
        if let passwordHash { update = update.set("password_hash", to: passwordHash) }
        let changed = try await update.where("id", .equal, id.lowercasedString)
            .where("version", .equal, expectedVersion).returning("version").all()
        let current = try await get(id)
        if changed.isEmpty {
            throw OborotError.staleVersion(.user, expected: expectedVersion, actual: current.version)
        }
        return current
    }

    /// Replaces the password hash (a person changing their own password).
    public func setPasswordHash(userID: UUID, _ hash: String) async throws {
        try await db.sql.update("users").set("password_hash", to: hash)
            .set("version", to: SQLRaw("version + 1")).set("updated_at", to: db.now.unixMilliseconds)
            .where("id", .equal, userID.lowercasedString).run()
    }
}
