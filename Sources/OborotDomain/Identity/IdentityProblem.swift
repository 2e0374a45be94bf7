/// Why a sign-in through the identity provider did not prove who the resident is: a stable code for logs and tests
/// and a Russian reason for the page. The resident may always try again or send a message instead.
public struct IdentityProblem: Error, Sendable, Equatable {
    public var code: String
    public var reason: String

    public init(_ code: String, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    static let malformed = IdentityProblem("token_malformed", "Поставщик удостоверений вернул ответ, который не является ID-токеном.")
    static let unsupportedAlgorithm = IdentityProblem(
        "algorithm_unsupported", "ID-токен подписан алгоритмом, который здесь не проверяется (поддерживаются RS256, RS384, RS512, PS256, ES256).")
    static let unknownKey = IdentityProblem("key_unknown", "Ключ, которым подписан ID-токен, не опубликован поставщиком удостоверений.")
    static let badSignature = IdentityProblem("signature_invalid", "Подпись ID-токена не подтверждена: ответ мог быть подделан.")
    static let wrongIssuer = IdentityProblem("issuer_mismatch", "ID-токен выдан не тем поставщиком удостоверений, который настроен для сайта.")
    static let wrongAudience = IdentityProblem("audience_mismatch", "ID-токен выдан другому приложению, а не этому сайту.")
    static let expired = IdentityProblem("token_expired", "Срок действия ID-токена истёк. Войдите ещё раз.")
    static let issuedInFuture = IdentityProblem("token_not_yet_valid", "ID-токен выдан «в будущем»: часы сервера и поставщика расходятся.")
    static let wrongNonce = IdentityProblem("nonce_mismatch", "ID-токен не относится к этому входу (не совпадает nonce). Войдите ещё раз.")
    static let noSubject = IdentityProblem("subject_missing", "В ID-токене нет идентификатора пользователя.")
    static let noNames = IdentityProblem(
        "names_missing", "Поставщик удостоверений не передал фамилию и имя: без них обращение не может быть принято (ст. 7 59-ФЗ).")
    static let userInfoMismatch = IdentityProblem("userinfo_subject_mismatch", "Сведения о пользователе относятся к другому человеку, чем ID-токен.")
}
