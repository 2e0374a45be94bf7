import Foundation
import Hummingbird
import OborotDomain
import OborotExchange
import OborotStore

/// «Сравнить версии»: the text of two versions of a DOCX, ODT, TXT or RTF file and a line diff between them, so an
/// approver sees what changed since the version they refused.
///
/// | action | policy |
/// |---|---|
/// | compare two versions | `DocumentAccess.canView`; a ДСП document's comparison is audited like a download |
struct VersionComparison: Sendable {
    let database: any Database
    let blobs: BlobStore
    /// Lines beyond this are not sent: a comparison is for reading, not for transferring whole books.
    static let maxLines = 20_000

    struct Result: Sendable {
        var old: AttachmentVersion
        var new: AttachmentVersion
        var lines: [TextDiff.Line]
        var summary: TextDiff.Summary
        var truncated: Bool
    }

    func compare(_ caller: Caller, documentID: UUID, attachmentID: UUID, from: Int?, to: Int?) async throws -> Result {
        let (summary, restricted) = try await database.read { db in
            let loaded = try await DocumentRepository(db).visible(documentID, to: caller.actor)
            guard let summary = try await AttachmentRepository(db).summary(attachmentID, documentID: documentID) else {
                throw OborotError.notFound(.attachment)
            }
            return (summary, loaded.document.requisites.accessMark == .restricted)
        }
        let newNumber = to ?? summary.currentVersion
        let oldNumber = from ?? newNumber - 1
        guard let new = summary.versions.first(where: { $0.number == newNumber }),
            let old = summary.versions.first(where: { $0.number == oldNumber }), oldNumber != newNumber
        else { throw ComparisonTexts.noSuchVersions }
        let oldText = try text(of: old)
        let newText = try text(of: new)
        if restricted {
            _ = try await database.write { db in
                try await AuditLog(db).append(
                    caller.audit("document.restricted_file_view", .document, documentID, ComparisonTexts.restrictedCompare(old, new)))
            }
        }
        let lines = TextDiff.lines(from: oldText, to: newText)
        return Result(
            old: old, new: new, lines: Array(lines.prefix(Self.maxLines)), summary: TextDiff.summary(lines),
            truncated: lines.count > Self.maxLines)
    }

    /// Whether a version's format can be compared (for the link on the card).
    static func isComparable(_ version: AttachmentVersion) -> Bool {
        DocumentText.format(fileName: version.fileName, mimeType: version.mimeType) != nil
    }

    private func text(of version: AttachmentVersion) throws -> String {
        guard let format = DocumentText.format(fileName: version.fileName, mimeType: version.mimeType) else {
            throw ComparisonTexts.unsupported(version.fileName)
        }
        do {
            return try DocumentText.extract(fileAt: blobs.filePath(of: version.sha256), format: format)
        } catch {
            throw ComparisonTexts.unreadable(version, reason: error.reason)
        }
    }
}

/// Russian wording of version comparison.
enum ComparisonTexts {
    static let noSuchVersions = OborotError(
        .notFound, code: "versions_not_found", title: "Версии не найдены",
        detail: "Для сравнения укажите две разные существующие версии файла.")

    static func unsupported(_ fileName: String) -> OborotError {
        OborotError(
            .unsupportedMediaType, code: "compare_unsupported", title: "Сравнение недоступно",
            detail: "Версии файла «\(fileName)» не сравниваются: сравнение доступно для DOCX, ODT, TXT и RTF.")
    }

    static func unreadable(_ version: AttachmentVersion, reason: String) -> OborotError {
        OborotError(
            .unprocessable, code: "compare_unreadable", title: "Текст не извлечён",
            detail: "Не удалось извлечь текст версии \(version.number) файла «\(version.fileName)»: \(reason)")
    }

    static func restrictedCompare(_ old: AttachmentVersion, _ new: AttachmentVersion) -> String {
        "Сравнение версий \(old.number) и \(new.number) файла документа ДСП «\(new.fileName)»"
    }
}

/// `GET /api/v1/documents/{id}/files/{attachmentId}/diff?from=N&to=M`: the comparison as JSON (`VersionDiff`).
enum ComparisonRoutes {
    static func add(to router: Router<AppRequestContext>, comparison: VersionComparison) {
        router.get("/api/v1/documents/:documentId/files/:attachmentId/diff") { request, context in
            let query = request.uri.queryParameters
            let result = try await comparison.compare(
                try ApprovalRoutes.caller(), documentID: try context.pathID("documentId", .document),
                attachmentID: try context.pathID("attachmentId", .attachment),
                from: try RequestValues.integer(query["from"], field: "from"), to: try RequestValues.integer(query["to"], field: "to"))
            return try FileRoutes.jsonResponse(status: .ok, DiffJSON(result))
        }
    }

    struct DiffJSON: Encodable {
        struct Line: Encodable {
            var change: String
            var text: String
            var oldNumber: Int?
            var newNumber: Int?
        }
        var from: Int
        var to: Int
        var added: Int
        var removed: Int
        var truncated: Bool
        var lines: [Line]

        init(_ result: VersionComparison.Result) {
            from = result.old.number
            to = result.new.number
            added = result.summary.added
            removed = result.summary.removed
            truncated = result.truncated
            lines = result.lines.map { Line(change: $0.change.rawValue, text: $0.text, oldNumber: $0.oldNumber, newNumber: $0.newNumber) }
        }
    }
}
