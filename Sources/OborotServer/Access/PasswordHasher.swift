import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing off the event loops: a check costs tens to hundreds of milliseconds by design.
struct PasswordHasher: Sendable {
    let cost: UInt8

    /// A hash of a valid password, used to spend the same time when the login does not exist.
    private static let decoyHash = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5H0aRm8cKQm6sRrA7wX8c8QfxOQ7x5K"

    func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { [cost] in Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String?) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive {
            guard let hash else {
                _ = Bcrypt.verify(password, hash: Self.decoyHash)
                return false
            }
            return Bcrypt.verify(password, hash: hash)
        }
    }
}
