/// Personal data of applicants as people who do not handle the appeal see it: the address, phone and e-mail masked
/// (59-ФЗ ст. 6: an applicant's personal data is not disclosed without consent).
public enum PersonalData {
    public static let hiddenAddress = "скрыт"

    public static func masked(_ applicant: Applicant) -> Applicant {
        var copy = applicant
        copy.postalAddress = applicant.postalAddress.map { _ in hiddenAddress }
        copy.email = applicant.email.map(maskedEmail)
        copy.phone = applicant.phone.map(maskedPhone)
        return copy
    }

    /// `ivanov@mail.ru` → `i***@mail.ru`.
    public static func maskedEmail(_ email: String) -> String {
        guard let at = email.firstIndex(of: "@"), let first = email.first, at != email.startIndex else { return "***" }
        return "\(first)***\(email[at...])"
    }

    /// The last two digits only: `+7 (863) 240-12-34` → `*** **-34`.
    public static func maskedPhone(_ phone: String) -> String {
        let digits = phone.filter(\.isNumber)
        return digits.count >= 4 ? "*** **-\(digits.suffix(2))" : "***"
    }
}
