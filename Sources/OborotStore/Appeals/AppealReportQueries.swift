public import Foundation
public import OborotDomain
import SQLKit

/// The report's counts done by the database, for periods too large to load appeal by appeal (a region's year is
/// hundreds of thousands). Must agree with `AppealStatistics.counts` over the same appeals; the API tests compare them.
///
/// Every appeal of the subtree counts, whoever asks: the report is the body's statutory statistics (the counts sent
/// upwards must not depend on who pressed the button), it shows numbers only, and only those who report on the whole
/// subtree may ask for it (`AppealAccess.reports`). So the counting reads two covering indexes (migration 13) and
/// never joins the cards.
extension AppealRepository {
    public func reportCounts(under path: OrganizationPath, from: CalendarDate, to: CalendarDate) async throws -> AppealStatistics.Counts {
        var counts = AppealStatistics.Counts()
        let subtree = try await db.sql.select().column("id").column("short_name").from("organizations")
            .where(OrganizationRepository.pathRange(path, column: SQLColumn("path"))).all()
        let names = Dictionary(
            try subtree.map { (try $0.decode(column: "id", as: String.self), try $0.decode(column: "short_name", as: String.self)) },
            uniquingKeysWith: { first, _ in first })
        let organizations = try await db.sql.select().column(SQLAlias(SQLRaw("COUNT(*)"), as: SQLIdentifier("n"))).from("organizations")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        // The appeals' index is sought organisation by organisation of the subtree (so, for the whole region too, it is
        // read in its order and grouped without sorting); the questions' index is read by topic and status, where the
        // organisation is a check on each entry that the whole region does without.
        let inSubtree = SQLBinaryExpression(
            SQLColumn("organization_id"), .in,
            SQLSubquery.select { $0.column("id").from("organizations").where(OrganizationRepository.pathRange(path, column: SQLColumn("path"))) })

        // One row per organisation (a region's thousand, not one per organisation, channel and type: decoding rows is
        // what costs here), the channels and types as columns.
        func occurrences(_ condition: SQLQueryString, as name: String) -> any SQLExpression {
            SQLAlias(SQLQueryString("SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END)"), as: SQLIdentifier(name))
        }
        var perAppeal = db.sql.select().from("appeals").column("organization_id")
            .column(SQLAlias(SQLRaw("COUNT(*)"), as: SQLIdentifier("n")))
            .column(occurrences("repeated_of_document_id IS NOT NULL", as: "repeated"))
            .column(occurrences("collective = \(bind: true)", as: "collective"))
            .column(occurrences("on_control = \(bind: true)", as: "on_control"))
        for (index, channel) in AppealChannel.allCases.enumerated() {
            perAppeal = perAppeal.column(occurrences("channel = \(bind: channel.rawValue)", as: "channel_\(index)"))
        }
        for (index, type) in AppealType.allCases.enumerated() {
            perAppeal = perAppeal.column(occurrences("appeal_type = \(bind: type.rawValue)", as: "type_\(index)"))
        }
        perAppeal = perAppeal
            .where("registered_on", .greaterThanOrEqual, from.iso).where("registered_on", .lessThanOrEqual, to.iso)
            .where(inSubtree)
        for row in try await perAppeal.groupBy("organization_id").all() {
            let n = try row.decode(column: "n", as: Int.self)
            counts.appeals += n
            counts.repeated += try row.decode(column: "repeated", as: Int?.self) ?? 0
            counts.collective += try row.decode(column: "collective", as: Int?.self) ?? 0
            counts.onControl += try row.decode(column: "on_control", as: Int?.self) ?? 0
            for (index, channel) in AppealChannel.allCases.enumerated() {
                let k = try row.decode(column: "channel_\(index)", as: Int?.self) ?? 0
                if k > 0 { counts.byChannel[channel, default: 0] += k }
            }
            for (index, type) in AppealType.allCases.enumerated() {
                let k = try row.decode(column: "type_\(index)", as: Int?.self) ?? 0
                if k > 0 { counts.byType[type, default: 0] += k }
            }
            if let name = names[try row.decode(column: "organization_id", as: String.self)] { counts.byTerritory[name, default: 0] += n }
        }

        // Grouped by the full code and the status only (in the index's order); sections and темы are summed here.
        var perQuestion = db.sql.select().from("appeal_questions")
            .column("topic_code").column("status")
            .column(SQLAlias(SQLRaw("COUNT(*)"), as: SQLIdentifier("n")))
            .column(SQLAlias(SQLQueryString("SUM(CASE WHEN measures_taken = \(bind: true) THEN 1 ELSE 0 END)"), as: SQLIdentifier("measures_taken")))
            .column(SQLAlias(SQLQueryString("SUM(CASE WHEN on_site = \(bind: true) THEN 1 ELSE 0 END)"), as: SQLIdentifier("on_site")))
            .column(SQLAlias(SQLQueryString("SUM(CASE WHEN closed_late = \(bind: true) THEN 1 ELSE 0 END)"), as: SQLIdentifier("closed_late")))
            .where("registered_on", .greaterThanOrEqual, from.iso).where("registered_on", .lessThanOrEqual, to.iso)
        if names.count < organizations { perQuestion = perQuestion.where(inSubtree) }
        for row in try await perQuestion.groupBy("topic_code").groupBy("status").all() {
            guard let status = QuestionStatus(rawValue: try row.decode(column: "status", as: String.self)),
                let code = TopicCode(try row.decode(column: "topic_code", as: String.self))
            else { continue }
            let n = try row.decode(column: "n", as: Int.self)
            counts.add(questions: n, topic: code, status: status,
                measuresTaken: try row.decode(column: "measures_taken", as: Int?.self) ?? 0,
                onSite: try row.decode(column: "on_site", as: Int?.self) ?? 0,
                late: try row.decode(column: "closed_late", as: Int?.self) ?? 0)
        }
        return counts
    }
}
