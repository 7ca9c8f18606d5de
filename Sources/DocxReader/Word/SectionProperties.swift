/// A section's page setup (`w:sectPr`): page size, orientation, margins, and which header and
/// footer parts it uses.
struct SectionProperties {
    struct MarginTwips {
        let top: Int, bottom: Int, left: Int, right: Int
    }

    let widthTwips: Int?
    let heightTwips: Int?
    /// `w:orient="landscape"`.
    let landscapeDeclared: Bool
    let margins: MarginTwips?
    /// `w:titlePg`: the first page has its own header and footer.
    let titlePage: Bool
    /// Relationship ids of the header and footer parts by `w:type` (`default`, `first`, `even`).
    let headers: [String: String]
    let footers: [String: String]
    /// The paragraph that ends the section; nil for the body's final `w:sectPr`.
    let paragraph: Int?

    init(_ node: XMLNode, paragraph: Int?) {
        let size = node.child("pgSz")
        widthTwips = size?.integer("w")
        heightTwips = size?.integer("h")
        landscapeDeclared = size?.attribute("orient") == "landscape"
        if let margin = node.child("pgMar"), let top = margin.integer("top"), let bottom = margin.integer("bottom"),
           let left = margin.integer("left"), let right = margin.integer("right") {
            // A negative top or bottom margin means "do not move the text for the header": same distance.
            margins = MarginTwips(top: abs(top), bottom: abs(bottom), left: left, right: right)
        } else {
            margins = nil
        }
        titlePage = node.child("titlePg")?.isOn ?? false
        func references(_ name: String) -> [String: String] {
            var ids: [String: String] = [:]
            for reference in node.children(name) {
                if let id = reference.attribute("id") { ids[reference.attribute("type") ?? "default"] = id }
            }
            return ids
        }
        headers = references("headerReference")
        footers = references("footerReference")
        self.paragraph = paragraph
    }

    /// The page size named (`A4`), when the section states one.
    var paper: String? {
        guard let widthTwips, let heightTwips else { return nil }
        return PaperSize.name(widthTwips: widthTwips, heightTwips: heightTwips)
    }

    var orientation: DocxDocument.Orientation? {
        if landscapeDeclared { return .landscape }
        guard let widthTwips, let heightTwips else { return nil }
        return widthTwips > heightTwips ? .landscape : .portrait
    }
}
