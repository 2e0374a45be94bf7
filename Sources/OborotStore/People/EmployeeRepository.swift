public import OborotDomain
public import Foundation
import SQLKit

/// Reads and writes employees.
public struct EmployeeRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    public func find(_ id: UUID) async throws -> Employee? {
        try await db.sql.select().column("*").from("employees").where("id", .equal, id.lowercasedString)
            .row(EmployeeRow.self)?.employee()
    }

    public func findMany(_ ids: [UUID]) async throws -> [Employee] {
        guard !ids.isEmpty else { return [] }
        return try await db.sql.select().column("*").from("employees")
            .where(SQLColumn("id"), .in, SQLBind.group(ids.map(\.lowercasedString)))
            .rows(EmployeeRow.self).map { try $0.employee() }
    }

    public func get(_ id: UUID) async throws -> Employee {
        guard let employee = try await find(id) else { throw OborotError.notFound(.employee) }
        return employee
    }

    /// Employees of one organisation, or matching `text` anywhere in `scope`, by surname.
    public func list(
        organizationID: UUID? = nil, text: String? = nil, limit: Int = 100, afterSurname: String? = nil
    ) async throws -> [Employee] {
        var query = db.sql.select().column("*").from("employees")
        if let organizationID { query = query.where("organization_id", .equal, organizationID.lowercasedString) }
        if let needle = text.map(SearchText.normalize), !needle.isEmpty {
            query = query.where(containsText(needle, column: "search_text"))
        }
        return try await query.orderBy("surname").orderBy("given_name").orderBy("id").limit(limit)
            .rows(EmployeeRow.self).map { try $0.employee() }
    }

    public func insert(_ employees: [Employee]) async throws {
        let rows = employees.map { EmployeeRow($0, createdAt: db.now, updatedAt: db.now) }
        for chunk in rows.chunked(into: StorageLimits.rowsPerInsert(columns: 13)) {
            try await db.sql.insert(into: "employees").rows(Array(chunk)).run()
        }
    }

    /// Saves an edited employee unless someone saved a newer version first.
    public func update(_ employee: Employee, expectedVersion: Int) async throws {
        var row = EmployeeRow(employee, createdAt: db.now, updatedAt: db.now)
        row.version = expectedVersion + 1
        let updated = try await db.sql.update("employees")
            .set("position_id", to: row.positionId).set("surname", to: row.surname)
            .set("given_name", to: row.givenName).set("patronymic", to: row.patronymic)
            .set("search_text", to: row.searchText).set("email", to: row.email).set("phone", to: row.phone)
            .set("active", to: row.active).set("version", to: row.version).set("updated_at", to: row.updatedAt)
            .where("id", .equal, row.id).where("version", .equal, expectedVersion)
            .returning("version").all()
        if updated.isEmpty {
            let current = try await get(employee.id)
            throw OborotError.staleVersion(.employee, expected: expectedVersion, actual: current.version)
        }
    }
}
