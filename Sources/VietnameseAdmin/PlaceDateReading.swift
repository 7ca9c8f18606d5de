import RuleEngine

/// The parts of a place-and-date line (`Tiên Sơn, ngày 05 tháng 01 năm 2022`) as written, found
/// without judging them: what both readings of `PlaceDateLine` start from.
///
/// The date is the last word `ngày` (any case) followed by exactly: digits, `tháng`, digits,
/// `năm`, digits, with any whitespace (or none) between them and nothing after. Everything
/// before it is the place, with the comma that should end it. Where whitespace stands (around
/// the comma, between the date's parts) is recorded, not required.
struct PlaceDateReading: Sendable {
    /// The place, trimmed and without its final comma; empty when the line starts with the date.
    let place: String
    /// Whether the place is followed by a comma, or by a character that looks like one.
    let hasComma: Bool
    /// The character that stands for the comma when it only looks like one (`，`, U+FF0C, the
    /// full-width comma of East Asian input methods); nil for `,` and for no comma.
    let commaLookalike: String?
    /// Whether more than one comma (or look-alike) follows the place (`Tiên Sơn,, ngày …`);
    /// `place` is then without them.
    let repeatedComma: Bool
    /// The words `ngày`, `tháng`, `năm` as written (`Ngày` is read too).
    let dayWord: String
    let monthWord: String
    let yearWord: String
    /// The day, month and year digits as written (`05`, `1`, `2022`).
    let dayText: String
    let monthText: String
    let yearText: String
    let day: Int
    let month: Int
    let year: Int
    /// Whether whitespace stands between the place and its comma (`Tiên Sơn ,`).
    let spaceBeforeComma: Bool
    /// Whether whitespace stands before `ngày` (after the comma, when there is one).
    let spaceBeforeDayWord: Bool
    /// Whether whitespace stands after each of `ngày`, the day, `tháng`, the month and `năm`.
    let spaceAfterDatePart: [Bool]

    /// The words of the date part, lower-case, in order.
    static let dateWords = (day: "ngày", month: "tháng", year: "năm")

    /// Reads `line`, which must be NFC; nil when it has no date part of the shape above.
    init?(composedLine line: String) {
        if UnicodeText.isPlain(line) {
            self.init(line, unit: Unicode.Scalar.self)
        } else {
            self.init(line, unit: Character.self)
        }
    }

    /// Reads `line` unit by unit; by scalar only when `line` is plain (the tests read plain
    /// lines by character too).
    init?<Unit: TextUnit>(_ line: String, unit: Unit.Type) {
        let tokens = Self.tokens(of: line, unit: Unit.self)
        func isWord(_ token: Token, _ lowercaseWord: String) -> Bool {
            token.kind == .letters && Unit.lowercases(line[token.range], to: lowercaseWord)
        }
        guard let dayWordIndex = tokens.lastIndex(where: { isWord($0, Self.dateWords.day) }),
              tokens.count == dayWordIndex + 6 else { return nil }
        func token(_ part: Int) -> Token { tokens[dayWordIndex + part] }
        func text(_ part: Int) -> Substring { line[token(part).range] }
        guard token(1).kind == .digits, isWord(token(2), Self.dateWords.month),
              token(3).kind == .digits, isWord(token(4), Self.dateWords.year),
              token(5).kind == .digits,
              let day = Int(text(1)), let month = Int(text(3)), let year = Int(text(5))
        else { return nil }
        let before = UnicodeText.trimmed(line[..<token(0).range.lowerBound])
        // The comma is a unit of its own, and may be a look-alike of several bytes.
        let beforeUnits = Unit.units(of: before[...])
        let last = beforeUnits.last?.character
        hasComma = last.map { UnusualCharacters.reads($0, as: ",") } ?? false
        commaLookalike = hasComma && last != "," ? last.map(String.init) : nil
        if hasComma {
            let comma = beforeUnits.index(before: beforeUnits.endIndex)
            let named = UnicodeText.trimmed(before[..<comma])
            place = Self.droppingFinalCommas(named)
            repeatedComma = place != named
            spaceBeforeComma = comma > beforeUnits.startIndex && beforeUnits[beforeUnits.index(before: comma)].isWhitespace
        } else {
            place = before
            repeatedComma = false
            spaceBeforeComma = false
        }
        let units = Unit.units(of: line[...])
        let dayWordStart = token(0).range.lowerBound
        spaceBeforeDayWord = dayWordStart > units.startIndex && units[units.index(before: dayWordStart)].isWhitespace
        spaceAfterDatePart = (0 ..< 5).map { token($0).range.upperBound < token($0 + 1).range.lowerBound }
        (dayWord, monthWord, yearWord) = (String(text(0)), String(text(2)), String(text(4)))
        (dayText, monthText, yearText) = (String(text(1)), String(text(3)), String(text(5)))
        (self.day, self.month, self.year) = (day, month, year)
    }

    /// A run of letters, a run of ASCII digits, or one other non-space unit.
    private struct Token {
        enum Kind { case letters, digits, other }
        let kind: Kind
        let range: Range<String.Index>
    }

    private static func tokens<Unit: TextUnit>(of line: String, unit: Unit.Type) -> [Token] {
        let units = Unit.units(of: line[...])
        var tokens: [Token] = []
        var start = units.startIndex
        while start < units.endIndex {
            let unit = units[start]
            guard !unit.isWhitespace else {
                start = units.index(after: start)
                continue
            }
            let kind = tokenKind(of: unit)
            var end = units.index(after: start)
            while kind != .other, end < units.endIndex, tokenKind(of: units[end]) == kind {
                end = units.index(after: end)
            }
            tokens.append(Token(kind: kind, range: start..<end))
            start = end
        }
        return tokens
    }

    private static func tokenKind<Unit: TextUnit>(of unit: Unit) -> Token.Kind {
        if unit.isLetter { return .letters }
        return unit.isASCIIDigit ? .digits : .other
    }

    /// `place` without the commas (or look-alikes of one) and spaces at its end.
    private static func droppingFinalCommas(_ place: String) -> String {
        var name = Substring(place)
        while let last = name.last, last.isWhitespace || UnusualCharacters.reads(last, as: ",") {
            name = name.dropLast()
        }
        return String(name)
    }
}
