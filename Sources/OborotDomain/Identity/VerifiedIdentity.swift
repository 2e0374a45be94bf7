public import Foundation

/// A citizen as the identity provider (ЕСИА in production) vouched for them: who said so, the stable subject, the
/// names from the ID token and when it was checked. An appeal carries it to show it came with the person identified
/// (59-ФЗ as amended on 30.03.2025), and the names on it are not the registrar's to change.
public struct VerifiedIdentity: Sendable, Equatable, Codable {
    public var issuer: String
    public var subject: String
    public var surname: String
    public var name: String
    public var patronymic: String?
    public var email: String?
    /// What the resident sees: «Госуслуги (ЕСИА)», or the development provider's name.
    public var providerName: String
    public var verifiedAt: Date

    public init(
        issuer: String, subject: String, surname: String, name: String, patronymic: String?, email: String?, providerName: String,
        verifiedAt: Date
    ) {
        self.issuer = issuer
        self.subject = subject
        self.surname = surname
        self.name = name
        self.patronymic = patronymic
        self.email = email
        self.providerName = providerName
        self.verifiedAt = verifiedAt
    }

    public var fullName: String { [surname, name, patronymic].compactMap { $0?.nilIfEmpty }.joined(separator: " ") }

    /// The applicant as the identity shows them: the names are the provider's; the addresses for the answer are the
    /// resident's own (an e-mail typed in the form wins over the provider's).
    public func applicant(typed: Applicant) -> Applicant {
        var applicant = typed
        applicant.kind = .person
        applicant.surname = surname
        applicant.name = name
        applicant.patronymic = patronymic?.nilIfEmpty
        if (applicant.email ?? "").isEmpty { applicant.email = email }
        return applicant
    }
}
