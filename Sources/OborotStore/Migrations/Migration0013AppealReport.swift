extension Migrations {
    /// What the appeals report counts, kept where one index can count it: the question rows carry their appeal's
    /// organisation, registration day, «рассмотрено на месте» and «с нарушением срока» (rewritten with the questions
    /// on every change of the appeal), and the appeal row whether it was ever put on control. With the two covering
    /// indexes the report over a region's half a million appeals reads two indexes instead of every card. And the
    /// answer letter: the outgoing document the executor prepares as the answer (its registration is the ССТУ's
    /// answer date, its file the answer file).
    static let appealReport = Migration(
        version: 13, name: "appeal_report",
        statements: [
            "ALTER TABLE appeals ADD COLUMN on_control BOOLEAN NOT NULL DEFAULT FALSE",
            "ALTER TABLE appeals ADD COLUMN answer_document_id {bin_text}",
            "UPDATE appeals SET on_control = EXISTS (SELECT 1 FROM resolutions r WHERE r.document_id = appeals.document_id AND r.controlled)",
            "ALTER TABLE appeal_questions ADD COLUMN organization_id {bin_text}",
            "ALTER TABLE appeal_questions ADD COLUMN registered_on TEXT",
            "ALTER TABLE appeal_questions ADD COLUMN on_site BOOLEAN NOT NULL DEFAULT FALSE",
            "ALTER TABLE appeal_questions ADD COLUMN closed_late BOOLEAN NOT NULL DEFAULT FALSE",
            """
            UPDATE appeal_questions SET organization_id = a.organization_id, registered_on = a.registered_on,
                on_site = a.considered_on_site,
                closed_late = (a.is_closed AND a.current_deadline IS NOT NULL AND COALESCE(
                    (SELECT MAX(r.resolved_on) FROM appeal_questions r WHERE r.document_id = a.document_id), '') > a.current_deadline)
            FROM appeals a WHERE a.document_id = appeal_questions.document_id
            """,
            // Per organisation, channel and type: the appeals' counts; the leading organisation serves the subtree.
            """
            CREATE INDEX appeals_report ON appeals
                (organization_id, channel, appeal_type, registered_on, collective, on_control, repeated_of_document_id)
            """,
            // Per topic and status: the questions' counts, read in index order (SQLite skips through the
            // (topic, status) pairs to the period's range instead of sorting a million rows).
            """
            CREATE INDEX appeal_questions_report ON appeal_questions
                (topic_code, status, registered_on, organization_id, measures_taken, on_site, closed_late)
            """,
            // The planner picks those paths only knowing the new indexes (PostgreSQL's autovacuum would get there too).
            "ANALYZE appeals",
            "ANALYZE appeal_questions",
        ])
}
