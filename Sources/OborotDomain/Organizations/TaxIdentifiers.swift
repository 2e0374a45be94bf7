/// Checksums of Russian state registration numbers (ИНН, ОГРН, ОГРНИП), as the Federal Tax Service defines them.
public enum TaxIdentifiers {
    fileprivate static let inn10Weights = [2, 4, 10, 3, 5, 9, 4, 6, 8]
    private static let inn12FirstWeights = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
    private static let inn12SecondWeights = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]

    /// Whether `value` is a valid ИНН: 10 digits for an organisation or 12 for a person, with correct check digits.
    public static func isValidINN(_ value: String) -> Bool {
        guard let digits = digits(of: value) else { return false }
        switch digits.count {
        case 10:
            return checkDigit(digits, weights: inn10Weights) == digits[9]
        case 12:
            return checkDigit(digits, weights: inn12FirstWeights) == digits[10]
                && checkDigit(digits, weights: inn12SecondWeights) == digits[11]
        default:
            return false
        }
    }

    /// Whether `value` is a valid ОГРН (13 digits) or ОГРНИП (15 digits).
    ///
    /// The last digit is the remainder of the leading number divided by 11 (ОГРН) or 13 (ОГРНИП), taken modulo 10.
    public static func isValidOGRN(_ value: String) -> Bool {
        guard let digits = digits(of: value) else { return false }
        let divisor: Int
        switch digits.count {
        case 13: divisor = 11
        case 15: divisor = 13
        default: return false
        }
        // Long division digit by digit: 14 digits overflow no Int, but this keeps the rule obvious and exact.
        var remainder = 0
        for digit in digits.dropLast() { remainder = (remainder * 10 + digit) % divisor }
        return remainder % 10 == digits.last
    }

    fileprivate static func checkDigit(_ digits: [Int], weights: [Int]) -> Int {
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return sum % 11 % 10
    }

    fileprivate static func digits(of value: String) -> [Int]? {
        var result: [Int] = []
        for scalar in value.unicodeScalars {
            guard scalar.value >= 48, scalar.value <= 57 else { return nil }
            result.append(Int(scalar.value - 48))
        }
        return result
    }
}

extension TaxIdentifiers {
    /// A valid 10-digit ИНН made from its first nine digits (demo data and tests).
    public static func completeINN10(_ firstNine: String) -> String? {
        guard firstNine.count == 9, let digits = digits(of: firstNine) else { return nil }
        return firstNine + String(checkDigit(digits, weights: inn10Weights))
    }

    /// A valid 13-digit ОГРН made from its first twelve digits (demo data and tests).
    public static func completeOGRN(_ firstTwelve: String) -> String? {
        guard firstTwelve.count == 12, let digits = digits(of: firstTwelve) else { return nil }
        let remainder = digits.reduce(0) { ($0 * 10 + $1) % 11 }
        return firstTwelve + String(remainder % 10)
    }
}
