extension Migrations {
    /// Full-text search: the queue of documents to (re)index, filled by triggers so no write path can forget it; the
    /// text extracted from each blob once (content-addressed, so a file attached twice is read once); and one search
    /// entry per document — FTS5 over our own Russian stems on SQLite, a `tsvector` with the `russian` configuration
    /// and a GIN index on PostgreSQL.
    static let search = Migration(
        version: 6, name: "search",
        statements: [
            "CREATE TABLE search_queue (document_id {bin_text} PRIMARY KEY)",
            // state: pending (waiting for the extractor; claimed_until leases it to one worker), done, failed
            // (the reason says why, in Russian) or unavailable (a tool such as pdftotext is missing; retried by a
            // reindex).
            """
            CREATE TABLE extracted_texts (
                sha256 {bin_text} PRIMARY KEY REFERENCES blobs(sha256),
                state TEXT NOT NULL,
                reason TEXT,
                text TEXT,
                text_bytes BIGINT NOT NULL,
                claimed_until BIGINT,
                extracted_at BIGINT)
            """,
            "CREATE INDEX extracted_texts_by_state ON extracted_texts (state, claimed_until)",
            // The overdue facet and filter look up a document's open assignments.
            "CREATE INDEX assignments_by_document ON assignments (document_id, is_open, deadline)",
            // Everything already queued: every existing document gets indexed once.
            "INSERT INTO search_queue (document_id) SELECT id FROM documents",
        ],
        sqlite: [
            """
            CREATE TABLE search_entries (
                entry_id INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE REFERENCES documents(id),
            \(SearchEntryColumns.definitions),
                card_text TEXT NOT NULL,
                notice TEXT,
                indexed_at BIGINT NOT NULL)
            """,
            // The terms are our stems and number keys separated by spaces; rowid = search_entries.entry_id.
            """
            CREATE VIRTUAL TABLE search_terms USING fts5(
                terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')
            """,
        ] + sqliteQueueTriggers,
        postgres: [
            """
            CREATE TABLE search_entries (
                id TEXT COLLATE "C" PRIMARY KEY REFERENCES documents(id),
            \(SearchEntryColumns.definitions),
                card_text TEXT NOT NULL,
                notice TEXT,
                vector TSVECTOR NOT NULL,
                indexed_at BIGINT NOT NULL)
            """,
            "CREATE INDEX search_entries_vector ON search_entries USING GIN (vector)",
            """
            CREATE FUNCTION search_enqueue_document() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO search_queue (document_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
                IF TG_OP = 'UPDATE' THEN
                    UPDATE search_entries SET \(SearchEntryColumns.syncAssignments) WHERE id = NEW.id;
                END IF;
                RETURN NULL;
            END $$
            """,
            """
            CREATE FUNCTION search_enqueue_owner() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO search_queue (document_id) VALUES (NEW.document_id) ON CONFLICT DO NOTHING;
                RETURN NULL;
            END $$
            """,
            """
            CREATE TRIGGER search_enqueue_documents AFTER INSERT OR UPDATE ON documents
                FOR EACH ROW EXECUTE FUNCTION search_enqueue_document()
            """,
            """
            CREATE TRIGGER search_enqueue_attachments AFTER INSERT OR UPDATE ON attachments
                FOR EACH ROW EXECUTE FUNCTION search_enqueue_owner()
            """,
            """
            CREATE TRIGGER search_enqueue_resolutions AFTER INSERT OR UPDATE ON resolutions
                FOR EACH ROW EXECUTE FUNCTION search_enqueue_owner()
            """,
        ])

    /// SQLite triggers for the same three tables; `NOT EXISTS` instead of a conflict clause, because an outer
    /// statement's `OR …` clause would override one inside the trigger.
    private static var sqliteQueueTriggers: [String] {
        [("documents", "id"), ("attachments", "document_id"), ("resolutions", "document_id")].flatMap { table, column in
            ["INSERT", "UPDATE"].map { event in
                let sync = table == "documents" && event == "UPDATE"
                    ? "UPDATE search_entries SET \(SearchEntryColumns.syncAssignments) WHERE id = NEW.id;" : ""
                return """
                    CREATE TRIGGER search_enqueue_\(table)_\(event.lowercased()) AFTER \(event) ON \(table) BEGIN
                        INSERT INTO search_queue (document_id) SELECT NEW.\(column)
                        WHERE NOT EXISTS (SELECT 1 FROM search_queue WHERE document_id = NEW.\(column));
                        \(sync)
                    END
                    """
            }
        }
    }
}

/// The document columns every search entry carries, so that searches filter, count facets and check visibility on
/// the entries alone (aliased `d`, as `DocumentVisibility` and `DocumentRepository.apply` expect) and read the wide
/// documents table only for the page shown. The documents trigger keeps them equal in the same transaction as any
/// change, so access rules never lag behind the text index.
enum SearchEntryColumns {
    static let all: [(name: String, type: String)] = [
        ("organization_id", "{bin_text} NOT NULL"), ("organization_path", "{bin_text} NOT NULL"), ("kind", "TEXT NOT NULL"),
        ("state", "TEXT NOT NULL"), ("journal_id", "{bin_text}"), ("numbering_year", "INTEGER"), ("registration_date", "TEXT"),
        ("correspondent_id", "{bin_text}"), ("access_mark", "TEXT NOT NULL"), ("case_file_id", "{bin_text}"),
        ("created_by_user_id", "{bin_text} NOT NULL"), ("signer_employee_id", "{bin_text}"),
        ("executor_employee_id", "{bin_text}"), ("created_at", "BIGINT NOT NULL"),
    ]

    static var names: [String] { all.map(\.name) }

    /// Column definitions for `CREATE TABLE` (with the `{bin_text}` placeholder).
    static var definitions: String { all.map { "    \($0.name) \($0.type)" }.joined(separator: ",\n") }

    /// `a = NEW.a, b = NEW.b, …` for the trigger.
    static var syncAssignments: String { names.map { "\($0) = NEW.\($0)" }.joined(separator: ", ") }
}
