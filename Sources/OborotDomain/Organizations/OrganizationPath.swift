public import Foundation

/// The materialised path of an organisation in the tree: the ids from the root down to it, as `/id1/id2/`.
///
/// Subtree questions ("is X under Y?") become prefix checks, both in the domain and in SQL (`LIKE 'prefix%'`).
public struct OrganizationPath: Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The path of a root organisation.
    public static func root(_ id: UUID) -> OrganizationPath {
        OrganizationPath(rawValue: "/\(id.lowercasedString)/")
    }

    /// The path of a child with `id` directly under this one.
    public func child(_ id: UUID) -> OrganizationPath {
        OrganizationPath(rawValue: rawValue + id.lowercasedString + "/")
    }

    /// Whether this path is `ancestor` itself or lies below it.
    public func isWithin(_ ancestor: OrganizationPath) -> Bool {
        rawValue.hasPrefix(ancestor.rawValue)
    }

    /// The ids from the root down to the organisation itself.
    public var ids: [UUID] {
        rawValue.split(separator: "/").compactMap { UUID(uuidString: String($0)) }
    }

    /// Number of levels above this organisation (0 for a root).
    public var depth: Int { max(ids.count - 1, 0) }

    /// The path after moving the subtree rooted at `oldRoot` to `newRoot`; unchanged when not in that subtree.
    public func rebased(from oldRoot: OrganizationPath, to newRoot: OrganizationPath) -> OrganizationPath {
        guard isWithin(oldRoot) else { return self }
        return OrganizationPath(rawValue: newRoot.rawValue + rawValue.dropFirst(oldRoot.rawValue.count))
    }

    public var description: String { rawValue }
}

extension UUID {
    /// The textual form we store and print: lowercase, as RFC 9562 recommends. Built from the bytes directly: ids
    /// are printed many times per request, and `uuidString.lowercased()` allocates twice.
    public var lowercasedString: String {
        let digits: StaticString = "0123456789abcdef"
        return withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { buffer in
                digits.withUTF8Buffer { hex in
                    var out = 0
                    for (index, byte) in bytes.enumerated() {
                        if index == 4 || index == 6 || index == 8 || index == 10 {
                            buffer[out] = UInt8(ascii: "-")
                            out += 1
                        }
                        buffer[out] = hex[Int(byte >> 4)]
                        buffer[out + 1] = hex[Int(byte & 0x0F)]
                        out += 2
                    }
                    return out
                }
            }
        }
    }
}
