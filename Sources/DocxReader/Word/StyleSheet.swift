/// The styles part and the theme's fonts: resolves a run's and a paragraph's formatting through
/// direct properties → character style → paragraph style (following `w:basedOn`) → document
/// defaults → theme fonts. Table styles are not applied.
struct StyleSheet {
    private struct Style {
        var basedOn: String?
        var run: RunProperties
        var paragraph: ParagraphProperties
    }

    private var styles: [String: Style] = [:]
    private var defaultRun = RunProperties()
    private var defaultParagraph = ParagraphProperties()
    private var defaultParagraphStyle: String?
    private var defaultCharacterStyle: String?
    /// The theme's major and minor Latin fonts.
    private var majorFont: String?
    private var minorFont: String?

    /// Longest `w:basedOn` chain followed; longer ones (or cycles) are cut.
    private static let maxChain = 32
    /// Word's size when no level states one (ECMA-376: 10 pt).
    private static let defaultHalfPoints = 20

    init(styles: XMLTree?, theme: XMLTree?) {
        // The theme is DrawingML, not WordprocessingML.
        if let fonts = theme?.root?.child("themeElements", in: .drawing)?.child("fontScheme", in: .drawing) {
            majorFont = fonts.child("majorFont", in: .drawing)?.child("latin", in: .drawing)?.attribute("typeface")
            minorFont = fonts.child("minorFont", in: .drawing)?.child("latin", in: .drawing)?.attribute("typeface")
        }
        guard let root = styles?.root else { return }
        if let defaults = root.child("docDefaults") {
            defaultRun = RunProperties(defaults.descendant("rPrDefault", "rPr"))
            defaultParagraph = ParagraphProperties(defaults.descendant("pPrDefault", "pPr"))
        }
        for node in root.children("style") {
            guard let id = node.attribute("styleId") else { continue }
            let type = node.attribute("type") ?? "paragraph"
            if node.attribute("default").map({ $0 == "1" || $0 == "true" }) == true {
                if type == "paragraph" { defaultParagraphStyle = id }
                if type == "character" { defaultCharacterStyle = id }
            }
            self.styles[id] = Style(basedOn: node.child("basedOn")?.attribute("val"),
                               run: RunProperties(node.child("rPr")), paragraph: ParagraphProperties(node.child("pPr")))
        }
    }

    /// The styles from the root of `id`'s `w:basedOn` chain down to `id`.
    private func chain(_ id: String?) -> [Style] {
        var result: [Style] = []
        var seen: Set<String> = []
        var next = id
        while let current = next, let style = styles[current], seen.insert(current).inserted, result.count < Self.maxChain {
            result.append(style)
            next = style.basedOn
        }
        return result.reversed()
    }

    func paragraphFormat(style: String?, direct: ParagraphProperties) -> ParagraphFormat {
        var properties = defaultParagraph
        for level in chain(style ?? defaultParagraphStyle) { properties = level.paragraph.over(properties) }
        return ParagraphFormat(direct.over(properties))
    }

    func runFormat(paragraphStyle: String?, characterStyle: String?, direct: RunProperties) -> RunFormat {
        var properties = defaultRun
        for level in chain(paragraphStyle ?? defaultParagraphStyle) { properties = level.run.over(properties) }
        for level in chain(characterStyle ?? defaultCharacterStyle) { properties = level.run.over(properties) }
        properties = direct.over(properties)
        return RunFormat(font: properties.font.flatMap(family),
                         sizePt: Units.points(halfPoints: properties.halfPoints ?? Self.defaultHalfPoints),
                         bold: properties.bold ?? false)
    }

    private func family(_ choice: FontChoice) -> String? {
        switch choice {
        case .named(let name): return name
        case .theme(let slot): return slot.hasPrefix("major") ? majorFont : minorFont
        }
    }
}
