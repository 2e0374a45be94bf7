/// Russian noun forms after a number: 1 день, 2 дня, 5 дней, 21 день, 11 дней.
public struct RussianPlural: Sendable, Hashable {
    public let one: String
    public let few: String
    public let many: String

    public init(_ one: String, _ few: String, _ many: String) {
        self.one = one
        self.few = few
        self.many = many
    }

    /// 1 год, 2 года, 5 лет.
    public static let years = RussianPlural("год", "года", "лет")

    public func form(for number: Int) -> String {
        let n = abs(number) % 100
        if (11...14).contains(n) { return many }
        switch n % 10 {
        case 1: return one
        case 2...4: return few
        default: return many
        }
    }

    /// "3 рабочих дня".
    public func counted(_ number: Int) -> String {
        "\(number) \(form(for: number))"
    }
}
