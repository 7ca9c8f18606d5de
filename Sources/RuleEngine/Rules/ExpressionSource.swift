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

    init(document: YAMLDocument, node: NodeID) {
        text = document.text(node)
        start = document.start(node)
        file = document.file
        switch document.style(node) {
        case .singleQuoted, .doubleQuoted: quoteWidth = 1; isBlock = false
        case .literal, .folded: quoteWidth = 0; isBlock = true
        case .plain: quoteWidth = 0; isBlock = false
        }
    }

    /// The location of the character at `offset` (Unicode scalars from the start of the text).
    func location(ofOffset offset: Int) -> SourceLocation {
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
