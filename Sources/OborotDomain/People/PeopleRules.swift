import Foundation

/// Rules for employees, positions and user accounts.
public enum PeopleRules {
    static let maxNamePartLength = 100
    static let maxTitleLength = 300
    /// New passwords set through the API must be at least this long; the demo's «demo» is loaded directly.
    public static let minimumPasswordLength = 8
    static let maximumPasswordLength = 72  // bcrypt reads at most 72 bytes; longer passwords would be silently cut

    /// Cleans and checks an employee draft.
    public static func validate(_ draft: EmployeeDraft) -> Result<EmployeeDraft, OborotError> {
        var cleaned = draft
        cleaned.name = PersonName(
            surname: draft.name.surname.trimmed, givenName: draft.name.givenName.trimmed,
            patronymic: draft.name.patronymic.nonBlank)
        cleaned.email = draft.email.nonBlank
        cleaned.phone = draft.phone.nonBlank
        var problems = TextRules.required(cleaned.name.surname, field: "surname", maxLength: maxNamePartLength)
        problems += TextRules.required(cleaned.name.givenName, field: "givenName", maxLength: maxNamePartLength)
        problems += TextRules.optional(cleaned.name.patronymic, field: "patronymic", maxLength: maxNamePartLength)
        if let email = cleaned.email, !isPlausibleEmail(email) {
            problems.append(FieldProblem(field: "email", code: "invalid_email", message: PeopleTexts.invalidEmail))
        }
        problems += TextRules.optional(cleaned.phone, field: "phone", maxLength: 40)
        return problems.isEmpty ? .success(cleaned) : .failure(.validation(problems))
    }

    /// Cleans and checks a position title.
    public static func validatePositionTitle(_ title: String) -> Result<String, OborotError> {
        let cleaned = title.trimmed
        let problems = TextRules.required(cleaned, field: "title", maxLength: maxTitleLength)
        return problems.isEmpty ? .success(cleaned) : .failure(.validation(problems))
    }

    /// Logins are case-insensitive: stored lowercased, 2–64 of latin letters, digits, dot, dash, underscore.
    public static func normalizedLogin(_ login: String) -> String {
        login.trimmed.lowercased()
    }

    /// Problems with a login chosen for a new account.
    public static func loginProblems(_ login: String) -> [FieldProblem] {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard (2...64).contains(login.count), login.allSatisfy(allowed.contains) else {
            return [FieldProblem(field: "login", code: "invalid_login", message: PeopleTexts.invalidLogin)]
        }
        return []
    }

    /// Problems with a new password.
    public static func passwordProblems(_ password: String) -> [FieldProblem] {
        if password.count < minimumPasswordLength {
            return [FieldProblem(field: "password", code: "password_too_short", message: PeopleTexts.passwordTooShort)]
        }
        if password.utf8.count > maximumPasswordLength {
            return [FieldProblem(field: "password", code: "password_too_long", message: PeopleTexts.passwordTooLong)]
        }
        return []
    }

    static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !email.contains(" ")
    }
}

enum PeopleTexts {
    static let invalidEmail = "Адрес электронной почты указан неверно."
    static let invalidLogin = "Логин: от 2 до 64 символов — латинские буквы, цифры, точка, дефис, подчёркивание."
    static let passwordTooShort = "Пароль должен быть не короче \(PeopleRules.minimumPasswordLength) символов."
    static let passwordTooLong = "Пароль слишком длинный: не более 72 байт."
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    public var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }

    /// nil for an empty string: optional fields store nothing rather than "".
    public var nilIfEmpty: String? { isEmpty ? nil : self }
}
