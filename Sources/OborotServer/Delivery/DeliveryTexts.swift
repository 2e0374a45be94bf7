import OborotDomain

/// Russian texts of delivery's audit events and notifications.
enum DeliveryTexts {
    static func sent(count: Int) -> String {
        "Отправлен по внутренней доставке: адресатов — \(count)"
    }

    static func received(from sender: Organization, sent: Document) -> String {
        "Поступил по внутренней доставке от «\(sender.shortName)», исх. \(DocumentTexts.label(sent))"
    }

    static func deliveredNotice(from sender: Organization, title: String) -> String {
        "Поступил документ от «\(sender.shortName)»: «\(title.prefix(200))». Зарегистрируйте его или откажите в регистрации."
    }

    static func refused(reason: String) -> String {
        "Отказано в регистрации поступившего документа: \(reason.prefix(500))"
    }

    static func refusedNotice(by recipient: Organization, sent: Document, reason: String) -> String {
        "«\(recipient.shortName)» отказал(а) в регистрации документа \(DocumentTexts.label(sent)): \(reason.prefix(300))"
    }

    static func registeredNotice(by recipient: Organization, sent: Document, number: String) -> String {
        "«\(recipient.shortName)» зарегистрировал(а) документ \(DocumentTexts.label(sent)) под № \(number)"
    }

    static func answerLinked(_ sent: Document) -> String {
        "Получен ответ на документ \(DocumentTexts.label(sent))"
    }
}
