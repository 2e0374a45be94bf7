public import OborotDomain
import Foundation

/// Stores a generated demo region in one transaction, with one audit event saying so.
public enum DemoLoader {
    /// Whether the database holds no organisations yet (the only state in which the demo may be loaded).
    public static func isEmpty(_ database: any Database) async throws -> Bool {
        try await database.read { try await OrganizationRepository($0).count() } == 0
    }

    /// Inserts everything; `passwordHash` is the bcrypt hash of the demo password, shared by all demo accounts
    /// (hashing 16,000 passwords one by one would take minutes; these are throw-away demo accounts).
    public static func load(
        _ data: DemoRegion.Data, passwordHash: String, into database: any Database,
        progress: (@Sendable (String) -> Void)? = nil
    ) async throws {
        try await database.write { db in
            try await OrganizationRepository(db).insert(data.organizations)
            progress?("организации: \(data.organizations.count)")
            try await PositionRepository(db).insert(data.positions)
            try await EmployeeRepository(db).insert(data.employees)
            progress?("сотрудники: \(data.employees.count)")
            try await UserRepository(db).insert(data.users.map { ($0, passwordHash) })
            try await RoleGrantRepository(db).insert(data.grants)
            progress?("учётные записи: \(data.users.count), роли: \(data.grants.count)")
            for delegation in data.delegations { try await DelegationRepository(db).insert(delegation) }
            try await AuditLog(db).append(
                AuditRecord(
                    actorUserID: nil, actingForUserID: nil, action: "demo.load", objectType: ObjectKind.organization.rawValue,
                    objectID: data.organizations.first?.id.lowercasedString ?? "",
                    summary: "Загружен демонстрационный регион: \(data.organizations.count) организаций, "
                        + "\(data.users.count) учётных записей", clientAddress: nil))
        }
    }
}
