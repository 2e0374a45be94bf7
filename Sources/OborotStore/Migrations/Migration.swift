/// One step of the schema's history. Steps are never edited once released; new needs get new steps.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    /// Portable DDL with `{bin_text}`/`{blob}` placeholders (see `Dialect.ddl`).
    public let statements: [String]
    /// Run after `statements` on SQLite only, and on PostgreSQL only: what the two cannot say alike (full-text
    /// indexes, trigger bodies).
    public let sqliteStatements: [String]
    public let postgresStatements: [String]

    public init(version: Int, name: String, statements: [String], sqlite: [String] = [], postgres: [String] = []) {
        self.version = version
        self.name = name
        self.statements = statements
        self.sqliteStatements = sqlite
        self.postgresStatements = postgres
    }

    /// Every statement this migration runs on `dialect`, in order.
    func statements(for dialect: Dialect) -> [String] {
        statements + (dialect == .sqlite ? sqliteStatements : postgresStatements)
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
        search,
        delivery,
        medo,
        distributionLists,
        medoSignatures,
        appeals,
        appealMessages,
        appealReport,
        reception,
        publicIdentity,
    ]
}
