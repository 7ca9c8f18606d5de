import Foundation
import YAML

/// An expression as written in a rule file: its text and where each character of it is, so
/// that expression errors point at the rule file's `line:column`.
struct ExpressionSource {
    let text: String
    let start: SourcePosition
    let file: String
    /// Columns added before the text on its first line (1 for a quoted scalar).
    let quoteWidth: Int
    let isBlock: Bool
    let style: ScalarStyle

    init(document: YAMLDocument, node: NodeID) {
        text = document.text(node)
        start = document.start(node)
        file = document.file
        style = document.style(node)
        switch style {
        case .singleQuoted, .doubleQuoted: quoteWidth = 1; isBlock = false
        case .literal, .folded: quoteWidth = 0; isBlock = true
        case .plain: quoteWidth = 0; isBlock = false
        }
    }

    /// The location of the character at `offset` (Unicode scalars from the start of the text).
    /// The text is the scalar after YAML unescaping and folding (`|`, `>`, multi-line plain,
    /// `\"`, `''`), so the rule file itself is read and the same non-blank characters are
    /// counted in both; without the file the position is estimated.
    func location(ofOffset offset: Int) -> SourceLocation {
        sourceLocation(ofOffset: offset) ?? estimatedLocation(ofOffset: offset)
    }

    private static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }

    /// Finds the character in the file: walks the raw scalar from its start, skipping blanks,
    /// quotes and escape backslashes, counting the characters that make up the text.
    private func sourceLocation(ofOffset offset: Int) -> SourceLocation? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        var raw = Array(String(decoding: data, as: UTF8.self).unicodeScalars)
        if raw.first == "\u{FEFF}" { raw.removeFirst() }
        var i = 0, line = 1, column = start.column
        while line < start.line, i < raw.count {
            if raw[i] == "\n" { line += 1 }
            i += 1
        }
        i += start.column - 1
        guard line == start.line, i <= raw.count else { return nil }
        func step() {
            if raw[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        if quoteWidth == 1, i < raw.count { step() }  // the opening quote
        if isBlock {  // the indicator line (`|-`, `>2 # comment`)
            while i < raw.count, raw[i] != "\n" { step() }
            if i < raw.count { step() }
        }
        let cooked = Array(text.unicodeScalars)
        let target = cooked[..<min(max(offset, 0), cooked.count)].filter { !Self.isBlank($0) }.count
        let atEnd = offset >= cooked.count
        if atEnd, target == 0 { return SourceLocation(file: file, line: line, column: column) }
        var seen = 0
        while i < raw.count {
            let c = raw[i]
            if Self.isBlank(c) { step(); continue }
            if seen == target { return SourceLocation(file: file, line: line, column: column) }
            // How many raw characters make the next character of the text.
            var width = 1
            if style == .doubleQuoted, c == "\\", i + 1 < raw.count {
                switch raw[i + 1] {
                case "n", "t", "r", " ", "\t", "\n", "\r": width = 0  // an escaped blank
                case "x": width = 4
                case "u": width = 6
                case "U": width = 10
                default: width = 2
                }
            } else if style == .singleQuoted, c == "'", i + 1 < raw.count, raw[i + 1] == "'" {
                width = 2
            }
            if width == 0 { step(); step(); continue }
            for _ in 0 ..< width where i < raw.count { step() }
            seen += 1
            if atEnd, seen == target { return SourceLocation(file: file, line: line, column: column) }
        }
        return nil
    }

    /// The position computed from the text alone (exact for single-line plain scalars).
    private func estimatedLocation(ofOffset offset: Int) -> SourceLocation {
        var line = start.line + (isBlock ? 1 : 0)
        var column = isBlock ? start.column + 2 : start.column + quoteWidth
        var index = 0
        for scalar in text.unicodeScalars {
            if index == offset { break }
            if scalar == "\n" {
                line += 1
                column = isBlock ? start.column + 2 : 1
            } else {
                column += 1
            }
            index += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    func error(_ e: ExpressionError, ruleID: String?) -> RuleError {
        RuleError(location: location(ofOffset: e.offset), message: e.message, ruleID: ruleID)
    }
}
