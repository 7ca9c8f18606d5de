/// Making values from reports safe to print on one line of plain text.
enum PlainText {
    /// The string with line breaks turned into spaces and other control characters (C0 but tab,
    /// DEL, C1 — which could drive a terminal) replaced by U+FFFD.
    static func oneLine(_ string: String) -> String {
        guard hasControlCharacters(string) else { return string }  // most values: as they are
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

    /// Whether `oneLine` would change anything, read from the UTF-8 bytes: a C0 byte other than
    /// tab, DEL, or a C1 control (C2 80 … C2 9F).
    private static func hasControlCharacters(_ string: String) -> Bool {
        var string = string
        return string.withUTF8 { bytes in
            for i in bytes.indices {
                switch bytes[i] {
                case UInt8(ascii: "\t"): continue
                case 0 ..< 0x20, 0x7F: return true
                case 0xC2 where i + 1 < bytes.count && (0x80 ... 0x9F).contains(bytes[i + 1]): return true
                default: continue
                }
            }
            return false
        }
    }
}
