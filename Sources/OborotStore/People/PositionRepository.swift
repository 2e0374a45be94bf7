public import OborotDomain
public import Foundation
import SQLKit

/// Reads and writes positions (должности).
public struct PositionRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    public func find(_ id: UUID) async throws -> Position? {
        try await db.sql.select().column("*").from("positions").where("id", .equal, id.lowercasedString)
            .row(PositionRow.self)?.position()
    }

    /// An organisation's positions, heads first, then in staff-list order.
    public func list(organizationID: UUID) async throws -> [Position] {
        try await db.sql.select().column("*").from("positions")
            .where("organization_id", .equal, organizationID.lowercasedString)
            .orderBy("rank").orderBy("title")
            .rows(PositionRow.self).map { try $0.position() }
    }

    /// Stores positions; `rank` orders them within their organisation (0 = top).
    public func insert(_ positions: [(position: Position, rank: Int)]) async throws {
        let rows = positions.map { PositionRow($0.position, rank: $0.rank, createdAt: db.now) }
        for chunk in rows.chunked(into: StorageLimits.rowsPerInsert(columns: 7)) {
            try await db.sql.insert(into: "positions").rows(Array(chunk)).run()
        }
    }

    /// The next free rank in an organisation, so new posts go to the end of the staff list.
    public func nextRank(organizationID: UUID) async throws -> Int {
        let row = try await db.sql.raw(
            "SELECT COALESCE(MAX(rank), -1) + 1 AS n FROM positions WHERE organization_id = \(bind: organizationID.lowercasedString)"
        ).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}
