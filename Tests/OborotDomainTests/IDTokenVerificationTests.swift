import Crypto
import Foundation
import OborotDomain
import Testing
import _CryptoExtras

/// The ID token checks of OpenID Connect Core §3.1.3.7 with real signatures: RS256 and ES256 tokens signed here, each
/// check broken on its own.
@Suite("Вход через поставщика удостоверений: проверка ID-токена")
struct IDTokenVerificationTests {
    static let rsa = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
    static let ec = P256.Signing.PrivateKey()
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let issuer = "https://esia.example.ru"
    static let expectation = IDTokenVerification.Expectation(issuer: issuer, clientID: "oborot", nonce: "n-123", now: now)

    static var keys: JSONWebKeySet {
        let primitives = try! rsa.publicKey.getKeyPrimitives()
        let raw = Array(ec.publicKey.rawRepresentation)
        return JSONWebKeySet(keys: [
            // No `alg`, as many providers publish their keys: the token's header chooses RS256 or PS256.
            JSONWebKey(kty: "RSA", kid: "rsa-1", alg: nil, n: Base64URL.encode(primitives.modulus), e: Base64URL.encode(primitives.publicExponent)),
            JSONWebKey(kty: "EC", kid: "ec-1", alg: "ES256", crv: "P-256", x: Base64URL.encode(raw[0..<32]), y: Base64URL.encode(raw[32..<64])),
        ])
    }

    static func claims(_ changes: [String: Any?] = [:]) -> [String: Any] {
        var claims: [String: Any] = [
            "iss": issuer, "sub": "1000123456", "aud": "oborot", "exp": now.timeIntervalSince1970 + 300, "iat": now.timeIntervalSince1970 - 5,
            "nonce": "n-123", "family_name": "Петрова", "given_name": "Анна", "middle_name": "Сергеевна", "email": "petrova@example.ru",
        ]
        for (key, value) in changes { claims[key] = value }
        return claims
    }

    static func token(_ claims: [String: Any], alg: String = "RS256", kid: String? = "rsa-1") -> String {
        var header: [String: Any] = ["alg": alg, "typ": "JWT"]
        if let kid { header["kid"] = kid }
        let input = Base64URL.encode(try! JSONSerialization.data(withJSONObject: header)) + "."
            + Base64URL.encode(try! JSONSerialization.data(withJSONObject: claims))
        let digest = SHA256.hash(data: Data(input.utf8))
        let signature: [UInt8]
        switch alg {
        case "ES256": signature = Array(try! ec.signature(for: digest).rawRepresentation)
        case "PS256": signature = Array(try! rsa.signature(for: digest, padding: .PSS).rawRepresentation)
        default: signature = Array(try! rsa.signature(for: digest, padding: .insecurePKCS1v1_5).rawRepresentation)
        }
        return input + "." + Base64URL.encode(signature)
    }

    static func problem(_ token: String, keys: JSONWebKeySet = keys) -> String? {
        switch IDTokenVerification.verify(token, keys: keys, expecting: expectation) {
        case .success: nil
        case .failure(let problem): problem.code
        }
    }

    @Test("a good token passes, whichever supported algorithm signed it", arguments: [("RS256", "rsa-1"), ("PS256", "rsa-1"), ("ES256", "ec-1")])
    func accepted(alg: String, kid: String) throws {
        let claims = try IDTokenVerification.verify(Self.token(Self.claims(), alg: alg, kid: kid), keys: Self.keys, expecting: Self.expectation).get()
        #expect(claims.sub == "1000123456")
        #expect(claims.names.familyName == "Петрова")
    }

    @Test("a key published for one algorithm does not verify another")
    func keyAlgorithm() {
        var keys = Self.keys
        keys.keys[0].alg = "RS256"
        let token = Self.token(Self.claims(), alg: "PS256")
        #expect(Self.problem(token, keys: keys) == "key_unknown")
    }

    @Test("a token without a key id is checked against every key of its algorithm")
    func noKeyID() {
        #expect(Self.problem(Self.token(Self.claims(), kid: nil)) == nil)
    }

    /// Each case changes the good claims one way (the changes are built here: `Any` cannot be a test argument).
    static func broken(_ name: String) -> [String: Any?] {
        switch name {
        case "issuer": ["iss": "https://evil.example.ru"]
        case "audience": ["aud": "someone-else"]
        case "several audiences without azp": ["aud": ["oborot", "other"]]
        case "expired": ["exp": 1_800_000_000 - 61.0]
        case "issued in the future": ["iat": 1_800_000_000 + 3600.0]
        case "other nonce": ["nonce": "someone-elses"]
        case "no nonce": ["nonce": nil]
        default: ["sub": " "]
        }
    }

    @Test("each broken check is refused with its own reason", arguments: [
        ("issuer", "issuer_mismatch"), ("audience", "audience_mismatch"), ("several audiences without azp", "audience_mismatch"),
        ("expired", "token_expired"), ("issued in the future", "token_not_yet_valid"), ("other nonce", "nonce_mismatch"),
        ("no nonce", "nonce_mismatch"), ("blank subject", "subject_missing"),
    ])
    func refused(change: String, code: String) {
        #expect(Self.problem(Self.token(Self.claims(Self.broken(change)))) == code)
    }

    @Test("several audiences pass when azp names us; the clock leeway is a minute")
    func audienceAndLeeway() {
        #expect(Self.problem(Self.token(Self.claims(["aud": ["oborot", "other"], "azp": "oborot"]))) == nil)
        #expect(Self.problem(Self.token(Self.claims(["exp": 1_800_000_000 - 30.0]))) == nil)
        #expect(Self.problem(Self.token(Self.claims(["iat": 1_800_000_000 + 30.0]))) == nil)
    }

    @Test("a forged or tampered token is refused")
    func forged() {
        let good = Self.token(Self.claims())
        let parts = good.split(separator: ".").map(String.init)
        let otherPayload = Base64URL.encode(try! JSONSerialization.data(withJSONObject: Self.claims(["sub": "999"])))
        #expect(Self.problem("\(parts[0]).\(otherPayload).\(parts[2])") == "signature_invalid")
        let stranger = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
        let input = "\(parts[0]).\(parts[1])"
        let foreign = try! stranger.signature(for: SHA256.hash(data: Data(input.utf8)), padding: .insecurePKCS1v1_5)
        #expect(Self.problem("\(input).\(Base64URL.encode(foreign.rawRepresentation))") == "signature_invalid")
        #expect(Self.problem(Self.token(Self.claims(), kid: "rotated-away")) == "key_unknown")
    }

    @Test("unsigned and HMAC tokens are never accepted; garbage is not a token")
    func algorithms() {
        let header = Base64URL.encode(Array(#"{"alg":"none"}"#.utf8))
        let payload = Base64URL.encode(try! JSONSerialization.data(withJSONObject: Self.claims()))
        #expect(Self.problem("\(header).\(payload).") == "algorithm_unsupported")
        let hmacHeader = Base64URL.encode(Array(#"{"alg":"HS256","kid":"rsa-1"}"#.utf8))
        #expect(Self.problem("\(hmacHeader).\(payload).AAAA") == "algorithm_unsupported")
        for garbage in ["", "a.b", "a.b.c.d", "!!.??.**", "\(header).\(payload)"] {
            #expect(Self.problem(garbage) == "token_malformed", "\(garbage)")
        }
    }

    @Test("names come from the token, else from the userinfo answer about the same person")
    func identity() throws {
        let full = try IDTokenVerification.verify(Self.token(Self.claims()), keys: Self.keys, expecting: Self.expectation).get()
        let identity = try IDTokenVerification.identity(full, userInfo: nil, providerName: "Госуслуги (ЕСИА)", verifiedAt: Self.now).get()
        #expect(identity.fullName == "Петрова Анна Сергеевна")
        #expect(identity.email == "petrova@example.ru")
        #expect(identity.issuer == Self.issuer && identity.subject == "1000123456")

        let bare = try IDTokenVerification.verify(
            Self.token(Self.claims(["family_name": nil, "given_name": nil, "middle_name": nil])), keys: Self.keys, expecting: Self.expectation
        ).get()
        let info = PersonClaims(sub: "1000123456", familyName: "Петрова", givenName: "Анна")
        #expect(try IDTokenVerification.identity(bare, userInfo: info, providerName: "ЕСИА", verifiedAt: Self.now).get().fullName == "Петрова Анна")
        let someoneElse = PersonClaims(sub: "42", familyName: "Иванов", givenName: "Иван")
        #expect(throws: IdentityProblem.self) { try IDTokenVerification.identity(bare, userInfo: someoneElse, providerName: "ЕСИА", verifiedAt: Self.now).get() }
        #expect(throws: IdentityProblem.self) { try IDTokenVerification.identity(bare, userInfo: nil, providerName: "ЕСИА", verifiedAt: Self.now).get() }
    }

    @Test("the identity's names replace the typed ones; the typed addresses stay")
    func applicant() {
        let identity = VerifiedIdentity(
            issuer: Self.issuer, subject: "1", surname: "Петрова", name: "Анна", patronymic: nil, email: "esia@example.ru", providerName: "ЕСИА",
            verifiedAt: Self.now)
        let typed = Applicant(surname: "Иванов", name: "Пётр", postalAddress: "Ростов-на-Дону, ул. Садовая, 1", email: "")
        let applicant = identity.applicant(typed: typed)
        #expect(applicant.surname == "Петрова" && applicant.name == "Анна" && applicant.patronymic == nil)
        #expect(applicant.postalAddress == typed.postalAddress)
        #expect(applicant.email == "esia@example.ru")
        #expect(identity.applicant(typed: Applicant(email: "own@example.ru")).email == "own@example.ru")
    }
}

@Suite("Вход через поставщика удостоверений: запрос входа, PKCE, описание поставщика")
struct AuthorizationRequestTests {
    @Test("S256 code challenge: the example of RFC 7636, appendix B")
    func pkce() {
        #expect(AuthorizationRequest.codeChallenge(for: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    }

    @Test("the sign-in address carries every parameter, encoded")
    func url() throws {
        let metadata = OpenIDProviderMetadata(
            issuer: "https://esia.example.ru", authorizationEndpoint: "https://esia.example.ru/auth?lang=ru", tokenEndpoint: "https://esia.example.ru/token",
            jwksURI: "https://esia.example.ru/jwks", userinfoEndpoint: nil)
        let request = AuthorizationRequest(state: "s+1", nonce: "n/2", codeVerifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        let url = try #require(request.url(metadata: metadata, clientID: "oborot", redirectURI: "https://sed.example.ru/cb?x=1", scopes: ["openid", "fullname"]))
        let items = Dictionary(uniqueKeysWithValues: (URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        #expect(items["lang"] == "ru")
        #expect(items["response_type"] == "code" && items["client_id"] == "oborot" && items["scope"] == "openid fullname")
        #expect(items["redirect_uri"] == "https://sed.example.ru/cb?x=1")
        #expect(items["state"] == "s+1" && items["nonce"] == "n/2")
        #expect(items["code_challenge"] == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" && items["code_challenge_method"] == "S256")
        #expect(!url.absoluteString.contains("s+1"))
    }

    @Test("secrets are fresh for every sign-in")
    func fresh() {
        let first = AuthorizationRequest.make(), second = AuthorizationRequest.make()
        #expect(first.state != second.state && first.nonce != second.nonce && first.codeVerifier != second.codeVerifier)
        #expect(first.codeVerifier.count >= 43)
    }

    @Test("the discovery document must be the configured issuer's and use HTTPS (plain HTTP only on this machine)", arguments: [
        ("https://esia.example.ru", "https://esia.example.ru/auth", nil),
        ("https://other.example.ru", "https://esia.example.ru/auth", "издатель"),
        ("https://esia.example.ru", "http://esia.example.ru/auth", "HTTPS"),
        ("https://esia.example.ru", "http://127.0.0.1:8080/auth", nil),
    ] as [(String, String, String?)])
    func metadata(issuer: String, authorization: String, problem: String?) {
        let metadata = OpenIDProviderMetadata(
            issuer: issuer, authorizationEndpoint: authorization, tokenEndpoint: "https://esia.example.ru/token", jwksURI: "https://esia.example.ru/jwks",
            userinfoEndpoint: nil)
        let found = metadata.problem(expectedIssuer: "https://esia.example.ru")
        if let problem { #expect(found?.contains(problem) == true, "\(found ?? "nil")") } else { #expect(found == nil) }
    }

    @Test("base64url round trip; standard base64 characters are not base64url")
    func base64url() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(($0 * 37 + 11) % 256) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
        #expect(Base64URL.decode("ab+c") == nil)
        #expect(Base64URL.decode("ab/c") == nil)
        #expect(Base64URL.decode("abcde") == nil)
    }
}
