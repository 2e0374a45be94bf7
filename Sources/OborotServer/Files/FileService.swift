import Foundation
import NIOCore
import OborotDomain
import OborotStore

/// Files of documents: upload (streamed to the blob store first, recorded afterwards), versions, download.
///
/// | action | policy |
/// |---|---|
/// | upload a file or a new version | `DocumentAccess.canEdit` on an open document |
/// | upload a new file for a report | an executor of an open assignment on the document |
/// | download | `DocumentAccess.canView`; every download of a ДСП file is audited |
struct FileService: Sendable {
    let database: any Database
    let blobs: BlobStore
    let maxUploadBytes: Int64
    /// Deadlines of approval steps when a new version restarts a route.
    let calendar: CalendarService

    /// Checks, before reading any bytes, that the caller may add a file to the document.
    func checkCanUpload(_ caller: Caller, documentID: UUID, attachmentID: UUID?) async throws {
        try await database.read { db in
            let loaded = try await DocumentRepository(db).visible(documentID, to: caller.actor)
            try await Self.checkCanAdd(caller, loaded, attachmentID: attachmentID, db: db)
            if let attachmentID, try await AttachmentRepository(db).summary(attachmentID, documentID: documentID) == nil {
                throw OborotError.notFound(.attachment)
            }
        }
    }

    /// Editors add files and versions; an executor of an open assignment on the document adds new files (for
    /// reports), never versions of other people's files.
    private static func checkCanAdd(
        _ caller: Caller, _ loaded: DocumentRepository.Loaded, attachmentID: UUID?, db: DatabaseHandle
    ) async throws {
        if !DocumentAccess.canEdit(caller.actor, loaded.facts) {
            let heads = caller.actor.grants.filter { $0.role == .head }.map(\.organizationID)
            guard attachmentID == nil,
                try await ControlRepository(db).executesOpenAssignment(
                    documentID: loaded.document.id, userID: caller.actor.principal.userID, headOf: heads)
            else { throw OborotError.forbidden(DocumentTexts.editPolicy) }
        }
        if loaded.document.state == .cancelled || loaded.document.state == .filed {
            throw OborotError.documentClosed(loaded.document.state)
        }
    }

    /// Stores an uploaded file as a new attachment, or as the next version of `attachmentID`.
    func store<Chunks: AsyncSequence>(
        _ caller: Caller, documentID: UUID, attachmentID: UUID?, fileName rawName: String, declaredType: String?,
        chunks: Chunks
    ) async throws -> AttachmentVersion where Chunks.Element == ByteBuffer {
        let fileName = ContentDisposition.sanitizedFileName(rawName)
        let ingested: BlobStore.Ingested
        do {
            ingested = try await blobs.ingest(chunks, maxBytes: maxUploadBytes)
        } catch is BlobStore.TooLarge {
            throw OborotError.fileTooLarge(maxBytes: maxUploadBytes)
        }
        if let problem = FileChecks.problem(fileName: fileName, declaredType: declaredType, detected: ingested.fileType, size: ingested.size) {
            try await discardIfUnrecorded(ingested.sha256)
            throw problem
        }
        do {
            let workCalendar = try await calendar.current()
            return try await database.write { db in
                let loaded = try await DocumentRepository(db).visible(documentID, to: caller.actor, lockingRow: true)
                try await Self.checkCanAdd(caller, loaded, attachmentID: attachmentID, db: db)
                let attachments = AttachmentRepository(db)
                try await attachments.recordBlob(sha256: ingested.sha256, size: ingested.size, mimeType: ingested.fileType.mimeType)
                func version(_ attachment: UUID, _ number: Int) -> AttachmentVersion {
                    AttachmentVersion(
                        id: UUID(), attachmentID: attachment, number: number, sha256: ingested.sha256, size: ingested.size,
                        mimeType: ingested.fileType.mimeType, fileName: fileName, authorUserID: caller.actor.performingUserID,
                        createdAt: db.now)
                }
                let stored: AttachmentVersion
                if let attachmentID {
                    guard try await attachments.summary(attachmentID, documentID: documentID) != nil else {
                        throw OborotError.notFound(.attachment)
                    }
                    if try await SignatureRepository(db).isSigned(attachmentID: attachmentID) {
                        throw SignatureTexts.signedVersionFrozen
                    }
                    stored = try await attachments.addVersion({ version(attachmentID, $0) }, attachmentID: attachmentID)
                } else {
                    stored = version(UUID(), 1)
                    try await attachments.create(documentID: documentID, name: fileName, version: stored)
                }
                try await AuditLog(db).append(
                    caller.audit("document.file_upload", .document, documentID, FileTexts.uploaded(stored)))
                // Approvals were given to the old text: a route that has started begins again.
                if loaded.document.state == .draft, loaded.document.signedAt == nil {
                    let organization = try await OrganizationRepository(db).get(loaded.document.organizationID)
                    if let restarted = try await ApprovalService.restartAfterNewVersion(
                        document: loaded.document, organization: organization, calendar: workCalendar, db: db)
                    {
                        try await AuditLog(db).append(
                            caller.audit("approval.restart", .document, documentID, ApprovalServiceTexts.restarted(restarted, mode: restarted.restartMode)))
                    }
                }
                return stored
            }
        } catch {
            try? await discardIfUnrecorded(ingested.sha256)
            throw error
        }
    }

    /// A blob nobody recorded is removed at once instead of waiting for the sweeper.
    private func discardIfUnrecorded(_ sha256: String) async throws {
        let recorded = try await database.read { try await AttachmentRepository($0).blobIsRecorded(sha256) }
        if !recorded { blobs.removeUnrecorded(sha256) }
    }

    /// The version to download, after the visibility check; a ДСП document's download is audited.
    func versionForDownload(_ caller: Caller, documentID: UUID, attachmentID: UUID, number: Int?) async throws -> AttachmentVersion {
        let (version, restricted) = try await database.read { db in
            let loaded = try await DocumentRepository(db).visible(documentID, to: caller.actor)
            guard let summary = try await AttachmentRepository(db).summary(attachmentID, documentID: documentID),
                let version = summary.versions.first(where: { $0.number == (number ?? summary.currentVersion) })
            else { throw OborotError.notFound(.attachment) }
            return (version, loaded.document.requisites.accessMark == .restricted)
        }
        if restricted {
            _ = try await database.write { db in
                try await AuditLog(db).append(
                    caller.audit("document.restricted_file_view", .document, documentID, FileTexts.restrictedDownload(version)))
            }
        }
        return version
    }
}

/// What makes an uploaded file unacceptable.
enum FileChecks {
    static func problem(fileName: String, declaredType: String?, detected: FileType, size: Int64) -> OborotError? {
        if size == 0 { return OborotError.emptyFile }
        if !detected.matches(fileName: fileName) { return .fileTypeMismatch(fileName: fileName, detected: detected) }
        if let declared = declaredType?.split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
            declared != "application/octet-stream", !declared.isEmpty,
            let claimed = FileType.allCases.first(where: { $0.mimeType.hasPrefix(declared) }),
            claimed != detected, !(claimed == .text && detected == .xml), !(claimed == .zip && [.docx, .xlsx, .pptx, .odt, .ods].contains(detected))
        {
            return .fileTypeMismatch(fileName: fileName, detected: detected)
        }
        return nil
    }
}

extension OborotError {
    static func fileTooLarge(maxBytes: Int64) -> OborotError {
        OborotError(
            .payloadTooLarge, code: "file_too_large", title: "Файл слишком большой",
            detail: "Размер файла превышает допустимые \(maxBytes / (1024 * 1024)) МБ.")
    }

    static func fileTypeMismatch(fileName: String, detected: FileType) -> OborotError {
        OborotError(
            .unsupportedMediaType, code: "file_type_mismatch", title: "Содержимое файла не соответствует его типу",
            detail: "Файл «\(fileName)» по содержимому является \(FileTexts.typeName(detected)), а не тем, чем назван.")
    }

    static let emptyFile = OborotError(
        .unprocessable, code: "empty_file", title: "Пустой файл", detail: "Файл не содержит данных.")
}

/// Russian wording of the files area.
enum FileTexts {
    static func uploaded(_ version: AttachmentVersion) -> String {
        "Загружен файл «\(version.fileName)», версия \(version.number), \(version.size) байт, SHA-256 \(version.sha256.prefix(16))…"
    }

    static func restrictedDownload(_ version: AttachmentVersion) -> String {
        "Просмотр файла документа ДСП: «\(version.fileName)», версия \(version.number)"
    }

    static func typeName(_ type: FileType) -> String {
        switch type {
        case .unknown: "файлом неизвестного формата"
        case .text: "текстом"
        default: "файлом формата \(type.rawValue.uppercased())"
        }
    }
}
