import OborotDomain
public import Foundation
import SQLKit

/// A file attached to a document, with its versions newest first.
public struct AttachmentSummary: Sendable, Equatable {
    public var id: UUID
    public var documentID: UUID
    public var name: String
    public var currentVersion: Int
    public var versions: [AttachmentVersion]

    /// The version in force (the one sent, signed and shown).
    public var current: AttachmentVersion? { versions.first { $0.number == currentVersion } }
}

/// One version of an attached file; the bytes live in the blob store under `sha256`.
public struct AttachmentVersion: Sendable, Equatable {
    public var id: UUID
    public var attachmentID: UUID
    public var number: Int
    public var sha256: String
    public var size: Int64
    public var mimeType: String
    public var fileName: String
    public var authorUserID: UUID
    public var createdAt: Date

    public init(
        id: UUID, attachmentID: UUID, number: Int, sha256: String, size: Int64, mimeType: String, fileName: String,
        authorUserID: UUID, createdAt: Date
    ) {
        self.id = id
        self.attachmentID = attachmentID
        self.number = number
        self.sha256 = sha256
        self.size = size
        self.mimeType = mimeType
        self.fileName = fileName
        self.authorUserID = authorUserID
        self.createdAt = createdAt
    }
}

/// Attachments, their versions and the blob rows they point at.
public struct AttachmentRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    struct VersionRow: Codable, Sendable {
        var id: String
        var attachmentId: String
        var number: Int
        var sha256: String
        var size: Int64
        var mimeType: String
        var fileName: String
        var authorUserId: String
        var createdAt: Int64

        func version() throws -> AttachmentVersion {
            AttachmentVersion(
                id: try UUID.stored(id), attachmentID: try UUID.stored(attachmentId), number: number, sha256: sha256,
                size: size, mimeType: mimeType, fileName: fileName, authorUserID: try UUID.stored(authorUserId),
                createdAt: Date(unixMilliseconds: createdAt))
        }
    }

    /// Every attachment of a document with all versions.
    public func summaries(documentID: UUID) async throws -> [AttachmentSummary] {
        let attachments = try await db.sql.select().column("*").from("attachments")
            .where("document_id", .equal, documentID.lowercasedString).orderBy("created_at").all()
        var result: [AttachmentSummary] = []
        for row in attachments {
            let id = try row.decode(column: "id", as: String.self)
            let versions = try await db.sql.select().column("*").from("attachment_versions")
                .where("attachment_id", .equal, id).orderBy("number", .descending)
                .rows(VersionRow.self).map { try $0.version() }
            result.append(
                AttachmentSummary(
                    id: try UUID.stored(id), documentID: documentID, name: try row.decode(column: "name", as: String.self),
                    currentVersion: try row.decode(column: "current_version", as: Int.self), versions: versions))
        }
        return result
    }

    /// One attachment of a document (nil when it belongs to another document).
    public func summary(_ id: UUID, documentID: UUID) async throws -> AttachmentSummary? {
        try await summaries(documentID: documentID).first { $0.id == id }
    }

    /// Records a blob that is already safely in the blob store; a blob seen before is left as it is.
    public func recordBlob(sha256: String, size: Int64, mimeType: String) async throws {
        try await db.sql.insert(into: "blobs").columns("sha256", "size", "mime_type", "created_at")
            .values(SQLBind(sha256), SQLBind(size), SQLBind(mimeType), SQLBind(db.now.unixMilliseconds))
            .ignoringConflicts(with: ["sha256"]).run()
    }

    /// Creates an attachment with its first version.
    public func create(documentID: UUID, name: String, version: AttachmentVersion) async throws {
        try await db.sql.insert(into: "attachments")
            .columns("id", "document_id", "name", "current_version", "created_at", "updated_at")
            .values(
                SQLBind(version.attachmentID.lowercasedString), SQLBind(documentID.lowercasedString), SQLBind(name),
                SQLBind(1), SQLBind(db.now.unixMilliseconds), SQLBind(db.now.unixMilliseconds)
            ).run()
        try await insert(version)
    }

    /// Creates many attachments, each with its one version, in two bulk statements (copies of a sent letter's
    /// files in every addressee's incoming card; the blobs are shared, being content-addressed).
    public func createCopies(_ copies: [(documentID: UUID, name: String, version: AttachmentVersion)]) async throws {
        guard !copies.isEmpty else { return }
        let now = db.now.unixMilliseconds
        try await db.bulk.copy(
            into: "attachments", columns: ["id", "document_id", "name", "current_version", "created_at", "updated_at"],
            rows: copies.map { copy in
                [
                    .text(copy.version.attachmentID.lowercasedString), .text(copy.documentID.lowercasedString),
                    .text(copy.name), .integer(Int64(copy.version.number)), .integer(now), .integer(now),
                ]
            })
        try await db.bulk.copy(
            into: "attachment_versions",
            columns: ["id", "attachment_id", "number", "sha256", "size", "mime_type", "file_name", "author_user_id", "created_at"],
            rows: copies.map { copy in
                let v = copy.version
                return [
                    .text(v.id.lowercasedString), .text(v.attachmentID.lowercasedString), .integer(Int64(v.number)),
                    .text(v.sha256), .integer(v.size), .text(v.mimeType), .text(v.fileName),
                    .text(v.authorUserID.lowercasedString), .integer(v.createdAt.unixMilliseconds),
                ]
            })
    }

    /// Adds the next version to an attachment; the row lock on the attachment orders concurrent uploads.
    public func addVersion(_ make: (Int) -> AttachmentVersion, attachmentID: UUID) async throws -> AttachmentVersion {
        let current = try await db.sql.raw(
            "SELECT current_version FROM attachments WHERE id = \(bind: attachmentID.lowercasedString)\(unsafeRaw: db.dialect.lockRowsClause)"
        ).first()
        guard let number = try current?.decode(column: "current_version", as: Int.self) else {
            throw OborotError.notFound(.attachment)
        }
        let version = make(number + 1)
        try await insert(version)
        try await db.sql.update("attachments").set("current_version", to: version.number)
            .set("updated_at", to: db.now.unixMilliseconds)
            .where("id", .equal, attachmentID.lowercasedString).run()
        return version
    }

    private func insert(_ version: AttachmentVersion) async throws {
        try await db.sql.insert(into: "attachment_versions").rows([
            VersionRow(
                id: version.id.lowercasedString, attachmentId: version.attachmentID.lowercasedString, number: version.number,
                sha256: version.sha256, size: version.size, mimeType: version.mimeType, fileName: version.fileName,
                authorUserId: version.authorUserID.lowercasedString, createdAt: version.createdAt.unixMilliseconds)
        ]).run()
    }

    /// Whether a blob is known to the database (the sweeper keeps those).
    public func blobIsRecorded(_ sha256: String) async throws -> Bool {
        try await db.sql.select().column("sha256").from("blobs").where("sha256", .equal, sha256).first() != nil
    }
}
