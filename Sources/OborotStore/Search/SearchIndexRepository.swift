public import Foundation
public import OborotDomain
import SQLKit

/// A document's searchable source as stored: the card fields, and each current file with its extraction state.
public struct SearchSource: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var fileName: String
        public var mimeType: String
        public var sha256: String
        /// nil when the blob was never seen by the extractor.
        public var state: ExtractedTextState?
        public var reason: String?
        public var text: String?
    }

    public var documentID: UUID
    public var card: SearchEntry.Card
    public var files: [File]
}

/// Where a blob's text stands.
public enum ExtractedTextState: String, Sendable, Equatable {
    case pending
    case done
    case failed
    /// A tool is missing (pdftotext); a reindex tries again.
    case unavailable
    /// Nothing to extract from this format (pictures, spreadsheets).
    case skipped
}

/// A blob waiting for text extraction, with a name and type to tell its format by.
public struct PendingText: Sendable, Equatable {
    public var sha256: String
    public var fileName: String
    public var mimeType: String
}

/// How far indexing has got.
public struct SearchIndexStatus: Sendable, Equatable {
    public var queuedDocuments: Int
    public var indexedDocuments: Int
    public var pendingTexts: Int
    public var failedTexts: Int
    public var unavailableTexts: Int
    public var extractedTextBytes: Int64
}

/// The search index's writes: the queue the triggers fill, the extracted texts, and the entries.
public struct SearchIndexRepository: Sendable {
    let db: DatabaseHandle

    public init(_ db: DatabaseHandle) { self.db = db }

    /// Takes up to `limit` queued documents off the queue (inside the caller's write transaction, so a failure puts
    /// them back). On PostgreSQL rows another instance has claimed are skipped.
    public func claimQueued(limit: Int) async throws -> [UUID] {
        let skipLocked = db.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await db.sql.raw(
            """
            DELETE FROM search_queue WHERE document_id IN (
                SELECT document_id FROM search_queue LIMIT \(bind: limit)\(unsafeRaw: skipLocked))
            RETURNING document_id
            """
        ).all().map { try UUID.stored(try $0.decode(column: "document_id", as: String.self)) }
    }

    /// Puts every document on the queue (a full reindex), and makes blobs whose extraction failed for a missing tool
    /// pending again; returns how many documents are queued.
    @discardableResult
    public func queueEverything() async throws -> Int {
        try await db.sql.raw(
            "INSERT INTO search_queue (document_id) SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM search_queue q WHERE q.document_id = d.id)"
        ).run()
        try await db.sql.raw(
            "UPDATE extracted_texts SET state = 'pending', claimed_until = NULL WHERE state = 'unavailable'"
        ).run()
        return try await count("SELECT COUNT(*) AS n FROM search_queue")
    }

    /// The searchable sources of `ids` (documents that no longer exist are left out).
    public func sources(_ ids: [UUID]) async throws -> [SearchSource] {
        guard !ids.isEmpty else { return [] }
        let keys = ids.map(\.lowercasedString)
        // On PostgreSQL a concurrent edit of a card waits until its entry is written, so the entry's copy of the
        // access columns can never be older than the edit (the documents trigger then updates it).
        let shareLock = db.dialect == .postgres ? " FOR SHARE OF d" : ""
        let cards = try await db.sql.raw(
            """
            SELECT d.id, d.title, d.registration_number, d.correspondent_number, d.notes, c.name AS correspondent_name
            FROM documents d LEFT JOIN correspondents c ON c.id = d.correspondent_id
            WHERE d.id IN \(SQLBind.group(keys))\(unsafeRaw: shareLock)
            """
        ).all()
        let resolutions = try await db.sql.raw(
            """
            SELECT document_id, text FROM resolutions
            WHERE document_id IN \(SQLBind.group(keys)) AND state <> 'draft' ORDER BY created_at
            """
        ).all()
        let files = try await db.sql.raw(
            """
            SELECT a.document_id, v.file_name, v.mime_type, v.sha256, e.state, e.reason, e.text
            FROM attachments a
            JOIN attachment_versions v ON v.attachment_id = a.id AND v.number = a.current_version
            LEFT JOIN extracted_texts e ON e.sha256 = v.sha256
            WHERE a.document_id IN \(SQLBind.group(keys)) ORDER BY a.created_at, a.id
            """
        ).all()
        var resolutionTexts: [String: [String]] = [:]
        for row in resolutions {
            resolutionTexts[try row.decode(column: "document_id", as: String.self), default: []]
                .append(try row.decode(column: "text", as: String.self))
        }
        var filesByDocument: [String: [SearchSource.File]] = [:]
        for row in files {
            let file = SearchSource.File(
                fileName: try row.decode(column: "file_name", as: String.self),
                mimeType: try row.decode(column: "mime_type", as: String.self),
                sha256: try row.decode(column: "sha256", as: String.self),
                state: try row.decode(column: "state", as: String?.self).flatMap(ExtractedTextState.init(rawValue:)),
                reason: try row.decode(column: "reason", as: String?.self),
                text: try row.decode(column: "text", as: String?.self))
            filesByDocument[try row.decode(column: "document_id", as: String.self), default: []].append(file)
        }
        return try cards.map { row in
            let id = try row.decode(column: "id", as: String.self)
            return SearchSource(
                documentID: try UUID.stored(id),
                card: SearchEntry.Card(
                    title: try row.decode(column: "title", as: String.self),
                    registrationNumber: try row.decode(column: "registration_number", as: String?.self),
                    correspondentName: try row.decode(column: "correspondent_name", as: String?.self),
                    correspondentNumber: try row.decode(column: "correspondent_number", as: String?.self),
                    notes: try row.decode(column: "notes", as: String?.self),
                    resolutionTexts: resolutionTexts[id] ?? []),
                files: filesByDocument[id] ?? [])
        }
    }

    /// Records blobs the extractor has not seen: `pending` for formats it reads, `skipped` for the rest.
    public func registerBlobs(_ blobs: [(sha256: String, state: ExtractedTextState)]) async throws {
        for blob in blobs {
            try await db.sql.raw(
                """
                INSERT INTO extracted_texts (sha256, state, text_bytes)
                SELECT \(bind: blob.sha256), \(bind: blob.state.rawValue), 0
                WHERE NOT EXISTS (SELECT 1 FROM extracted_texts WHERE sha256 = \(bind: blob.sha256))
                """
            ).run()
        }
    }

    /// Writes (or replaces) the entries of documents.
    public func write(_ entries: [(documentID: UUID, entry: SearchEntry)]) async throws {
        for (documentID, entry) in entries {
            switch db.dialect {
            case .sqlite: try await writeSQLite(documentID, entry)
            case .postgres: try await writePostgres(documentID, entry)
            }
        }
    }

    /// Removes the entries of documents that are gone.
    public func remove(_ documentIDs: [UUID]) async throws {
        guard !documentIDs.isEmpty else { return }
        let keys = documentIDs.map(\.lowercasedString)
        if db.dialect == .sqlite {
            try await db.sql.raw(
                "DELETE FROM search_terms WHERE rowid IN (SELECT entry_id FROM search_entries WHERE id IN \(SQLBind.group(keys)))"
            ).run()
        }
        try await db.sql.raw("DELETE FROM search_entries WHERE id IN \(SQLBind.group(keys))").run()
    }

    /// The entry's copy of the card's filter and access columns, read from the card itself.
    private var copiedColumns: String { SearchEntryColumns.names.map { "d.\($0)" }.joined(separator: ", ") }
    private var copiedUpdates: String { SearchEntryColumns.names.map { "\($0) = excluded.\($0)" }.joined(separator: ", ") }
    private var columnList: String { SearchEntryColumns.names.joined(separator: ", ") }

    private func writeSQLite(_ documentID: UUID, _ entry: SearchEntry) async throws {
        // Deleting a rowid the contentless index never had still costs a look into every segment, so only entries
        // that existed have their old terms deleted.
        let existed = try await db.sql.raw(
            "SELECT entry_id FROM search_entries WHERE id = \(bind: documentID.lowercasedString)"
        ).first() != nil
        let row = try await db.sql.raw(
            """
            INSERT INTO search_entries (id, \(unsafeRaw: columnList), card_text, notice, indexed_at)
            SELECT d.id, \(unsafeRaw: copiedColumns), \(bind: entry.cardText), \(bind: entry.notice), \(bind: db.now.unixMilliseconds)
            FROM documents d WHERE d.id = \(bind: documentID.lowercasedString)
            ON CONFLICT (id) DO UPDATE SET \(unsafeRaw: copiedUpdates),
                card_text = excluded.card_text, notice = excluded.notice, indexed_at = excluded.indexed_at
            RETURNING entry_id
            """
        ).first()
        guard let entryID = try row?.decode(column: "entry_id", as: Int64.self) else { return }
        if existed { try await db.sql.raw("DELETE FROM search_terms WHERE rowid = \(bind: entryID)").run() }
        let terms = (entry.wordTerms + entry.numberTerms).joined(separator: " ")
        try await db.sql.raw("INSERT INTO search_terms (rowid, terms) VALUES (\(bind: entryID), \(bind: terms))").run()
    }

    private func writePostgres(_ documentID: UUID, _ entry: SearchEntry) async throws {
        // «ё» read as «е», as the query side does, whatever the server's Snowball version does with it.
        let text = (entry.fileText.isEmpty ? entry.cardText : entry.cardText + "\n" + entry.fileText)
            .replacingOccurrences(of: "ё", with: "е").replacingOccurrences(of: "Ё", with: "Е")
        try await db.sql.raw(
            """
            INSERT INTO search_entries (id, \(unsafeRaw: columnList), card_text, notice, vector, indexed_at)
            SELECT d.id, \(unsafeRaw: copiedColumns), \(bind: entry.cardText), \(bind: entry.notice),
                to_tsvector('russian', \(bind: text)) || setweight(to_tsvector('simple', \(bind: entry.exactTerms.joined(separator: " "))), 'A'),
                \(bind: db.now.unixMilliseconds)
            FROM documents d WHERE d.id = \(bind: documentID.lowercasedString)
            ON CONFLICT (id) DO UPDATE SET \(unsafeRaw: copiedUpdates),
                card_text = excluded.card_text, notice = excluded.notice, vector = excluded.vector,
                indexed_at = excluded.indexed_at
            """
        ).run()
    }

    // MARK: Extraction

    /// Leases up to `limit` pending blobs to this worker for `lease` seconds (a crashed worker's lease runs out).
    public func claimPendingTexts(limit: Int, lease: TimeInterval) async throws -> [PendingText] {
        let now = db.now.unixMilliseconds
        let until = db.now.addingTimeInterval(lease).unixMilliseconds
        let claimed = try await db.sql.raw(
            """
            UPDATE extracted_texts SET claimed_until = \(bind: until)
            WHERE sha256 IN (
                SELECT sha256 FROM extracted_texts
                WHERE state = 'pending' AND (claimed_until IS NULL OR claimed_until < \(bind: now))
                LIMIT \(bind: limit))
            RETURNING sha256
            """
        ).all().map { try $0.decode(column: "sha256", as: String.self) }
        var pending: [PendingText] = []
        for sha256 in claimed {
            let row = try await db.sql.raw(
                "SELECT file_name, mime_type FROM attachment_versions WHERE sha256 = \(bind: sha256) ORDER BY created_at LIMIT 1"
            ).first()
            pending.append(
                PendingText(
                    sha256: sha256, fileName: try row?.decode(column: "file_name", as: String.self) ?? "",
                    mimeType: try row?.decode(column: "mime_type", as: String.self) ?? "application/octet-stream"))
        }
        return pending
    }

    /// Stores an extraction's outcome and queues every document that has the blob, so their entries get the text.
    public func saveText(sha256: String, state: ExtractedTextState, text: String?, reason: String?) async throws {
        try await db.sql.raw(
            """
            UPDATE extracted_texts SET state = \(bind: state.rawValue), text = \(bind: text), reason = \(bind: reason),
                text_bytes = \(bind: Int64(text?.utf8.count ?? 0)), claimed_until = NULL,
                extracted_at = \(bind: db.now.unixMilliseconds)
            WHERE sha256 = \(bind: sha256)
            """
        ).run()
        try await db.sql.raw(
            """
            INSERT INTO search_queue (document_id)
            SELECT DISTINCT a.document_id FROM attachment_versions v JOIN attachments a ON a.id = v.attachment_id
            WHERE v.sha256 = \(bind: sha256)
              AND NOT EXISTS (SELECT 1 FROM search_queue q WHERE q.document_id = a.document_id)
            """
        ).run()
    }

    /// Where the text of each blob stands (blobs the extractor has not seen yet are missing).
    public func textStates(_ sha256s: [String]) async throws -> [String: (state: ExtractedTextState, reason: String?)] {
        guard !sha256s.isEmpty else { return [:] }
        var states: [String: (state: ExtractedTextState, reason: String?)] = [:]
        for row in try await db.sql.raw(
            "SELECT sha256, state, reason FROM extracted_texts WHERE sha256 IN \(SQLBind.group(sha256s))"
        ).all() {
            guard let state = ExtractedTextState(rawValue: try row.decode(column: "state", as: String.self)) else { continue }
            states[try row.decode(column: "sha256", as: String.self)] = (state, try row.decode(column: "reason", as: String?.self))
        }
        return states
    }

    /// Whether anything waits to be indexed or extracted: two index probes, cheap enough for every search.
    public func isBehind() async throws -> Bool {
        try await db.sql.raw(
            """
            SELECT CASE WHEN EXISTS (SELECT 1 FROM search_queue)
                OR EXISTS (SELECT 1 FROM extracted_texts WHERE state = 'pending') THEN 1 ELSE 0 END AS behind
            """
        ).first()?.decode(column: "behind", as: Int.self) == 1
    }

    public func status() async throws -> SearchIndexStatus {
        let texts = try await db.sql.raw(
            "SELECT state, COUNT(*) AS n, CAST(SUM(text_bytes) AS BIGINT) AS bytes FROM extracted_texts GROUP BY state"
        ).all()
        var byState: [String: Int] = [:]
        var bytes: Int64 = 0
        for row in texts {
            byState[try row.decode(column: "state", as: String.self)] = try row.decode(column: "n", as: Int.self)
            bytes += try row.decode(column: "bytes", as: Int64?.self) ?? 0
        }
        return SearchIndexStatus(
            queuedDocuments: try await count("SELECT COUNT(*) AS n FROM search_queue"),
            indexedDocuments: try await count("SELECT COUNT(*) AS n FROM search_entries"),
            pendingTexts: byState["pending"] ?? 0, failedTexts: byState["failed"] ?? 0,
            unavailableTexts: byState["unavailable"] ?? 0, extractedTextBytes: bytes)
    }

    private func count(_ sql: String) async throws -> Int {
        try await db.sql.raw(SQLQueryString(stringLiteral: sql)).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
