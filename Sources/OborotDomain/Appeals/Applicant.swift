import Foundation

/// Who wrote an appeal: a person (surname, name, patronymic) or an organisation (an association, a legal entity),
/// with where the answer goes. A collective appeal has several applicants.
public struct Applicant: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case person
        case organization
    }

    public var kind: Kind
    public var surname: String?
    public var name: String?
    public var patronymic: String?
    /// For an organisation: its name.
    public var organizationName: String?
    public var postalAddress: String?
    public var email: String?
    public var phone: String?

    public init(
        kind: Kind = .person, surname: String? = nil, name: String? = nil, patronymic: String? = nil,
        organizationName: String? = nil, postalAddress: String? = nil, email: String? = nil, phone: String? = nil
    ) {
        self.kind = kind
        self.surname = surname
        self.name = name
        self.patronymic = patronymic
        self.organizationName = organizationName
        self.postalAddress = postalAddress
        self.email = email
        self.phone = phone
    }

    /// «Иванов Иван Иванович» or the organisation's name; empty when neither is known (anonymous).
    public var displayName: String {
        switch kind {
        case .organization: return organizationName?.trimmed ?? ""
        case .person: return [surname, name, patronymic].compactMap { $0?.trimmed }.filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    /// Where an answer can be sent: a postal address or an e-mail.
    public var hasAnswerAddress: Bool {
        !(postalAddress?.trimmed ?? "").isEmpty || !(email?.trimmed ?? "").isEmpty
    }

    /// 59-ФЗ ст. 11 ч. 1: an appeal with no surname (no organisation name) or no address for the answer is anonymous.
    public var isAnonymous: Bool {
        let named = kind == .organization ? !(organizationName?.trimmed ?? "").isEmpty : !(surname?.trimmed ?? "").isEmpty
        return !named || !hasAnswerAddress
    }
}
