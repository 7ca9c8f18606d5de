/// Escaping for XML 1.0 and HTML, shared by the JUnit, HTML and SVG output.
enum Markup {
    /// Text for element content: `&`, `<` and `>` become entities, and characters XML 1.0
    /// forbids (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF) become
    /// U+FFFD.
    static func text(_ string: String) -> String { escape(string, inAttribute: false) }

    /// Text for an attribute value: as `text(_:)`, and both quotes, tab, newline and carriage
    /// return become character references (the last three so that parsers keep them instead of
    /// folding them into spaces).
    static func attribute(_ string: String) -> String { escape(string, inAttribute: true) }

    private static func escape(_ string: String, inAttribute: Bool) -> String {
        guard needsEscaping(string, inAttribute: inAttribute) else { return string }  // most text: as it is
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "'" where inAttribute: out += "&#39;"
            case "\t" where inAttribute, "\n" where inAttribute, "\r" where inAttribute: out += "&#\(scalar.value);"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `escape` would change anything, read from the UTF-8 bytes: a byte it replaces,
    /// or U+FFFE / U+FFFF (EF BF BE, EF BF BF).
    private static func needsEscaping(_ string: String, inAttribute: Bool) -> Bool {
        var string = string
        return string.withUTF8 { bytes in
            for i in bytes.indices {
                switch bytes[i] {
                case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                    return true
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    if inAttribute { return true }
                case 0 ..< 0x20:
                    return true
                case 0xEF:
                    if i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF { return true }
                default:
                    break
                }
            }
            return false
        }
    }
}
