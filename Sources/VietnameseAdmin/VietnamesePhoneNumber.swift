/// A telephone number as posted in Vietnam (a one-stop shop's hotline, MC-POST-HOTLINE).
///
/// Reading: spaces, dots, hyphens and parentheses are removed, and a leading `+84` is read as
/// `0`. A leading `84` without `+` is not: dialled inside Vietnam it reaches no one, so a
/// posted `84 235 3884 123` is refused. What remains is valid when it is 10 or 11 digits
/// starting with `0` (`0235 3884 123`, `0912 345 678`) or `1800`/`1900` followed by 4 or 6
/// digits (`1900 1234`, `1800 123456`).
public struct VietnamesePhoneNumber: Sendable, Hashable {
    /// The text as given.
    public let text: String
    /// The number as dialled inside Vietnam (`02353884123`, `19001234`).
    public let digits: String

    /// Reads `text`; nil when it is not a Vietnamese phone number.
    public init?(parsing text: String) {
        let kept = text.filter { !($0.isWhitespace || Self.ignoredSeparators.contains($0)) }
        let digits = kept.hasPrefix("+84") ? "0" + kept.dropFirst(3) : kept
        guard Decree30Numerals.isDigits(digits), Self.isDialable(digits) else { return nil }
        self.text = text
        self.digits = digits
    }

    /// Whether `text` is a Vietnamese phone number (see the type's documentation).
    public static func isValid(_ text: String) -> Bool {
        VietnamesePhoneNumber(parsing: text) != nil
    }

    private static let ignoredSeparators: Set<Character> = [".", "-", "(", ")"]

    private static func isDialable(_ digits: String) -> Bool {
        if digits.hasPrefix("0") { return (10...11).contains(digits.count) }
        let isServiceNumber = digits.hasPrefix("1800") || digits.hasPrefix("1900")
        return isServiceNumber && [8, 10].contains(digits.count)
    }
}
