extension Migrations {
    /// Citizen appeals (59-ФЗ): the appeal beside its document card, applicants, questions with their own status,
    /// the numbered extensions, the applicants' keys for finding repeated appeals, and the thematic classifier.
    /// Dates are `YYYY-MM-DD` text like the control tables.
    static let appeals = Migration(
        version: 11, name: "appeals",
        statements: [
            """
            CREATE TABLE appeal_topics (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                obsolete BOOLEAN NOT NULL,
                level INTEGER NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE appeals (
                document_id {bin_text} PRIMARY KEY REFERENCES documents(id),
                organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                appeal_type TEXT NOT NULL,
                channel TEXT NOT NULL,
                collective BOOLEAN NOT NULL,
                received_on TEXT NOT NULL,
                forwarded_from_body TEXT,
                forwarded_from_number TEXT,
                forwarded_from_date TEXT,
                repeated_of_document_id {bin_text} REFERENCES documents(id),
                migration_matter BOOLEAN NOT NULL,
                considered_on_site BOOLEAN NOT NULL,
                registered_on TEXT,
                initial_deadline TEXT,
                current_deadline TEXT,
                deadline_explanation TEXT,
                special_case TEXT,
                special_case_detail TEXT,
                tracking_code TEXT UNIQUE,
                applicant_name TEXT NOT NULL,
                is_closed BOOLEAN NOT NULL,
                version INTEGER NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX appeals_by_organization ON appeals (organization_id, received_on)",
            "CREATE INDEX appeals_by_deadline ON appeals (is_closed, current_deadline)",
            """
            CREATE TABLE appeal_applicants (
                document_id {bin_text} NOT NULL REFERENCES appeals(document_id),
                position INTEGER NOT NULL,
                kind TEXT NOT NULL,
                surname TEXT,
                given_name TEXT,
                patronymic TEXT,
                organization_name TEXT,
                postal_address TEXT,
                email TEXT,
                phone TEXT,
                PRIMARY KEY (document_id, position))
            """,
            """
            CREATE TABLE appeal_applicant_keys (
                applicant_key TEXT NOT NULL,
                document_id {bin_text} NOT NULL REFERENCES appeals(document_id),
                PRIMARY KEY (applicant_key, document_id))
            """,
            """
            CREATE TABLE appeal_questions (
                id {bin_text} PRIMARY KEY,
                document_id {bin_text} NOT NULL REFERENCES appeals(document_id),
                number INTEGER NOT NULL,
                topic_code TEXT NOT NULL REFERENCES appeal_topics(code),
                question_text TEXT,
                status TEXT NOT NULL,
                measures_taken BOOLEAN NOT NULL,
                resolved_on TEXT,
                forwarded_body TEXT,
                forwarded_organization_id {bin_text} REFERENCES organizations(id),
                forwarded_document_id {bin_text} REFERENCES documents(id),
                forwarded_on TEXT,
                UNIQUE (document_id, number))
            """,
            "CREATE INDEX appeal_questions_by_topic ON appeal_questions (topic_code)",
            """
            CREATE TABLE appeal_extensions (
                document_id {bin_text} NOT NULL REFERENCES appeals(document_id),
                number INTEGER NOT NULL,
                reason TEXT NOT NULL,
                days INTEGER NOT NULL,
                previous_deadline TEXT NOT NULL,
                new_deadline TEXT NOT NULL,
                decided_by_employee_id {bin_text} NOT NULL REFERENCES employees(id),
                decided_on TEXT NOT NULL,
                notice_document_id {bin_text} REFERENCES documents(id),
                PRIMARY KEY (document_id, number))
            """,
        ])
}
