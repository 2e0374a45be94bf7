import OborotDomain
import OborotExchange

/// Russian texts of the МЭДО exchange: audit events, notifications, details in the exchange log.
enum MedoTexts {
    static func received(from sender: String, document: MedoDocument) -> String {
        "Поступил по МЭДО от «\(sender)», исх. № \(document.number) от \(document.date.russian)"
    }

    static func receivedNotice(from sender: String, document: MedoDocument) -> String {
        "Поступил документ по МЭДО от «\(sender)»: «\((document.annotation ?? document.kind).prefix(200))». Зарегистрируйте его или откажите в регистрации."
    }

    static func details(of event: MedoNotification.Event) -> String? {
        switch event {
        case .accepted(let acceptance): "зарегистрирован под № \(acceptance.number) от \(acceptance.date.russian)"
        case .refused(let refusal): "причина отказа: \(refusal.reason)"
        case .executorAssigned(let executor): "исполнитель: \([executor.person, executor.organization].compactMap { $0 }.joined(separator: ", "))"
        case .reportPrepared(let signatory): "доклад подписал: \(signatory.person ?? "—")"
        case .reportSent(let number, let date): "доклад № \(number) от \(date.russian)"
        case .courseChanged, .documentPublished: nil
        }
    }

    static func missingTicket(_ packet: String) -> String {
        "Пакет МЭДО \(packet) передан более 72 часов назад, квитанции о доставке нет."
    }
}
