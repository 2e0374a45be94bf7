public import OborotDomain
public import Foundation
import SQLKit

/// The nomenclature of case files.
public struct CaseFileRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    struct Row: Codable, Sendable {
        var id: String
        var organizationId: String
        var year: Int
        var indexCode: String
        var title: String
        var retentionYears: Int?
        var version: Int
        var createdAt: Int64

        init(_ caseFile: CaseFile, now: Date) {
            id = caseFile.id.lowercasedString
            organizationId = caseFile.organizationID.lowercasedString
            year = caseFile.year
            indexCode = caseFile.index
            title = caseFile.title
            retentionYears = caseFile.retention.storedYears
            version = caseFile.version
            createdAt = now.unixMilliseconds
        }

        func caseFile() throws -> CaseFile {
            CaseFile(
                id: try UUID.stored(id), organizationID: try UUID.stored(organizationId), year: year, index: indexCode,
                title: title, retention: Retention(storedYears: retentionYears), version: version)
        }
    }

    public func find(_ id: UUID) async throws -> CaseFile? {
        try await db.sql.select().column("*").from("case_files").where("id", .equal, id.lowercasedString)
            .row(Row.self)?.caseFile()
    }

    public func get(_ id: UUID) async throws -> CaseFile {
        guard let caseFile = try await find(id) else { throw OborotError.notFound(.caseFile) }
        return caseFile
    }

    /// An organisation's nomenclature for a year, by index.
    public func list(organizationID: UUID, year: Int) async throws -> [CaseFile] {
        try await db.sql.select().column("*").from("case_files")
            .where("organization_id", .equal, organizationID.lowercasedString).where("year", .equal, year)
            .orderBy("index_code").rows(Row.self).map { try $0.caseFile() }
    }

    public func exists(organizationID: UUID, year: Int, index: String) async throws -> Bool {
        try await db.sql.select().column("id").from("case_files")
            .where("organization_id", .equal, organizationID.lowercasedString).where("year", .equal, year)
            .where("index_code", .equal, index).first() != nil
    }

    public func insert(_ caseFiles: [CaseFile]) async throws {
        let rows = caseFiles.map { Row($0, now: db.now) }
        for chunk in rows.chunked(into: StorageLimits.rowsPerInsert(columns: 8)) {
            try await db.sql.insert(into: "case_files").rows(Array(chunk)).run()
        }
    }

    /// How many documents are filed to each case, for the nomenclature view.
    public func documentCounts(_ ids: [UUID]) async throws -> [UUID: Int] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.sql.select().column("case_file_id").column(SQLRaw("COUNT(*)"), as: "n").from("documents")
            .where(SQLColumn("case_file_id"), .in, SQLBind.group(ids.map(\.lowercasedString)))
            .groupBy("case_file_id").all()
        var counts: [UUID: Int] = [:]
        for row in rows {
            counts[try UUID.stored(row.decode(column: "case_file_id", as: String.self))] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}
