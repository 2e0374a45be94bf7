/// Russian wording shared by every area, kept in one place so it can be reviewed.
enum CommonTexts {
    static let validationTitle = "Данные заполнены неверно"
    static let notFoundTitle = "Не найдено"
    static let forbiddenTitle = "Недостаточно прав"
    static let unauthenticatedTitle = "Требуется вход в систему"
    static let unauthenticatedDetail = "Сеанс не найден или истёк. Войдите в систему заново."
    static let staleTitle = "Данные изменены другим пользователем"
    static let malformedTitle = "Некорректный запрос"

    static func notFound(_ object: ObjectKind) -> String {
        let ending = object.isFeminine ? "а" : object.isNeuter ? "о" : ""
        return "\(object.russianName) не найден\(ending) или у вас нет к этому доступа."
    }

    static func forbiddenDetail(_ policy: String) -> String {
        "У вас нет прав на это действие (правило: \(policy))."
    }

    static func stale(_ object: ObjectKind, expected: Int, actual: Int) -> String {
        "\(object.russianName): вы редактировали версию \(expected), а сейчас сохранена версия \(actual). "
            + "Обновите страницу и повторите изменения."
    }
}

extension CommonTexts {
    /// Field names as people read them in messages; unknown names are shown as they are.
    static let fieldNames: [String: String] = [
        "shortName": "Краткое наименование",
        "fullName": "Полное наименование",
        "inn": "ИНН",
        "ogrn": "ОГРН",
        "timeZone": "Часовой пояс",
        "parentId": "Вышестоящая организация",
        "kind": "Вид",
        "title": "Наименование должности",
        "surname": "Фамилия",
        "givenName": "Имя",
        "patronymic": "Отчество",
        "email": "Электронная почта",
        "phone": "Телефон",
        "login": "Логин",
        "password": "Пароль",
        "employeeId": "Сотрудник",
        "organizationId": "Организация",
        "positionId": "Должность",
        "role": "Роль",
        "name": "Название",
        "assistantUserId": "Помощник",
        "principalUserId": "Руководитель",
        "validUntil": "Действует до",
    ]

    static func fieldName(_ field: String) -> String { fieldNames[field] ?? field }

    /// «Поле «X» обязательно.» for a field's human label.
    static func required(_ label: String) -> String { "Поле «\(label)» обязательно." }

    static func tooLong(_ label: String, maxLength: Int) -> String {
        "Поле «\(label)» длиннее \(maxLength) символов."
    }
}
