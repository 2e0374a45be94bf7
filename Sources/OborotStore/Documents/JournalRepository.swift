public import OborotDomain
public import Foundation
import SQLKit

/// Journals and their gapless counters.
public struct JournalRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    struct Row: Codable, Sendable {
        var id: String
        var organizationId: String
        var name: String
        var code: String
        var template: String
        var kinds: String
        var restartsYearly: Bool
        var defaultCaseIndex: String?
        var active: Bool
        var version: Int
        var createdAt: Int64

        init(_ journal: Journal, createdAt: Date) {
            id = journal.id.lowercasedString
            organizationId = journal.organizationID.lowercasedString
            name = journal.name
            code = journal.code
            template = journal.template.text
            kinds = journal.kinds.map(\.rawValue).sorted().joined(separator: ",")
            restartsYearly = journal.restartsYearly
            defaultCaseIndex = journal.defaultCaseIndex
            active = journal.active
            version = journal.version
            self.createdAt = createdAt.unixMilliseconds
        }

        func journal() throws -> Journal {
            guard case .success(let template) = NumberTemplate.parse(template) else {
                throw CorruptRowError(detail: "journal \(id) has an invalid template \(template)")
            }
            return Journal(
                id: try UUID.stored(id), organizationID: try UUID.stored(organizationId), name: name, code: code,
                template: template, kinds: Set(kinds.split(separator: ",").compactMap { DocumentKind(rawValue: String($0)) }),
                restartsYearly: restartsYearly, defaultCaseIndex: defaultCaseIndex, active: active, version: version)
        }
    }

    public func find(_ id: UUID) async throws -> Journal? {
        try await db.sql.raw("SELECT * FROM journals WHERE id = \(bind: id.lowercasedString)").row(Row.self)?.journal()
    }

    public func get(_ id: UUID) async throws -> Journal {
        guard let journal = try await find(id) else { throw OborotError.notFound(.journal) }
        return journal
    }

    public func findMany(_ ids: [UUID]) async throws -> [Journal] {
        guard !ids.isEmpty else { return [] }
        return try await db.sql.select().column("*").from("journals")
            .where(SQLColumn("id"), .in, SQLBind.group(ids.map(\.lowercasedString)))
            .rows(Row.self).map { try $0.journal() }
    }

    /// An organisation's journals by name.
    public func list(organizationID: UUID) async throws -> [Journal] {
        try await db.sql.select().column("*").from("journals")
            .where("organization_id", .equal, organizationID.lowercasedString).orderBy("name")
            .rows(Row.self).map { try $0.journal() }
    }

    public func insert(_ journals: [Journal]) async throws {
        let rows = journals.map { Row($0, createdAt: db.now) }
        for chunk in rows.chunked(into: StorageLimits.rowsPerInsert(columns: 11)) {
            try await db.sql.insert(into: "journals").rows(Array(chunk)).run()
        }
    }

    public func update(_ journal: Journal, expectedVersion: Int) async throws {
        var row = Row(journal, createdAt: db.now)
        row.version = expectedVersion + 1
        let changed = try await db.sql.update("journals")
            .set("name", to: row.name).set("code", to: row.code).set("template", to: row.template)
            .set("kinds", to: row.kinds).set("restarts_yearly", to: row.restartsYearly)
            .set("default_case_index", to: row.defaultCaseIndex).set("active", to: row.active)
            .set("version", to: row.version)
            .where("id", .equal, row.id).where("version", .equal, expectedVersion)
            .returning("version").all()
        if changed.isEmpty {
            let current = try await get(journal.id)
            throw OborotError.staleVersion(.journal, expected: expectedVersion, actual: current.version)
        }
    }

    /// Takes the next serial number of a journal's period. Call inside the transaction that stores the number: the
    /// counter row stays locked until it commits, and a rollback returns the number, so numbers never skip or repeat.
    public func nextSequence(journalID: UUID, numberingYear: Int) async throws -> Int {
        let id = journalID.lowercasedString
        // One statement on both databases: the first registration of a period creates the counter at 1, later ones
        // increment it; the row stays locked until the transaction ends.
        let row = try await db.sql.raw(
            """
            INSERT INTO journal_counters (journal_id, numbering_year, last_sequence) VALUES (\(bind: id), \(bind: numberingYear), 1)
            ON CONFLICT (journal_id, numbering_year) DO UPDATE SET last_sequence = journal_counters.last_sequence + 1
            RETURNING last_sequence
            """
        ).first()
        guard let sequence = try row?.decode(column: "last_sequence", as: Int.self) else {
            throw CorruptRowError(detail: "journal counter \(id)/\(numberingYear) vanished")
        }
        return sequence
    }

    /// The last number taken in a period (0 when none).
    public func lastSequence(journalID: UUID, numberingYear: Int) async throws -> Int {
        try await db.sql.select().column("last_sequence").from("journal_counters")
            .where("journal_id", .equal, journalID.lowercasedString).where("numbering_year", .equal, numberingYear)
            .first()?.decode(column: "last_sequence", as: Int.self) ?? 0
    }
}

extension JournalRepository {
    /// Sets journal counters to the given last sequences (after a bulk load that numbered documents itself).
    public func setCounters(_ counters: [UUID: Int], numberingYear: Int) async throws {
        for (journalID, last) in counters {
            let id = journalID.lowercasedString
            try await db.sql.insert(into: "journal_counters").columns("journal_id", "numbering_year", "last_sequence")
                .values(SQLBind(id), SQLBind(numberingYear), SQLBind(0))
                .ignoringConflicts(with: ["journal_id", "numbering_year"]).run()
            try await db.sql.update("journal_counters").set("last_sequence", to: last)
                .where("journal_id", .equal, id).where("numbering_year", .equal, numberingYear).run()
        }
    }
}
