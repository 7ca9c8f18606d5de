/// Where a paragraph sits in a table: the top-level table's ordinal in the part, its row, and
/// its grid column (merged cells count their span). Paragraphs of nested tables report the
/// outer cell.
struct TableCell: Hashable {
    let table: Int
    let row: Int
    let column: Int
}

/// A piece of a paragraph's content with the formatting it is shown in.
struct RunPiece {
    enum Content: Equatable {
        case text(String)
        case tab
        case lineBreak
    }

    let content: Content
    let format: RunFormat
}

/// One paragraph of a part, formatting resolved through the style sheet.
struct Paragraph {
    /// Position in document order, from 0; table cells and text boxes included.
    let index: Int
    let cell: TableCell?
    let format: ParagraphFormat
    let pieces: [RunPiece]
    /// Field instructions (`PAGE`, ` NUMPAGES \* Arabic`), simple and complex fields alike.
    let fieldInstructions: [String]

    /// The paragraph's text, tabs and line breaks included.
    var text: String {
        pieces.map { piece in
            switch piece.content {
            case .text(let string): return string
            case .tab: return "\t"
            case .lineBreak: return "\n"
            }
        }.joined()
    }

    /// Whether the paragraph holds a `PAGE` field.
    var hasPageField: Bool {
        fieldInstructions.contains { $0.split(separator: " ").first?.uppercased() == "PAGE" }
    }
}

/// The paragraphs and section properties of one WordprocessingML part (the document, a header
/// or a footer), in document order. Deleted and moved-away text is left out, as is the VML
/// fallback copy of a text box (`mc:Fallback`).
struct WordBody {
    private(set) var paragraphs: [Paragraph] = []
    /// Section properties in document order with the paragraph that ends the section
    /// (nil for the body's final `w:sectPr`).
    private(set) var sections: [(properties: XMLNode, paragraph: Int?)] = []
    private let styles: StyleSheet
    private var tables = 0

    init(root: XMLNode, styles: StyleSheet) {
        self.styles = styles
        walk(root, cell: nil)
    }

    private mutating func walk(_ node: XMLNode, cell: TableCell?) {
        for child in node.children where !child.isRemovedContent {
            if child.is("p") {
                addParagraph(child, cell: cell)
            } else if child.is("tbl") {
                addTable(child, cell: cell)
            } else if child.is("sectPr") {
                sections.append((child, nil))
            } else {
                walk(child, cell: cell)
            }
        }
    }

    private mutating func addTable(_ table: XMLNode, cell outer: TableCell?) {
        let ordinal = tables
        if outer == nil { tables += 1 }
        for (row, tr) in table.children("tr").enumerated() {
            var column = 0
            for tc in tr.children("tc") {
                walk(tc, cell: outer ?? TableCell(table: ordinal, row: row, column: column))
                column += max(1, tc.descendant("tcPr", "gridSpan")?.integer("val") ?? 1)
            }
        }
    }

    private mutating func addParagraph(_ p: XMLNode, cell: TableCell?) {
        let pPr = p.child("pPr")
        let style = pPr?.child("pStyle")?.attribute("val")
        var collector = RunCollector(styles: styles, paragraphStyle: style)
        collector.collect(p)
        let index = paragraphs.count
        paragraphs.append(Paragraph(index: index, cell: cell,
                                    format: styles.paragraphFormat(style: style, direct: ParagraphProperties(pPr)),
                                    pieces: collector.pieces, fieldInstructions: collector.instructions))
        if let section = pPr?.child("sectPr") { sections.append((section, index)) }
        // Paragraphs of text boxes anchored in this one follow it.
        for nested in collector.nestedParagraphs { walk(nested, cell: cell) }
    }
}

/// Gathers one paragraph's runs: text, tabs and breaks with their formatting, field
/// instructions, and the containers of paragraphs nested in it (text boxes).
private struct RunCollector {
    let styles: StyleSheet
    let paragraphStyle: String?
    var pieces: [RunPiece] = []
    var instructions: [String] = []
    /// Elements holding nested paragraphs, walked after the paragraph itself.
    var nestedParagraphs: [XMLNode] = []

    init(styles: StyleSheet, paragraphStyle: String?) {
        self.styles = styles
        self.paragraphStyle = paragraphStyle
    }

    mutating func collect(_ node: XMLNode) {
        for child in node.children where !child.isRemovedContent {
            if child.is("r") {
                addRun(child)
            } else if child.is("fldSimple") {
                instructions.append(child.attribute("instr") ?? "")
                collect(child)
            } else if child.is("txbxContent") {
                nestedParagraphs.append(child)
            } else if !child.is("pPr") {
                collect(child)
            }
        }
    }

    private mutating func addRun(_ run: XMLNode) {
        let rPr = run.child("rPr")
        let format = styles.runFormat(paragraphStyle: paragraphStyle, characterStyle: rPr?.child("rStyle")?.attribute("val"),
                                      direct: RunProperties(rPr))
        for child in run.children {
            switch (child.namespace, child.name) {
            case (.word, "t"): pieces.append(RunPiece(content: .text(child.text), format: format))
            case (.word, "tab"), (.word, "ptab"): pieces.append(RunPiece(content: .tab, format: format))
            case (.word, "br"), (.word, "cr"): pieces.append(RunPiece(content: .lineBreak, format: format))
            case (.word, "noBreakHyphen"): pieces.append(RunPiece(content: .text("-"), format: format))
            case (.word, "fldChar"):
                if child.attribute("fldCharType") == "begin" { instructions.append("") }
            case (.word, "instrText"):
                if instructions.isEmpty { instructions.append("") }
                instructions[instructions.count - 1] += child.text
            case (.word, "rPr"):
                continue
            default:
                // Drawings and VML shapes may carry text boxes.
                if !child.isRemovedContent { collect(child) }
            }
        }
    }
}

private extension XMLNode {
    /// Deleted or moved-away text, and the VML fallback copy of a drawing: not shown.
    var isRemovedContent: Bool {
        self.is("del") || self.is("moveFrom") || self.is("Fallback", in: .markupCompatibility)
    }
}
