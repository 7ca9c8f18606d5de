import XCTest
import YAML

/// YAML 1.2 core-schema typing of scalars, through the loader (so tags and styles count).
final class CoreSchemaTests: XCTestCase {
    /// The resolved value and the text of the document `yaml`, which is a single scalar.
    func scalar(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> (value: ScalarValue, text: String) {
        let doc = try loadDocument(yaml, file: file, line: line)
        let root = try XCTUnwrap(doc.root, file: file, line: line)
        return (doc.scalarValue(root), doc.text(root))
    }

    func assertResolves(_ cases: [(String, ScalarValue)], file: StaticString = #filePath, line: UInt = #line) throws {
        for (yaml, expected) in cases {
            XCTAssertEqual(try scalar(yaml, file: file, line: line).value, expected, yaml, file: file, line: line)
        }
    }

    func testNull() throws {
        try assertResolves([("null", .null), ("~", .null), ("Null", .null), ("NULL", .null), ("nULL", .string("nULL"))])
        let doc = try loadDocument("empty:\nquoted: ''\n")
        XCTAssertEqual(try XCTUnwrap(doc.node("empty")).map(doc.scalarValue), .null)  // an empty plain scalar
        XCTAssertEqual(try XCTUnwrap(doc.node("quoted")).map(doc.scalarValue), .string(""))  // quoted: always a string
    }

    func testBool() throws {
        try assertResolves([("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
                            ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
                            ("tRUE", .string("tRUE")), ("'true'", .string("true"))])
    }

    func testYAML11BooleansAreStrings() throws {
        try assertResolves([("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")),
                            ("off", .string("off")), ("Y", .string("Y")), ("NO", .string("NO"))])
    }

    func testIntegers() throws {
        try assertResolves([("0", .int(0)), ("-12", .int(-12)), ("+12", .int(12)), ("0o17", .int(15)),
                            ("0x1F", .int(31)), ("0x1f", .int(31)), ("9223372036854775807", .int(.max)),
                            ("0x-1", .string("0x-1")), ("0o8", .string("0o8")), ("0x", .string("0x")),
                            ("1_000", .string("1_000"))])
        // Too big for Int: still a number, as a float.
        XCTAssertEqual(try scalar("99999999999999999999").value, .float(1e20))
    }

    func testFloats() throws {
        try assertResolves([("1.10", .float(1.1)), ("-0.5", .float(-0.5)), (".5", .float(0.5)), ("1.", .float(1)),
                            ("1e3", .float(1000)), ("6.02E+23", .float(6.02e23)),
                            (".inf", .float(.infinity)), ("+.Inf", .float(.infinity)), ("-.INF", .float(-.infinity)),
                            (".", .string(".")), ("-1-", .string("-1-")), ("1e", .string("1e")), ("+.nan", .string("+.nan"))])
        for nan in [".nan", ".NaN", ".NAN"] {
            guard case .float(let d) = try scalar(nan).value else { return XCTFail(nan) }
            XCTAssertTrue(d.isNaN, nan)
        }
    }

    func testReferenceNumbersAndDatesStayStrings() throws {
        try assertResolves([("05/KH-UBND", .string("05/KH-UBND")), ("2022-10-10", .string("2022-10-10")),
                            ("0235 3884 123", .string("0235 3884 123"))])
    }

    /// Archive codes like `01.03` must be quoted to stay strings, but the original text is
    /// always there for rules that want it.
    func testPlainNumberKeepsItsOriginalText() throws {
        let plain = try scalar("01.03")
        XCTAssertEqual(plain.value, .float(1.03))
        XCTAssertEqual(plain.text, "01.03")
        XCTAssertEqual(try scalar("\"01.03\"").value, .string("01.03"))
        XCTAssertEqual(try scalar("'01.03'").value, .string("01.03"))
    }

    func testTags() throws {
        try assertResolves([("! 12", .string("12")), ("!!str 12", .string("12")), ("!!str true", .string("true")),
                            ("!custom 12", .string("12")), ("!!int \"12\"", .int(12)), ("!!float 1", .float(1)),
                            ("!!bool 'false'", .bool(false)), ("!!null x", .null), ("!!int abc", .string("abc")),
                            ("!<tag:yaml.org,2002:int> 7", .int(7))])
    }

    func testBlockScalarsAreStrings() throws {
        try assertResolves([("|\n  12\n", .string("12\n")), (">-\n  true\n", .string("true"))])
    }

    func testResolvePlainDirectly() {
        func resolve(_ text: String) -> ScalarValue {
            var text = text
            return text.withUTF8 { CoreSchema.resolvePlain($0) }
        }
        XCTAssertEqual(resolve(""), .null)
        XCTAssertEqual(resolve("0x1F"), .int(31))
        XCTAssertEqual(resolve("-"), .string("-"))  // as a document, `-` would be a sequence
        XCTAssertEqual(resolve("Tiên Sơn"), .string("Tiên Sơn"))
    }
}
