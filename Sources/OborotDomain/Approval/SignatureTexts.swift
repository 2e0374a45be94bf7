public import Foundation

extension SignatureProblem {
    /// The stable code clients switch on.
    public var code: String {
        switch self {
        case .malformed: "signature_malformed"
        case .gostUnsupported: "signature_gost_unsupported"
        case .unsupportedAlgorithm: "signature_unsupported_algorithm"
        case .attachedContent: "signature_attached"
        case .multipleSigners: "signature_multiple_signers"
        case .signerCertificateMissing: "signature_no_certificate"
        case .contentMismatch: "signature_content_mismatch"
        case .invalidSignature: "signature_invalid"
        case .noTrustStore: "signature_no_trust_store"
        case .untrusted: "signature_untrusted"
        case .expired: "signature_certificate_expired"
        case .notYetValid: "signature_certificate_not_yet_valid"
        case .notBoundToSigner: "signature_not_bound"
        }
    }

    /// The exact reason in Russian.
    public var russianReason: String {
        switch self {
        case .malformed(let detail):
            "Файл подписи повреждён или не является подписью CMS/PKCS#7 (.p7s)\(detail.isEmpty ? "" : ": \(detail)")."
        case .gostUnsupported:
            "Подпись сделана по алгоритму ГОСТ: алгоритм ГОСТ не поддерживается этой установкой."
        case .unsupportedAlgorithm(let name):
            "Алгоритм подписи «\(name)» не поддерживается: принимаются RSA и ECDSA (P-256, P-384) с SHA-256/384/512."
        case .attachedContent:
            "Подпись содержит документ внутри себя (присоединённая); нужна отсоединённая подпись над файлом."
        case .multipleSigners:
            "В файле несколько подписей; загрузите подпись одного подписанта."
        case .signerCertificateMissing:
            "В подписи нет сертификата подписанта."
        case .contentMismatch:
            "Подпись сделана над другим содержимым: файл или его версия не совпадают с подписанными."
        case .invalidSignature:
            "Значение подписи не проверяется ключом сертификата: подпись повреждена или подделана."
        case .noTrustStore:
            "В системе не загружены доверенные корневые сертификаты: обратитесь к администратору."
        case .untrusted(let detail):
            "Сертификат подписанта не выдан доверенным удостоверяющим центром\(detail.isEmpty ? "" : " (\(detail))")."
        case .expired(let notAfter, let checkedAt):
            "Срок действия сертификата истёк \(SignatureTexts.moment(notAfter)), подпись проверена на \(SignatureTexts.moment(checkedAt))."
        case .notYetValid(let notBefore, let checkedAt):
            "Сертификат начинает действовать только \(SignatureTexts.moment(notBefore)), подпись проверена на \(SignatureTexts.moment(checkedAt))."
        case .notBoundToSigner(let subject):
            "Сертификат «\(subject)» не привязан к подписанту документа: привязку задаёт администратор."
        }
    }

    /// The problem as the error a request answers with (`422`).
    public var error: OborotError {
        OborotError(.unprocessable, code: code, title: SignatureTexts.rejectedTitle, detail: russianReason)
    }
}

/// Russian wording of signatures.
public enum SignatureTexts {
    public static let rejectedTitle = "Подпись не принята"
    public static let restrictedFileName = "файл документа ДСП"

    /// Moments in messages: UTC, to the minute, so every reader sees the same time.
    public static func moment(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(two(parts.day)).\(two(parts.month)).\(parts.year ?? 0) \(two(parts.hour)):\(two(parts.minute)) UTC"
    }

    public static let signedVersionFrozen = OborotError(
        .conflict, code: "signed_version_frozen", title: "Версия подписана",
        detail: "Файл подписан электронной подписью: новые версии не добавляются. Создайте новый документ или новый файл.")

    public static let notCurrentVersion = OborotError(
        .conflict, code: "signature_not_current_version", title: "Подписывается только текущая версия",
        detail: "Подписать можно только текущую версию файла — ту, что прошла согласование; обновите страницу.")

    public static let signsInPerson = OborotError(
        .forbidden, code: "signs_in_person", title: "Подпись ставится лично",
        detail: "Электронную подпись руководитель ставит сам: помощник, действующий от его имени, подписать не может.")

    public static let alreadySignedByYou = OborotError(
        .conflict, code: "already_signed", title: "Уже подписано", detail: "Вы уже подписали эту версию файла.")
}
