extension Migrations {
    /// Correspondents, journals with their counters, the nomenclature of case files, documents, their addressees,
    /// explicit access, links, and files (blobs, attachments, versions).
    static let documents = Migration(
        version: 2, name: "documents",
        statements: [
            """
            CREATE TABLE correspondents (
                id {bin_text} PRIMARY KEY,
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                search_text TEXT NOT NULL,
                inn TEXT,
                address TEXT,
                email TEXT,
                phone TEXT,
                organization_id {bin_text} REFERENCES organizations(id),
                deduplication_key TEXT NOT NULL UNIQUE,
                version INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE journals (
                id {bin_text} PRIMARY KEY,
                organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                name TEXT NOT NULL,
                code TEXT NOT NULL,
                template TEXT NOT NULL,
                kinds TEXT NOT NULL,
                restarts_yearly BOOLEAN NOT NULL,
                default_case_index TEXT,
                active BOOLEAN NOT NULL,
                version INTEGER NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX journals_by_organization ON journals (organization_id, name)",
            // One row per journal and numbering period; incrementing it inside the registering transaction makes
            // numbers gapless (a rollback takes the number back) and unique (the row lock orders registrations).
            """
            CREATE TABLE journal_counters (
                journal_id {bin_text} NOT NULL REFERENCES journals(id),
                numbering_year INTEGER NOT NULL,
                last_sequence INTEGER NOT NULL,
                PRIMARY KEY (journal_id, numbering_year))
            """,
            """
            CREATE TABLE case_files (
                id {bin_text} PRIMARY KEY,
                organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                year INTEGER NOT NULL,
                index_code TEXT NOT NULL,
                title TEXT NOT NULL,
                retention_years INTEGER,
                version INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                UNIQUE (organization_id, year, index_code))
            """,
            """
            CREATE TABLE documents (
                id {bin_text} PRIMARY KEY,
                organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                organization_path {bin_text} NOT NULL,
                kind TEXT NOT NULL,
                directive_form TEXT,
                state TEXT NOT NULL,
                title TEXT NOT NULL,
                search_text TEXT NOT NULL,
                correspondent_id {bin_text} REFERENCES correspondents(id),
                correspondent_number TEXT,
                correspondent_date TEXT,
                signer_employee_id {bin_text} REFERENCES employees(id),
                executor_employee_id {bin_text} REFERENCES employees(id),
                pages INTEGER,
                annex_count INTEGER,
                access_mark TEXT NOT NULL,
                delivery_method TEXT,
                notes TEXT,
                signed_at BIGINT,
                journal_id {bin_text} REFERENCES journals(id),
                numbering_year INTEGER,
                sequence INTEGER,
                registration_number TEXT,
                registration_date TEXT,
                registered_by_user_id {bin_text},
                case_file_id {bin_text} REFERENCES case_files(id),
                cancellation_reason TEXT,
                created_by_user_id {bin_text} NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                version INTEGER NOT NULL,
                UNIQUE (journal_id, numbering_year, sequence))
            """,
            // Lists: newest first within an organisation's subtree, or across everything a reader may see.
            "CREATE INDEX documents_by_path ON documents (organization_path, created_at, id)",
            "CREATE INDEX documents_by_created ON documents (created_at, id)",
            "CREATE INDEX documents_by_correspondent ON documents (correspondent_id)",
            "CREATE INDEX documents_by_executor ON documents (executor_employee_id)",
            "CREATE INDEX documents_by_case_file ON documents (case_file_id)",
            """
            CREATE TABLE document_addressees (
                document_id {bin_text} NOT NULL REFERENCES documents(id),
                position INTEGER NOT NULL,
                organization_id {bin_text} REFERENCES organizations(id),
                correspondent_id {bin_text} REFERENCES correspondents(id),
                employee_id {bin_text} REFERENCES employees(id),
                PRIMARY KEY (document_id, position))
            """,
            "CREATE INDEX document_addressees_by_organization ON document_addressees (organization_id)",
            """
            CREATE TABLE document_access (
                document_id {bin_text} NOT NULL REFERENCES documents(id),
                user_id {bin_text} NOT NULL REFERENCES users(id),
                granted_by_user_id {bin_text},
                granted_at BIGINT NOT NULL,
                PRIMARY KEY (document_id, user_id))
            """,
            "CREATE INDEX document_access_by_user ON document_access (user_id)",
            """
            CREATE TABLE document_links (
                id {bin_text} PRIMARY KEY,
                from_document_id {bin_text} NOT NULL REFERENCES documents(id),
                to_document_id {bin_text} NOT NULL REFERENCES documents(id),
                kind TEXT NOT NULL,
                created_by_user_id {bin_text} NOT NULL,
                created_at BIGINT NOT NULL,
                UNIQUE (from_document_id, to_document_id, kind))
            """,
            "CREATE INDEX document_links_by_target ON document_links (to_document_id)",
            """
            CREATE TABLE blobs (
                sha256 {bin_text} PRIMARY KEY,
                size BIGINT NOT NULL,
                mime_type TEXT NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE attachments (
                id {bin_text} PRIMARY KEY,
                document_id {bin_text} NOT NULL REFERENCES documents(id),
                name TEXT NOT NULL,
                current_version INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX attachments_by_document ON attachments (document_id)",
            """
            CREATE TABLE attachment_versions (
                id {bin_text} PRIMARY KEY,
                attachment_id {bin_text} NOT NULL REFERENCES attachments(id),
                number INTEGER NOT NULL,
                sha256 {bin_text} NOT NULL REFERENCES blobs(sha256),
                size BIGINT NOT NULL,
                mime_type TEXT NOT NULL,
                file_name TEXT NOT NULL,
                author_user_id {bin_text} NOT NULL,
                created_at BIGINT NOT NULL,
                UNIQUE (attachment_id, number))
            """,
            "CREATE INDEX attachment_versions_by_blob ON attachment_versions (sha256)",
        ])
}
