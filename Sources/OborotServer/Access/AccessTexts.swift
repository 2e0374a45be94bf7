/// Russian wording of sign-in and access at the HTTP edge.
enum AccessTexts {
    static let actingForPolicyName = "действующее поручение полномочий от руководителя"
    static let crossSiteTitle = "Запрос с чужого сайта отклонён"
    static let crossSiteDetail = "Действие можно выполнить только со страниц самой системы."
    static let badActingFor = "Заголовок X-Acting-For должен содержать идентификатор пользователя."
}
