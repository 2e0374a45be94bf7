extension Migrations {
    /// The identity step of the public form (OpenID Connect, ЕСИА in production): each sign-in's secrets until the
    /// resident comes back from the provider, then the verified identity until it is used for one submission. The
    /// browser holds only a random key whose SHA-256 is stored. Messages and appeals keep the identity they came with.
    static let publicIdentity = Migration(
        version: 15, name: "public_identity",
        statements: [
            """
            CREATE TABLE identity_sign_ins (
                id {bin_text} PRIMARY KEY,
                browser_key_hash TEXT NOT NULL UNIQUE,
                state TEXT NOT NULL UNIQUE,
                nonce TEXT NOT NULL,
                code_verifier TEXT NOT NULL,
                organization_id {bin_text},
                created_at BIGINT NOT NULL,
                identity TEXT,
                verified_at BIGINT,
                used_at BIGINT)
            """,
            "CREATE INDEX identity_sign_ins_age ON identity_sign_ins (created_at)",
            "ALTER TABLE appeal_messages ADD COLUMN identity TEXT",
            "ALTER TABLE appeals ADD COLUMN identity TEXT",
        ])
}
