public import Foundation

/// The claims of an OpenID Connect ID token we rely on (OpenID Connect Core 1.0 §2, §5.1), and the names that may come
/// from the userinfo endpoint instead.
public struct IDTokenClaims: Sendable, Equatable, Decodable {
    public var iss: String
    public var sub: String
    public var aud: [String]
    public var exp: Double
    public var iat: Double?
    public var nonce: String?
    public var azp: String?
    public var names: PersonClaims

    private enum CodingKeys: String, CodingKey { case iss, sub, aud, exp, iat, nonce, azp }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        iss = try container.decode(String.self, forKey: .iss)
        sub = try container.decode(String.self, forKey: .sub)
        // `aud` is a string or an array of strings.
        if let single = try? container.decode(String.self, forKey: .aud) { aud = [single] } else { aud = try container.decode([String].self, forKey: .aud) }
        exp = try container.decode(Double.self, forKey: .exp)
        iat = try container.decodeIfPresent(Double.self, forKey: .iat)
        nonce = try container.decodeIfPresent(String.self, forKey: .nonce)
        azp = try container.decodeIfPresent(String.self, forKey: .azp)
        names = try PersonClaims(from: decoder)
    }
}

/// The person's names and e-mail under their standard claim names.
public struct PersonClaims: Sendable, Equatable, Decodable {
    public var sub: String?
    public var familyName: String?
    public var givenName: String?
    public var middleName: String?
    public var email: String?

    private enum CodingKeys: String, CodingKey {
        case sub, familyName = "family_name", givenName = "given_name", middleName = "middle_name", email
    }

    public init(sub: String? = nil, familyName: String? = nil, givenName: String? = nil, middleName: String? = nil, email: String? = nil) {
        self.sub = sub
        self.familyName = familyName
        self.givenName = givenName
        self.middleName = middleName
        self.email = email
    }

    var hasNames: Bool { !(familyName?.trimmed ?? "").isEmpty && !(givenName?.trimmed ?? "").isEmpty }
}

/// Checks an ID token the way OpenID Connect Core §3.1.3.7 asks: the signature by a key the provider published, the
/// issuer, the audience (and `azp` when there are several), the expiry and issue time with a minute's leeway for
/// clocks, and the `nonce` of this very sign-in (so a token caught elsewhere cannot be replayed here).
public enum IDTokenVerification {
    public struct Expectation: Sendable {
        public var issuer: String
        public var clientID: String
        public var nonce: String
        public var now: Date
        public var leewaySeconds: Double = 60

        public init(issuer: String, clientID: String, nonce: String, now: Date) {
            self.issuer = issuer
            self.clientID = clientID
            self.nonce = nonce
            self.now = now
        }
    }

    /// The token's claims once every check passed.
    public static func verify(_ token: String, keys: JSONWebKeySet, expecting expected: Expectation) -> Result<IDTokenClaims, IdentityProblem> {
        guard let jws = CompactJWS(token) else { return .failure(.malformed) }
        if case .failure(let problem) = jws.isSigned(by: keys) { return .failure(problem) }
        guard let claims = try? JSONDecoder().decode(IDTokenClaims.self, from: Data(jws.payload)) else { return .failure(.malformed) }
        return check(claims, expecting: expected).map { claims }
    }

    static func check(_ claims: IDTokenClaims, expecting expected: Expectation) -> Result<Void, IdentityProblem> {
        let now = expected.now.timeIntervalSince1970
        if claims.iss != expected.issuer { return .failure(.wrongIssuer) }
        if !claims.aud.contains(expected.clientID) { return .failure(.wrongAudience) }
        if claims.aud.count > 1 || claims.azp != nil, claims.azp != expected.clientID { return .failure(.wrongAudience) }
        if claims.exp + expected.leewaySeconds <= now { return .failure(.expired) }
        if let iat = claims.iat, iat - expected.leewaySeconds > now { return .failure(.issuedInFuture) }
        if claims.nonce != expected.nonce { return .failure(.wrongNonce) }
        if claims.sub.trimmed.isEmpty { return .failure(.noSubject) }
        return .success(())
    }

    /// The identity from a verified token, its names completed from the userinfo answer when the token has none (some
    /// providers put only the subject in the token). The userinfo answer must be about the same subject.
    public static func identity(
        _ claims: IDTokenClaims, userInfo: PersonClaims?, providerName: String, verifiedAt: Date
    ) -> Result<VerifiedIdentity, IdentityProblem> {
        var names = claims.names
        if !names.hasNames, let userInfo {
            guard userInfo.sub == claims.sub else { return .failure(.userInfoMismatch) }
            names = userInfo
        }
        guard names.hasNames else { return .failure(.noNames) }
        return .success(
            VerifiedIdentity(
                issuer: claims.iss, subject: claims.sub, surname: names.familyName!.trimmed, name: names.givenName!.trimmed,
                patronymic: names.middleName?.trimmed.nilIfEmpty, email: (names.email ?? claims.names.email)?.trimmed.nilIfEmpty,
                providerName: providerName, verifiedAt: verifiedAt))
    }
}
