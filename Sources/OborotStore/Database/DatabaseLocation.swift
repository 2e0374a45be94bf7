import Foundation

/// Where the data lives, read from the environment: a SQLite file by default, PostgreSQL when a URL says so.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// `OBOROT_DATABASE_URL` unset or empty → `<dataDirectory>/oborot.sqlite`; `postgres://…` → PostgreSQL;
    /// `sqlite:///absolute/path` or `sqlite:relative/path` → that SQLite file.
    public static func from(databaseURL: String?, dataDirectory: String) throws -> DatabaseLocation {
        guard let text = databaseURL?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return .sqlite(path: (dataDirectory as NSString).appendingPathComponent("oborot.sqlite"))
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            return .postgres(try PostgresURL(text))
        }
        if text.hasPrefix("sqlite://") { return .sqlite(path: String(text.dropFirst("sqlite://".count))) }
        if text.hasPrefix("sqlite:") { return .sqlite(path: String(text.dropFirst("sqlite:".count))) }
        throw ConfigurationError(
            "OBOROT_DATABASE_URL: ожидается postgres://… или sqlite:…, получено «\(text.prefix(40))»")
    }

    /// The location with any password hidden, for logs.
    public var redactedDescription: String {
        switch self {
        case .sqlite(let path): "SQLite \(path)"
        case .postgres(let url): "PostgreSQL \(url.redacted)"
        }
    }
}

/// A configuration value that cannot be used; the message is Russian and names the variable.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The parts of a `postgres://user:password@host:port/database?sslmode=…` URL.
public struct PostgresURL: Sendable, Equatable {
    public enum TLSMode: String, Sendable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tlsMode: TLSMode

    public init(_ text: String) throws {
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw ConfigurationError("OBOROT_DATABASE_URL: не удалось разобрать адрес PostgreSQL")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? "postgres"
        self.password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.database = path.isEmpty ? self.username : path
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        guard let tlsMode = TLSMode(rawValue: mode) else {
            throw ConfigurationError("OBOROT_DATABASE_URL: sslmode=\(mode) не поддерживается (disable, prefer, require, verify-full)")
        }
        self.tlsMode = tlsMode
    }

    /// The same URL pointing at another database on the same server (tests create one per test).
    public func with(database: String) -> PostgresURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// The URL without the password.
    public var redacted: String { "postgres://\(username)@\(host):\(port)/\(database)" }
}
