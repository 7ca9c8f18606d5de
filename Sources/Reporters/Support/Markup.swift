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
}
