public import Foundation

/// Query strings and `application/x-www-form-urlencoded` bodies we write: every part percent-encoded except RFC
/// 3986's unreserved characters, so Cyrillic and `&`, `=`, `+` survive the trip (`URLComponents` leaves `+` as it is,
/// and the other side reads it as a space).
public enum URLQuery {
    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    public static func value(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// `name=value&name=value`.
    public static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(value($0.0))=\(value($0.1))" }.joined(separator: "&")
    }

    /// `address` with the pairs added to whatever query it already has.
    public static func appending(_ pairs: [(String, String)], to address: String) -> String {
        guard !pairs.isEmpty else { return address }
        return address + (address.contains("?") ? "&" : "?") + encode(pairs)
    }
}
