public import Foundation
import Crypto
import _CryptoExtras

/// A JSON Web Key as providers publish them at `jwks_uri` (RFC 7517): RSA (`n`, `e`) or P-256 (`x`, `y`).
public struct JSONWebKey: Sendable, Equatable, Codable {
    public var kty: String
    public var kid: String?
    public var use: String?
    public var alg: String?
    public var n: String?
    public var e: String?
    public var crv: String?
    public var x: String?
    public var y: String?

    public init(
        kty: String, kid: String?, use: String? = "sig", alg: String?, n: String? = nil, e: String? = nil, crv: String? = nil,
        x: String? = nil, y: String? = nil
    ) {
        self.kty = kty
        self.kid = kid
        self.use = use
        self.alg = alg
        self.n = n
        self.e = e
        self.crv = crv
        self.x = x
        self.y = y
    }
}

public struct JSONWebKeySet: Sendable, Equatable, Codable {
    public var keys: [JSONWebKey]

    public init(keys: [JSONWebKey]) { self.keys = keys }

    /// The keys that may have signed a token with this header: the one named by `kid`, else every key of the type.
    func candidates(for header: CompactJWS.Header) -> [JSONWebKey] {
        let usable = keys.filter { ($0.use ?? "sig") == "sig" && ($0.alg == nil || $0.alg == header.alg) }
        if let kid = header.kid { return usable.filter { $0.kid == kid } }
        return usable
    }
}

/// A JWS in compact serialisation (`header.payload.signature`, RFC 7515), split and decoded but not yet trusted.
public struct CompactJWS: Sendable {
    public struct Header: Sendable, Decodable {
        public var alg: String
        public var kid: String?
    }

    public var header: Header
    public var payload: [UInt8]
    var signingInput: [UInt8]
    var signature: [UInt8]

    public init?(_ token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Base64URL.decode(parts[0]), let payload = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2]),
            let header = try? JSONDecoder().decode(Header.self, from: Data(headerBytes))
        else { return nil }
        self.header = header
        self.payload = payload
        self.signingInput = Array(parts[0].utf8) + [UInt8(ascii: ".")] + Array(parts[1].utf8)
        self.signature = signature
    }

    /// The algorithms we check. `none` and the HMAC family are refused on purpose: a public client secret must never
    /// be what proves a citizen's identity.
    public static let supportedAlgorithms: Set<String> = ["RS256", "RS384", "RS512", "PS256", "ES256"]

    /// Whether one of the set's keys made the signature.
    func isSigned(by keys: JSONWebKeySet) -> Result<Void, IdentityProblem> {
        guard Self.supportedAlgorithms.contains(header.alg) else { return .failure(.unsupportedAlgorithm) }
        let candidates = keys.candidates(for: header)
        guard !candidates.isEmpty else { return .failure(.unknownKey) }
        return candidates.contains(where: verifies) ? .success(()) : .failure(.badSignature)
    }

    private func verifies(with key: JSONWebKey) -> Bool {
        switch (header.alg, key.kty) {
        case ("ES256", "EC"):
            guard key.crv == "P-256", let x = key.x.flatMap(Base64URL.decode), let y = key.y.flatMap(Base64URL.decode),
                x.count == 32, y.count == 32, signature.count == 64,
                let publicKey = try? P256.Signing.PublicKey(rawRepresentation: x + y),
                let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signature)
            else { return false }
            return publicKey.isValidSignature(signature, for: SHA256.hash(data: signingInput))
        case (let alg, "RSA") where alg.hasPrefix("RS") || alg.hasPrefix("PS"):
            guard let n = key.n.flatMap(Base64URL.decode), let e = key.e.flatMap(Base64URL.decode),
                let publicKey = try? _RSA.Signing.PublicKey(n: n, e: e)
            else { return false }
            let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: signature)
            let padding: _RSA.Signing.Padding = alg.hasPrefix("PS") ? .PSS : .insecurePKCS1v1_5
            switch alg {
            case "RS384": return publicKey.isValidSignature(rsaSignature, for: SHA384.hash(data: signingInput), padding: padding)
            case "RS512": return publicKey.isValidSignature(rsaSignature, for: SHA512.hash(data: signingInput), padding: padding)
            default: return publicKey.isValidSignature(rsaSignature, for: SHA256.hash(data: signingInput), padding: padding)
            }
        default:
            return false
        }
    }
}
