import ArgumentParser
import Foundation
import HummingbirdBcrypt
import OborotDomain
import Logging
import OborotServer
import OborotStore

/// `oborot user set-password`: an administrator's way back in when nobody can sign in.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Учётные записи.", subcommands: [SetPassword.self])

    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password",
            abstract: "Задать пароль учётной записи (пароль читается из стандартного ввода) и завершить её сеансы.")

        @Argument(help: "Логин.")
        var login: String

        func run() async throws {
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw ValidationError("Передайте новый пароль на стандартный ввод, например: echo 'пароль' | oborot user set-password admin")
            }
            let problems = PeopleRules.passwordProblems(password)
            guard problems.isEmpty else { throw ValidationError(problems.map(\.message).joined(separator: " ")) }
            let configuration = try ServerConfiguration.fromEnvironment()
            let database = try await CommandSupport.openMigrated(configuration, logger: CommandSupport.logger(level: .warning))
            let hash = Bcrypt.hash(password, cost: configuration.passwordHashCost)
            let normalized = PeopleRules.normalizedLogin(login)
            do {
                try await database.write { db in
                    guard let user = try await UserRepository(db).find(login: normalized) else {
                        throw ValidationError("Учётная запись «\(normalized)» не найдена.")
                    }
                    try await UserRepository(db).setPasswordHash(userID: user.id, hash)
                    _ = try await SessionRepository(db).revokeAll(userID: user.id)
                    try await AuditLog(db).append(
                        AuditRecord(
                            actorUserID: nil, actingForUserID: nil, action: "user.set_password_cli",
                            objectType: ObjectKind.user.rawValue, objectID: user.id.lowercasedString,
                            summary: "Пароль «\(normalized)» задан из командной строки сервера", clientAddress: nil))
                }
            } catch {
                await database.close()
                throw error
            }
            await database.close()
            say("Пароль учётной записи «\(normalized)» изменён, её сеансы завершены.")
        }
    }
}
