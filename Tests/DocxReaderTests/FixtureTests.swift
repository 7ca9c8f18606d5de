import XCTest
@testable import DocxReader

/// Every committed fixture's facts, exactly.
final class FixtureTests: XCTestCase {
    /// What `nd30-correct.docx` states; each other fixture differs from it as its name says.
    static let correct: DocxDocument = {
        var d = DocxDocument()
        d.type = "Kế hoạch"
        d.number = "05/KH-UBND"
        d.placeDate = "Tiên Sơn, ngày 14 tháng 01 năm 2022"
        d.issuedOn = DocxDocument.IssueDate(year: 2022, month: 1, day: 14)
        d.authority = "ỦY BAN NHÂN DÂN XÃ TIÊN SƠN"
        d.summary = "Cải cách hành chính năm 2022"
        d.layout.paper = "A4"
        d.layout.orientation = .portrait
        d.layout.marginsMM = DocxDocument.Margins(top: 20, bottom: 20, left: 30, right: 15)
        d.layout.font = "Times New Roman"
        d.layout.bodySizePt = 14
        d.layout.nationalTitleSizePt = 13
        d.layout.mottoSizePt = 14
        d.signature = DocxDocument.Signature(prefix: "TM.", position: "CHỦ TỊCH", name: "Trần Văn B")
        d.recipients = ["UBND huyện Tiên Phước", "Lưu: VT, VP"]
        d.body.alignment = .justified
        d.body.firstLineIndentCm = 1.27
        d.body.lineSpacing = .multiple(1.15)
        d.body.spaceBeforePt = 0
        d.body.spaceAfterPt = 6
        d.pageNumbering = DocxDocument.PageNumbering(onFirstPage: false, onFollowingPages: true, position: .top, alignment: .center)
        return d
    }()

    static let expected: [String: DocxDocument] = {
        func variant(_ change: (inout DocxDocument) -> Void) -> DocxDocument {
            var d = correct
            change(&d)
            return d
        }
        return [
            "nd30-correct": correct,
            "font-arial": variant { $0.layout.font = "Arial" },
            "body-12pt": variant { $0.layout.bodySizePt = 12 },
            "margin-left-25": variant { $0.layout.marginsMM?.left = 25 },
            "paper-letter": variant {
                $0.layout.paper = "Letter"
                $0.pageNumbering?.onFirstPage = true
            },
            "date-no-leading-zero": variant {
                $0.placeDate = "Tiên Sơn, ngày 5 tháng 3 năm 2022"
                $0.issuedOn = DocxDocument.IssueDate(year: 2022, month: 3, day: 5)
            },
            "number-no-leading-zero": variant {
                $0.number = "5/QĐ-UBND"
                $0.type = "Quyết định"
                $0.summary = "Về việc ban hành Quy chế làm việc của Ủy ban nhân dân xã"
            },
            // The type as printed, sentence-cased, its tone mark where the document put it (uỷ).
            "giay-uy-quyen": variant {
                $0.type = "Giấy uỷ quyền"
                $0.number = "05/GUQ-UBND"
            },
            "no-archive-copy": variant { $0.recipients = ["UBND huyện Tiên Phước", "Như trên"] },
            "docdefaults-only": correct,
            "header-no-table": correct,
            "cong-van": variant {
                $0.type = "Công văn"
                $0.number = "112/UBND-VP"
                $0.summary = "V/v tuyên truyền dịch vụ công trực tuyến"
                $0.placeDate = "Tiên Sơn, ngày 03 tháng 3 năm 2022"
                $0.issuedOn = DocxDocument.IssueDate(year: 2022, month: 3, day: 3)
                $0.signature = DocxDocument.Signature(prefix: "KT.", position: "PHÓ CHỦ TỊCH", name: "Lê Thị C")
            },
            "libreoffice-saved": correct,
        ]
    }()

    func testEveryFixtureHasExpectations() {
        XCTAssertEqual(Set(Self.expected.keys), Set(Fixtures.names))
    }

    func testFactsOfEveryFixture() throws {
        for name in Fixtures.names {
            var document = try DocxReader.read(path: Fixtures.path(name))
            XCTAssertFalse(document.provenance.isEmpty, name)
            document.provenance = [:]
            XCTAssertEqual(document, Self.expected[name], name)
        }
    }

    func testMarginsReadAsTyped() throws {
        // Word and python-docx store 15 mm as 850 twips (14.99 mm) and 30 mm as 1701 (30.01 mm).
        let margins = try XCTUnwrap(DocxReader.read(path: Fixtures.path("nd30-correct")).layout.marginsMM)
        XCTAssertEqual(margins.right, 15.0)
        XCTAssertEqual(margins.left, 30.0)
        XCTAssertEqual(try DocxReader.read(path: Fixtures.path("margin-left-25")).layout.marginsMM?.left, 25.0)
    }

    func testProvenanceOfTheCorrectDocument() throws {
        let provenance = try DocxReader.read(path: Fixtures.path("nd30-correct")).provenance
        let expected: [(String, Int?, String)] = [
            ("authority", 0, "ỦY BAN NHÂN DÂN"),
            ("layout.national_title_size_pt", 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("layout.motto_size_pt", 2, "Độc lập - Tự do - Hạnh phúc"),
            ("number", 3, "Số: 05/KH-UBND"),
            ("place_date", 4, "Tiên Sơn, ngày 14 tháng 01 năm 2022"),
            ("issued_on", 4, "Tiên Sơn, ngày 14 tháng 01 năm 2022"),
            ("type", 6, "KẾ HOẠCH"),
            ("summary", 7, "Cải cách hành chính năm 2022"),
            ("layout.font", 9, "Thực hiện Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2022 …"),
            ("body.first_line_indent_cm", 9, "Thực hiện Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2022 …"),
            ("recipients", 13, "Nơi nhận:"),
            ("recipients[0]", 14, "- UBND huyện Tiên Phước;"),
            ("recipients[1]", 15, "- Lưu: VT, VP."),
            ("signature.prefix", 16, "TM. ỦY BAN NHÂN DÂN"),
            ("signature.position", 17, "CHỦ TỊCH"),
            ("signature.name", 21, "Trần Văn B"),
            ("layout.margins_mm.left", nil, "w:pgMar top=1134 bottom=1134 left=1701 right=850"),
            ("layout.paper", nil, "w:pgSz w=11906 h=16838"),
        ]
        for (key, paragraph, excerpt) in expected {
            let found = try XCTUnwrap(provenance[key], key)
            XCTAssertEqual(found.part, "word/document.xml", key)
            XCTAssertEqual(found.paragraph, paragraph, key)
            XCTAssertEqual(found.excerpt, excerpt, key)
        }
        XCTAssertEqual(provenance["page_numbering"], DocxDocument.Provenance(part: "word/header1.xml", paragraph: 0, excerpt: "PAGE"))
    }

    /// Every excerpt is at most 60 characters and is found in the paragraph it names.
    func testProvenancePointsAtItsParagraph() throws {
        for name in Fixtures.names {
            let document = try DocxReader.read(path: Fixtures.path(name))
            var package = try DocxPackage(path: Fixtures.path(name), limits: .default)
            let root = try XMLUnwrapRoot(package.xml("word/document.xml"))
            let paragraphs = WordBody(root: root, styles: StyleSheet(styles: nil, theme: nil)).paragraphs
            for (key, provenance) in document.provenance {
                XCTAssertLessThanOrEqual(provenance.excerpt.count, 60, "\(name) \(key)")
                guard provenance.part == "word/document.xml", let index = provenance.paragraph else { continue }
                let text = TextForm.clean(paragraphs[index].text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " "))
                let excerpt = provenance.excerpt.hasSuffix("…") ? String(provenance.excerpt.dropLast()) : provenance.excerpt
                XCTAssertTrue(text.contains(excerpt.trimmingCharacters(in: .whitespaces)), "\(name) \(key): «\(excerpt)» not in paragraph \(index) «\(text)»")
            }
        }
    }

    func testFixturesWithoutTableOrInheritingDefaultsPointElsewhere() throws {
        let noTable = try DocxReader.read(path: Fixtures.path("header-no-table")).provenance
        // Parent body (not bold) on the left of Quốc hiệu, the issuing body (bold) under it.
        XCTAssertEqual(noTable["authority"]?.paragraph, 1)
        XCTAssertEqual(noTable["authority"]?.excerpt, "ỦY BAN NHÂN DÂN XÃ TIÊN SƠN")
        XCTAssertEqual(noTable["number"]?.paragraph, 3)
        XCTAssertEqual(noTable["place_date"]?.paragraph, 3)
        let congVan = try DocxReader.read(path: Fixtures.path("cong-van")).provenance
        XCTAssertEqual(congVan["summary"]?.paragraph, 4)
        XCTAssertEqual(congVan["type"]?.excerpt, "V/v tuyên truyền dịch vụ công trực tuyến")
    }

    /// The fixture really leaves the body font and size to `w:docDefaults`: neither the styles
    /// the document uses (Normal, Nội dung) nor any of its runs name a font.
    func testDefaultsFixtureStatesFontOnlyInDocumentDefaults() throws {
        var package = try DocxPackage(path: Fixtures.path("docdefaults-only"), limits: .default)
        let styles = try XMLUnwrapRoot(package.xml("word/styles.xml"))
        let document = try XCTUnwrap(package.xml("word/document.xml"))
        for id in ["Normal", "Nộidung"] {
            let style = try XCTUnwrap(styles.children("style").first { $0.attribute("styleId") == id }, id)
            XCTAssertNil(style.child("rPr")?.child("rFonts"), id)
        }
        XCTAssertNotNil(styles.child("docDefaults")?.child("rPrDefault")?.child("rPr")?.child("rFonts"))
        XCTAssertFalse(document.elements.contains { $0.name == "rFonts" })
        XCTAssertEqual(try DocxReader.read(path: Fixtures.path("docdefaults-only")).layout.font, "Times New Roman")
    }

    private func XMLUnwrapRoot(_ tree: XMLTree?) throws -> XMLNode {
        try XCTUnwrap(tree?.root)
    }
}
