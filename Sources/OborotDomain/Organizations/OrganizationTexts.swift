/// Russian wording of the organisations area.
enum OrganizationTexts {
    static let invalidINN = "ИНН указан неверно: нужно 10 цифр (организация) или 12 (физическое лицо) с верной контрольной суммой."
    static let invalidOGRN = "ОГРН указан неверно: нужно 13 цифр (ОГРН) или 15 (ОГРНИП) с верной контрольной цифрой."
    static let unknownTimeZone = "Неизвестный часовой пояс. Укажите его в формате IANA, например Europe/Moscow."
    static let parentRequired = "Укажите вышестоящую организацию: организации этого вида не могут быть корнем дерева."
    static let cannotMoveUnderItself = "Нельзя подчинить организацию самой себе или своему подразделению."

    static func parentKindNotAllowed(child: OrganizationKind, parent: OrganizationKind) -> String {
        "Вид «\(child.russianName)» не может входить в «\(parent.russianName)»."
    }
}
