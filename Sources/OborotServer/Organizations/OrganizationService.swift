import Foundation
import OborotDomain
import OborotStore

/// The organisation tree: browsing for everyone signed in, changes for administrators of the subtree.
///
/// | action | policy |
/// |---|---|
/// | list, search, tree, get | `signedIn` |
/// | create under P | `administers(P)`; a root needs `administersARoot` |
/// | edit X (and move it under P) | `administers(X)` (and `administers(P)`) |
struct OrganizationService: Sendable {
    let database: any Database

    func search(
        _ caller: Caller, text: String?, within scope: UUID?, kind: OrganizationKind?, limit: Int
    ) async throws -> [OrganizationNode] {
        try caller.actor.require(.signedIn)
        return try await database.read { db in
            let repository = OrganizationRepository(db)
            let scopePath = try await scope.asyncMap { try await repository.get($0).path }
            return try await repository.search(text ?? "", within: scopePath, kinds: kind.map { [$0] } ?? [], limit: limit)
        }
    }

    /// Direct children of an organisation, or the roots.
    func children(_ caller: Caller, of parentID: UUID?) async throws -> [OrganizationNode] {
        try caller.actor.require(.signedIn)
        return try await database.read { db in
            let repository = OrganizationRepository(db)
            if let parentID { _ = try await repository.get(parentID) }
            return try await repository.children(of: parentID)
        }
    }

    /// A subtree down to `depth` levels below `rootID` (or below the roots).
    func tree(_ caller: Caller, rootID: UUID?, depth: Int) async throws -> [OrganizationTree] {
        try caller.actor.require(.signedIn)
        return try await database.read { db in
            let repository = OrganizationRepository(db)
            if let rootID { _ = try await repository.get(rootID) }
            func level(_ parent: UUID?, remaining: Int) async throws -> [OrganizationTree] {
                var result: [OrganizationTree] = []
                for node in try await repository.children(of: parent) {
                    let children = remaining > 1 && node.childCount > 0
                        ? try await level(node.organization.id, remaining: remaining - 1) : []
                    result.append(OrganizationTree(node: node, children: children))
                }
                return result
            }
            return try await level(rootID, remaining: max(1, min(depth, 3)))
        }
    }

    /// An organisation with its chain of superiors and number of direct subordinates.
    func details(_ caller: Caller, id: UUID) async throws -> OrganizationDetails {
        try caller.actor.require(.signedIn)
        return try await database.read { db in
            let repository = OrganizationRepository(db)
            let organization = try await repository.get(id)
            let ancestorIDs = organization.path.ids.dropLast()
            let ancestors = try await repository.findMany(Array(ancestorIDs))
            let byID = Dictionary(uniqueKeysWithValues: ancestors.map { ($0.id, $0) })
            let childCount = try await repository.childCount(of: id)
            return OrganizationDetails(
                organization: organization, ancestors: ancestorIDs.compactMap { byID[$0] }, childCount: childCount)
        }
    }

    func create(_ caller: Caller, draft: OrganizationDraft) async throws -> Organization {
        try await database.write { db in
            let repository = OrganizationRepository(db)
            let parent = try await draft.parentID.asyncMap { try await repository.get($0) }
            try caller.actor.require(parent.map { .administers($0.path) } ?? .administersARoot)
            let cleaned = try OrganizationRules.validate(draft, parent: parent).get()
            let id = UUID()
            let organization = Organization(
                id: id, parentID: parent?.id, path: parent?.path.child(id) ?? .root(id), kind: cleaned.kind,
                shortName: cleaned.shortName, fullName: cleaned.fullName, inn: cleaned.inn, ogrn: cleaned.ogrn,
                timeZone: cleaned.timeZone ?? OrganizationRules.defaultTimeZone, version: 1, createdAt: db.now,
                updatedAt: db.now)
            try await repository.insert([organization])
            try await AuditLog(db).append(
                caller.audit("organization.create", .organization, id, OrganizationServiceTexts.created(organization)))
            return organization
        }
    }

    /// Applies `change` to the organisation if `expectedVersion` is still current.
    func update(
        _ caller: Caller, id: UUID, expectedVersion: Int, change: (inout OrganizationDraft) -> Void
    ) async throws -> Organization {
        try await database.write { db in
            let repository = OrganizationRepository(db)
            let existing = try await repository.get(id)
            try caller.actor.require(.administers(existing.path))
            var draft = OrganizationDraft(
                parentID: existing.parentID, kind: existing.kind, shortName: existing.shortName,
                fullName: existing.fullName, inn: existing.inn, ogrn: existing.ogrn, timeZone: existing.timeZone)
            change(&draft)
            let parent = try await draft.parentID.asyncMap { try await repository.get($0) }
            if draft.parentID != existing.parentID {
                try caller.actor.require(parent.map { .administers($0.path) } ?? .administersARoot)
            }
            let cleaned = try OrganizationRules.validate(draft, parent: parent, existing: existing).get()
            if existing.version != expectedVersion {
                throw OborotError.staleVersion(.organization, expected: expectedVersion, actual: existing.version)
            }
            var updated = existing
            updated.parentID = parent?.id
            updated.path = parent?.path.child(id) ?? .root(id)
            updated.kind = cleaned.kind
            updated.shortName = cleaned.shortName
            updated.fullName = cleaned.fullName
            updated.inn = cleaned.inn
            updated.ogrn = cleaned.ogrn
            updated.timeZone = cleaned.timeZone ?? existing.timeZone
            updated.updatedAt = db.now
            try await repository.update(updated, expectedVersion: expectedVersion, previousPath: existing.path)
            updated.version = expectedVersion + 1
            try await AuditLog(db).append(
                caller.audit("organization.update", .organization, id, OrganizationServiceTexts.updated(existing, updated)))
            return updated
        }
    }
}

/// A node with its loaded children, for the tree endpoint.
struct OrganizationTree: Sendable {
    var node: OrganizationNode
    var children: [OrganizationTree]
}

/// An organisation in context.
struct OrganizationDetails: Sendable {
    var organization: Organization
    var ancestors: [Organization]
    var childCount: Int
}

/// Russian wording of organisation audit events.
enum OrganizationServiceTexts {
    static func created(_ organization: Organization) -> String {
        "Создана организация «\(organization.shortName)» (\(organization.kind.russianName))"
    }

    static func updated(_ before: Organization, _ after: Organization) -> String {
        var changes: [String] = []
        if before.shortName != after.shortName { changes.append("краткое наименование «\(before.shortName)» → «\(after.shortName)»") }
        if before.fullName != after.fullName { changes.append("полное наименование") }
        if before.kind != after.kind { changes.append("вид «\(before.kind.russianName)» → «\(after.kind.russianName)»") }
        if before.parentID != after.parentID { changes.append("вышестоящая организация") }
        if before.inn != after.inn { changes.append("ИНН") }
        if before.ogrn != after.ogrn { changes.append("ОГРН") }
        if before.timeZone != after.timeZone { changes.append("часовой пояс \(after.timeZone)") }
        let list = changes.isEmpty ? "без изменений" : changes.joined(separator: ", ")
        return "Изменена организация «\(after.shortName)»: \(list)"
    }
}
