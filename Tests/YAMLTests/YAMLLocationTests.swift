import XCTest
import YAML

/// Exact line:column of chosen nodes: columns count characters (Unicode scalars) as an editor
/// shows them, lines count as an editor does (CR LF is one break), a BOM takes no column.
final class YAMLLocationTests: XCTestCase {
    func testBlockStyleKeysValuesAndCollections() throws {
        let doc = try loadDocument("""
            # Báo cáo tự kiểm tra
            schema: cchc.self-report/v1
            unit:
              name: UBND xã Tiên Sơn
              # loại đơn vị
              kind: commune   # commune | district
            documents:
              - ref: kh-05
                type: Kế hoạch

            """)
        let root = try XCTUnwrap(doc.root)
        XCTAssertEqual(doc.start(root), at(2, 1))  // comments are not nodes
        let unit = try XCTUnwrap(doc.node("unit"))
        XCTAssertEqual(doc.start(unit), at(4, 3))  // a block mapping starts at its first key
        let name = try XCTUnwrap(doc.node("unit", "name"))
        XCTAssertEqual(doc.start(name), at(4, 9))
        XCTAssertEqual(doc.end(name), at(4, 25))
        let nameKey = try XCTUnwrap(doc.key(of: name, in: unit))
        XCTAssertEqual(doc.start(nameKey), at(4, 3))
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("unit", "kind"))), at(6, 9))  // after a comment line
        XCTAssertEqual(doc.parent(name), unit)
        XCTAssertNil(doc.parent(root))

        let documents = try XCTUnwrap(doc.node("documents"))
        XCTAssertEqual(doc.kind(documents), .sequence)
        XCTAssertEqual(doc.start(documents), at(8, 3))  // a block sequence starts at its first '-'
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("documents", 0))), at(8, 5))
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("documents", 0, "type"))), at(9, 11))
        XCTAssertEqual(doc.location(try XCTUnwrap(doc.node("documents", 0, "ref"))),
                       SourceLocation(file: "t.yaml", line: 8, column: 10))
    }

    func testFlowStyle() throws {
        let doc = try loadDocument("margins_mm: {top: 20, bottom: [1, \"hai\"], left: {a: b}}\n")
        let margins = try XCTUnwrap(doc.node("margins_mm"))
        XCTAssertEqual(doc.start(margins), at(1, 13))
        XCTAssertEqual(doc.end(margins), at(1, 56))
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("margins_mm", "top"))), at(1, 19))
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("margins_mm", "bottom"))), at(1, 31))
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("margins_mm", "bottom", 1))), at(1, 35))
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("margins_mm", "left", "a"))), at(1, 53))
        let (leftKey, _) = doc.pair(margins, 2)
        XCTAssertEqual(doc.start(leftKey), at(1, 43))
    }

    func testMultiLineScalars() throws {
        let doc = try loadDocument("""
            plain: Cải cách hành chính
              năm 2022
            double: "dòng một
              dòng hai"
            single: 'một
              hai'
            literal: |
              Văn bản soạn trên máy mượn,
              đã ban hành lại.
            folded: >-
              một
              hai
            after: x

            """)
        let plain = try XCTUnwrap(doc.node("plain"))
        XCTAssertEqual(doc.text(plain), "Cải cách hành chính năm 2022")
        XCTAssertEqual(doc.start(plain), at(1, 8))
        XCTAssertEqual(doc.end(plain), at(2, 11))
        let double = try XCTUnwrap(doc.node("double"))
        XCTAssertEqual(doc.text(double), "dòng một dòng hai")
        XCTAssertEqual(doc.start(double), at(3, 9))  // the opening quote
        XCTAssertEqual(doc.end(double), at(4, 12))   // after the closing quote
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("single"))), at(5, 9))
        let literal = try XCTUnwrap(doc.node("literal"))
        XCTAssertEqual(doc.text(literal), "Văn bản soạn trên máy mượn,\nđã ban hành lại.\n")
        XCTAssertEqual(doc.style(literal), .literal)
        XCTAssertEqual(doc.start(literal), at(7, 10))  // the '|' indicator
        let folded = try XCTUnwrap(doc.node("folded"))
        XCTAssertEqual(doc.text(folded), "một hai")
        XCTAssertEqual(doc.start(folded), at(10, 9))
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("after"))), at(13, 8))
    }

    func testAliasReportsTheAnchoredNodesLocation() throws {
        let doc = try loadDocument("""
            layout: &chuẩn
              font: Times New Roman
            other: *chuẩn

            """.replacingOccurrences(of: "chuẩn", with: "chuan"))  // libyaml takes ASCII anchor names only
        let layout = try XCTUnwrap(doc.node("layout"))
        let other = try XCTUnwrap(doc.node("other"))
        XCTAssertEqual(other, layout)  // the alias shares the node …
        XCTAssertEqual(doc.start(other), at(1, 9))  // … so it is located at the anchor
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("other", "font"))), at(2, 9))
        XCTAssertEqual(doc.parent(other), doc.root)  // the collection it was first written in

        let scalar = try loadDocument("a: &x 12\nb: [*x]\n")
        XCTAssertEqual(scalar.start(try XCTUnwrap(scalar.node("b", 0))), at(1, 4))
    }

    func testByteOrderMarkTakesNoColumn() throws {
        let doc = try XCTUnwrap(try YAMLLoader().load(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\nb: [x, y]\n".utf8), file: "t").first)
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.root)), at(1, 1))
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("a"))), at(1, 4))
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("b", 1))), at(2, 8))
        XCTAssertEqual(doc.text(try XCTUnwrap(doc.node("b", 1))), "y")
    }

    func testWindowsLineEndings() throws {
        let text = "a: 1\r\nb:\r\n  c: x\r\n  d: |\r\n    dòng 1\r\n    dòng 2\r\ne: \"một\r\n  hai\"\r\n"
        let doc = try XCTUnwrap(try YAMLLoader().load(bytes: Array(text.utf8), file: "t").first)
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("b", "c"))), at(3, 6))
        let d = try XCTUnwrap(doc.node("b", "d"))
        XCTAssertEqual(doc.start(d), at(4, 6))
        XCTAssertEqual(doc.text(d), "dòng 1\ndòng 2\n")  // line breaks normalised to LF
        let e = try XCTUnwrap(doc.node("e"))
        XCTAssertEqual(doc.start(e), at(7, 4))
        XCTAssertEqual(doc.text(e), "một hai")
        // Errors too: the duplicate is on line 3, not counted twice by CR and LF.
        let error = try XCTUnwrap(loadingError("a: 1\r\nb: 2\r\na: 3\r\n"))
        XCTAssertEqual(error.location.position, at(3, 1))
    }

    func testColumnsCountCharactersNotBytes() throws {
        let text = "người_báo_cáo: {họ_tên: \"Nguyễn Văn Ánh\", chức_vụ: Công chức, số: 12}\n"
        let doc = try loadDocument(text)
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("người_báo_cáo"))), at(1, 16))
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("người_báo_cáo", "họ_tên"))), at(1, 25))
        XCTAssertEqual(doc.start(try XCTUnwrap(doc.node("người_báo_cáo", "chức_vụ"))), at(1, 52))
        let number = try XCTUnwrap(doc.node("người_báo_cáo", "số"))
        XCTAssertEqual(doc.start(number), at(1, 67))
        XCTAssertEqual(doc.scalarValue(number), .int(12))
        // The same in an error: the second 'số' key is at character 24, byte 29.
        let error = try XCTUnwrap(loadingError("{tên: Tiên Sơn, số: 1, số: 2}"))
        XCTAssertEqual(error.location.position, at(1, 24))
        XCTAssertEqual(error.relatedLocation?.position, at(1, 17))
    }

    func testSyntaxErrorsAreLocated() throws {
        let error = try XCTUnwrap(loadingError("đơn_vị:\n  tên: Tiên Sơn\n loại: xã\n"))
        XCTAssertEqual(error.kind, .syntax)
        XCTAssertEqual(error.location.line, 3, error.description)
        // libyaml's context ("while parsing a block mapping") is located too, even at 1:1.
        let atStart = try XCTUnwrap(loadingError("a: 1\n- b\n"))
        XCTAssertEqual(atStart.context, "while parsing a block mapping")
        XCTAssertEqual(atStart.contextLocation?.position, at(1, 1))
    }

    /// `position(of:in:)` by binary search (no aliases) and by scan (aliases), in sequences and
    /// mappings, agrees with a scan of the children; `key(of:in:)` rests on it.
    func testPositionOfAChild() throws {
        let plain = try loadDocument("list: [a, {b: 1}, [c], d]\nmap: {x: 1, y: [2], z: {w: 3}}\n")
        let alias = try loadDocument("list: [&a a, {b: 1}, *a, [c], *a]\nmap: {x: &m [1], y: *m, z: 3}\n")
        for doc in [plain, alias] {
            let list = try XCTUnwrap(doc.node("list")), map = try XCTUnwrap(doc.node("map"))
            for i in 0 ..< doc.count(list) {
                let item = doc.item(list, i)
                XCTAssertEqual(doc.position(of: item, in: list), (0 ..< doc.count(list)).first { doc.item(list, $0) == item })
            }
            for i in 0 ..< doc.count(map) {
                let value = doc.pair(map, i).value
                XCTAssertEqual(doc.position(of: value, in: map), (0 ..< doc.count(map)).first { doc.pair(map, $0).value == value })
                XCTAssertEqual(doc.key(of: value, in: map), doc.pair(map, doc.position(of: value, in: map)!).key)
            }
            XCTAssertNil(doc.position(of: map, in: list), "not a child")
            XCTAssertNil(doc.position(of: list, in: try XCTUnwrap(doc.node("list", 0))), "a scalar has no children")
        }
        let aliased = try XCTUnwrap(alias.node("list"))
        XCTAssertEqual(alias.position(of: alias.item(aliased, 4), in: aliased), 0, "an alias is found where it was first written")
    }
}
