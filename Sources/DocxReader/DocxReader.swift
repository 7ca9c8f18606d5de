/// Reads a Word `.docx` into the facts of one self-report `documents[]` entry, each with the
/// paragraph it was read from. Knows nothing of rules: the checks judge what it reports.
///
/// ```swift
/// let document = try DocxReader.read(path: "van-ban/kh-05.docx")
/// document.number                          // "05/KH-UBND"
/// document.layout.marginsMM?.left          // 30
/// document.provenance["number"]?.paragraph // 3
/// print(document.yamlText())
/// ```
public enum DocxReader {
    /// Reads the `.docx` at `path`.
    ///
    /// Only the XML parts needed are decompressed (document, styles, theme, the first section's
    /// headers and footers), each within `limits`. A DOCTYPE or entity declaration in any part is
    /// refused, never resolved.
    /// - Throws: `DocxError`: the file is unreadable, not a zip, encrypted, without a main
    ///   document, a zip bomb, damaged, or holds malformed or unsafe XML.
    public static func read(path: String, limits: DocxLimits = .default) throws(DocxError) -> DocxDocument {
        var package = try DocxPackage(path: path, limits: limits)
        let main = package.mainPart
        let relationships = try package.relationships(of: main)
        func related(_ kind: String) throws(DocxError) -> XMLTree? {
            guard let part = relationships.first(where: { $0.kind == kind })?.target else { return nil }
            return try package.xml(part)
        }
        let styles = StyleSheet(styles: try related("styles"), theme: try related("theme"))
        guard let root = try package.xml(main)?.root else { throw .missingDocumentXML }
        let body = WordBody(root: root, styles: styles)

        var facts = FactSheet(part: main)
        facts.read(lines: body.paragraphs.flatMap(TextLine.lines(of:)), paragraphs: body.paragraphs)
        if let first = body.sections.first {
            let section = SectionProperties(first.properties, paragraph: first.paragraph)
            facts.read(section)
            let fields = try PageNumberFields(section: section, relationships: relationships, package: &package, styles: styles)
            facts.document.pageNumbering = fields.numbering
            facts.document.provenance["page_numbering"] = fields.provenance
        }
        return facts.document
    }
}

/// Fills a `DocxDocument` from what the recognisers found, noting each fact's provenance.
private struct FactSheet {
    let part: String
    var document = DocxDocument()

    init(part: String) { self.part = part }

    /// The value of `fact`, its line noted as the provenance of `key`.
    private mutating func take<Value>(_ fact: Located<Value>?, _ key: String) -> Value? {
        guard let fact else { return nil }
        note(key, fact.line)
        return fact.value
    }

    private mutating func note(_ key: String, _ line: TextLine) {
        document.provenance[key] = DocxDocument.Provenance(part: part, paragraph: line.paragraph, excerpt: line.text)
    }

    mutating func read(lines: [TextLine], paragraphs: [Paragraph]) {
        let front = FrontMatter(lines: lines)
        document.type = take(front.type, "type")
        document.number = take(front.number, "number")
        document.placeDate = take(front.placeDate, "place_date")
        if let line = front.placeDate?.line, let date = PlaceDateText.date(line.key) {
            document.issuedOn = date
            note("issued_on", line)
        }
        document.authority = take(front.authority, "authority")
        document.summary = take(front.summary, "summary")
        if let line = front.nationalTitle, let format = line.dominantFormat {
            document.layout.nationalTitleSizePt = format.sizePt
            note("layout.national_title_size_pt", line)
        }
        if let line = front.motto, let format = line.dominantFormat {
            document.layout.mottoSizePt = format.sizePt
            note("layout.motto_size_pt", line)
        }

        let closing = ClosingBlock(lines: lines, from: front.end)
        document.signature = DocxDocument.Signature(prefix: take(closing.prefix, "signature.prefix"),
                                       position: take(closing.position, "signature.position"),
                                       name: take(closing.name, "signature.name"))
        if let heading = closing.recipientsHeading {
            note("recipients", heading)
            document.recipients = closing.recipients.enumerated().map { take($0.element, "recipients[\($0.offset)]")! }
        }

        let body = BodyText(lines: lines[front.end ..< max(front.end, closing.start)], paragraphs: paragraphs)
        if let font = body.font, let name = font.value {
            document.layout.font = name
            note("layout.font", font.line)
        }
        document.layout.bodySizePt = take(body.sizePt, "layout.body_size_pt")
        document.body.alignment = take(body.alignment, "body.alignment")
        document.body.firstLineIndentCm = take(body.firstLineTwips, "body.first_line_indent_cm").map(Units.centimetres)
        document.body.lineSpacing = take(body.lineSpacing, "body.line_spacing")
        document.body.spaceBeforePt = take(body.beforeTwips, "body.space_before_pt").map(Units.points(twips:))
        document.body.spaceAfterPt = take(body.afterTwips, "body.space_after_pt").map(Units.points(twips:))
    }

    mutating func read(_ section: SectionProperties) {
        func note(_ key: String, _ excerpt: String) {
            document.provenance[key] = DocxDocument.Provenance(part: part, paragraph: section.paragraph, excerpt: excerpt)
        }
        if let paper = section.paper, let width = section.widthTwips, let height = section.heightTwips {
            document.layout.paper = paper
            note("layout.paper", "w:pgSz w=\(width) h=\(height)")
        }
        if let orientation = section.orientation {
            document.layout.orientation = orientation
            note("layout.orientation", section.landscapeDeclared ? "w:pgSz orient=landscape"
                 : "w:pgSz w=\(section.widthTwips ?? 0) h=\(section.heightTwips ?? 0)")
        }
        if let m = section.margins {
            document.layout.marginsMM = DocxDocument.Margins(top: Units.millimetres(twips: m.top), bottom: Units.millimetres(twips: m.bottom),
                                                left: Units.millimetres(twips: m.left), right: Units.millimetres(twips: m.right))
            let excerpt = "w:pgMar top=\(m.top) bottom=\(m.bottom) left=\(m.left) right=\(m.right)"
            for key in ["", ".top", ".bottom", ".left", ".right"] { note("layout.margins_mm" + key, excerpt) }
        }
    }
}
