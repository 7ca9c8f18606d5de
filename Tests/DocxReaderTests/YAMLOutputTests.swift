import XCTest
import DocxReader
import YAML

/// `yamlText()` is a `documents[]` item that the project's YAML loader reads back to the same values.
final class YAMLOutputTests: XCTestCase {
    /// A YAML value reduced to what comparisons need.
    private indirect enum Tree: Equatable {
        case scalar(ScalarValue)
        case sequence([Tree])
        case mapping([String: Tree])
    }

    private func tree(_ document: YAMLDocument, _ node: NodeID) -> Tree {
        switch document.kind(node) {
        case .scalar: return .scalar(document.scalarValue(node))
        case .sequence: return .sequence(document.items(node).map { tree(document, $0) })
        case .mapping:
            var result: [String: Tree] = [:]
            for (key, value) in document.pairs(node) { result[document.text(key)] = tree(document, value) }
            return .mapping(result)
        }
    }

    /// The tree a reader of the report should see for `document`.
    private func expected(_ document: DocxDocument) -> Tree {
        func string(_ s: String?) -> Tree? { s.map { .scalar(.string($0)) } }
        func number(_ n: Double?) -> Tree? { n.map { $0 == $0.rounded() ? .scalar(.int(Int($0))) : .scalar(.float($0)) } }
        func mapping(_ pairs: [(String, Tree?)]) -> Tree? {
            let present = pairs.compactMap { key, value in value.map { (key, $0) } }
            return present.isEmpty ? nil : .mapping(Dictionary(uniqueKeysWithValues: present))
        }
        let layout = document.layout
        let margins = layout.marginsMM.flatMap { m in
            mapping([("top", number(m.top)), ("bottom", number(m.bottom)), ("left", number(m.left)), ("right", number(m.right))])
        }
        return mapping([
            ("type", string(document.type)), ("number", string(document.number)), ("place_date", string(document.placeDate)),
            ("issued_on", string(document.issuedOn?.description)), ("authority", string(document.authority)),
            ("summary", string(document.summary)),
            ("layout", mapping([
                ("paper", string(layout.paper)), ("orientation", string(layout.orientation?.rawValue)), ("font", string(layout.font)),
                ("body_size_pt", number(layout.bodySizePt)), ("national_title_size_pt", number(layout.nationalTitleSizePt)),
                ("motto_size_pt", number(layout.mottoSizePt)), ("margins_mm", margins),
            ])),
            ("signature", mapping([("prefix", string(document.signature.prefix)), ("position", string(document.signature.position)),
                                   ("name", string(document.signature.name))])),
            ("recipients", document.recipients.map { .sequence($0.map { .scalar(.string($0)) }) }),
            ("body", mapping([
                ("alignment", string(document.body.alignment?.rawValue)),
                ("first_line_indent_cm", number(document.body.firstLineIndentCm)),
                ("line_spacing", { if case .multiple(let m)? = document.body.lineSpacing { number(m) } else { nil } }()),
            ])),
            ("page_numbering", mapping([("on_first_page", document.pageNumbering.map { .scalar(.bool($0.onFirstPage)) })])),
        ]) ?? .mapping([:])
    }

    private func assertRoundTrip(_ document: DocxDocument, _ label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = document.yamlText()
        let loaded = try YAMLLoader().load(bytes: Array(text.utf8), file: label)
        XCTAssertEqual(loaded.count, 1, label, file: file, line: line)
        let root = try XCTUnwrap(loaded.first?.root, file: file, line: line)
        guard case .sequence(let items) = tree(loaded[0], root) else { return XCTFail("not a sequence: \(text)", file: file, line: line) }
        XCTAssertEqual(items, [expected(document)], "\(label)\n\(text)", file: file, line: line)
    }

    func testEveryFixtureRoundTrips() throws {
        for name in Fixtures.names {
            try assertRoundTrip(try DocxReader.read(path: Fixtures.path(name)), name)
        }
    }

    func testCorrectDocumentText() throws {
        let text = try DocxReader.read(path: Fixtures.path("nd30-correct")).yamlText()
        XCTAssertEqual(text, """
            - type: "Kế hoạch"
              number: "05/KH-UBND"
              place_date: "Tiên Sơn, ngày 14 tháng 01 năm 2022"
              issued_on: 2022-01-14
              authority: "ỦY BAN NHÂN DÂN XÃ TIÊN SƠN"
              summary: "Cải cách hành chính năm 2022"
              layout:
                paper: "A4"
                orientation: "portrait"
                font: "Times New Roman"
                body_size_pt: 14
                national_title_size_pt: 13
                motto_size_pt: 14
                margins_mm: {top: 20, bottom: 20, left: 30, right: 15}
              signature:
                prefix: "TM."
                position: "CHỦ TỊCH"
                name: "Trần Văn B"
              recipients:
                - "UBND huyện Tiên Phước"
                - "Lưu: VT, VP"
              body:
                alignment: "justified"
                first_line_indent_cm: 1.27
                line_spacing: 1.15
              page_numbering:
                on_first_page: false

            """)
    }

    func testAwkwardStringsAreQuoted() throws {
        var document = DocxDocument()
        document.type = "null"
        document.number = "05"
        document.authority = "yes"
        document.summary = "V/v \"trích yếu\": # không phải chú thích\n- dòng 2\t\\ \u{1}\u{7F}\u{85}\u{2028}\u{FEFF} – hết"
        document.placeDate = "- Tiên Sơn, ngày 14 tháng 01 năm 2022 &anchor *alias !tag %"
        document.layout.marginsMM = DocxDocument.Margins(top: 20, bottom: 25.4, left: 30, right: 14.5)
        document.layout.bodySizePt = 13.5
        document.recipients = []
        document.signature.name = "'Trần' {Văn} [B], ?"
        try assertRoundTrip(document, "awkward")
        XCTAssertTrue(document.yamlText().contains("recipients: []"))
    }
}
