extension Migrations {
    /// Production calendar years an admin loaded (they take precedence over the shipped ones) and the region's overlay.
    /// Each row keeps the canonical text, so what is loaded can be shown and downloaded exactly.
    static let calendar = Migration(
        version: 3, name: "calendar",
        statements: [
            """
            CREATE TABLE calendar_years (
                year INTEGER PRIMARY KEY,
                body TEXT NOT NULL,
                loaded_by {bin_text} REFERENCES users(id),
                loaded_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE calendar_overlay (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                body TEXT NOT NULL,
                loaded_by {bin_text} REFERENCES users(id),
                loaded_at BIGINT NOT NULL)
            """,
        ])
}
