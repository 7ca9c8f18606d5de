import Foundation
import RuleEngine

/// Text normalisation shared by the Vietnamese readers: Unicode composition, whitespace and the
/// two accepted tone placements.
enum VietnameseText {
    /// The text in NFC (reports arrive in NFC and NFD) without leading or trailing whitespace.
    static func composedAndTrimmed(_ text: String) -> String {
        UnicodeText.trimmed(UnicodeText.nfc(text))
    }

    /// A key under which two spellings of one name are equal: NFC, trimmed, runs of whitespace
    /// read as one space, no space inside or before brackets, and the tone mark of the open
    /// syllables `oa`, `oe`, `uy` placed on the second vowel (`thỏa` = `thoả`, `ủy` = `uỷ`,
    /// `hòa` = `hoà`), in lower case (`QUYẾT ĐỊNH`, as the document prints it, = `Quyết định`).
    static func nameComparisonKey(_ name: String) -> String {
        let words = UnicodeText.nfc(name).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let bracketsTight = words
            .replacingOccurrences(of: " (", with: "(")
            .replacingOccurrences(of: "( ", with: "(")
            .replacingOccurrences(of: " )", with: ")")
        return withToneOnSecondVowel(bracketsTight)
    }

    /// The five Vietnamese tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng).
    static let toneMarks: Set<Unicode.Scalar> = ["\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"]

    /// The marks that make ă, â, ê, ô, ơ, ư of a, e, o, u: breve, circumflex, horn.
    static let vowelMarks: Set<Unicode.Scalar> = ["\u{0306}", "\u{0302}", "\u{031B}"]

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
        return UnicodeText.nfc(String(String.UnicodeScalarView(scalars)))
    }
}
