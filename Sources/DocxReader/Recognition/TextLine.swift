/// One visual line of a paragraph: the text between line breaks, cut at tab stops into columns
/// (offices that lay the header out without a table separate its two columns with tabs).
struct TextLine {
    let paragraph: Int
    let cell: TableCell?
    /// The tab-separated column within the paragraph's line: 0 is the text before any tab.
    let column: Int
    /// `TextForm.clean` text; never empty.
    let text: String
    /// `TextForm.key` of `text`.
    let key: String
    /// The formats of the line's visible characters in order of appearance, with how many
    /// characters each has.
    let formats: [(format: RunFormat, count: Int)]

    /// The format most of the line's characters have (ties: the first).
    var dominantFormat: RunFormat? {
        formats.reduce(nil) { best, item in best.map { $0.count >= item.count ? $0 : item } ?? item }?.format
    }

    /// The non-empty lines of a paragraph, in order.
    static func lines(of paragraph: Paragraph) -> [TextLine] {
        var lines: [TextLine] = []
        var text = ""
        var formats: [(format: RunFormat, count: Int)] = []
        var column = 0
        func finishSegment() {
            let clean = TextForm.clean(text)
            if !clean.isEmpty {
                lines.append(TextLine(paragraph: paragraph.index, cell: paragraph.cell, column: column, text: clean,
                                      key: TextForm.key(clean), formats: formats))
            }
            text = ""
            formats = []
        }
        for piece in paragraph.pieces {
            switch piece.content {
            case .text(let string):
                text += string
                let visible = string.reduce(0) { $0 + ($1.isWhitespace ? 0 : 1) }
                if visible > 0 {
                    if let i = formats.firstIndex(where: { $0.format == piece.format }) { formats[i].count += visible }
                    else { formats.append((piece.format, visible)) }
                }
            case .tab:
                finishSegment()
                column += 1
            case .lineBreak:
                finishSegment()
                column = 0
            }
        }
        finishSegment()
        return lines
    }
}
