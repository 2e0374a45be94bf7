public import Foundation
import Crypto

/// The provider's configuration from `/.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §3).
public struct OpenIDProviderMetadata: Sendable, Equatable, Codable {
    public var issuer: String
    public var authorizationEndpoint: String
    public var tokenEndpoint: String
    public var jwksURI: String
    public var userinfoEndpoint: String?

    private enum CodingKeys: String, CodingKey {
        case issuer, authorizationEndpoint = "authorization_endpoint", tokenEndpoint = "token_endpoint", jwksURI = "jwks_uri",
            userinfoEndpoint = "userinfo_endpoint"
    }

    public init(issuer: String, authorizationEndpoint: String, tokenEndpoint: String, jwksURI: String, userinfoEndpoint: String?) {
        self.issuer = issuer
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.jwksURI = jwksURI
        self.userinfoEndpoint = userinfoEndpoint
    }

    /// The document is for the issuer we were configured with (Discovery §4.3), and every endpoint is HTTPS — plain
    /// HTTP only on this machine, for a development provider.
    public func problem(expectedIssuer: String) -> String? {
        if issuer != expectedIssuer { return "издатель в описании поставщика («\(issuer)») не совпадает с настроенным («\(expectedIssuer)»)" }
        for (name, value) in [("authorization_endpoint", authorizationEndpoint), ("token_endpoint", tokenEndpoint), ("jwks_uri", jwksURI)] {
            guard Self.isAcceptable(value) else { return "адрес \(name) («\(value)») должен быть HTTPS" }
        }
        if let userinfoEndpoint, !Self.isAcceptable(userinfoEndpoint) { return "адрес userinfo_endpoint должен быть HTTPS" }
        return nil
    }

    public static func isAcceptable(_ address: String) -> Bool {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else { return false }
        return scheme == "https" || (scheme == "http" && ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host))
    }
}

/// One sign-in's secrets (state against forged callbacks, nonce against replayed tokens, the PKCE verifier against
/// a stolen code) and the address the resident is sent to.
public struct AuthorizationRequest: Sendable, Equatable {
    public var state: String
    public var nonce: String
    public var codeVerifier: String

    public init(state: String, nonce: String, codeVerifier: String) {
        self.state = state
        self.nonce = nonce
        self.codeVerifier = codeVerifier
    }

    public static func make() -> AuthorizationRequest {
        AuthorizationRequest(state: SessionToken.generate(), nonce: SessionToken.generate(), codeVerifier: SessionToken.generate())
    }

    /// `S256` of RFC 7636 §4.2.
    public static func codeChallenge(for verifier: String) -> String { Base64URL.encode(SHA256.hash(data: Data(verifier.utf8))) }

    public func url(metadata: OpenIDProviderMetadata, clientID: String, redirectURI: String, scopes: [String]) -> URL? {
        URL(string: URLQuery.appending([
            ("response_type", "code"), ("client_id", clientID), ("redirect_uri", redirectURI), ("scope", scopes.joined(separator: " ")),
            ("state", state), ("nonce", nonce), ("code_challenge", Self.codeChallenge(for: codeVerifier)), ("code_challenge_method", "S256"),
        ], to: metadata.authorizationEndpoint))
    }
}

/// How long a sign-in may take and how long its result may be used for a submission.
public enum IdentityPolicy {
    /// From leaving for the provider to coming back.
    public static let signInWindow: TimeInterval = 15 * 60
    /// From the identity check to the submission: long enough to write an appeal, short enough for a shared computer.
    public static let identityLifetime: TimeInterval = 2 * 3600
}
