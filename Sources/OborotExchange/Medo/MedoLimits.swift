/// Caps on what unpacking a container may cost; the defaults suit real packets (a few PDFs of tens of MB).
public struct MedoLimits: Sendable, Equatable {
    /// The most a container may unpack to, in bytes, counting declared sizes and what inflating really makes.
    public var maxContainerBytes: Int
    /// The most files a container may hold.
    public var maxContainerEntries: Int

    public init(maxContainerBytes: Int = 200 << 20, maxContainerEntries: Int = 500) {
        self.maxContainerBytes = maxContainerBytes
        self.maxContainerEntries = maxContainerEntries
    }

    public static let standard = MedoLimits()
}
