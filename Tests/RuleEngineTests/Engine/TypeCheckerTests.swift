import XCTest
@testable import RuleEngine

/// Load-time type checking: what a rule author gets from `cchc rules lint` before any report.
final class TypeCheckerTests: XCTestCase {
    private func assertLoadError(_ text: String, at offset: Int, containing words: String..., shape: (any ObjectShape)? = sampleShape,
                                 file: StaticString = #filePath, line: UInt = #line) {
        guard let e = expressionError(text, shape: shape, file: file, line: line) else { return }
        XCTAssertEqual(e.offset, offset, "offset in '\(text)': \(e.message)", file: file, line: line)
        for w in words { XCTAssertTrue(e.message.contains(w), "'\(e.message)' should mention '\(w)'", file: file, line: line) }
    }

    private func assertCompiles(_ text: String, as type: String? = nil, shape: (any ObjectShape)? = sampleShape,
                                file: StaticString = #filePath, line: UInt = #line) {
        do {
            let (c, _) = try compileExpression(text, shape: shape)
            if let type { XCTAssertEqual(c.type.description, type, text, file: file, line: line) }
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
        }
    }

    func testStringAgainstNumberComparisonIsALoadError() {
        assertLoadError("received == 'một trăm'", at: 9, containing: "không so sánh được", "integer", "string")
        assertLoadError("unit.name < 3", at: 10, containing: "không so sánh được")
        assertLoadError("documents[0].issued_on > 2022", at: 23, containing: "date", "integer")
    }

    func testComparableTypesCompile() {
        assertCompiles("received == 3.5", as: "boolean (đúng/sai)")
        assertCompiles("rate >= received")
        assertCompiles("documents[0].issued_on >= 2020-03-05")
        assertCompiles("unit.name == null")
    }

    func testUnknownFunctionSuggestsTheNearest() {
        assertLoadError("cout(documents) > 0", at: 0, containing: "không có hàm 'cout'", "ý bạn là 'count'")
        assertLoadError("1 + lenght('abc')", at: 4, containing: "'lenght'", "'length'")
        assertLoadError("exist(unit.name)", at: 0, containing: "'exists'")
        assertLoadError("zzzzzz(1)", at: 0, containing: "không có hàm 'zzzzzz'")
        XCTAssertFalse(expressionError("zzzzzz(1)")?.message.contains("ý bạn là") ?? true, "no suggestion when nothing is close")
    }

    func testWrongArgumentCount() {
        assertLoadError("between(received, 1)", at: 0, containing: "between(giá_trị, thấp, cao)", "nhận 3 đối số, nhận 2")
        assertLoadError("count()", at: 0, containing: "1–2 đối số, nhận 0")
        assertLoadError("exists(unit.name, unit.kind)", at: 0, containing: "exists", "nhận 2")
    }

    func testWrongArgumentType() {
        assertLoadError("length(received)", at: 7, containing: "đối số 'giá_trị'", "integer")
        assertLoadError("year('2022')", at: 5, containing: "phải là date")
        assertLoadError("starts_with(unit.name, 3)", at: 23, containing: "'tiền_tố'", "string")
        assertLoadError("count(received)", at: 6, containing: "list")
    }

    func testLambdaResultIsTypeChecked() {
        assertLoadError("all(documents, d => d.ref)", at: 22, containing: "điều_kiện", "boolean", "string")
        assertLoadError("sum(documents, d => d.type)", at: 22, containing: "number", "string")
        assertCompiles("sum(documents, d => d.layout.body_size)", as: "number (số)")
    }

    func testLambdaVariablesAreTypedByTheList() {
        assertLoadError("any(documents, d => d.layot.font == 'x')", at: 22, containing: "'d.layot'", "ý bạn là 'layout'")
        assertCompiles("count(documents, d => d.issued_on >= 2020-03-05)", as: "integer (số nguyên)")
        // `it` is the default element name.
        assertCompiles("all(documents, it.layout.font == 'Times New Roman')")
    }

    func testLambdaOutsideAListFunctionIsAnError() {
        assertLoadError("d => d", at: 0, containing: "hàm ẩn danh")
    }

    func testNonBooleanOperandsOfLogic() {
        assertLoadError("received and true", at: 0, containing: "vế trái của 'and'", "boolean")
        assertLoadError("not unit.name", at: 9, containing: "toán hạng của 'not'")
        assertLoadError("unit.name + 1", at: 10, containing: "phép '+'")
        assertLoadError("-unit.name", at: 0, containing: "dấu '-'")
    }

    func testUnknownPathAgainstTheShape() {
        assertLoadError("unit.nmae == 'x'", at: 5, containing: "'unit.nmae' không có trong lược đồ", "ý bạn là 'name'")
        assertLoadError("documents[0].layout.fnt == 'Arial'", at: 20, containing: "documents[].layout.fnt", "ý bạn là 'font'")
        assertLoadError("peroid.year == 2022", at: 0, containing: "tên 'peroid' không xác định", "ý bạn là 'period'")
        assertLoadError("unit.name.first == 'x'", at: 10, containing: "không lấy được trường 'first'")
    }

    func testIndexMustBeAnIntegerOnAList() {
        assertLoadError("documents['a']", at: 10, containing: "chỉ số phải là số nguyên")
        assertLoadError("received[0]", at: 8, containing: "chỉ lấy phần tử")
    }

    func testWithoutAShapeEveryPathIsAllowed() {
        assertCompiles("anything.goes[3].here == 1", shape: nil)
    }

    func testParamsAreConstantsWithSuggestions() {
        let params: [String: Value] = ["min_rate": .decimal(0.3)]
        XCTAssertNoThrow(try compileExpression("rate >= params.min_rate", shape: sampleShape, params: params))
        guard let e = expressionError("rate >= params.min_rte", shape: sampleShape, params: params) else { return }
        XCTAssertTrue(e.message.contains("không có tham số 'min_rte'") && e.message.contains("'min_rate'"), e.message)
        XCTAssertTrue(expressionError("params", shape: sampleShape, params: params)?.message.contains("params.<tên>") ?? false)
    }

    func testResultTypes() {
        assertCompiles("received / 2", as: "number (số)")
        assertCompiles("received + 2", as: "integer (số nguyên)")
        assertCompiles("unit.name + '!'", as: "string (chuỗi)")
        assertCompiles("filter(documents, d => d.ref == 'a')", as: "list of object (nhóm trường)")
        assertCompiles("map(documents, d => d.issued_on)", as: "list of date (ngày)")
        assertCompiles("first(documents).ref", as: "string (chuỗi)")
    }
}
