/// Reads a place-and-date line (`Tiên Sơn, ngày 14 tháng 01 năm 2022`) tolerantly: any case,
/// leading zeros optional, extra spaces ignored. Works on `TextForm.key` text.
enum PlaceDateText {
    private static let maxLength = 100

    /// Whether the line has `ngày`, `tháng` and `năm` in that order, as a place-and-date line
    /// does (filled in or not).
    static func isPlaceDateLine(_ key: String) -> Bool {
        guard key.count <= maxLength, let day = key.range(of: "NGÀY"),
              let month = key.range(of: "THÁNG", range: day.upperBound ..< key.endIndex) else { return false }
        return key.range(of: "NĂM", range: month.upperBound ..< key.endIndex) != nil
    }

    /// The date the line states, when it is readable and exists.
    static func date(_ key: String) -> DocxDocument.IssueDate? {
        guard let start = key.range(of: "NGÀY") else { return nil }
        var rest = key[start.upperBound...]
        func number(digits: ClosedRange<Int>) -> Int? {
            rest = rest.drop(while: \.isWhitespace)
            let figures = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard digits.contains(figures.count) else { return nil }
            rest = rest.dropFirst(figures.count)
            return Int(figures)
        }
        func word(_ word: String) -> Bool {
            rest = rest.drop(while: \.isWhitespace)
            guard rest.hasPrefix(word) else { return false }
            rest = rest.dropFirst(word.count)
            return true
        }
        guard let day = number(digits: 1 ... 2), word("THÁNG"), let month = number(digits: 1 ... 2), word("NĂM"),
              let year = number(digits: 4 ... 4) else { return nil }
        return DocxDocument.IssueDate(year: year, month: month, day: day)
    }
}
