import Foundation
import OborotDomain
import OborotStore

/// Positions and employees of organisations.
///
/// | action | policy |
/// |---|---|
/// | list positions, list/search/get employees | `signedIn` |
/// | create a position or employee in X, edit an employee of X | `administers(X)` |
struct PeopleService: Sendable {
    let database: any Database

    func positions(_ caller: Caller, organizationID: UUID) async throws -> [Position] {
        try caller.actor.require(.signedIn)
        return try await database.read { db in
            _ = try await OrganizationRepository(db).get(organizationID)
            return try await PositionRepository(db).list(organizationID: organizationID)
        }
    }

    func createPosition(_ caller: Caller, organizationID: UUID, title: String, isHead: Bool) async throws -> Position {
        try await database.write { db in
            let organization = try await OrganizationRepository(db).get(organizationID)
            try caller.actor.require(.administers(organization.path))
            let cleaned = try PeopleRules.validatePositionTitle(title).get()
            let positions = PositionRepository(db)
            let position = Position(id: UUID(), organizationID: organizationID, title: cleaned, isHead: isHead, version: 1)
            try await positions.insert([(position, try await positions.nextRank(organizationID: organizationID))])
            try await AuditLog(db).append(
                caller.audit("position.create", .position, position.id, PeopleTexts.positionCreated(cleaned, organization)))
            return position
        }
    }

    /// Employees of one organisation, or found by name across the region.
    func employees(_ caller: Caller, organizationID: UUID?, text: String?, limit: Int) async throws -> [Employee] {
        try caller.actor.require(.signedIn)
        if organizationID == nil, (text ?? "").trimmed.count < 2 {
            throw OborotError.validation([
                FieldProblem(field: "q", code: "query_too_short", message: PeopleTexts.queryTooShort)
            ])
        }
        return try await database.read { db in
            if let organizationID { _ = try await OrganizationRepository(db).get(organizationID) }
            return try await EmployeeRepository(db).list(organizationID: organizationID, text: text, limit: limit)
        }
    }

    func employee(_ caller: Caller, id: UUID) async throws -> Employee {
        try caller.actor.require(.signedIn)
        return try await database.read { try await EmployeeRepository($0).get(id) }
    }

    func createEmployee(_ caller: Caller, draft: EmployeeDraft) async throws -> Employee {
        try await database.write { db in
            let organization = try await OrganizationRepository(db).get(draft.organizationID)
            try caller.actor.require(.administers(organization.path))
            let cleaned = try PeopleRules.validate(draft).get()
            try await requirePosition(cleaned.positionID, in: organization.id, db: db)
            let employee = Employee(
                id: UUID(), organizationID: organization.id, positionID: cleaned.positionID, name: cleaned.name,
                email: cleaned.email, phone: cleaned.phone, active: true, version: 1)
            try await EmployeeRepository(db).insert([employee])
            try await AuditLog(db).append(
                caller.audit("employee.create", .employee, employee.id, PeopleTexts.employeeCreated(employee, organization)))
            return employee
        }
    }

    func updateEmployee(
        _ caller: Caller, id: UUID, expectedVersion: Int, change: (inout EmployeeDraft, inout Bool) -> Void
    ) async throws -> Employee {
        try await database.write { db in
            let employees = EmployeeRepository(db)
            let existing = try await employees.get(id)
            let organization = try await OrganizationRepository(db).get(existing.organizationID)
            try caller.actor.require(.administers(organization.path))
            var draft = EmployeeDraft(
                organizationID: existing.organizationID, positionID: existing.positionID, name: existing.name,
                email: existing.email, phone: existing.phone)
            var active = existing.active
            change(&draft, &active)
            let cleaned = try PeopleRules.validate(draft).get()
            try await requirePosition(cleaned.positionID, in: organization.id, db: db)
            var updated = existing
            updated.positionID = cleaned.positionID
            updated.name = cleaned.name
            updated.email = cleaned.email
            updated.phone = cleaned.phone
            updated.active = active
            try await employees.update(updated, expectedVersion: expectedVersion)
            updated.version = expectedVersion + 1
            try await AuditLog(db).append(
                caller.audit("employee.update", .employee, id, PeopleTexts.employeeUpdated(updated)))
            return updated
        }
    }

    /// A position must belong to the employee's own organisation.
    private func requirePosition(_ positionID: UUID?, in organizationID: UUID, db: DatabaseHandle) async throws {
        guard let positionID else { return }
        guard let position = try await PositionRepository(db).find(positionID), position.organizationID == organizationID
        else {
            throw OborotError.validation([
                FieldProblem(field: "positionId", code: "position_not_in_organization", message: PeopleTexts.foreignPosition)
            ])
        }
    }
}

/// Russian wording of the people area at the service level.
enum PeopleTexts {
    static let queryTooShort = "Укажите организацию или не менее двух букв фамилии для поиска."
    static let foreignPosition = "Должность не относится к организации сотрудника."

    static func positionCreated(_ title: String, _ organization: Organization) -> String {
        "Добавлена должность «\(title)» в «\(organization.shortName)»"
    }

    static func employeeCreated(_ employee: Employee, _ organization: Organization) -> String {
        "Добавлен сотрудник \(employee.name.full) в «\(organization.shortName)»"
    }

    static func employeeUpdated(_ employee: Employee) -> String {
        "Изменены сведения о сотруднике \(employee.name.full)\(employee.active ? "" : " (не работает)")"
    }
}
