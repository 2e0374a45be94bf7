import Foundation
import OborotDomain
import OborotStore

/// A verified session or API token and the actor it resolves to.
struct Authentication: Sendable {
    var actor: Actor
    var sessionID: UUID
    var tokenHash: String
    var kind: StoredSession.Kind
    /// Whether the secret came in the cookie (then unsafe requests must come from our own pages).
    var viaCookie: Bool
}
