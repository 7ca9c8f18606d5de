import Foundation
@testable import VietnameseAdmin

/// The readers as they were before they read plain text scalar by scalar and trimmed without
/// Foundation: character by character, with Foundation's NFC and trimming throughout. The
/// tests hold the readers to these results, scalar for scalar.
enum FoundationOracle {
    static func composed(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }

    static func isDigits<Text: StringProtocol>(_ text: Text) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    // MARK: Place-and-date lines

    /// The fields of a place-and-date line's reading, nil when it cannot be read.
    static func placeDateFields(_ line: String) -> [String]? {
        let tokens = placeDateTokens(of: line)
        func isWord(_ token: (kind: Int, text: Substring), _ word: String) -> Bool { token.kind == 0 && token.text.lowercased() == word }
        guard let dayWordIndex = tokens.lastIndex(where: { isWord($0, "ngày") }),
              tokens.count == dayWordIndex + 6 else { return nil }
        let date = Array(tokens[dayWordIndex...])
        guard date[1].kind == 1, isWord(date[2], "tháng"), date[3].kind == 1, isWord(date[4], "năm"), date[5].kind == 1,
              let day = Int(date[1].text), let month = Int(date[3].text), let year = Int(date[5].text)
        else { return nil }
        let before = line[..<date[0].text.startIndex].trimmingCharacters(in: .whitespacesAndNewlines)
        let hasComma = before.hasSuffix(",")
        let named = (hasComma ? String(before.dropLast()) : before).trimmingCharacters(in: .whitespacesAndNewlines)
        // `Tiên Sơn,, ngày …`: the place without its extra commas (or full-width ones).
        var place = Substring(named)
        while hasComma, let last = place.last, last == "," || last == "\u{FF0C}" || last.isWhitespace { place = place.dropLast() }
        let spaceBeforeComma = hasComma && before.dropLast().last?.isWhitespace == true
        let spaceBeforeDayWord = line[..<date[0].text.startIndex].last?.isWhitespace == true
        let spaced = (0 ..< 5).map { date[$0].text.endIndex < date[$0 + 1].text.startIndex }
        return [String(place), "\(hasComma)"] + date.map { String($0.text) } + ["\(day)", "\(month)", "\(year)"]
            + ["\(spaceBeforeComma)", "\(spaceBeforeDayWord)", "\(spaced)", "\(place != named)"]
    }

    /// Kinds: 0 letters, 1 ASCII digits, 2 other.
    private static func placeDateTokens(of line: String) -> [(kind: Int, text: Substring)] {
        func kind(_ character: Character) -> Int { character.isLetter ? 0 : isDigits(String(character)) ? 1 : 2 }
        var tokens: [(kind: Int, text: Substring)] = []
        var start = line.startIndex
        while start < line.endIndex {
            guard !line[start].isWhitespace else {
                start = line.index(after: start)
                continue
            }
            let tokenKind = kind(line[start])
            var end = line.index(after: start)
            while tokenKind != 2, end < line.endIndex, kind(line[end]) == tokenKind { end = line.index(after: end) }
            tokens.append((tokenKind, line[start..<end]))
            start = end
        }
        return tokens
    }

    // MARK: Document numbers

    /// The sequence, its text and the symbol parts as `DocumentNumber(parsing:)` read them.
    static func documentNumberFields(_ text: String) -> [String]? {
        let composed = composed(text).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let slash = composed.firstIndex(of: "/") else { return nil }
        let sequenceText = composed[..<slash].trimmingCharacters(in: .whitespaces)
        guard isDigits(sequenceText) else { return nil }
        let dashes: [Character] = ["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}"]
        let parts = composed[composed.index(after: slash)...]
            .split(omittingEmptySubsequences: false, whereSeparator: dashes.contains)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.contains(where: { $0.isEmpty || $0.contains("/") }) else { return nil }
        return [Int(sequenceText).map(String.init) ?? "-", sequenceText] + parts
    }
}
