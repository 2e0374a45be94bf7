public import OborotDomain
public import Foundation
import SQLKit

/// Distribution lists and their members, in the order they were given.
public struct DistributionListRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    public func list(organizationID: UUID) async throws -> [DistributionList] {
        let rows = try await db.sql.select().column("id").column("name").from("distribution_lists")
            .where("organization_id", .equal, organizationID.lowercasedString).orderBy("name").all()
        var lists: [DistributionList] = []
        for row in rows {
            let id = try UUID.stored(row.decode(column: "id", as: String.self))
            lists.append(
                DistributionList(
                    id: id, organizationID: organizationID, name: try row.decode(column: "name", as: String.self),
                    addressees: try await members(of: id)))
        }
        return lists
    }

    public func find(_ id: UUID) async throws -> DistributionList? {
        guard let row = try await db.sql.select().column("*").from("distribution_lists").where("id", .equal, id.lowercasedString).first()
        else { return nil }
        return DistributionList(
            id: id, organizationID: try UUID.stored(row.decode(column: "organization_id", as: String.self)),
            name: try row.decode(column: "name", as: String.self), addressees: try await members(of: id))
    }

    public func exists(organizationID: UUID, name: String) async throws -> Bool {
        try await db.sql.select().column("id").from("distribution_lists")
            .where("organization_id", .equal, organizationID.lowercasedString).where("name", .equal, name).first() != nil
    }

    private func members(of id: UUID) async throws -> [Addressee] {
        try await db.sql.select().column("organization_id").column("correspondent_id").from("distribution_list_members")
            .where("list_id", .equal, id.lowercasedString).orderBy("position").all()
            .compactMap { row -> Addressee? in
                if let organization = try row.decode(column: "organization_id", as: String?.self) { return .organization(try UUID.stored(organization)) }
                if let correspondent = try row.decode(column: "correspondent_id", as: String?.self) { return .correspondent(try UUID.stored(correspondent)) }
                return nil
            }
    }

    public func insert(_ list: DistributionList, createdBy userID: UUID) async throws {
        try await db.sql.insert(into: "distribution_lists")
            .columns("id", "organization_id", "name", "created_by_user_id", "created_at")
            .values(
                SQLBind(list.id.lowercasedString), SQLBind(list.organizationID.lowercasedString), SQLBind(list.name),
                SQLBind(userID.lowercasedString), SQLBind(db.now.unixMilliseconds)
            ).run()
        try await db.bulk.copy(
            into: "distribution_list_members", columns: ["list_id", "position", "organization_id", "correspondent_id"],
            rows: list.addressees.enumerated().map { position, addressee in
                var organization: String?
                var correspondent: String?
                switch addressee {
                case .organization(let id): organization = id.lowercasedString
                case .correspondent(let id): correspondent = id.lowercasedString
                case .employee: break
                }
                return [.text(list.id.lowercasedString), .integer(Int64(position)), .of(organization), .of(correspondent)]
            })
    }

    public func delete(_ id: UUID) async throws {
        try await db.sql.delete(from: "distribution_list_members").where("list_id", .equal, id.lowercasedString).run()
        try await db.sql.delete(from: "distribution_lists").where("id", .equal, id.lowercasedString).run()
    }
}
