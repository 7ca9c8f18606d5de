import XCTest
@testable import YAML

final class YAMLLoaderSmokeTests: XCTestCase {
    func testLoadsMappingWithLocationsAndAlias() throws {
        let text = "a: 1\nb:\n  - x\n  - &anc {k: \"v\", n: 0x1F}\nc: *anc\n"
        let docs = try YAMLLoader().load(bytes: Array(text.utf8), file: "t.yaml")
        XCTAssertEqual(docs.count, 1)
        let doc = docs[0]
        let root = try XCTUnwrap(doc.root)
        let a = try XCTUnwrap(doc.value(forKey: "a", in: root))
        XCTAssertEqual(doc.scalarValue(a), .int(1))
        XCTAssertEqual(doc.start(a), SourcePosition(line: 1, column: 4))
        let c = try XCTUnwrap(doc.value(forKey: "c", in: root))
        XCTAssertEqual(doc.start(c), SourcePosition(line: 4, column: 5))  // the anchor starts the node
        let n = try XCTUnwrap(doc.value(forKey: "n", in: c))
        XCTAssertEqual(doc.scalarValue(n), .int(31))
        XCTAssertEqual(doc.start(n), SourcePosition(line: 4, column: 22))
    }
}
