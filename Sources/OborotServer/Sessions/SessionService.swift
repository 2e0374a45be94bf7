import Foundation
import OborotDomain
import OborotStore

/// Sign-in, sign-out, personal API tokens and the caller's own profile.
///
/// | action | policy |
/// |---|---|
/// | sign in | anyone with a valid login and password, throttled per login |
/// | sign out, list/create/revoke own API tokens, read own profile | the signed-in person |
struct SessionService: Sendable {
    let database: any Database
    let hasher: PasswordHasher
    let authenticator: Authenticator

    /// The result of a successful sign-in: the secret (shown once) and who signed in.
    struct SignIn: Sendable {
        var secret: String
        var userID: UUID
    }

    /// Checks the password and opens a browser session; refuses with `429` after too many failures.
    func signIn(login rawLogin: String, password: String, clientAddress: String?) async throws -> SignIn {
        let login = PeopleRules.normalizedLogin(rawLogin)
        let (failures, credentials) = try await database.read { db in
            (try await LoginFailureRepository(db).recent(login: login), try await UserRepository(db).credentials(login: login))
        }
        if let seconds = LoginThrottle.retryAfter(failures: failures, now: Date()) {
            throw OborotError.loginLocked(retryAfter: seconds)
        }
        let passwordMatches = try await hasher.verify(password, hash: credentials?.passwordHash)
        guard let credentials, passwordMatches, credentials.user.active else {
            try await database.write { try await LoginFailureRepository($0).record(login: login, clientAddress: clientAddress) }
            throw OborotError.invalidCredentials
        }
        let secret = SessionToken.generate()
        let user = credentials.user
        try await database.write { db in
            let session = try await SessionRepository(db).create(
                tokenHash: SessionToken.hash(secret), userID: user.id, kind: .browser, name: nil,
                clientAddress: clientAddress)
            try await LoginFailureRepository(db).clear(login: login)
            try await AuditLog(db).append(
                AuditRecord(
                    actorUserID: user.id, actingForUserID: nil, action: "session.sign_in", objectType: ObjectKind.session.rawValue,
                    objectID: session.id.lowercasedString, summary: SessionTexts.signedIn(login), clientAddress: clientAddress))
        }
        return SignIn(secret: secret, userID: user.id)
    }

    /// Ends the caller's session (or revokes the API token used for this request).
    func signOut(_ authentication: Authentication, clientAddress: String?) async throws {
        let caller = Caller(actor: authentication.actor, clientAddress: clientAddress)
        try await database.write { db in
            try await SessionRepository(db).revoke(id: authentication.sessionID)
            try await AuditLog(db).append(
                caller.audit("session.sign_out", .session, authentication.sessionID, SessionTexts.signedOut))
        }
        authenticator.forget(tokenHash: authentication.tokenHash)
    }

    func apiTokens(_ caller: Caller) async throws -> [StoredSession] {
        try await database.read { try await SessionRepository($0).apiTokens(userID: caller.actor.principal.userID) }
    }

    /// Issues a personal API token for the caller; the secret is returned once and stored only as a hash.
    func createAPIToken(_ caller: Caller, name rawName: String) async throws -> (StoredSession, String) {
        let name = rawName.trimmed
        try OborotError.throwIfInvalid(TextRules.required(name, field: "name", maxLength: 200))
        let secret = SessionToken.generate(prefix: SessionToken.apiTokenPrefix)
        let session = try await database.write { db in
            let session = try await SessionRepository(db).create(
                tokenHash: SessionToken.hash(secret), userID: caller.actor.performingUserID, kind: .apiToken, name: name,
                clientAddress: caller.clientAddress)
            try await AuditLog(db).append(caller.audit("api_token.create", .apiToken, session.id, SessionTexts.tokenIssued(name)))
            return session
        }
        return (session, secret)
    }

    /// Revokes one of the caller's own API tokens; someone else's is reported as not found.
    func revokeAPIToken(_ caller: Caller, id: UUID) async throws {
        let tokenHash: String? = try await database.write { db in
            let sessions = SessionRepository(db)
            guard let token = try await sessions.find(id: id), token.kind == .apiToken,
                token.userID == caller.actor.performingUserID
            else { throw OborotError.notFound(.apiToken) }
            let hash = try await sessions.revoke(id: id)
            if hash != nil {
                try await AuditLog(db).append(caller.audit("api_token.revoke", .apiToken, id, SessionTexts.tokenRevoked(token.name ?? "")))
            }
            return hash
        }
        if let tokenHash { authenticator.forget(tokenHash: tokenHash) }
    }

    /// Changes the caller's own password after checking the current one; every other session is ended.
    func changeOwnPassword(_ caller: Caller, current: String, new: String, keepingSession: UUID?) async throws {
        let userID = caller.actor.performingUserID
        let credentials = try await database.read { db in
            try await UserRepository(db).credentials(login: caller.actor.performer?.login ?? caller.actor.principal.login)
        }
        guard let credentials, try await hasher.verify(current, hash: credentials.passwordHash) else {
            throw OborotError.validation([
                FieldProblem(field: "currentPassword", code: "wrong_password", message: SessionTexts.wrongCurrentPassword)
            ])
        }
        try OborotError.throwIfInvalid(PeopleRules.passwordProblems(new))
        let hash = try await hasher.hash(new)
        let revoked = try await database.write { db in
            try await UserRepository(db).setPasswordHash(userID: userID, hash)
            try await AuditLog(db).append(caller.audit("user.change_password", .user, userID, SessionTexts.passwordChanged))
            return try await SessionRepository(db).revokeAll(userID: userID, except: keepingSession)
        }
        for hash in revoked { authenticator.forget(tokenHash: hash) }
    }
}
