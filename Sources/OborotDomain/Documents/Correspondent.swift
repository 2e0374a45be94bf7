public import Foundation

/// An outside organisation or person the region's bodies write to and receive from (корреспондент).
public struct Correspondent: Sendable, Equatable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case organization
        case person

        public var russianName: String {
            switch self {
            case .organization: "Организация"
            case .person: "Физическое лицо"
            }
        }
    }

    public var id: UUID
    public var kind: Kind
    /// Full name of the organisation, or the person's «Фамилия Имя Отчество».
    public var name: String
    public var inn: String?
    public var address: String?
    public var email: String?
    public var phone: String?
    /// The organisation of the region this correspondent stands for, when it is one of ours.
    public var organizationID: UUID?
    public var version: Int

    public init(
        id: UUID, kind: Kind, name: String, inn: String?, address: String?, email: String?, phone: String?,
        organizationID: UUID?, version: Int
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.inn = inn
        self.address = address
        self.email = email
        self.phone = phone
        self.organizationID = organizationID
        self.version = version
    }
}

/// Rules of the correspondents directory.
public enum CorrespondentRules {
    /// The key two entries are the same correspondent by: the ИНН when known, otherwise name and address with case,
    /// «ё», punctuation and spacing ignored.
    public static func deduplicationKey(name: String, inn: String?, address: String?) -> String {
        if let inn = inn.nonBlank { return "inn:" + inn }
        return "name:" + fold(name) + "|" + fold(address ?? "")
    }

    static func fold(_ text: String) -> String {
        SearchText.normalize(text).filter { $0.isLetter || $0.isNumber }
    }

    /// Cleans and checks a correspondent before it is stored.
    public static func validate(
        kind: Correspondent.Kind, name: String, inn: String?, address: String?, email: String?, phone: String?
    ) -> Result<(name: String, inn: String?, address: String?, email: String?, phone: String?), OborotError> {
        let cleanedName = name.trimmed
        var problems = TextRules.required(cleanedName, field: "name", maxLength: 1000)
        let cleanedINN = inn.nonBlank
        if let cleanedINN, !TaxIdentifiers.isValidINN(cleanedINN) {
            problems.append(FieldProblem(field: "inn", code: "invalid_inn", message: OrganizationTexts.invalidINN))
        }
        if kind == .organization, let cleanedINN, cleanedINN.count != 10, cleanedINN.count != 12 {
            problems.append(FieldProblem(field: "inn", code: "invalid_inn", message: OrganizationTexts.invalidINN))
        }
        let cleanedEmail = email.nonBlank
        if let cleanedEmail, !PeopleRules.isPlausibleEmail(cleanedEmail) {
            problems.append(FieldProblem(field: "email", code: "invalid_email", message: PeopleTexts.invalidEmail))
        }
        problems += TextRules.optional(address.nonBlank, field: "address", maxLength: 1000)
        guard problems.isEmpty else { return .failure(.validation(problems)) }
        return .success((cleanedName, cleanedINN, address.nonBlank, cleanedEmail, phone.nonBlank))
    }
}
