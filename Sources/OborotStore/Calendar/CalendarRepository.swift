public import OborotDomain
public import Foundation
import SQLKit

/// Production calendar years loaded by an admin and the region's overlay, kept as their canonical text.
public struct CalendarRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    struct YearRow: Codable, Sendable {
        var year: Int
        var body: String
        var loadedBy: String?
        var loadedAt: Int64
    }

    struct OverlayRow: Codable, Sendable {
        var id: Int
        var body: String
        var loadedBy: String?
        var loadedAt: Int64
    }

    /// What the database holds: the loaded years (each stored as a one-year file) with when each was loaded, and
    /// the overlay, if any.
    public func load() async throws -> (years: [(year: ProductionCalendarYear, loadedAt: Date)], region: ProductionCalendarFile?) {
        var years: [(year: ProductionCalendarYear, loadedAt: Date)] = []
        for row in try await db.sql.select().column("*").from("calendar_years").orderBy("year").rows(YearRow.self) {
            for year in try ProductionCalendarFile.parse(row.body).years {
                years.append((year, Date(unixMilliseconds: row.loadedAt)))
            }
        }
        let overlay = try await db.sql.select().column("*").from("calendar_overlay").row(OverlayRow.self)
        return (years, try overlay.map { try ProductionCalendarFile.parse($0.body) })
    }

    /// Stores every year of `file` (replacing the same years) and, when it has a region block, the overlay.
    public func store(_ file: ProductionCalendarFile, loadedBy: UUID?) async throws {
        let by = loadedBy?.lowercasedString
        let at = db.now.unixMilliseconds
        for year in file.years {
            try await db.sql.delete(from: "calendar_years").where("year", .equal, year.year).run()
            let body = ProductionCalendarFile(years: [year]).render()
            try await db.sql.insert(into: "calendar_years")
                .rows([YearRow(year: year.year, body: body, loadedBy: by, loadedAt: at)]).run()
        }
        if file.regionName != nil || !file.overlay.isEmpty {
            try await db.sql.delete(from: "calendar_overlay").run()
            let body = ProductionCalendarFile(years: [], regionName: file.regionName, overlay: file.overlay).render()
            try await db.sql.insert(into: "calendar_overlay")
                .rows([OverlayRow(id: 1, body: body, loadedBy: by, loadedAt: at)]).run()
        }
    }
}
