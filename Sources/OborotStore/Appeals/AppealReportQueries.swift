public import Foundation
public import OborotDomain
import SQLKit

/// The report's counts done by the database, for periods too large to load appeal by appeal (a region's year is
/// hundreds of thousands). Must agree with `AppealStatistics.counts` over the same appeals; the API tests compare them.
extension AppealRepository {
    public func reportCounts(visibleTo actor: Actor, under path: OrganizationPath, from: CalendarDate, to: CalendarDate) async throws -> AppealStatistics.Counts {
        var counts = AppealStatistics.Counts()
        let perAppeal = try await scoped(db.sql.select(), actor: actor, path: path, from: from, to: to)
            .column(SQLColumn("channel", table: "a")).column(SQLColumn("appeal_type", table: "a"))
            .column(SQLAlias(SQLRaw("COUNT(*)"), as: SQLIdentifier("n")))
            .column(SQLAlias(SQLRaw("SUM(CASE WHEN a.repeated_of_document_id IS NOT NULL THEN 1 ELSE 0 END)"), as: SQLIdentifier("repeated")))
            .column(SQLAlias(SQLQueryString("SUM(CASE WHEN a.collective = \(bind: true) THEN 1 ELSE 0 END)"), as: SQLIdentifier("collective")))
            .column(SQLAlias(
                SQLQueryString("SUM(CASE WHEN EXISTS (SELECT 1 FROM resolutions r WHERE r.document_id = a.document_id AND r.controlled = \(bind: true)) THEN 1 ELSE 0 END)"),
                as: SQLIdentifier("on_control")))
            .groupBy(SQLColumn("channel", table: "a")).groupBy(SQLColumn("appeal_type", table: "a")).all()
        for row in perAppeal {
            let n = try row.decode(column: "n", as: Int.self)
            counts.appeals += n
            counts.repeated += try row.decode(column: "repeated", as: Int?.self) ?? 0
            counts.collective += try row.decode(column: "collective", as: Int?.self) ?? 0
            counts.onControl += try row.decode(column: "on_control", as: Int?.self) ?? 0
            if let channel = AppealChannel(rawValue: try row.decode(column: "channel", as: String.self)) { counts.byChannel[channel, default: 0] += n }
            if let type = AppealType(rawValue: try row.decode(column: "appeal_type", as: String.self)) { counts.byType[type, default: 0] += n }
        }
        let territories = try await scoped(db.sql.select(), actor: actor, path: path, from: from, to: to)
            .column(SQLColumn("short_name", table: "o")).column(SQLAlias(SQLRaw("COUNT(*)"), as: SQLIdentifier("n")))
            .groupBy(SQLColumn("short_name", table: "o")).all()
        for row in territories {
            counts.byTerritory[try row.decode(column: "short_name", as: String.self), default: 0] += try row.decode(column: "n", as: Int.self)
        }
        let perQuestion = try await scoped(db.sql.select(), actor: actor, path: path, from: from, to: to)
            .join(SQLAlias(SQLIdentifier("appeal_questions"), as: SQLIdentifier("q")), on: SQLColumn("document_id", table: "q"), .equal, SQLColumn("document_id", table: "a"))
            .column(SQLColumn("status", table: "q")).column(SQLColumn("measures_taken", table: "q")).column(SQLColumn("considered_on_site", table: "a"))
            .column(SQLAlias(SQLRaw("SUBSTR(q.topic_code, 1, 4)"), as: SQLIdentifier("section")))
            .column(SQLAlias(SQLRaw("SUBSTR(q.topic_code, 1, 14)"), as: SQLIdentifier("theme")))
            .column(SQLAlias(SQLRaw("COUNT(*)"), as: SQLIdentifier("n")))
            .groupBy(SQLColumn("status", table: "q")).groupBy(SQLColumn("measures_taken", table: "q"))
            .groupBy(SQLColumn("considered_on_site", table: "a")).groupBy(SQLRaw("SUBSTR(q.topic_code, 1, 4)"))
            .groupBy(SQLRaw("SUBSTR(q.topic_code, 1, 14)")).all()
        for row in perQuestion {
            let n = try row.decode(column: "n", as: Int.self)
            guard let status = QuestionStatus(rawValue: try row.decode(column: "status", as: String.self)) else { continue }
            counts.questions += n
            counts.byStatus[status, default: 0] += n
            if status == .supported, try row.decode(column: "measures_taken", as: Bool.self) { counts.measuresTaken += n }
            if status.isAnswered, try row.decode(column: "considered_on_site", as: Bool.self) { counts.onSite += n }
            if let section = TopicCode(try row.decode(column: "section", as: String.self)) { counts.bySection[section, default: 0] += n }
            if let theme = TopicCode(try row.decode(column: "theme", as: String.self)) { counts.byTopic[theme, default: 0] += n }
        }
        // Questions of appeals closed after their deadline: the last result later than the current deadline.
        let late = try await scoped(db.sql.select(), actor: actor, path: path, from: from, to: to)
            .join(SQLAlias(SQLIdentifier("appeal_questions"), as: SQLIdentifier("q")), on: SQLColumn("document_id", table: "q"), .equal, SQLColumn("document_id", table: "a"))
            .column(SQLAlias(SQLRaw("COUNT(*)"), as: SQLIdentifier("n")))
            .where(SQLColumn("is_closed", table: "a"), .equal, SQLBind(true))
            .where(SQLRaw("(SELECT MAX(r.resolved_on) FROM appeal_questions r WHERE r.document_id = a.document_id) > a.current_deadline"))
            .first()
        counts.late = try late?.decode(column: "n", as: Int.self) ?? 0
        return counts
    }

    /// Appeals registered from `from` to `to` in the organisation's subtree that the actor may see.
    private func scoped(_ query: SQLSelectBuilder, actor: Actor, path: OrganizationPath, from: CalendarDate, to: CalendarDate) -> SQLSelectBuilder {
        query.from(SQLAlias(SQLIdentifier("appeals"), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("d")), on: SQLColumn("id", table: "d"), .equal, SQLColumn("document_id", table: "a"))
            .join(SQLAlias(SQLIdentifier("organizations"), as: SQLIdentifier("o")), on: SQLColumn("id", table: "o"), .equal, SQLColumn("organization_id", table: "a"))
            .where(DocumentVisibility.condition(for: actor))
            .where(OrganizationRepository.pathRange(path, column: SQLColumn("organization_path", table: "d")))
            .where(SQLColumn("registered_on", table: "a"), .greaterThanOrEqual, SQLBind(from.iso))
            .where(SQLColumn("registered_on", table: "a"), .lessThanOrEqual, SQLBind(to.iso))
    }
}
