import XCTest
@testable import DocxReader

/// Header, closing and body recognition on text forms and on small hand-written documents.
final class RecognitionTests: XCTestCase {
    private var files: TemporaryFiles!

    override func setUpWithError() throws { files = try TemporaryFiles() }
    override func tearDown() { files = nil }

    private func read(_ zip: ZipBuilder) throws -> DocxDocument {
        try DocxReader.read(path: files.write("doc.docx", zip.bytes()))
    }

    // MARK: Text forms

    func testCleanTextIsComposedWithSingleSpaces() {
        let decomposed = "Tiên Sơn,\u{00A0} ngày  14".decomposedStringWithCanonicalMapping
        XCTAssertEqual(TextForm.clean(" \(decomposed)\u{200B} "), "Tiên Sơn, ngày 14")
        XCTAssertEqual(TextForm.key("Độc lập – Tự do — Hạnh phúc “x”"), "ĐỘC LẬP - TỰ DO - HẠNH PHÚC \"X\"")
        XCTAssertEqual(TextForm.sentenceCase("GIẤY ỦY QUYỀN"), "Giấy ủy quyền")
        XCTAssertTrue(TextForm.isUpperCase("TM. ỦY BAN NHÂN DÂN"))
        XCTAssertFalse(TextForm.isUpperCase("Trần Văn B"))
        XCTAssertFalse(TextForm.isUpperCase("A"))
    }

    func testPlaceDateIsReadTolerantly() {
        func date(_ line: String) -> String? {
            PlaceDateText.date(TextForm.key(TextForm.clean(line)))?.description
        }
        XCTAssertEqual(date("Tiên Sơn, ngày 14 tháng 01 năm 2022"), "2022-01-14")
        XCTAssertEqual(date("Tiên Sơn, ngày 5 tháng 3 năm 2022"), "2022-03-05")
        XCTAssertEqual(date("Hà Nội, ngày  05   tháng 3 năm 2022".decomposedStringWithCanonicalMapping), "2022-03-05")
        XCTAssertEqual(date("TP. HỒ CHÍ MINH, NGÀY 9 THÁNG 9 NĂM 2020"), "2020-09-09")
        XCTAssertNil(date("Tiên Sơn, ngày 31 tháng 02 năm 2022"))
        XCTAssertNil(date("Tiên Sơn, ngày   tháng   năm 2022"))
        XCTAssertNil(date("Tiên Sơn, ngày 14 tháng 01 năm 22"))
        XCTAssertTrue(PlaceDateText.isPlaceDateLine(TextForm.key("Tiên Sơn, ngày … tháng … năm …")))
        XCTAssertFalse(PlaceDateText.isPlaceDateLine(TextForm.key("Độc lập - Tự do - Hạnh phúc")))
    }

    func testSignaturePrefixes() {
        XCTAssertEqual(SignaturePrefix.token(in: "TM. ỦY BAN NHÂN DÂN"), "TM.")
        XCTAssertEqual(SignaturePrefix.token(in: "KT. CHỦ TỊCH"), "KT.")
        XCTAssertEqual(SignaturePrefix.token(in: "TUQ. GIÁM ĐỐC"), "TUQ.")
        XCTAssertEqual(SignaturePrefix.token(in: "Q. CHỦ TỊCH"), "Q.")
        XCTAssertEqual(SignaturePrefix.token(in: "T/M ỦY BAN NHÂN DÂN"), "T/M")
        XCTAssertNil(SignaturePrefix.token(in: "TP. Hồ Chí Minh là trung tâm"))
        XCTAssertNil(SignaturePrefix.token(in: "CHỦ TỊCH"))
        XCTAssertNil(SignaturePrefix.token(in: "Trần Văn B"))
    }

    // MARK: Documents

    /// Header as separate paragraphs with breaks and many runs, a signature without prefix in a
    /// table, a page number in the footer only, landscape A4, deleted and fallback text ignored.
    func testQuyetDinhWithoutPrefixAndFooterPageNumber() throws {
        let cell = { (text: String) in "<w:tc>\(text)</w:tc>" }
        let bold = "<w:b/><w:sz w:val=\"26\"/>"
        let body = [
            "<w:tbl><w:tr>",
            cell(MiniDocx.p("UBND HUYỆN TIÊN PHƯỚC\nỦY BAN NHÂN DÂN XÃ TIÊN SƠN", run: "<w:sz w:val=\"26\"/>")),
            cell(MiniDocx.p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA |VIỆT NAM", run: bold) + MiniDocx.p("Độc lập – Tự do – Hạnh phúc", run: bold)),
            "</w:tr><w:tr>",
            cell(MiniDocx.p("Số: |12|/QĐ-|UBND", run: "<w:sz w:val=\"26\"/>")),
            cell(MiniDocx.p("Tiên Sơn, ngày 20 tháng 02 năm 2023")),
            "</w:tr></w:tbl>",
            MiniDocx.p("QUYẾT ĐỊNH"),
            MiniDocx.p("Về việc công bố danh mục\nthủ tục hành chính"),
            MiniDocx.p("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TIÊN SƠN"),
            "<w:p><w:r><w:t>Căn cứ Luật </w:t></w:r><w:del><w:r><w:delText>cũ </w:delText></w:r></w:del>"
                + "<w:hyperlink><w:r><w:t>Tổ chức chính quyền địa phương;</w:t></w:r></w:hyperlink>"
                + "<mc:AlternateContent><mc:Choice Requires=\"wps\"/><mc:Fallback><w:p><w:r><w:t>Bản sao</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent></w:p>",
            MiniDocx.p("Quyết định này có hiệu lực kể từ ngày ký."),
            "<w:tbl><w:tr>",
            cell(MiniDocx.p("Nơi nhận:") + MiniDocx.p("- Như Điều 3;") + MiniDocx.p("- Lưu: VT.")),
            cell(MiniDocx.p("CHỦ TỊCH") + MiniDocx.p("(Đã ký)") + MiniDocx.p("Nguyễn Văn A")),
            "</w:tr></w:tbl>",
            #"<w:sectPr><w:footerReference w:type="default" r:id="rIdF"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#,
            #"<w:pgMar w:top="1134" w:bottom="1134" w:left="1985" w:right="1134"/></w:sectPr>"#,
        ].joined()
        let footer = #"<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:fldSimple w:instr=" PAGE \* MERGEFORMAT "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>"#
        let styles = #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:rFonts w:ascii="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:style>"#
        let document = try read(MiniDocx.package(body: body, styles: styles, footer: footer))
        XCTAssertEqual(document.type, "Quyết định")
        XCTAssertEqual(document.number, "12/QĐ-UBND")
        XCTAssertEqual(document.summary, "Về việc công bố danh mục thủ tục hành chính")
        XCTAssertEqual(document.issuedOn?.description, "2023-02-20")
        XCTAssertEqual(document.authority, "UBND HUYỆN TIÊN PHƯỚC ỦY BAN NHÂN DÂN XÃ TIÊN SƠN")
        XCTAssertEqual(document.layout.nationalTitleSizePt, 13)
        XCTAssertEqual(document.layout.mottoSizePt, 13)
        XCTAssertEqual(document.signature, DocxDocument.Signature(prefix: nil, position: "CHỦ TỊCH", name: "Nguyễn Văn A"))
        XCTAssertEqual(document.recipients, ["Như Điều 3", "Lưu: VT"])
        XCTAssertEqual(document.layout.paper, "A4")
        XCTAssertEqual(document.layout.orientation, .landscape)
        XCTAssertEqual(document.layout.marginsMM, DocxDocument.Margins(top: 20, bottom: 20, left: 35, right: 20))
        XCTAssertEqual(document.layout.font, "Times New Roman")
        XCTAssertEqual(document.pageNumbering, DocxDocument.PageNumbering(onFirstPage: true, onFollowingPages: true, position: .bottom, alignment: .right))
        XCTAssertEqual(document.provenance["page_numbering"]?.part, "word/footer1.xml")
        // "cũ" was deleted and the fallback copy is not shown: the paragraph reads as displayed.
        XCTAssertEqual(document.provenance["layout.font"]?.excerpt, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TIÊN SƠN")
        let paragraphs = try paragraphTexts(MiniDocx.package(body: body, styles: styles))
        XCTAssertTrue(paragraphs.contains("Căn cứ Luật Tổ chức chính quyền địa phương;"))
        XCTAssertFalse(paragraphs.contains("Bản sao"))
    }

    /// A Công văn typed without a table: tabs separate the columns and the V/v follows the number.
    func testCongVanWithTabbedHeader() throws {
        let body = [
            MiniDocx.p("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", run: "<w:b/>"),
            MiniDocx.p("XÃ TIÊN SƠN\t\tĐộc lập - Tự do - Hạnh phúc", run: "<w:b/>"),
            MiniDocx.p("Số: 112/UBND-VP\tTiên Sơn, ngày 03 tháng 3 năm 2022"),
            MiniDocx.p("V/v tuyên truyền dịch vụ\ncông trực tuyến"),
            MiniDocx.p("Kính gửi: Các thôn trên địa bàn xã."),
            MiniDocx.p("Nơi nhận hồ sơ là Bộ phận Một cửa của xã."),
            MiniDocx.p("Nơi nhận:\t\tKT. CHỦ TỊCH"),
            MiniDocx.p("- Như trên;\t\tPHÓ CHỦ TỊCH"),
            MiniDocx.p("- Lưu: VT."),
            MiniDocx.p("\t\tLê Thị C"),
        ].joined()
        let document = try read(MiniDocx.package(body: body))
        XCTAssertEqual(document.type, "Công văn")
        XCTAssertEqual(document.summary, "V/v tuyên truyền dịch vụ công trực tuyến")
        XCTAssertEqual(document.authority, "ỦY BAN NHÂN DÂN XÃ TIÊN SƠN")
        XCTAssertEqual(document.number, "112/UBND-VP")
        XCTAssertEqual(document.placeDate, "Tiên Sơn, ngày 03 tháng 3 năm 2022")
        XCTAssertEqual(document.recipients, ["Như trên", "Lưu: VT"])
        XCTAssertEqual(document.signature, DocxDocument.Signature(prefix: "KT.", position: "PHÓ CHỦ TỊCH", name: "Lê Thị C"))
        XCTAssertEqual(document.provenance["layout.body_size_pt"]?.excerpt, "Kính gửi: Các thôn trên địa bàn xã.")
        XCTAssertEqual(document.layout.bodySizePt, 10)
        XCTAssertNil(document.layout.font)  // no level names a font
        XCTAssertNil(document.layout.paper)  // no w:sectPr
        XCTAssertNil(document.pageNumbering)
    }

    func testEmptyDocumentHasNoFacts() throws {
        let document = try read(MiniDocx.package(body: "<w:p/>"))
        XCTAssertEqual(document, DocxDocument())
        XCTAssertEqual(document.yamlText(), "- {}\n")
    }

    private func paragraphTexts(_ zip: ZipBuilder) throws -> [String] {
        var package = try DocxPackage(path: files.write("p.docx", zip.bytes()), limits: .default)
        let root = try XCTUnwrap(package.xml("word/document.xml")?.root)
        return WordBody(root: root, styles: StyleSheet(styles: nil, theme: nil)).paragraphs.map(\.text)
    }
}
