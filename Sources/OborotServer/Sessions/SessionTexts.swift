/// Russian wording of the sign-in area.
enum SessionTexts {
    static let signedOut = "Выход из системы"
    static let wrongCurrentPassword = "Текущий пароль указан неверно."
    static let passwordChanged = "Пароль изменён пользователем; все сеансы завершены"

    static func signedIn(_ login: String) -> String { "Вход в систему (логин \(login))" }
    static func tokenIssued(_ name: String) -> String { "Выпущен API-токен «\(name)»" }
    static func tokenRevoked(_ name: String) -> String { "Отозван API-токен «\(name)»" }
}
