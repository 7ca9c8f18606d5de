import Foundation
import XCTest
import YAML

/// The generic YAML → JSON writer (in the YAML module; tested here beside its first user).
final class JSONWriterTests: XCTestCase {
    private func json(_ yaml: String, indent: Int = 2) throws -> String {
        try JSONWriter(indent: indent).string(of: try SchemaTestSupport.document(yaml))
    }

    func testTypesFollowTheCoreSchema() throws {
        let text = "a: 12\nb: \"12\"\nc: 1.5\nd: true\ne: ~\nf: yes\ng: 0x1F\nh: 2022-01-14\ni: 1e3\nj: -0.0\n"
        XCTAssertEqual(try json(text, indent: 0),
                       #"{"a":12,"b":"12","c":1.5,"d":true,"e":null,"f":"yes","g":31,"h":"2022-01-14","i":1000.0,"j":-0.0}"#)
    }

    func testPrettyPrintingKeepsKeyOrder() throws {
        XCTAssertEqual(try json("z: [1, {y: [], x: {}}]\na: b\n"), """
            {
              "z": [
                1,
                {
                  "y": [],
                  "x": {}
                }
              ],
              "a": "b"
            }

            """)
    }

    func testStringsAreEscaped() throws {
        let text = "s: \"quote \\\" back \\\\ tab \\t nl \\n bell \\a nul \\0 ế 😀\"\n"
        let out = try json(text, indent: 0)
        XCTAssertEqual(out, #"{"s":"quote \" back \\ tab \t nl \n bell \u0007 nul \u0000 ế 😀"}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: String]
        XCTAssertEqual(parsed?["s"], "quote \" back \\ tab \t nl \n bell \u{07} nul \u{00} ế 😀")
    }

    func testKeysAreTheirTextAndAliasesAreExpanded() throws {
        XCTAssertEqual(try json("1: &a [x]\ntrue: *a\n", indent: 0), #"{"1":["x"],"true":["x"]}"#)
        XCTAssertEqual(try json("--- plain\n", indent: 0), #""plain""#)
    }

    func testWhatJSONCannotSayIsALocatedError() throws {
        XCTAssertThrowsError(try json("a:\n  b: .inf\n")) { error in
            let e = error as? JSONConversionError
            XCTAssertEqual(e?.location, SourceLocation(file: "test.yaml", line: 2, column: 6))
        }
        XCTAssertThrowsError(try json("? [a, b]\n: c\n")) { error in
            XCTAssertEqual((error as? JSONConversionError)?.location.line, 1)
        }
    }
}
