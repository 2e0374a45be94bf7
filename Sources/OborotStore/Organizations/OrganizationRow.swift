import Foundation
public import OborotDomain

/// The storage shape of an organisation.
struct OrganizationRow: Codable, Sendable {
    var id: String
    var parentId: String?
    var path: String
    var depth: Int
    var kind: String
    var shortName: String
    var fullName: String
    var searchText: String
    var inn: String?
    var ogrn: String?
    var timeZone: String
    var version: Int
    var createdAt: Int64
    var updatedAt: Int64

    init(_ organization: Organization) {
        id = organization.id.lowercasedString
        parentId = organization.parentID?.lowercasedString
        path = organization.path.rawValue
        depth = organization.path.depth
        kind = organization.kind.rawValue
        shortName = organization.shortName
        fullName = organization.fullName
        searchText = SearchText.combine(organization.shortName, organization.fullName, organization.inn)
        inn = organization.inn
        ogrn = organization.ogrn
        timeZone = organization.timeZone
        version = organization.version
        createdAt = organization.createdAt.unixMilliseconds
        updatedAt = organization.updatedAt.unixMilliseconds
    }

    func organization() throws -> Organization {
        guard let kind = OrganizationKind(rawValue: kind) else {
            throw CorruptRowError(detail: "organization \(id) has unknown kind \(kind)")
        }
        return Organization(
            id: try UUID.stored(id), parentID: try parentId.map(UUID.stored), path: OrganizationPath(rawValue: path),
            kind: kind, shortName: shortName, fullName: fullName, inn: inn, ogrn: ogrn, timeZone: timeZone,
            version: version, createdAt: Date(unixMilliseconds: createdAt), updatedAt: Date(unixMilliseconds: updatedAt))
    }
}

/// An organisation with how many organisations sit directly under it, for tree views.
public struct OrganizationNode: Sendable, Equatable {
    public var organization: Organization
    public var childCount: Int

    public init(organization: Organization, childCount: Int) {
        self.organization = organization
        self.childCount = childCount
    }
}

struct OrganizationNodeRow: Decodable {
    var childCount: Int
    var row: OrganizationRow

    init(from decoder: any Decoder) throws {
        row = try OrganizationRow(from: decoder)
        let container = try decoder.container(keyedBy: Keys.self)
        childCount = try container.decode(Int.self, forKey: .childCount)
    }

    private enum Keys: String, CodingKey { case childCount }
}
