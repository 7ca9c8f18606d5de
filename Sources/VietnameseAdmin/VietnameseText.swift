import Foundation

/// Text normalisation shared by the Vietnamese readers: Unicode composition, whitespace and the
/// two accepted tone placements.
enum VietnameseText {
    /// The text in Unicode NFC (composed), the form the readers work on; reports arrive in NFC
    /// and NFD.
    static func composed(_ text: String) -> String {
        isOwnNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// The text in NFC without leading or trailing whitespace.
    static func composedAndTrimmed(_ text: String) -> String {
        trimmed(composed(text)) { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Whether `text` is certainly its own NFC, without Foundation: every scalar is below
    /// U+0300 (ASCII, Latin-1, Latin Extended-A/B: Ư ư Ơ ơ Đ đ…) or a precomposed letter of
    /// Latin Extended Additional (U+1E00–U+1EFF: ế ạ ủ…). Such scalars are NFC-stable and none
    /// composes with another (that takes a combining mark, U+0300 and up). Vietnamese written
    /// in NFC is always of this kind, so normalisation runs only for NFD or unusual text.
    static func isOwnNFC<Text: StringProtocol>(_ text: Text) -> Bool {
        for scalar in text.unicodeScalars where scalar.value >= 0x300 && !(0x1E00 ..< 0x1F00).contains(scalar.value) {
            return false
        }
        return true
    }

    /// `text` unchanged when its first and last characters are ASCII and not whitespace (so
    /// no whitespace set trims anything), else `trim(text)`: the Foundation trimming, which
    /// bridges to NSString, runs only when there may be something to trim.
    static func trimmed<Text: StringProtocol>(_ text: Text, _ trim: (Text) -> String) -> String {
        let string = String(text)
        if let first = string.utf8.first, let last = string.utf8.last, isASCIIVisible(first), isASCIIVisible(last) {
            return string
        }
        return string.isEmpty ? "" : trim(text)
    }

    private static func isASCIIVisible(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    /// A key under which two spellings of one name are equal: NFC, trimmed, runs of whitespace
    /// read as one space, no space inside or before brackets, and the tone mark of the open
    /// syllables `oa`, `oe`, `uy` placed on the second vowel (`thỏa` = `thoả`, `ủy` = `uỷ`,
    /// `hòa` = `hoà`). Letter case is kept.
    static func nameComparisonKey(_ name: String) -> String {
        let words = composed(name).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let bracketsTight = words
            .replacingOccurrences(of: " (", with: "(")
            .replacingOccurrences(of: "( ", with: "(")
            .replacingOccurrences(of: " )", with: ")")
        return withToneOnSecondVowel(bracketsTight)
    }

    /// The five Vietnamese tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng).
    private static let toneMarks: Set<Unicode.Scalar> = ["\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"]

    /// Vowel pairs whose tone mark old-style spelling puts on the first vowel and new-style
    /// spelling on the second: `oa`, `oe`, `uy`, in either case.
    private static let tonePlacementPairs: Set<String> = ["oa", "oe", "uy"]

    /// Moves a tone mark written on the first vowel of `oa`, `oe` or `uy` onto the second vowel
    /// (`hòa` → `hoà`), unless the second vowel already carries one. Returns NFC.
    private static func withToneOnSecondVowel(_ text: String) -> String {
        var scalars = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
        var index = 0
        while index + 2 < scalars.count {
            let pair = String(String.UnicodeScalarView([scalars[index], scalars[index + 2]])).lowercased()
            let secondIsBare = index + 3 >= scalars.count || !toneMarks.contains(scalars[index + 3])
            if toneMarks.contains(scalars[index + 1]), tonePlacementPairs.contains(pair), secondIsBare {
                scalars.swapAt(index + 1, index + 2)
                index += 3
            } else {
                index += 1
            }
        }
        return composed(String(String.UnicodeScalarView(scalars)))
    }
}
