import RuleEngine

/// A line of a document's Nơi nhận (recipients), read as it is printed (Decree 30/2020/NĐ-CP,
/// Phụ lục I, Nơi nhận): reports store the lines without the printed `- ` and the final `;` or
/// `.`, but a line that keeps them is read the same (checks.md, Decision 8), also as Word
/// pastes it.
public enum RecipientLine {
    /// The dashes a line may start with: hyphen-minus, and the en and em dashes Word's
    /// AutoFormat turns it into.
    static let bullets: Set<Character> = ["-", "\u{2013}", "\u{2014}"]

    /// `line` as its text: NFC; a leading dash (`-`, `–`, `—`) and the spaces after it
    /// removed, whatever they are (a space, a tab, a no-break space); every run of whitespace
    /// inside read as one space (`Lưu:\u{A0}VT` is `Lưu: VT`); the final `;` or `.` removed.
    /// `-\tLưu: VT, VP;` and `–\u{A0}Lưu: VT, VP.` are both `Lưu: VT, VP`.
    public static func text(_ line: String) -> String {
        var rest = Substring(UnicodeText.nfc(line)).drop(while: \.isWhitespace)
        if let first = rest.first, bullets.contains(first) { rest = rest.dropFirst() }
        var text = rest.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = text.last, last == ";" || last == "." || last == " " { text.removeLast() }
        return text
    }
}
