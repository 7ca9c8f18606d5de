/// Finds the `PAGE` fields of a section's headers and footers: whether page 1 shows a number
/// (with `w:titlePg`, page 1 uses the `first` header and footer, otherwise the `default` ones),
/// and where the following pages show it.
struct PageNumberFields {
    let numbering: DocxDocument.PageNumbering
    /// Where the field that decides `numbering` was found: page 1's when it has one.
    let provenance: DocxDocument.Provenance?

    private struct Found {
        let part: String
        let paragraph: Paragraph
    }

    init(section: SectionProperties, relationships: [PartRelationship], package: inout DocxPackage,
         styles: StyleSheet) throws(DocxError) {
        func field(_ id: String?) throws(DocxError) -> Found? {
            guard let id, let part = relationships.first(where: { $0.id == id })?.target,
                  let root = try package.xml(part)?.root else { return nil }
            return WordBody(root: root, styles: styles).paragraphs.first(where: \.hasPageField)
                .map { Found(part: part, paragraph: $0) }
        }
        func either(_ header: String?, _ footer: String?) throws(DocxError) -> Found? {
            if let found = try field(header) { return found }
            return try field(footer)
        }
        let header = try field(section.headers["default"])
        let following = header != nil ? header : try field(section.footers["default"])
        let firstPage = section.titlePage ? try either(section.headers["first"], section.footers["first"]) : following
        numbering = DocxDocument.PageNumbering(onFirstPage: firstPage != nil, onFollowingPages: following != nil,
                                  position: following.map { _ in header != nil ? .top : .bottom },
                                  alignment: following?.paragraph.format.alignment)
        provenance = (firstPage ?? following).map { found in
            DocxDocument.Provenance(part: found.part, paragraph: found.paragraph.index,
                       excerpt: TextForm.clean(found.paragraph.fieldInstructions.first(where: { $0.contains("PAGE") }) ?? "PAGE"))
        }
    }
}
