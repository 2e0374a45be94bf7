public import Foundation

/// Finds earlier appeals of the same applicant on a similar question (59-ФЗ: a repeated appeal is linked to the
/// earlier one). The registrar confirms; nothing is linked automatically.
public enum RepeatedAppeals {
    /// An earlier appeal as the store gives it.
    public struct Earlier: Sendable, Equatable {
        public var documentID: UUID
        public var applicantKeys: Set<String>
        public var topicCodes: Set<TopicCode>
        public var text: String

        public init(documentID: UUID, applicantKeys: Set<String>, topicCodes: Set<TopicCode>, text: String) {
            self.documentID = documentID
            self.applicantKeys = applicantKeys
            self.topicCodes = topicCodes
            self.text = text
        }
    }

    public struct Match: Sendable, Equatable {
        public var documentID: UUID
        public var sameTopic: Bool
        /// Share of common word stems, 0…1.
        public var textSimilarity: Double

        public var reason: String {
            var parts: [String] = ["тот же заявитель"]
            if sameTopic { parts.append("тот же вопрос классификатора") }
            if textSimilarity >= RepeatedAppeals.similarText {
                parts.append("похожий текст (\(Int((textSimilarity * 100).rounded())) % общих слов)")
            }
            return parts.joined(separator: ", ")
        }
    }

    public static let similarText = 0.3

    /// The keys an applicant is recognised by: the normalised full name with the postal address, and with the
    /// e-mail. An anonymous applicant has none.
    public static func keys(of applicant: Applicant) -> Set<String> {
        // Without a surname the name alone («Иван») is not a person (ст. 11 ч. 1): no keys, as for no name at all.
        guard !applicant.isAnonymous else { return [] }
        let name = normalized(applicant.kind == .organization ? applicant.organizationName ?? "" : applicant.displayName)
        guard !name.isEmpty else { return [] }
        var keys: Set<String> = []
        if let address = applicant.postalAddress.map(normalizedAddress), !address.isEmpty { keys.insert("\(name)|\(address)") }
        if let email = applicant.email?.trimmed.lowercased(), !email.isEmpty { keys.insert("\(name)|\(email)") }
        return keys
    }

    /// Earlier appeals sharing an applicant key and either a question's topic or a similar text, best first.
    public static func matches(
        applicants: [Applicant], topicCodes: Set<TopicCode>, text: String, among earlier: [Earlier]
    ) -> [Match] {
        let keys = applicants.reduce(into: Set<String>()) { $0.formUnion(Self.keys(of: $1)) }
        guard !keys.isEmpty else { return [] }
        let stems = Self.stems(text)
        return earlier.compactMap { candidate -> Match? in
            guard !candidate.applicantKeys.isDisjoint(with: keys) else { return nil }
            let sameTopic = !candidate.topicCodes.isDisjoint(with: topicCodes)
            let similarity = jaccard(stems, Self.stems(candidate.text))
            guard sameTopic || similarity >= similarText else { return nil }
            return Match(documentID: candidate.documentID, sameTopic: sameTopic, textSimilarity: similarity)
        }
        .sorted { ($0.sameTopic ? 1 : 0, $0.textSimilarity) > ($1.sameTopic ? 1 : 0, $1.textSimilarity) }
    }

    /// Lower case, ё as е, only letters and digits, single spaces.
    static func normalized(_ text: String) -> String {
        let folded = text.lowercased().replacingOccurrences(of: "ё", with: "е")
        return folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    /// An address without the words people write differently («ул.», «улица», «д.», «кв.», «пр-т», «р-н»). The
    /// words are cut before the hyphens are (so «пр-т» is dropped whole, not left as «т»), then normalised.
    static func normalizedAddress(_ text: String) -> String {
        let noise: Set<String> = ["г", "город", "ул", "улица", "д", "дом", "кв", "квартира", "пр", "пр-т", "проспект", "пер", "переулок", "обл", "область", "р-н", "район", "корп", "к", "стр"]
        let words = text.lowercased().replacingOccurrences(of: "ё", with: "е")
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" })
            .filter { !noise.contains(String($0)) }
        return normalized(words.joined(separator: " "))
    }

    static func stems(_ text: String) -> Set<String> {
        Set(SearchTerms.terms(in: text))
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }
}
