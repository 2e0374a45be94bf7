public import OborotDomain
public import Foundation
import SQLKit

/// Reads and writes document cards. Rules are the domain's; callers check them before writing.
public struct DocumentRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    /// A card with what access decisions need.
    public struct Loaded: Sendable {
        public var document: Document
        public var facts: DocumentAccess.Facts
    }

    /// The document and the access facts for `actor` (whether they hold an explicit grant).
    public func load(_ id: UUID, for actor: Actor, lockingRow: Bool = false) async throws -> Loaded? {
        let lock = lockingRow ? db.dialect.lockRowsClause : ""
        guard let row = try await db.sql.raw("SELECT * FROM documents WHERE id = \(bind: id.lowercasedString)\(unsafeRaw: lock)")
            .readRow(DocumentRow.self)
        else { return nil }
        let granted = try await hasGrant(documentID: id, userID: actor.principal.userID)
        return Loaded(document: try row.document(addressees: try await addressees(of: id)), facts: try row.accessFacts(hasExplicitGrant: granted))
    }

    /// A document regardless of who asks: for the system's own checks (the public signature page shows only what is
    /// safe to show), never for answering a person's request for the card.
    public func find(_ id: UUID) async throws -> Document? {
        guard let row = try await db.sql.raw("SELECT * FROM documents WHERE id = \(bind: id.lowercasedString)")
            .readRow(DocumentRow.self)
        else { return nil }
        return try row.document(addressees: [])
    }

    /// The document if `actor` may see it, otherwise `notFound` (existence of hidden documents must not leak).
    public func visible(_ id: UUID, to actor: Actor, lockingRow: Bool = false) async throws -> Loaded {
        guard let loaded = try await load(id, for: actor, lockingRow: lockingRow), DocumentAccess.canView(actor, loaded.facts)
        else { throw OborotError.notFound(.document) }
        return loaded
    }

    public func addressees(of id: UUID) async throws -> [Addressee] {
        try await db.sql.raw(
            "SELECT * FROM document_addressees WHERE document_id = \(bind: id.lowercasedString) ORDER BY position"
        ).rows(AddresseeRow.self).map { try $0.addressee() }
    }

    /// Stores a new card; a ДСП card also gets an explicit grant for its creator, who would otherwise lose sight of it.
    public func insert(_ document: Document, organizationPath: OrganizationPath) async throws {
        let row = DocumentRow(document, organizationPath: organizationPath)
        try await db.sql.raw("\(unsafeRaw: DocumentRow.insertPrefix)(\(binds: row.bindValues))").run()
        if !document.requisites.addressees.isEmpty {
            try await insertAddressees(of: document.id, document.requisites.addressees)
        }
        if document.requisites.accessMark == .restricted {
            try await grant(documentID: document.id, userID: document.createdByUserID, grantedBy: document.createdByUserID)
        }
    }

    /// Saves every field of an edited card if `expectedVersion` is still current; returns the new version.
    @discardableResult
    public func update(_ document: Document, organizationPath: OrganizationPath, expectedVersion: Int) async throws -> Int {
        var row = DocumentRow(document, organizationPath: organizationPath)
        row.version = expectedVersion + 1
        row.updatedAt = db.now.unixMilliseconds
        let assignments = SQLList(
            zip(DocumentRow.updateAssignments, row.bindValues.dropFirst()).map { SQLQueryString("\(unsafeRaw: $0)\(bind: $1)") },
            separator: SQLRaw(", "))
        let changed = try await db.sql.raw(
            "UPDATE documents SET \(assignments) WHERE id = \(bind: row.id) AND version = \(bind: expectedVersion) RETURNING version"
        ).all()
        if changed.isEmpty {
            let current = try await db.sql.select().column("version").from("documents").where("id", .equal, row.id).first()
            guard let version = try current?.decode(column: "version", as: Int.self) else { throw OborotError.notFound(.document) }
            throw OborotError.staleVersion(.document, expected: expectedVersion, actual: version)
        }
        try await replaceAddressees(of: document.id, with: document.requisites.addressees)
        return row.version
    }

    private func replaceAddressees(of id: UUID, with addressees: [Addressee]) async throws {
        try await db.sql.raw("DELETE FROM document_addressees WHERE document_id = \(bind: id.lowercasedString)").run()
        if !addressees.isEmpty { try await insertAddressees(of: id, addressees) }
    }

    private func insertAddressees(of id: UUID, _ addressees: [Addressee]) async throws {
        let rows = addressees.enumerated().map { AddresseeRow(documentID: id, position: $0.offset, addressee: $0.element) }
        try await db.sql.insert(into: "document_addressees").rows(rows).run()
    }

    // MARK: Explicit access

    public func hasGrant(documentID: UUID, userID: UUID) async throws -> Bool {
        try await db.sql.raw(
            "SELECT 1 AS granted FROM document_access WHERE document_id = \(bind: documentID.lowercasedString) AND user_id = \(bind: userID.lowercasedString)"
        ).first() != nil
    }

    public func grant(documentID: UUID, userID: UUID, grantedBy: UUID) async throws {
        try await db.sql.insert(into: "document_access").columns("document_id", "user_id", "granted_by_user_id", "granted_at")
            .values(
                SQLBind(documentID.lowercasedString), SQLBind(userID.lowercasedString), SQLBind(grantedBy.lowercasedString),
                SQLBind(db.now.unixMilliseconds)
            )
            .ignoringConflicts(with: ["document_id", "user_id"]).run()
    }

    public func revokeGrant(documentID: UUID, userID: UUID) async throws {
        try await db.sql.delete(from: "document_access")
            .where("document_id", .equal, documentID.lowercasedString).where("user_id", .equal, userID.lowercasedString).run()
    }

    /// Users given explicit access to a document.
    public func grantedUsers(documentID: UUID) async throws -> [UUID] {
        try await db.sql.select().column("user_id").from("document_access")
            .where("document_id", .equal, documentID.lowercasedString)
            .all().map { try UUID.stored($0.decode(column: "user_id", as: String.self)) }
    }

    // MARK: Journal checks

    /// Every (sequence, state) of a journal's period in order, for verifying that numbering has no gaps.
    public func sequences(journalID: UUID, numberingYear: Int) async throws -> [(sequence: Int, state: DocumentState)] {
        try await db.sql.select().column("sequence").column("state").from("documents")
            .where("journal_id", .equal, journalID.lowercasedString).where("numbering_year", .equal, numberingYear)
            .orderBy("sequence").all()
            .map { (try $0.decode(column: "sequence", as: Int.self), DocumentState(rawValue: try $0.decode(column: "state", as: String.self)) ?? .draft) }
    }
}

extension DocumentRepository {
    /// Stores many already-registered cards at once (demo data, imports, load tests). No addressees, no grants.
    public func insertBulk(_ documents: [Document], paths: [UUID: OrganizationPath]) async throws {
        try await insertBulk(rows: Self.bulkRows(documents, paths: paths))
    }

    /// Cards shaped for `insertBulk(rows:)`; kept apart so the shaping can run while the previous batch is written.
    static func bulkRows(_ documents: [Document], paths: [UUID: OrganizationPath]) -> [[BulkValue]] {
        documents.map { DocumentRow($0, organizationPath: paths[$0.organizationID] ?? .root($0.organizationID)).bulkValues }
    }

    func insertBulk(rows: [[BulkValue]]) async throws {
        try await db.bulk.copy(into: "documents", columns: DocumentRow.columns, rows: rows)
    }
}
