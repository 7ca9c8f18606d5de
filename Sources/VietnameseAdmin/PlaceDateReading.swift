import Foundation

/// The parts of a place-and-date line (`Tiên Sơn, ngày 05 tháng 01 năm 2022`) as written, found
/// without judging them: what both readings of `PlaceDateLine` start from.
///
/// The date is the last word `ngày` (any case) followed by exactly: digits, `tháng`, digits,
/// `năm`, digits, with any whitespace (or none) between them and nothing after. Everything
/// before it is the place, with the comma that should end it.
struct PlaceDateReading: Sendable {
    /// The place, trimmed and without its final comma; empty when the line starts with the date.
    let place: String
    /// Whether the place is followed by a comma.
    let hasComma: Bool
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

    /// The words of the date part, lower-case, in order.
    static let dateWords = (day: "ngày", month: "tháng", year: "năm")

    /// Reads `line`, which must be NFC; nil when it has no date part of the shape above.
    init?(composedLine line: String) {
        let tokens = Self.tokens(of: line)
        guard let dayWordIndex = tokens.lastIndex(where: { $0.isWord(Self.dateWords.day) }),
              tokens.count == dayWordIndex + 6 else { return nil }
        let date = Array(tokens[dayWordIndex...])
        guard date[1].kind == .digits, date[2].isWord(Self.dateWords.month),
              date[3].kind == .digits, date[4].isWord(Self.dateWords.year),
              date[5].kind == .digits,
              let day = Int(date[1].text), let month = Int(date[3].text), let year = Int(date[5].text)
        else { return nil }
        let before = VietnameseText.trimmed(line[..<date[0].text.startIndex]) { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        hasComma = before.hasSuffix(",")
        place = VietnameseText.trimmed(hasComma ? String(before.dropLast()) : before) { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        (dayWord, monthWord, yearWord) = (String(date[0].text), String(date[2].text), String(date[4].text))
        (dayText, monthText, yearText) = (String(date[1].text), String(date[3].text), String(date[5].text))
        (self.day, self.month, self.year) = (day, month, year)
    }

    /// A run of letters, a run of ASCII digits, or one other non-space character.
    private struct Token {
        enum Kind { case letters, digits, other }
        let kind: Kind
        let text: Substring

        func isWord(_ lowercaseWord: String) -> Bool {
            kind == .letters && text.lowercased() == lowercaseWord
        }
    }

    private static func tokens(of line: String) -> [Token] {
        var tokens: [Token] = []
        var start = line.startIndex
        while start < line.endIndex {
            let character = line[start]
            guard !character.isWhitespace else {
                start = line.index(after: start)
                continue
            }
            let kind = tokenKind(of: character)
            var end = line.index(after: start)
            while kind != .other, end < line.endIndex, tokenKind(of: line[end]) == kind {
                end = line.index(after: end)
            }
            tokens.append(Token(kind: kind, text: line[start..<end]))
            start = end
        }
        return tokens
    }

    private static func tokenKind(of character: Character) -> Token.Kind {
        if character.isLetter { return .letters }
        return Decree30Numerals.isDigits(String(character)) ? .digits : .other
    }
}
