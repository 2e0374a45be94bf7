public import Foundation

/// A body of the region or an outside organisation: a node of the organisation tree.
public struct Organization: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var parentID: UUID?
    public var path: OrganizationPath
    public var kind: OrganizationKind
    /// Short name for lists and headers, e.g. «Минздрав РО».
    public var shortName: String
    /// Full official name, e.g. «Министерство здравоохранения Ростовской области».
    public var fullName: String
    public var inn: String?
    public var ogrn: String?
    /// IANA identifier; dates and deadlines of the organisation are counted in this zone.
    public var timeZone: String
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, parentID: UUID?, path: OrganizationPath, kind: OrganizationKind, shortName: String,
        fullName: String, inn: String?, ogrn: String?, timeZone: String, version: Int, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.parentID = parentID
        self.path = path
        self.kind = kind
        self.shortName = shortName
        self.fullName = fullName
        self.inn = inn
        self.ogrn = ogrn
        self.timeZone = timeZone
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The fields a person sets when creating or editing an organisation, before the rules have checked them.
public struct OrganizationDraft: Sendable, Equatable {
    public var parentID: UUID?
    public var kind: OrganizationKind
    public var shortName: String
    public var fullName: String
    public var inn: String?
    public var ogrn: String?
    public var timeZone: String?

    public init(
        parentID: UUID?, kind: OrganizationKind, shortName: String, fullName: String, inn: String? = nil,
        ogrn: String? = nil, timeZone: String? = nil
    ) {
        self.parentID = parentID
        self.kind = kind
        self.shortName = shortName
        self.fullName = fullName
        self.inn = inn
        self.ogrn = ogrn
        self.timeZone = timeZone
    }
}

extension Organization {
    /// The calendar date `instant` falls on in the organisation's time zone: registration dates, "today" for
    /// deadlines and overdue marks.
    public func date(at instant: Date) -> CalendarDate {
        CalendarDate(instant, in: TimeZone(identifier: timeZone) ?? .current)
    }
}
