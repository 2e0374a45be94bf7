public import Foundation
public import OborotDomain
import SQLKit

/// An appeal as lists show it: no address, phone or e-mail (the card shows them to those who handle it).
public struct AppealListItem: Sendable, Equatable {
    public var documentID: UUID
    public var organizationID: UUID
    public var organizationName: String
    public var number: String?
    public var registeredOn: CalendarDate?
    public var receivedOn: CalendarDate
    public var applicantName: String
    public var title: String
    public var type: AppealType
    public var channel: AppealChannel
    public var currentDeadline: CalendarDate?
    public var isClosed: Bool
}

/// One appeal of a period with what the report and the ССТУ export need.
public struct PeriodAppeal: Sendable {
    public var appeal: Appeal
    public var organizationID: UUID
    public var organizationName: String
    public var number: String
    public var registeredOn: CalendarDate
    public var onControl: Bool
    public var answerDocumentID: UUID?
}

/// Which appeals a list shows.
public struct AppealFilter: Sendable {
    public enum Standing: String, Sendable, CaseIterable {
        case all, open, overdue, closed
    }

    public var organizationPath: OrganizationPath?
    public var standing: Standing
    public var receivedFrom: CalendarDate?
    public var receivedTo: CalendarDate?
    public var today: CalendarDate

    public init(organizationPath: OrganizationPath?, standing: Standing, receivedFrom: CalendarDate?, receivedTo: CalendarDate?, today: CalendarDate) {
        self.organizationPath = organizationPath
        self.standing = standing
        self.receivedFrom = receivedFrom
        self.receivedTo = receivedTo
        self.today = today
    }
}

extension AppealRepository {
    /// Appeals the actor may see, newest first.
    public func list(visibleTo actor: Actor, filter: AppealFilter, limit: Int) async throws -> [AppealListItem] {
        var query = db.sql.select()
            .column(SQLColumn("document_id", table: "a")).column(SQLColumn("organization_id", table: "a"))
            .column(SQLColumn("short_name", table: "o")).column(SQLColumn("registration_number", table: "d"))
            .column(SQLColumn("registration_date", table: "d")).column(SQLColumn("received_on", table: "a"))
            .column(SQLColumn("applicant_name", table: "a")).column(SQLColumn("title", table: "d"))
            .column(SQLColumn("appeal_type", table: "a")).column(SQLColumn("channel", table: "a"))
            .column(SQLColumn("current_deadline", table: "a")).column(SQLColumn("is_closed", table: "a"))
            .from(SQLAlias(SQLIdentifier("appeals"), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("d")), on: SQLColumn("id", table: "d"), .equal, SQLColumn("document_id", table: "a"))
            .join(SQLAlias(SQLIdentifier("organizations"), as: SQLIdentifier("o")), on: SQLColumn("id", table: "o"), .equal, SQLColumn("organization_id", table: "a"))
            .where(DocumentVisibility.condition(for: actor))
        if let path = filter.organizationPath {
            query = query.where(OrganizationRepository.pathRange(path, column: SQLColumn("organization_path", table: "d")))
        }
        if let from = filter.receivedFrom { query = query.where(SQLColumn("received_on", table: "a"), .greaterThanOrEqual, SQLBind(from.iso)) }
        if let to = filter.receivedTo { query = query.where(SQLColumn("received_on", table: "a"), .lessThanOrEqual, SQLBind(to.iso)) }
        switch filter.standing {
        case .all: break
        case .open: query = query.where(SQLColumn("is_closed", table: "a"), .equal, SQLBind(false))
        case .closed: query = query.where(SQLColumn("is_closed", table: "a"), .equal, SQLBind(true))
        case .overdue:
            query = query.where(SQLColumn("is_closed", table: "a"), .equal, SQLBind(false))
                .where(SQLColumn("current_deadline", table: "a"), .lessThan, SQLBind(filter.today.iso))
        }
        let rows = try await query
            .orderBy(SQLOrderBy(expression: SQLColumn("received_on", table: "a"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("document_id", table: "a"), direction: SQLDirection.descending))
            .limit(limit).all()
        return try rows.map { row in
            AppealListItem(
                documentID: try UUID.stored(row.decode(column: "document_id", as: String.self)),
                organizationID: try UUID.stored(row.decode(column: "organization_id", as: String.self)),
                organizationName: try row.decode(column: "short_name", as: String.self),
                number: try row.decode(column: "registration_number", as: String?.self),
                registeredOn: try row.decode(column: "registration_date", as: String?.self).flatMap { CalendarDate(iso: $0) },
                receivedOn: try CalendarDate.stored(row.decode(column: "received_on", as: String.self)),
                applicantName: try row.decode(column: "applicant_name", as: String.self),
                title: try row.decode(column: "title", as: String.self),
                type: AppealType(rawValue: try row.decode(column: "appeal_type", as: String.self)) ?? .statement,
                channel: AppealChannel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .post,
                currentDeadline: try row.decode(column: "current_deadline", as: String?.self).flatMap { CalendarDate(iso: $0) },
                isClosed: try row.decode(column: "is_closed", as: Bool.self))
        }
    }

    /// Appeals registered from `from` to `to` in an organisation's subtree that the actor may see, whole.
    public func period(visibleTo actor: Actor, under path: OrganizationPath, from: CalendarDate, to: CalendarDate) async throws -> [PeriodAppeal] {
        let rows = try await db.sql.select()
            .column(SQLColumn("document_id", table: "a")).column(SQLColumn("short_name", table: "o"))
            .column(SQLColumn("registration_number", table: "d"))
            .column(SQLColumn("organization_id", table: "a"))
            .column(SQLQueryString("EXISTS (SELECT 1 FROM resolutions r WHERE r.document_id = a.document_id AND r.controlled = \(bind: true)) AS on_control"))
            .from(SQLAlias(SQLIdentifier("appeals"), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier("documents"), as: SQLIdentifier("d")), on: SQLColumn("id", table: "d"), .equal, SQLColumn("document_id", table: "a"))
            .join(SQLAlias(SQLIdentifier("organizations"), as: SQLIdentifier("o")), on: SQLColumn("id", table: "o"), .equal, SQLColumn("organization_id", table: "a"))
            .where(DocumentVisibility.condition(for: actor))
            .where(OrganizationRepository.pathRange(path, column: SQLColumn("organization_path", table: "d")))
            .where(SQLColumn("registered_on", table: "a"), .greaterThanOrEqual, SQLBind(from.iso))
            .where(SQLColumn("registered_on", table: "a"), .lessThanOrEqual, SQLBind(to.iso))
            .orderBy(SQLColumn("registered_on", table: "a")).orderBy(SQLColumn("document_id", table: "a")).all()
        let ids = try rows.map { try UUID.stored($0.decode(column: "document_id", as: String.self)) }
        let appeals = try await findMany(ids)
        var result: [PeriodAppeal] = []
        for (row, id) in zip(rows, ids) {
            guard let stored = appeals[id], let term = stored.appeal.term else { continue }
            result.append(
                PeriodAppeal(
                    appeal: stored.appeal, organizationID: stored.organizationID,
                    organizationName: try row.decode(column: "short_name", as: String.self),
                    number: try row.decode(column: "registration_number", as: String?.self) ?? "",
                    registeredOn: term.registeredOn, onControl: try row.decode(column: "on_control", as: Bool.self),
                    answerDocumentID: stored.answerDocumentID))
        }
        return result
    }
}
