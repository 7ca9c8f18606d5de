/// Characters a Vietnamese reader cannot tell apart on screen from the ones a rule expects, named
/// in messages so "chữ viết tắt "QÐ", quy định "QĐ"" does not read as "X, required X": `Ð`
/// (U+00D0, what TCVN3 and VNI conversions leave for `Đ`), Cyrillic `А`, a no-break space, a
/// zero-width space, an en dash.
enum UnusualCharacters {
    /// `text` with each invisible character written as its code point (`UB[U+200B]ND`), and
    /// the unusual visible ones named after it, once each (`Hợp ðồng [ð là U+00F0, không phải
    /// đ]`). Text of ASCII and Vietnamese letters is returned as it is.
    static func annotated(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        var out = ""
        var notes: [String] = []
        var named: Set<Character> = []
        for character in text {
            let scalars = character.unicodeScalars
            guard !isUsual(character) else {
                out.append(character)
                continue
            }
            if scalars.allSatisfy(isInvisible) {
                out += scalars.map { "[\(codePoint($0))]" }.joined()
                continue
            }
            out.append(character)
            guard named.insert(character).inserted else { continue }
            let meant = lookalikeMeaning(of: character).map { ", không phải \($0)" } ?? ""
            notes.append("\(character) là \(scalars.map(codePoint).joined(separator: " "))\(meant)")
        }
        return notes.isEmpty ? out : out + " [" + notes.joined(separator: "; ") + "]"
    }

    /// What `character` most likely stands for when it is a known look-alike of one (`,` for
    /// `，`, U+FF0C; `Đ` for `Ð`, U+00D0); nil otherwise.
    static func lookalikeMeaning(of character: Character) -> String? {
        character.unicodeScalars.first.flatMap { lookalikes[$0] }
    }

    /// Whether `character` is `meant` or a known look-alike of it (`，` read as `,`).
    static func reads(_ character: Character, as meant: Character) -> Bool {
        character == meant || lookalikeMeaning(of: character) == String(meant)
    }

    /// Letters a clerk's keyboard gives, with a Vietnamese tone or vowel mark or none; ASCII.
    private static func isUsual(_ character: Character) -> Bool {
        let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard let base = scalars.first else { return true }
        let baseIsUsual = base.isASCII && !(base.value < 0x20 || base.value == 0x7F) || base == "\u{0110}" || base == "\u{0111}"
        return baseIsUsual && scalars.dropFirst().allSatisfy(vietnameseMarks.contains)
    }

    /// Breve, circumflex, horn, and the five tone marks.
    private static let vietnameseMarks = VietnameseText.vowelMarks.union(VietnameseText.toneMarks)

    /// Format characters and spaces other than the ASCII space: nothing shows on screen.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .format || (scalar.properties.isWhitespace && scalar != " ")
    }

    /// What an unusual character is most likely standing for.
    private static let lookalikes: [Unicode.Scalar: String] = [
        "\u{00D0}": "Đ", "\u{00F0}": "đ", "\u{0189}": "Đ",
        "\u{0410}": "A", "\u{0430}": "a", "\u{0412}": "B", "\u{0415}": "E", "\u{0435}": "e", "\u{041A}": "K",
        "\u{041C}": "M", "\u{041D}": "H", "\u{041E}": "O", "\u{043E}": "o", "\u{0420}": "P", "\u{0440}": "p",
        "\u{0421}": "C", "\u{0441}": "c", "\u{0422}": "T", "\u{0425}": "X", "\u{0445}": "x", "\u{0443}": "y",
        "\u{0406}": "I", "\u{0456}": "i",
        "\u{2013}": "-", "\u{2014}": "-", "\u{2212}": "-", "\u{2010}": "-", "\u{2011}": "-",
        "\u{FF0C}": ",", "\u{FF0F}": "/", "\u{2044}": "/", "\u{2215}": "/", "\u{FF1A}": ":",
    ]

    /// `text` with each look-alike `annotated(_:)` names replaced by the character it stands
    /// for (`QÐ` → `QĐ`, Cyrillic `А` → `A`, `–` → `-`); every other character is kept.
    static func replacingLookalikes(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let meant = lookalikes[scalar] { out.append(contentsOf: meant.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
