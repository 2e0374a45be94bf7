extension Migrations {
    /// Messages from the public form: without an identified citizen they are not yet 59-ФЗ appeals, so they wait
    /// here for a registrar to accept them as appeals. The tracking code follows the submission into its appeal.
    static let appealMessages = Migration(
        version: 12, name: "appeal_messages",
        statements: [
            """
            CREATE TABLE appeal_messages (
                id {bin_text} PRIMARY KEY,
                organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                tracking_code TEXT NOT NULL UNIQUE,
                surname TEXT NOT NULL,
                given_name TEXT NOT NULL,
                patronymic TEXT,
                postal_address TEXT,
                email TEXT,
                phone TEXT,
                body TEXT NOT NULL,
                files TEXT NOT NULL,
                client_address TEXT,
                created_at BIGINT NOT NULL,
                converted_document_id {bin_text} REFERENCES documents(id),
                converted_at BIGINT,
                converted_by_user_id {bin_text} REFERENCES users(id))
            """,
            "CREATE INDEX appeal_messages_waiting ON appeal_messages (organization_id, converted_at, created_at)",
            // Reports count the appeals registered in a period.
            "CREATE INDEX appeals_by_registration ON appeals (registered_on)",
        ])
}
