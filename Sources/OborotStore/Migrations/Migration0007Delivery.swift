extension Migrations {
    /// Internal delivery: one row per addressee organisation of a sent document, pointing at the incoming card that
    /// was created for it.
    static let delivery = Migration(
        version: 7, name: "delivery",
        statements: [
            """
            CREATE TABLE deliveries (
                id {bin_text} PRIMARY KEY,
                sent_document_id {bin_text} NOT NULL REFERENCES documents(id),
                sender_organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                recipient_organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                incoming_document_id {bin_text} NOT NULL UNIQUE REFERENCES documents(id),
                refusal_reason TEXT,
                refused_by_user_id {bin_text} REFERENCES users(id),
                refused_at BIGINT,
                answer_document_id {bin_text} REFERENCES documents(id),
                sent_by_user_id {bin_text} NOT NULL REFERENCES users(id),
                sent_at BIGINT NOT NULL,
                UNIQUE (sent_document_id, recipient_organization_id))
            """,
            // «Поступившие»: what waits for a recipient's registrars, newest first.
            "CREATE INDEX deliveries_by_recipient ON deliveries (recipient_organization_id, sent_at)",
        ])
}
