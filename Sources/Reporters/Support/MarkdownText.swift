/// Putting values from reports into Markdown (CommonMark with GitHub tables) safely.
enum MarkdownText {
    /// Inline text on one line, with the punctuation that Markdown or a table would read
    /// backslash-escaped.
    static func inline(_ string: String) -> String {
        let text = PlainText.oneLine(string)
        guard text.utf8.contains(where: isPunctuation) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if isPunctuation(byte) { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The ASCII punctuation `inline` escapes (a byte of a multi-byte character never is one).
    private static func isPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "#"), UInt8(ascii: "~"), UInt8(ascii: "&"),
             UInt8(ascii: "!"):
            true
        default:
            false
        }
    }

    /// A code span showing `string` literally, fenced with more backticks than it contains in a
    /// row. Not for table cells, where `|` would still split the cell.
    static func code(_ string: String) -> String {
        let text = PlainText.oneLine(string)
        let longestRun = text.split(whereSeparator: { $0 != "`" }).map(\.count).max() ?? 0
        let fence = String(repeating: "`", count: longestRun + 1)
        let padding = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + padding + text + padding + fence
    }

    /// A bar of `width` cells, filled in proportion to `fraction` (0…1): `█████░░░░░`.
    static func bar(_ fraction: Double, width: Int = 20) -> String {
        let filled = Int((fraction * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// A table from a header row, a row of column alignments (`---` or `---:`) and rows of cells
    /// already escaped.
    static func table(_ header: [String], alignments: [String], rows: [[String]]) -> String {
        ([header, alignments] + rows).map { "| " + $0.joined(separator: " | ") + " |\n" }.joined()
    }
}
