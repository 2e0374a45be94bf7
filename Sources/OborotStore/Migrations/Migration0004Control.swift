extension Migrations {
    /// Resolutions, the assignment tree, execution reports, the numbered history of deadline changes, extension and
    /// explanation requests, and the in-app notification feed.
    /// Dates (resolution date, deadlines) are `YYYY-MM-DD` text: calendar dates with no zone, ordered as text.
    static let control = Migration(
        version: 4, name: "control",
        statements: [
            """
            CREATE TABLE resolutions (
                id {bin_text} PRIMARY KEY,
                document_id {bin_text} NOT NULL REFERENCES documents(id),
                author_user_id {bin_text} NOT NULL REFERENCES users(id),
                organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                prepared_by_user_id {bin_text} REFERENCES users(id),
                text TEXT NOT NULL,
                resolution_date TEXT NOT NULL,
                state TEXT NOT NULL,
                controlled BOOLEAN NOT NULL,
                control_officer_user_id {bin_text} REFERENCES users(id),
                control_category TEXT,
                control_result TEXT,
                version INTEGER NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX resolutions_by_document ON resolutions (document_id, created_at)",
            "CREATE INDEX resolutions_by_author ON resolutions (author_user_id, state)",
            """
            CREATE TABLE assignments (
                id {bin_text} PRIMARY KEY,
                resolution_id {bin_text} NOT NULL REFERENCES resolutions(id),
                document_id {bin_text} NOT NULL REFERENCES documents(id),
                parent_id {bin_text} REFERENCES assignments(id),
                author_user_id {bin_text} NOT NULL REFERENCES users(id),
                executor_user_id {bin_text} REFERENCES users(id),
                executor_organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                responsible BOOLEAN NOT NULL,
                text TEXT NOT NULL,
                deadline TEXT,
                initial_deadline TEXT,
                deadline_explanation TEXT,
                state TEXT NOT NULL,
                is_open BOOLEAN NOT NULL,
                control_officer_user_id {bin_text} REFERENCES users(id),
                issued_at BIGINT NOT NULL,
                issued_on TEXT NOT NULL,
                completed_at BIGINT,
                completed_on TEXT,
                version INTEGER NOT NULL)
            """,
            // The inboxes: open work by deadline, per person, organisation, author and control officer. The id ends
            // each key so "ORDER BY deadline, id LIMIT 50" reads the first 50 entries instead of sorting them all.
            "CREATE INDEX assignments_by_executor ON assignments (executor_user_id, is_open, deadline, id)",
            "CREATE INDEX assignments_by_executor_organization ON assignments (executor_organization_id, is_open, deadline, id)",
            "CREATE INDEX assignments_by_author ON assignments (author_user_id, is_open, deadline, id)",
            "CREATE INDEX assignments_by_control_officer ON assignments (control_officer_user_id, is_open, deadline, id)",
            "CREATE INDEX assignments_by_resolution ON assignments (resolution_id)",
            "CREATE INDEX assignments_by_parent ON assignments (parent_id)",
            // Discipline reports read only this index (it holds every column they count), already grouped by
            // organisation: a narrow scan instead of a million wide rows and a sort.
            """
            CREATE INDEX assignments_for_discipline ON assignments
                (executor_organization_id, issued_on, state, is_open, deadline, completed_on, executor_user_id)
            """,
            """
            CREATE TABLE assignment_reports (
                id {bin_text} PRIMARY KEY,
                assignment_id {bin_text} NOT NULL REFERENCES assignments(id),
                author_user_id {bin_text} NOT NULL REFERENCES users(id),
                acting_user_id {bin_text} REFERENCES users(id),
                text TEXT NOT NULL,
                submitted_at BIGINT NOT NULL,
                decision TEXT,
                decided_by_user_id {bin_text} REFERENCES users(id),
                decided_at BIGINT,
                comment TEXT)
            """,
            "CREATE INDEX assignment_reports_by_assignment ON assignment_reports (assignment_id, submitted_at)",
            // A report's files are files of the document the work is about, referenced from the report.
            """
            CREATE TABLE assignment_report_files (
                report_id {bin_text} NOT NULL REFERENCES assignment_reports(id),
                attachment_id {bin_text} NOT NULL REFERENCES attachments(id),
                PRIMARY KEY (report_id, attachment_id))
            """,
            """
            CREATE TABLE assignment_deadline_changes (
                assignment_id {bin_text} NOT NULL REFERENCES assignments(id),
                number INTEGER NOT NULL,
                old_deadline TEXT,
                new_deadline TEXT,
                reason TEXT NOT NULL,
                changed_by_user_id {bin_text} NOT NULL REFERENCES users(id),
                changed_at BIGINT NOT NULL,
                PRIMARY KEY (assignment_id, number))
            """,
            """
            CREATE TABLE extension_requests (
                id {bin_text} PRIMARY KEY,
                assignment_id {bin_text} NOT NULL REFERENCES assignments(id),
                number INTEGER NOT NULL,
                requested_by_user_id {bin_text} NOT NULL REFERENCES users(id),
                proposed_date TEXT NOT NULL,
                reason TEXT NOT NULL,
                stage TEXT NOT NULL,
                state TEXT NOT NULL,
                decided_date TEXT,
                decided_by_user_id {bin_text} REFERENCES users(id),
                decided_at BIGINT,
                comment TEXT,
                created_at BIGINT NOT NULL,
                UNIQUE (assignment_id, number))
            """,
            """
            CREATE TABLE explanation_requests (
                id {bin_text} PRIMARY KEY,
                assignment_id {bin_text} NOT NULL REFERENCES assignments(id),
                requested_by_user_id {bin_text} NOT NULL REFERENCES users(id),
                question TEXT NOT NULL,
                requested_at BIGINT NOT NULL,
                answer TEXT,
                answered_by_user_id {bin_text} REFERENCES users(id),
                answered_at BIGINT)
            """,
            "CREATE INDEX explanation_requests_by_assignment ON explanation_requests (assignment_id, requested_at)",
            // One row per person, assignment and reason; the key makes the reminder job idempotent, so several
            // instances running it at once insert each reminder once.
            """
            CREATE TABLE notifications (
                notification_key TEXT PRIMARY KEY,
                user_id {bin_text} NOT NULL REFERENCES users(id),
                assignment_id {bin_text} REFERENCES assignments(id),
                kind TEXT NOT NULL,
                text TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                read_at BIGINT)
            """,
            "CREATE INDEX notifications_by_user ON notifications (user_id, created_at)",
        ])
}
