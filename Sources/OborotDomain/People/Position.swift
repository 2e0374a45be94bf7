public import Foundation

/// A post in an organisation's staff list (должность), e.g. «Министр», «Главный специалист».
public struct Position: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var title: String
    /// Whether the holder heads the organisation (signs, issues resolutions).
    public var isHead: Bool
    public var version: Int

    public init(id: UUID, organizationID: UUID, title: String, isHead: Bool, version: Int) {
        self.id = id
        self.organizationID = organizationID
        self.title = title
        self.isHead = isHead
        self.version = version
    }
}
