/// The body between the front matter and the closing block: the font, size and paragraph
/// formatting most of it has. Paragraphs in tables (data tables, the header and signature
/// tables) are left out.
struct BodyText {
    private(set) var font: Located<String?>?
    private(set) var sizePt: Located<Double>?
    private(set) var alignment: Located<DocxDocument.Alignment>?
    private(set) var firstLineTwips: Located<Int>?
    private(set) var lineSpacing: Located<DocxDocument.LineSpacing>?
    private(set) var beforeTwips: Located<Int>?
    private(set) var afterTwips: Located<Int>?

    init(lines: ArraySlice<TextLine>, paragraphs: [Paragraph]) {
        let body = lines.filter { $0.cell == nil }
        var fonts: [(value: String?, line: TextLine, weight: Int)] = []
        var sizes: [(value: Double, line: TextLine, weight: Int)] = []
        for line in body {
            for (format, count) in line.formats {
                fonts.append((format.font, line, count))
                sizes.append((format.sizePt, line, count))
            }
        }
        font = [TextLine].dominant(fonts)
        sizePt = [TextLine].dominant(sizes)
        // One vote per paragraph, cast by its first line.
        var seen: Set<Int> = []
        let firstLines = body.filter { seen.insert($0.paragraph).inserted }
        func vote<Value: Hashable>(_ value: (ParagraphFormat) -> Value) -> Located<Value>? {
            [TextLine].dominant(firstLines.map { (value(paragraphs[$0.paragraph].format), $0, 1) })
        }
        alignment = vote(\.alignment)
        firstLineTwips = vote(\.firstLineTwips)
        lineSpacing = vote(\.lineSpacing)
        beforeTwips = vote(\.beforeTwips)
        afterTwips = vote(\.afterTwips)
    }
}
