public import Foundation
import Crypto

/// Secrets that identify a session or a personal API token. Only their SHA-256 is ever stored.
public enum SessionToken {
    /// Prefix that marks personal API tokens, so leaked ones are easy to recognise in logs and scanners.
    public static let apiTokenPrefix = "obt_"

    /// A new random secret: 32 bytes from the system's CSPRNG, base64url without padding.
    public static func generate(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + Base64URL.encode(bytes)
    }

    /// The value stored instead of the secret: lowercase hex SHA-256.
    public static func hash(_ secret: String) -> String {
        Hex.encode(SHA256.hash(data: Data(secret.utf8)))
    }
}

/// How long things last in the sign-in area.
public enum SessionPolicy {
    /// A browser or API session ends this long after it was last used.
    public static let idleTimeout: TimeInterval = 8 * 3600
    /// A session ends this long after sign-in regardless of use.
    public static let absoluteTimeout: TimeInterval = 7 * 24 * 3600
    /// Whether a session is still usable at `now`.
    public static func isAlive(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) < idleTimeout && now.timeIntervalSince(createdAt) < absoluteTimeout
    }
}
