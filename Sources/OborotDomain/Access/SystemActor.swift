public import Foundation

/// The system itself as the creator of cards nobody in the organisation made: incoming cards delivered from
/// another body or received by МЭДО. No user has this id, so being the creator gives nobody sight of the card.
public enum SystemActor {
    public static let userID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}
