/// A Russian full name: surname, given name and (usually) patronymic.
public struct PersonName: Sendable, Equatable, Hashable, Codable {
    public var surname: String
    public var givenName: String
    public var patronymic: String?

    public init(surname: String, givenName: String, patronymic: String? = nil) {
        self.surname = surname
        self.givenName = givenName
        self.patronymic = patronymic
    }

    /// «Иванов Иван Иванович».
    public var full: String {
        [surname, givenName, patronymic].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// «Иванов И. И.», the form used in signatures and lists.
    public var withInitials: String {
        let initials = [givenName, patronymic ?? ""].compactMap { $0.first.map { "\($0)." } }
        return ([surname] + initials).joined(separator: " ")
    }
}
