/// A visitor of a personal reception is an `Applicant` of kind person: the citizen shows an identity document
/// (ст. 13 ч. 2), so surname and name are always known. These are the checks and the identity keys a visitor needs.
public enum ReceptionVisitors {
    public static let maxPhoneLength = 50

    /// What else a visitor must give, beyond surname and name.
    public enum Contact: Sendable {
        /// A booking: a phone or an e-mail to tell the visitor of a changed reception.
        case phoneOrEmail
        /// A written answer: a postal address or an e-mail (ст. 7 ч. 1).
        case answerAddress
        case none
    }

    /// Every problem of the visitor at once; fields are named under `field` («visitor.surname»).
    public static func problems(of visitor: Applicant, field: String, contact: Contact) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if visitor.kind != .person {
            problems.append(FieldProblem(field: "\(field).kind", code: "not_person", message: ReceptionTexts.visitorNotPerson))
        }
        problems += TextRules.required(visitor.surname?.trimmed ?? "", field: "\(field).surname", maxLength: AppealRules.maxNameLength, label: "Фамилия")
        problems += TextRules.required(visitor.name?.trimmed ?? "", field: "\(field).name", maxLength: AppealRules.maxNameLength, label: "Имя")
        problems += TextRules.optional(visitor.patronymic, field: "\(field).patronymic", maxLength: AppealRules.maxNameLength, label: "Отчество")
        problems += TextRules.optional(visitor.postalAddress, field: "\(field).postalAddress", maxLength: AppealRules.maxAddressLength, label: "Почтовый адрес")
        problems += TextRules.optional(visitor.email, field: "\(field).email", maxLength: AppealRules.maxNameLength, label: "Электронная почта")
        problems += TextRules.optional(visitor.phone, field: "\(field).phone", maxLength: maxPhoneLength, label: "Телефон")
        let email = visitor.email?.trimmed ?? ""
        if !email.isEmpty, !AppealRules.isEmail(email) {
            problems.append(FieldProblem(field: "\(field).email", code: "email_malformed", message: AppealTexts.emailMalformed(email)))
        }
        let phone = visitor.phone?.trimmed ?? ""
        if !phone.isEmpty, phoneDigits(phone) == nil {
            problems.append(FieldProblem(field: "\(field).phone", code: "phone_malformed", message: ReceptionTexts.phoneMalformed(phone)))
        }
        switch contact {
        case .phoneOrEmail where phone.isEmpty && email.isEmpty:
            problems.append(FieldProblem(field: "\(field).phone", code: "contact_required", message: ReceptionTexts.contactRequired))
        case .answerAddress where !visitor.hasAnswerAddress:
            problems.append(FieldProblem(field: "\(field).postalAddress", code: "answer_address_required", message: ReceptionTexts.answerAddressRequired))
        default:
            break
        }
        return problems
    }

    /// The keys a visitor is recognised by: those of `RepeatedAppeals` (the normalised full name with the postal
    /// address, with the e-mail) and the name with the phone's digits, since most bookings come by phone.
    public static func keys(of visitor: Applicant) -> Set<String> {
        let name = RepeatedAppeals.normalized(visitor.displayName)
        guard !(visitor.surname?.trimmed ?? "").isEmpty, !name.isEmpty else { return [] }
        var keys = RepeatedAppeals.keys(of: visitor)
        if let digits = visitor.phone.flatMap(phoneDigits) { keys.insert("\(name)|tel:\(digits)") }
        // RepeatedAppeals gives no keys without an answer address; a booking by e-mail alone still needs one.
        if let email = visitor.email?.trimmed.lowercased(), !email.isEmpty { keys.insert("\(name)|\(email)") }
        return keys
    }

    /// The digits of a phone number, a Russian number in one form: `8 (863) 240-12-34`, `+7 863 240 12 34` and
    /// `863 240-12-34` all give `78632401234`. nil unless it has 5 to 15 digits and nothing but digits, spaces,
    /// brackets, hyphens and a leading plus.
    public static func phoneDigits(_ phone: String) -> String? {
        let text = phone.trimmed
        let allowed = text.enumerated().allSatisfy { index, character in
            character.isASCII && (character.isNumber || " ()-".contains(character) || (character == "+" && index == 0))
        }
        let digits = text.filter(\.isNumber)
        guard allowed, (5...15).contains(digits.count) else { return nil }
        if digits.count == 11, digits.hasPrefix("8") { return "7" + digits.dropFirst() }
        if digits.count == 10 { return "7" + digits }
        return digits
    }
}
