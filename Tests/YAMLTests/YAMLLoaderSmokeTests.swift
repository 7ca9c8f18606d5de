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

    func testKeyLookupComparesWholeKeysByteForByte() throws {
        let text = "ab: 1\na: 2\n\"\": 3\n? [a]\n: 4\nđơn_vị: 5\nlist: [a]\n"
        let doc = try XCTUnwrap(YAMLLoader().load(bytes: Array(text.utf8), file: "t.yaml").first)
        let root = try XCTUnwrap(doc.root)
        func value(_ key: String, in node: NodeID? = nil) -> ScalarValue? {
            doc.value(forKey: key, in: node ?? root).map { doc.scalarValue($0) }
        }
        XCTAssertEqual(value("a"), .int(2))  // not the longer "ab"
        XCTAssertEqual(value("ab"), .int(1))
        XCTAssertEqual(value(""), .int(3))
        XCTAssertEqual(value("đơn_vị"), .int(5))
        XCTAssertEqual(value("đơn_vi\u{0323}"), nil)  // another spelling is another key
        XCTAssertNil(value("[a]"))  // a sequence key never matches text
        XCTAssertNil(value("b"))
        XCTAssertNil(value("a", in: doc.value(forKey: "list", in: root)))  // not a mapping
        XCTAssertEqual(value(String("xab".dropFirst())), .int(1))  // a string made from a slice
    }
}
