extension Migrations {
    /// Distribution lists (списки рассылки): named sets of addressees an organisation reuses for its letters.
    static let distributionLists = Migration(
        version: 9, name: "distribution_lists",
        statements: [
            """
            CREATE TABLE distribution_lists (
                id {bin_text} PRIMARY KEY,
                organization_id {bin_text} NOT NULL REFERENCES organizations(id),
                name TEXT NOT NULL,
                created_by_user_id {bin_text} NOT NULL REFERENCES users(id),
                created_at BIGINT NOT NULL,
                UNIQUE (organization_id, name))
            """,
            """
            CREATE TABLE distribution_list_members (
                list_id {bin_text} NOT NULL REFERENCES distribution_lists(id),
                position INTEGER NOT NULL,
                organization_id {bin_text} REFERENCES organizations(id),
                correspondent_id {bin_text} REFERENCES correspondents(id),
                PRIMARY KEY (list_id, position))
            """,
        ])
}
