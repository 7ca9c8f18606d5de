import XCTest
@testable import DocxReader

/// Formatting resolution: run → character style → paragraph style (basedOn chain) →
/// document defaults → theme fonts.
final class StyleSheetTests: XCTestCase {
    private let w = MiniDocx.w

    private func sheet(_ styles: String, minorFont: String = "Times New Roman", majorFont: String = "Cambria") throws -> StyleSheet {
        let stylesTree = try XMLPartParser.parse(Array(#"<w:styles xmlns:w="\#(w)">\#(styles)</w:styles>"#.utf8),
                                                 part: "word/styles.xml", limits: .default)
        let theme = """
            <a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:fontScheme>\
            <a:majorFont><a:latin typeface="\(majorFont)"/></a:majorFont>\
            <a:minorFont><a:latin typeface="\(minorFont)"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>
            """
        let themeTree = try XMLPartParser.parse(Array(theme.utf8), part: "word/theme/theme1.xml", limits: .default)
        return StyleSheet(styles: stylesTree, theme: themeTree)
    }

    private func runProperties(_ xml: String) throws -> RunProperties {
        let tree = try XMLPartParser.parse(Array(#"<w:rPr xmlns:w="\#(w)">\#(xml)</w:rPr>"#.utf8), part: "t", limits: .default)
        return RunProperties(tree.root)
    }

    private func paragraphProperties(_ xml: String) throws -> ParagraphProperties {
        let tree = try XMLPartParser.parse(Array(#"<w:pPr xmlns:w="\#(w)">\#(xml)</w:pPr>"#.utf8), part: "t", limits: .default)
        return ParagraphProperties(tree.root)
    }

    func testBasedOnChainInheritsEachPropertyFromWhereItIsStated() throws {
        let styles = try sheet("""
            <w:style w:type="paragraph" w:styleId="A"><w:rPr><w:rFonts w:ascii="Arial"/><w:sz w:val="24"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/><w:rPr><w:sz w:val="28"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="C"><w:basedOn w:val="B"/><w:rPr><w:b/></w:rPr></w:style>
            """)
        XCTAssertEqual(styles.runFormat(paragraphStyle: "C", characterStyle: nil, direct: RunProperties()),
                       RunFormat(font: "Arial", sizePt: 14, bold: true))
    }

    func testDirectAndCharacterStyleWinOverParagraphStyle() throws {
        let styles = try sheet("""
            <w:style w:type="paragraph" w:styleId="P"><w:rPr><w:rFonts w:ascii="Arial"/><w:sz w:val="24"/></w:rPr></w:style>
            <w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
            """)
        let direct = try runProperties(#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>"#)
        XCTAssertEqual(styles.runFormat(paragraphStyle: "P", characterStyle: "Strong", direct: direct),
                       RunFormat(font: "Times New Roman", sizePt: 13, bold: true))
        let notBold = try runProperties(#"<w:b w:val="false"/>"#)
        XCTAssertEqual(styles.runFormat(paragraphStyle: "P", characterStyle: "Strong", direct: notBold).bold, false)
    }

    func testDocumentDefaultsAndThemeFonts() throws {
        let defaults = """
            <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>\
            <w:sz w:val="26"/></w:rPr></w:rPrDefault></w:docDefaults>
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="Title"><w:rPr><w:rFonts w:asciiTheme="majorHAnsi"/></w:rPr></w:style>
            """
        let styles = try sheet(defaults)
        XCTAssertEqual(styles.runFormat(paragraphStyle: nil, characterStyle: nil, direct: RunProperties()),
                       RunFormat(font: "Times New Roman", sizePt: 13, bold: false))
        XCTAssertEqual(styles.runFormat(paragraphStyle: "Title", characterStyle: nil, direct: RunProperties()).font, "Cambria")
        // A named font on a run beats the theme font it would inherit.
        let direct = try runProperties(#"<w:rFonts w:ascii="Arial"/>"#)
        XCTAssertEqual(styles.runFormat(paragraphStyle: nil, characterStyle: nil, direct: direct).font, "Arial")
    }

    func testThemeAttributeWinsOnTheSameElement() throws {
        // LibreOffice writes both; Word shows the theme font.
        let properties = try runProperties(#"<w:rFonts w:ascii="Cambria" w:hAnsi="Cambria" w:asciiTheme="minorHAnsi"/>"#)
        XCTAssertEqual(properties.font, .theme("minorHAnsi"))
        XCTAssertEqual(try sheet("", minorFont: "Liberation Serif").runFormat(paragraphStyle: nil, characterStyle: nil, direct: properties).font,
                       "Liberation Serif")
    }

    func testNothingStatedGivesWordDefaults() throws {
        let styles = StyleSheet(styles: nil, theme: nil)
        XCTAssertEqual(styles.runFormat(paragraphStyle: nil, characterStyle: nil, direct: RunProperties()),
                       RunFormat(font: nil, sizePt: 10, bold: false))
        let format = styles.paragraphFormat(style: nil, direct: ParagraphProperties())
        XCTAssertEqual(format.alignment, .left)
        XCTAssertEqual(format.lineSpacing, .multiple(1))
        XCTAssertEqual(format.firstLineTwips, 0)
    }

    func testCyclicBasedOnTerminates() throws {
        let styles = try sheet("""
            <w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/><w:rPr><w:sz w:val="28"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/><w:rPr><w:rFonts w:ascii="Arial"/></w:rPr></w:style>
            """)
        XCTAssertEqual(styles.runFormat(paragraphStyle: "A", characterStyle: nil, direct: RunProperties()),
                       RunFormat(font: "Arial", sizePt: 14, bold: false))
    }

    func testParagraphPropertiesInheritAttributeByAttribute() throws {
        let styles = try sheet("""
            <w:docDefaults><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
            <w:style w:type="paragraph" w:styleId="Body"><w:pPr><w:jc w:val="both"/><w:ind w:firstLine="567"/>\
            <w:spacing w:line="360"/></w:pPr></w:style>
            """)
        let body = styles.paragraphFormat(style: "Body", direct: ParagraphProperties())
        XCTAssertEqual(body.alignment, .justified)
        XCTAssertEqual(body.firstLineTwips, 567)
        XCTAssertEqual(body.lineSpacing, .multiple(1.5))
        XCTAssertEqual(body.afterTwips, 160)
        let hanging = styles.paragraphFormat(style: "Body", direct: try paragraphProperties(#"<w:ind w:hanging="360"/><w:spacing w:line="320" w:lineRule="exact"/>"#))
        XCTAssertEqual(hanging.firstLineTwips, -360)
        XCTAssertEqual(hanging.lineSpacing, .exactly(points: 16))
        let atLeast = styles.paragraphFormat(style: nil, direct: try paragraphProperties(#"<w:jc w:val="start"/><w:spacing w:line="280" w:lineRule="atLeast"/>"#))
        XCTAssertEqual(atLeast.alignment, .left)
        XCTAssertEqual(atLeast.lineSpacing, .atLeast(points: 14))
    }
}
