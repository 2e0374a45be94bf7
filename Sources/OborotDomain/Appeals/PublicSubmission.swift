public import Foundation

/// What a resident sends through the body's public form. Without an identity provider it is a *message*: since
/// 30.03.2025 an electronic appeal under 59-ФЗ needs the citizen identified (ЕСИА), so a registrar confirms it first.
public struct PublicSubmission: Sendable, Equatable {
    public var organizationID: UUID?
    public var surname: String
    public var name: String
    public var patronymic: String
    public var postalAddress: String
    public var email: String
    public var phone: String
    public var text: String
    public var consent: Bool
    /// A field people never see: a robot fills it in.
    public var honeypot: String
    /// When the form was rendered (from its signed token); a person needs some seconds to fill it in.
    public var renderedAt: Date?

    public init(
        organizationID: UUID?, surname: String, name: String, patronymic: String, postalAddress: String, email: String,
        phone: String, text: String, consent: Bool, honeypot: String, renderedAt: Date?
    ) {
        self.organizationID = organizationID
        self.surname = surname
        self.name = name
        self.patronymic = patronymic
        self.postalAddress = postalAddress
        self.email = email
        self.phone = phone
        self.text = text
        self.consent = consent
        self.honeypot = honeypot
        self.renderedAt = renderedAt
    }

    public var applicant: Applicant {
        AppealRules.cleaned(
            Applicant(surname: surname, name: name, patronymic: patronymic, postalAddress: postalAddress, email: email, phone: phone))
    }
}

/// The checks of the public form: the content the law requires (ст. 7: surname, name, an address for the answer, the
/// substance), consent to processing personal data, and the anti-spam rules (a honeypot, a minimum fill time) —
/// no third-party captcha.
public enum PublicSubmissionRules {
    public static let minimumFillSeconds: TimeInterval = 4
    /// A form older than this is stale: the page is reloaded so the token is fresh.
    public static let maximumFormAgeSeconds: TimeInterval = 6 * 3600
    public static let maxTextLength = 20_000
    public static let unknownOrganization = PublicTexts.organizationRequired
    public static let maxFiles = 5
    public static let maxFileBytes = 10 * 1024 * 1024
    public static let maxTotalBytes = 20 * 1024 * 1024
    /// What may be attached: PDF, images, DOCX.
    public static let allowedTypes: Set<String> = [
        "application/pdf", "image/jpeg", "image/png", "image/tiff", "image/gif", "image/webp",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]

    public static func problems(of submission: PublicSubmission, now: Date) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if !submission.honeypot.isEmpty {
            problems.append(FieldProblem(field: "form", code: "spam", message: PublicTexts.notAccepted))
        }
        if let rendered = submission.renderedAt {
            let age = now.timeIntervalSince(rendered)
            if age < minimumFillSeconds {
                problems.append(FieldProblem(field: "form", code: "too_fast", message: PublicTexts.tooFast))
            } else if age > maximumFormAgeSeconds {
                problems.append(FieldProblem(field: "form", code: "form_expired", message: PublicTexts.formExpired))
            }
        } else {
            problems.append(FieldProblem(field: "form", code: "form_expired", message: PublicTexts.formExpired))
        }
        if submission.organizationID == nil {
            problems.append(FieldProblem(field: "organizationId", code: "required", message: PublicTexts.organizationRequired))
        }
        problems += TextRules.required(submission.surname.trimmed, field: "surname", maxLength: AppealRules.maxNameLength, label: "Фамилия")
        problems += TextRules.required(submission.name.trimmed, field: "name", maxLength: AppealRules.maxNameLength, label: "Имя")
        problems += TextRules.optional(submission.patronymic.trimmed, field: "patronymic", maxLength: AppealRules.maxNameLength, label: "Отчество")
        problems += TextRules.optional(submission.postalAddress.trimmed, field: "postalAddress", maxLength: AppealRules.maxAddressLength, label: "Почтовый адрес")
        problems += TextRules.optional(submission.phone.trimmed, field: "phone", maxLength: 50, label: "Телефон")
        let email = submission.email.trimmed
        if !email.isEmpty && !AppealRules.isEmail(email) {
            problems.append(FieldProblem(field: "email", code: "email_malformed", message: AppealTexts.emailMalformed(email)))
        }
        if email.isEmpty && submission.postalAddress.trimmed.isEmpty {
            problems.append(FieldProblem(field: "email", code: "answer_address_required", message: PublicTexts.answerAddressRequired))
        }
        problems += TextRules.required(submission.text.trimmed, field: "text", maxLength: maxTextLength, label: "Текст обращения")
        if !submission.consent {
            problems.append(FieldProblem(field: "consent", code: "consent_required", message: PublicTexts.consentRequired))
        }
        return problems
    }

    /// An attachment's problem, if any: too many, too large, or not a PDF, image or DOCX by its content.
    public static func problem(ofFile name: String, size: Int, detectedType: String, index: Int, totalBytes: Int) -> FieldProblem? {
        let field = "files[\(index)]"
        if index >= maxFiles { return FieldProblem(field: field, code: "too_many_files", message: PublicTexts.tooManyFiles) }
        if size > maxFileBytes { return FieldProblem(field: field, code: "file_too_large", message: PublicTexts.fileTooLarge(name)) }
        if totalBytes > maxTotalBytes { return FieldProblem(field: field, code: "files_too_large", message: PublicTexts.filesTooLarge) }
        if !allowedTypes.contains(detectedType) { return FieldProblem(field: field, code: "file_type", message: PublicTexts.fileType(name)) }
        return nil
    }
}

/// Codes residents follow their submission by: 12 characters from an alphabet without look-alikes (no 0/O, 1/I),
/// in groups of four — about 60 bits, not guessable.
public enum TrackingCode {
    static let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")

    public static func make<Generator: RandomNumberGenerator>(using generator: inout Generator) -> String {
        let characters = (0..<12).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
        return stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(using: &generator)
    }

    /// What a person typed, normalised: upper case, spaces and dashes dropped; nil if it cannot be a code.
    public static func normalized(_ text: String) -> String? {
        let cleaned = Array(text.uppercased().filter { !$0.isWhitespace && $0 != "-" })
        guard cleaned.count == 12, cleaned.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return stride(from: 0, to: 12, by: 4).map { String(cleaned[$0..<$0 + 4]) }.joined(separator: "-")
    }
}

/// A fixed window per address: at most `limit` submissions in `window` seconds (20 in a minute is a robot).
public struct SubmissionRateLimit: Sendable {
    public static let limit = 10
    public static let window: TimeInterval = 60

    /// The recent submission times after adding `now`, or the seconds to wait when the address is over the limit.
    public static func admit(_ recent: [Date], now: Date) -> Result<[Date], OborotError> {
        let kept = recent.filter { now.timeIntervalSince($0) < window }
        guard kept.count < limit else {
            let wait = Int((window - now.timeIntervalSince(kept.min() ?? now)).rounded(.up))
            return .failure(PublicTexts.tooManySubmissions(retryAfter: max(1, wait)))
        }
        return .success(kept + [now])
    }
}

enum PublicTexts {
    static let notAccepted = "Форма не принята. Обновите страницу и заполните её ещё раз."
    static let tooFast = "Форма отправлена слишком быстро. Проверьте написанное и отправьте ещё раз."
    static let formExpired = "Страница устарела. Скопируйте текст, обновите страницу и отправьте обращение ещё раз."
    static let organizationRequired = "Выберите орган, в который вы обращаетесь."
    static let answerAddressRequired = "Укажите электронную почту или почтовый адрес: туда придёт ответ."
    static let consentRequired = "Без согласия на обработку персональных данных обращение не может быть рассмотрено (ст. 6 59-ФЗ, 152-ФЗ)."
    static let tooManyFiles = "Можно приложить не более \(PublicSubmissionRules.maxFiles) файлов."
    static func fileTooLarge(_ name: String) -> String { "Файл «\(name.prefix(80))» больше 10 МБ." }
    static let filesTooLarge = "Все файлы вместе — не более 20 МБ."
    static func fileType(_ name: String) -> String { "Файл «\(name.prefix(80))» — не PDF, не изображение и не DOCX (проверяется содержимое файла)." }

    static func tooManySubmissions(retryAfter: Int) -> OborotError {
        OborotError(
            .tooManyRequests, code: "too_many_submissions", title: "Слишком много обращений",
            detail: "С вашего адреса отправлено слишком много обращений за минуту. Повторите через \(retryAfter) с.",
            retryAfterSeconds: retryAfter)
    }
}
