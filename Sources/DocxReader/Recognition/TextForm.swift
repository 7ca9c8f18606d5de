import Foundation

/// The text forms the recognisers work on. `clean` is what facts report: NFC, no invisible
/// characters, runs of white space (no-break spaces included) as one space. `key` is what
/// patterns match: `clean`, upper-cased, with every dash a hyphen-minus and smart quotes straight.
enum TextForm {
    static func clean(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                continue
            default:
                if scalar.properties.isWhitespace {
                    pendingSpace = !result.isEmpty
                } else {
                    if pendingSpace { result.unicodeScalars.append(" ") }
                    pendingSpace = false
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    static func key(_ cleanText: String) -> String {
        var result = ""
        for scalar in cleanText.uppercased().unicodeScalars {
            switch scalar.value {
            case 0x2010 ... 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: result.unicodeScalars.append("-")
            case 0x2018, 0x2019, 0x201A, 0x2032: result.unicodeScalars.append("'")
            case 0x201C, 0x201D, 0x201E, 0x2033: result.unicodeScalars.append("\"")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Only the letters of `text`: `CỘNG HÒA XÃ HỘI…` and `Cộng hoà  xã hội…` compare by it
    /// once upper-cased.
    static func letters(_ text: String) -> String {
        String(text.filter(\.isLetter))
    }

    /// Whether the text has at least two letters and all of them are capitals.
    static func isUpperCase(_ text: String) -> Bool {
        var count = 0
        for character in text where character.isLetter {
            guard character.isUppercase else { return false }
            count += 1
        }
        return count >= 2
    }

    /// `KẾ HOẠCH` → `Kế hoạch`.
    static func sentenceCase(_ text: String) -> String {
        let lower = text.lowercased()
        guard let first = lower.first else { return lower }
        return first.uppercased() + lower.dropFirst()
    }
}
