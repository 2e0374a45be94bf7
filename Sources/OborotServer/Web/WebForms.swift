import Foundation
import Hummingbird
import OborotDomain

/// Reading `application/x-www-form-urlencoded` bodies of our own forms.
enum WebForms {
    /// Decodes the (already size-limited) body into `Form`; a body we did not produce is a `400`.
    static func decode<Form: Decodable>(_ type: Form.Type, from request: Request) async throws -> Form {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        do {
            return try URLEncodedFormDecoder().decode(type, from: String(buffer: buffer))
        } catch {
            throw OborotError.malformedBody(field: nil, reason: WebTexts.unreadableForm)
        }
    }
}

/// Russian wording of the web pages.
enum WebTexts {
    static let unreadableForm = "Форма отправлена не полностью. Обновите страницу и попробуйте ещё раз."
    static let tokenRevoked = "Токен отозван."
    static let passwordChanged = "Пароль изменён. Другие сеансы завершены."
    static let actingStarted = "Теперь вы действуете от имени руководителя."
    static let actingStopped = "Вы снова действуете от своего имени."
    static let regionName = DemoRegion.regionName

    /// «512 байт», «12 КБ», «3,4 МБ».
    static func byteCount(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) байт" }
        if bytes < 1024 * 1024 { return "\(bytes / 1024) КБ" }
        let megabytes = Double(bytes) / 1_048_576
        return String(format: "%.1f МБ", megabytes).replacingOccurrences(of: ".", with: ",")
    }

    /// A certificate's validity period, «с 12.05.2026 14:30 по 12.05.2027 14:30», for signature marks.
    static func validity(_ certificate: CertificateFacts, timeZone: String) -> String {
        "с \(dateTime(certificate.notBefore, timeZone: timeZone)) по \(dateTime(certificate.notAfter, timeZone: timeZone))"
    }

    /// «12.05.2026 14:30» in the given time zone.
    static func dateTime(_ date: Date, timeZone: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "ru_RU")
        formatter.timeZone = TimeZone(identifier: timeZone) ?? .current
        formatter.dateFormat = "dd.MM.yyyy HH:mm"
        return formatter.string(from: date)
    }
}
