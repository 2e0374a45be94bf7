public import Foundation
public import Logging
public import OborotStore
import OborotDomain

/// Everything the server reads from the environment. No variable is required: the defaults run embedded.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var dataDirectory: String
    public var database: DatabaseLocation
    /// Largest JSON or form body accepted, in bytes; file uploads have their own limit.
    public var maxRequestBodyBytes: Int
    /// Largest file upload, in MiB (`OBOROT_MAX_UPLOAD_MB`).
    public var maxUploadMegabytes: Int
    /// Whether the session cookie carries `Secure` (set when the server is reached over HTTPS).
    public var secureCookies: Bool
    public var logLevel: Logger.Level
    /// bcrypt cost for new password hashes; tests lower it to stay fast.
    public var passwordHashCost: UInt8
    /// The address people reach the server at (`OBOROT_PUBLIC_URL`, e.g. `https://sed.example.ru`): printed in the
    /// QR codes of signature marks. Unset, the address of the request is used.
    public var publicURL: String?

    /// The МЭДО transport client's folders (`OBOROT_MEDO_IN`, `OBOROT_MEDO_OUT`): packets arrive in IN, one folder
    /// each, and ours are written to OUT. By default under `<data directory>/medo`.
    public var medoInDirectory: String?
    public var medoOutDirectory: String?
    public var medoIn: String { medoInDirectory ?? (dataDirectory as NSString).appendingPathComponent("medo/in") }
    public var medoOut: String { medoOutDirectory ?? (dataDirectory as NSString).appendingPathComponent("medo/out") }
    /// Copies of packets that could not be taken in, kept for a registrar to see: never dropped.
    public var medoQuarantine: String { (dataDirectory as NSString).appendingPathComponent("medo/quarantine") }

    /// The OpenID Connect provider of the public form's identity step (ЕСИА in production): with one a web submission
    /// is a 59-ФЗ appeal, without one a message a registrar confirms.
    public var identityProvider: IdentityProviderSettings?
    /// Serve the built-in development provider under `/dev-identity` (`OBOROT_DEV_IDENTITY=1`, and `serve --demo`
    /// when no provider is configured). Anyone may sign in there as anyone: never for a real site.
    public var developmentIdentityProvider = false

    /// The address the server is reached at: `publicURL`, else the bound address (a wildcard bind as this machine).
    public var baseURL: String {
        if let publicURL { return publicURL }
        let host = ["0.0.0.0", "::", ""].contains(host) ? "127.0.0.1" : host
        return "http://\(host):\(port)"
    }

    /// Switches on the development provider as the identity step, unless a real provider is configured.
    public mutating func useDevelopmentIdentityProvider() {
        guard identityProvider == nil else { return }
        developmentIdentityProvider = true
        identityProvider = IdentityProviderSettings(
            issuer: baseURL + DevelopmentIdentityProviderPaths.root, clientID: DevelopmentIdentityProviderPaths.clientID,
            clientSecret: DevelopmentIdentityProviderPaths.clientSecret, scopes: ["openid", "profile", "email"],
            displayName: "тестовый вход вместо ЕСИА")
    }

    /// Where file contents live: `<data directory>/blobs`.
    public var blobDirectory: String { (dataDirectory as NSString).appendingPathComponent("blobs") }

    public init(
        host: String = "127.0.0.1", port: Int = 8080, dataDirectory: String = "./data",
        database: DatabaseLocation? = nil, maxRequestBodyBytes: Int = 1 << 20, maxUploadMegabytes: Int = 100,
        secureCookies: Bool = false,
        logLevel: Logger.Level = .info, passwordHashCost: UInt8 = 12
    ) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.database = database ?? .sqlite(path: (dataDirectory as NSString).appendingPathComponent("oborot.sqlite"))
        self.maxRequestBodyBytes = maxRequestBodyBytes
        self.maxUploadMegabytes = maxUploadMegabytes
        self.secureCookies = secureCookies
        self.logLevel = logLevel
        self.passwordHashCost = passwordHashCost
    }

    /// Reads `OBOROT_*` variables; a malformed value is an error naming the variable, never silently ignored.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> ServerConfiguration
    {
        let dataDirectory = environment["OBOROT_DATA_DIR"].nonEmpty ?? "./data"
        var configuration = ServerConfiguration(
            dataDirectory: dataDirectory,
            database: try DatabaseLocation.from(
                databaseURL: environment["OBOROT_DATABASE_URL"], dataDirectory: dataDirectory))
        if let host = environment["OBOROT_HOST"].nonEmpty { configuration.host = host }
        configuration.medoInDirectory = environment["OBOROT_MEDO_IN"].nonEmpty
        configuration.medoOutDirectory = environment["OBOROT_MEDO_OUT"].nonEmpty
        if let url = environment["OBOROT_PUBLIC_URL"].nonEmpty {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw ConfigurationError("OBOROT_PUBLIC_URL: ожидается адрес вида https://sed.example.ru, получено «\(url)»")
            }
            configuration.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        if let port = environment["OBOROT_PORT"].nonEmpty {
            guard let value = Int(port), (1...65535).contains(value) else {
                throw ConfigurationError("OBOROT_PORT: ожидается номер порта 1–65535, получено «\(port)»")
            }
            configuration.port = value
        }
        if let kilobytes = environment["OBOROT_MAX_BODY_KB"].nonEmpty {
            guard let value = Int(kilobytes), value > 0 else {
                throw ConfigurationError("OBOROT_MAX_BODY_KB: ожидается положительное число, получено «\(kilobytes)»")
            }
            configuration.maxRequestBodyBytes = value * 1024
        }
        if let megabytes = environment["OBOROT_MAX_UPLOAD_MB"].nonEmpty {
            guard let value = Int(megabytes), value > 0 else {
                throw ConfigurationError("OBOROT_MAX_UPLOAD_MB: ожидается положительное число, получено «\(megabytes)»")
            }
            configuration.maxUploadMegabytes = value
        }
        if let secure = environment["OBOROT_SECURE_COOKIES"].nonEmpty {
            configuration.secureCookies = ["1", "true", "yes"].contains(secure.lowercased())
        }
        if let issuer = environment["OBOROT_OIDC_ISSUER"].nonEmpty {
            guard OpenIDProviderMetadata.isAcceptable(issuer) else {
                throw ConfigurationError("OBOROT_OIDC_ISSUER: ожидается адрес HTTPS поставщика удостоверений, получено «\(issuer)»")
            }
            guard let clientID = environment["OBOROT_OIDC_CLIENT_ID"].nonEmpty else {
                throw ConfigurationError("OBOROT_OIDC_CLIENT_ID: не задан идентификатор сайта у поставщика удостоверений (нужен вместе с OBOROT_OIDC_ISSUER)")
            }
            configuration.identityProvider = IdentityProviderSettings(
                // Kept exactly as given: the ID token's `iss` is compared with it character for character.
                issuer: issuer, clientID: clientID,
                clientSecret: environment["OBOROT_OIDC_CLIENT_SECRET"].nonEmpty,
                scopes: (environment["OBOROT_OIDC_SCOPES"].nonEmpty ?? "openid profile email").split(separator: " ").map(String.init),
                displayName: environment["OBOROT_OIDC_NAME"].nonEmpty ?? "Госуслуги (ЕСИА)")
        }
        if let flag = environment["OBOROT_DEV_IDENTITY"].nonEmpty, ["1", "true", "yes"].contains(flag.lowercased()) {
            configuration.useDevelopmentIdentityProvider()
        }
        if let level = environment["OBOROT_LOG_LEVEL"].nonEmpty {
            guard let value = Logger.Level(rawValue: level.lowercased()) else {
                throw ConfigurationError("OBOROT_LOG_LEVEL: ожидается trace, debug, info, notice, warning, error")
            }
            configuration.logLevel = value
        }
        return configuration
    }
}

extension Optional where Wrapped == String {
    /// The value unless it is missing or empty.
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}

/// An OpenID Connect relying party's settings: the issuer (its discovery document is at
/// `<issuer>/.well-known/openid-configuration`), our client id and secret there, the scopes asked for.
public struct IdentityProviderSettings: Sendable, Equatable {
    public var issuer: String
    public var clientID: String
    public var clientSecret: String?
    public var scopes: [String]
    /// How the sign-in button names the provider.
    public var displayName: String

    public init(issuer: String, clientID: String, clientSecret: String?, scopes: [String], displayName: String) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.scopes = scopes
        self.displayName = displayName
    }
}
