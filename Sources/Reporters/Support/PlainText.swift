/// Making values from reports safe to print on one line of plain text.
enum PlainText {
    /// The string with line breaks turned into spaces and other control characters (C0 but tab,
    /// DEL, C1 — which could drive a terminal) replaced by U+FFFD.
    static func oneLine(_ string: String) -> String {
        var out = ""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\n", "\r": out += " "
            case "\t": out += "\t"
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
