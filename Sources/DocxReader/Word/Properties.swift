/// A font as one level of the style hierarchy states it: a family name, or a theme slot
/// (`minorHAnsi`) that the theme's font scheme names.
enum FontChoice: Hashable {
    case named(String)
    case theme(String)
}

/// Run formatting as one level of the hierarchy states it (document defaults, a style, or the
/// run itself); nil means "not stated here, inherited".
struct RunProperties {
    var font: FontChoice?
    var halfPoints: Int?
    var bold: Bool?

    init() {}

    /// Reads a `w:rPr`. In `w:rFonts` a theme attribute wins over a name on the same element,
    /// and the ASCII slot is read first (it is what Word shows for Latin text).
    init(_ rPr: XMLNode?) {
        guard let rPr else { return }
        if let fonts = rPr.child("rFonts") {
            if let theme = fonts.attribute("asciiTheme") { font = .theme(theme) }
            else if let name = fonts.attribute("ascii") { font = .named(name) }
            else if let theme = fonts.attribute("hAnsiTheme") { font = .theme(theme) }
            else if let name = fonts.attribute("hAnsi") { font = .named(name) }
        }
        halfPoints = rPr.child("sz")?.integer("val")
        bold = rPr.child("b")?.isOn
    }

    /// These properties laid over `base`: what this level states wins.
    func over(_ base: RunProperties) -> RunProperties {
        var merged = base
        if let font { merged.font = font }
        if let halfPoints { merged.halfPoints = halfPoints }
        if let bold { merged.bold = bold }
        return merged
    }
}

/// Paragraph formatting as one level of the hierarchy states it; nil means inherited.
/// `w:ind` and `w:spacing` attributes inherit one by one, as in Word.
struct ParagraphProperties {
    var alignment: DocxDocument.Alignment?
    /// First-line indent in twips; a hanging indent is negative.
    var firstLineTwips: Int?
    var line: Int?
    var lineRule: String?
    var beforeTwips: Int?
    var afterTwips: Int?

    init() {}

    /// Reads a `w:pPr`.
    init(_ pPr: XMLNode?) {
        guard let pPr else { return }
        alignment = pPr.child("jc")?.attribute("val").flatMap(Self.alignment)
        if let indent = pPr.child("ind") {
            // `hanging` wins over `firstLine` on the same element.
            if let hanging = indent.integer("hanging") { firstLineTwips = -hanging }
            else if let first = indent.integer("firstLine") { firstLineTwips = first }
        }
        if let spacing = pPr.child("spacing") {
            line = spacing.integer("line")
            lineRule = spacing.attribute("lineRule")
            beforeTwips = spacing.integer("before")
            afterTwips = spacing.integer("after")
        }
    }

    func over(_ base: ParagraphProperties) -> ParagraphProperties {
        var merged = base
        if let alignment { merged.alignment = alignment }
        if let firstLineTwips { merged.firstLineTwips = firstLineTwips }
        if let line { merged.line = line }
        if let lineRule { merged.lineRule = lineRule }
        if let beforeTwips { merged.beforeTwips = beforeTwips }
        if let afterTwips { merged.afterTwips = afterTwips }
        return merged
    }

    private static func alignment(_ jc: String) -> DocxDocument.Alignment? {
        switch jc {
        case "both", "distribute", "thaiDistribute", "lowKashida", "mediumKashida", "highKashida": return .justified
        case "center": return .center
        case "right", "end": return .right
        case "left", "start": return .left
        default: return nil
        }
    }
}

/// A run's formatting once the whole hierarchy is resolved.
struct RunFormat: Hashable {
    /// nil when no level names a font (Word then uses an application default).
    var font: String?
    var sizePt: Double
    var bold: Bool
}

/// A paragraph's formatting once the whole hierarchy is resolved, with Word's defaults for
/// what no level states (left, no indent, single spacing, no space before or after).
struct ParagraphFormat: Hashable {
    var alignment: DocxDocument.Alignment
    var firstLineTwips: Int
    var lineSpacing: DocxDocument.LineSpacing
    var beforeTwips: Int
    var afterTwips: Int

    init(_ properties: ParagraphProperties) {
        alignment = properties.alignment ?? .left
        firstLineTwips = properties.firstLineTwips ?? 0
        let line = properties.line ?? 240
        switch properties.lineRule {
        case "exact": lineSpacing = .exactly(points: Units.points(twips: line))
        case "atLeast": lineSpacing = .atLeast(points: Units.points(twips: line))
        default: lineSpacing = .multiple((Double(line) / 240 * 100).rounded() / 100)
        }
        beforeTwips = properties.beforeTwips ?? 0
        afterTwips = properties.afterTwips ?? 0
    }
}
