/// One step of the schema's history. Steps are never edited once released; new needs get new steps.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    /// Portable DDL with `{bin_text}`/`{blob}` placeholders (see `Dialect.ddl`).
    public let statements: [String]

    public init(version: Int, name: String, statements: [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}

/// Every migration, in order. Append only.
public enum Migrations {
    public static let all: [Migration] = [
        foundation,
        documents,
        calendar,
        control,
        approval,
    ]
}
