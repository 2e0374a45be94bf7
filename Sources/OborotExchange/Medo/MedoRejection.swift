/// Why a packet cannot be taken in (or written): a stable code for programs and a Russian reason for the clerk
/// who looks at the quarantined packet.
public struct MedoRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable snake_case identifier, e.g. `missing_file`; safe to store and to match on.
    public let code: String
    /// What is wrong, in Russian, precise enough to ask the sender for a corrected packet.
    public let reason: String

    public init(code: String, reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code): \(reason)" }
}
