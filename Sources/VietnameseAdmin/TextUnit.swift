import RuleEngine

/// One unit of text as the readers look at it: a `Character`, or a `Unicode.Scalar` of plain
/// text (`UnicodeText.isPlain`), where every scalar is a character of its own and both answer
/// every question here alike. The readers are written once over `TextUnit` and run on the
/// scalars of plain text (Vietnamese in NFC), which spares the grapheme breaking, and on the
/// characters of any other text.
protocol TextUnit: Equatable, ExpressibleByUnicodeScalarLiteral {
    associatedtype Units: BidirectionalCollection where Units.Element == Self, Units.Index == String.Index

    /// The units of `text`, indexed like it.
    static func units(of text: Substring) -> Units
    /// A string of `units`, in order.
    static func string<Many: Sequence>(_ units: Many) -> String where Many.Element == Self
    /// Whether `text.lowercased() == word`, for a `word` in lower case and NFC.
    static func lowercases(_ text: Substring, to word: String) -> Bool

    /// Whether the unit is whitespace (Unicode White_Space, as `Character.isWhitespace`).
    var isWhitespace: Bool { get }
    /// Whether the unit is a letter (Unicode Alphabetic, as `Character.isLetter`).
    var isLetter: Bool { get }
    /// Whether the unit is one of the ASCII digits 0–9 and nothing more.
    var isASCIIDigit: Bool { get }
    /// The unit as a character.
    var character: Character { get }
}

extension Character: TextUnit {
    static func units(of text: Substring) -> Substring { text }

    static func string<Many: Sequence>(_ units: Many) -> String where Many.Element == Character {
        String(units)
    }

    static func lowercases(_ text: Substring, to word: String) -> Bool { text.lowercased() == word }

    // `asciiValue` is nil for a digit carrying a combining mark, and 0x0A for CR LF.
    var isASCIIDigit: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }

    var character: Character { self }
}

extension Unicode.Scalar: TextUnit {
    static func units(of text: Substring) -> Substring.UnicodeScalarView { text.unicodeScalars }

    static func string<Many: Sequence>(_ units: Many) -> String where Many.Element == Unicode.Scalar {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: units)
        return String(scalars)
    }

    /// `String.lowercased()` maps scalar by scalar; compared here without building the string.
    /// A scalar of `word` is its own lower case, so a scalar equal to it needs no mapping.
    static func lowercases(_ text: Substring, to word: String) -> Bool {
        var letters = text.unicodeScalars.makeIterator()
        for expected in word.unicodeScalars {
            guard let letter = letters.next(), letter.lowercases(to: expected) else { return false }
        }
        return letters.next() == nil
    }

    private func lowercases(to expected: Unicode.Scalar) -> Bool {
        if self == expected { return true }
        if isASCII { return ((0x41...0x5A).contains(value) ? value + 0x20 : value) == expected.value }
        let mapping = properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 && mapping.first == expected
    }

    var isWhitespace: Bool { isASCII ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace }

    var isLetter: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0...0x7F: false
        // Vietnamese letters without a property lookup: Latin-1 letters, Latin Extended-A and -B
        // (Đ đ Ơ ơ Ư ư…) and Latin Extended Additional (ế ạ ủ…) are all Alphabetic.
        case 0xC0...0x24F where value != 0xD7 && value != 0xF7, 0x1E00...0x1EFF: true
        default: properties.isAlphabetic
        }
    }

    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }

    var character: Character { Character(self) }
}
