import XCTest
@testable import RuleEngine
import YAML

/// Schema files themselves: what the compiler rejects (always with a location), and generic
/// validator behaviour that the shipped schema does not exercise.
final class SchemaCompilerTests: XCTestCase {
    private func compile(_ text: String) throws -> ReportSchema {
        try ReportSchema(document: try SchemaTestSupport.document(text, file: "schema.yaml"))
    }

    private func assertSchemaError(_ text: String, _ kind: SchemaError.Kind, at line: Int, _ column: Int,
                                   message: String? = nil, file: StaticString = #filePath, lineNumber: UInt = #line) {
        XCTAssertThrowsError(try compile(text), file: file, line: lineNumber) { error in
            guard let e = error as? SchemaError else { return XCTFail("not a SchemaError: \(error)", file: file, line: lineNumber) }
            XCTAssertEqual(e.kind, kind, e.description, file: file, line: lineNumber)
            XCTAssertEqual(e.location, SourceLocation(file: "schema.yaml", line: line, column: column), e.description,
                           file: file, line: lineNumber)
            if let message { XCTAssertEqual(e.message, message, file: file, line: lineNumber) }
        }
    }

    func testUnknownKeywordIsLocatedAndSuggested() {
        assertSchemaError("""
            type: object
            properties:
              name:
                type: string
                minLenght: 1
            """, .unknownKeyword, at: 5, 5, message: "từ khóa 'minLenght' không được hỗ trợ — ý bạn là 'minLength'?")
        // Real JSON Schema keywords this validator does not implement are refused, not ignored.
        assertSchemaError("type: string\npattern: '^[0-9]+$'\n", .unknownKeyword, at: 2, 1)
        assertSchemaError("properties:\n  a:\n    x-note: hi\n", .unknownKeyword, at: 3, 5)
    }

    func testRootOnlyKeywordsElsewhere() {
        assertSchemaError("properties:\n  a:\n    $defs: {}\n", .unknownKeyword, at: 3, 5,
                          message: "từ khóa '$defs' chỉ được dùng ở gốc lược đồ")
        assertSchemaError("$schema: http://json-schema.org/draft-07/schema#\n", .invalidKeywordValue, at: 1, 10)
    }

    func testInvalidKeywordValues() {
        assertSchemaError("type: text\n", .invalidKeywordValue, at: 1, 7)
        assertSchemaError("type: [string, string]\n", .invalidKeywordValue, at: 1, 16)
        assertSchemaError("required: name\n", .invalidKeywordValue, at: 1, 11)
        assertSchemaError("required: [a, a]\n", .invalidKeywordValue, at: 1, 15)
        assertSchemaError("additionalProperties: {type: string}\n", .invalidKeywordValue, at: 1, 23)
        assertSchemaError("minimum: zero\n", .invalidKeywordValue, at: 1, 10)
        assertSchemaError("minLength: -1\n", .invalidKeywordValue, at: 1, 12)
        assertSchemaError("enum: []\n", .invalidKeywordValue, at: 1, 7)
        assertSchemaError("enum: [a, {b: c}]\n", .invalidKeywordValue, at: 1, 11)
        assertSchemaError("const: .nan\n", .notJSON, at: 1, 8)
        assertSchemaError("format: email\n", .invalidKeywordValue, at: 1, 9,
                          message: "định dạng 'email' chưa được hỗ trợ — chỉ hỗ trợ: date")
        assertSchemaError("anyOf: []\n", .invalidKeywordValue, at: 1, 8)
        assertSchemaError("items: [a]\n", .invalidKeywordValue, at: 1, 8)
        assertSchemaError("x-finding: schema-version\n", .invalidKeywordValue, at: 1, 12)
        assertSchemaError("then: {required: [a]}\n", .invalidKeywordValue, at: 1, 1)
        assertSchemaError("title: 12\n", .invalidKeywordValue, at: 1, 8)
        assertSchemaError("- type: string\n", .invalidKeywordValue, at: 1, 1)
        assertSchemaError("default: 1\nexamples: 1\n", .invalidKeywordValue, at: 2, 11)
    }

    func testReferences() throws {
        assertSchemaError("$ref: '#/$defs/dat'\n$defs:\n  date: {type: string}\n", .unresolvedReference, at: 1, 7,
                          message: "'$ref' trỏ tới '#/$defs/dat' nhưng '$defs' không có mục này — ý bạn là 'date'?")
        assertSchemaError("$ref: other.json#/x\n", .unresolvedReference, at: 1, 7)
        assertSchemaError("$ref: '#/$defs/a'\n$defs:\n  a: {$ref: '#/$defs/b'}\n  b: {items: {$ref: '#/$defs/a'}}\n",
                          .circularReference, at: 4, 21, message: "'$ref' vòng lặp: a → b → a — lược đồ đệ quy không được hỗ trợ")
        // An unused definition is still checked.
        assertSchemaError("type: object\n$defs:\n  unused: {typo: 1}\n", .unknownKeyword, at: 3, 12)
        // JSON Pointer escapes in definition names.
        let schema = try compile("$ref: '#/$defs/a~1b'\n$defs:\n  a/b: {type: integer}\n")
        XCTAssertEqual(schema.root.types, [.integer])
    }

    func testLoadingAFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-schema-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let two = directory.appendingPathComponent("two.yaml").path
        try "type: object\n---\ntype: string\n".write(toFile: two, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ReportSchema.load(path: two)) { XCTAssertEqual(($0 as? SchemaError)?.kind, .notOneDocument) }
        XCTAssertThrowsError(try ReportSchema.load(path: directory.appendingPathComponent("none.yaml").path)) {
            XCTAssertEqual(($0 as? YAMLError)?.kind, .io)
        }
    }

    // MARK: Generic validation

    private func validate(_ schemaText: String, _ reportText: String) throws -> [SchemaViolation] {
        try compile(schemaText).validate(try SchemaTestSupport.document(reportText))
    }

    func testFindingOverrideAppliesToEverythingUnderIt() throws {
        let schema = """
            type: object
            properties:
              meta:
                x-finding: META-BROKEN
                type: object
                additionalProperties: false
                required: [version]
                properties:
                  version: {type: integer, x-finding: META-VERSION}
                  tag: {type: string}
            required: [meta]
            """
        XCTAssertEqual(SchemaTestSupport.summary(try validate(schema, "meta: {tag: 1, extra: 2}\n")),
                       ["META-VERSION meta.version 1:7", "META-BROKEN meta.tag 1:13", "META-BROKEN meta.extra 1:16"])
        let unknown = try validate(schema, "meta: {version: 1, extra: 2}\n")
        XCTAssertEqual(unknown.first?.severity, .warning)  // severity follows the kind, not the id
        // A missing field is reported as its own schema's x-finding (as `schema` is SCHEMA-VERSION).
        XCTAssertEqual(SchemaTestSupport.summary(try validate(schema, "{}\n")), ["META-BROKEN meta 1:1"])
    }

    func testOneOfReportsAmbiguityOnce() throws {
        let schema = "oneOf:\n  - {type: number}\n  - {type: integer}\n"
        let found = try validate(schema, "5\n")
        XCTAssertEqual(found.map(\.kind), [.severalAlternativesMatched])
        XCTAssertEqual(found.first?.message, "giá trị 5 khớp cùng lúc nhiều dạng (số; số nguyên) — chỉ được khớp đúng một")
        XCTAssertEqual(try validate(schema, "5.5\n"), [])
        XCTAssertEqual(try validate(schema, "x\n").map(\.message),
                       ["giá trị không hợp lệ — phải là số hoặc số nguyên (đang ghi: x)"])
    }

    func testAlternativeOfTheRightShapeExplainsItself() throws {
        // A list item that can only be the object alternative gets that alternative's message.
        let schema = """
            items:
              anyOf:
                - {type: string}
                - {type: object, required: [rule], properties: {rule: {type: string}}}
            """
        XCTAssertEqual(SchemaTestSupport.summary(try validate(schema, "- a\n- {rul: X}\n")), ["SCHEMA-REQUIRED [1].rule 2:3"])
        XCTAssertEqual(try validate(schema, "- 5\n").map(\.kind), [.noAlternativeMatched])
    }

    func testIfThenElse() throws {
        let schema = "if: {type: integer}\nthen: {minimum: 10}\nelse: {type: string, minLength: 2}\n"
        XCTAssertEqual(try validate(schema, "12\n"), [])
        XCTAssertEqual(try validate(schema, "3\n").map(\.message), ["giá trị 3 phải từ 10 trở lên"])
        XCTAssertEqual(try validate(schema, "ab\n"), [])
        XCTAssertEqual(try validate(schema, "a\n").map(\.message), ["phải có ít nhất 2 ký tự (đang có 1)"])
        XCTAssertEqual(try validate(schema, "''\n").map(\.message), ["không được để trống"])
        XCTAssertEqual(try validate("minLength: 1\n", "''\n").map(\.message), ["không được để trống"])
    }

    func testRangeKeywords() throws {
        let schema = "exclusiveMinimum: 0\nmaximum: 35\nexclusiveMaximum: 40\n"
        XCTAssertEqual(try validate(schema, "0\n").map(\.message), ["giá trị 0 phải lớn hơn 0"])
        XCTAssertEqual(try validate(schema, "35.5\n").map(\.message), ["giá trị 35.5 phải từ 35 trở xuống"])
        XCTAssertEqual(try validate("exclusiveMaximum: 40\n", "40\n").map(\.message), ["giá trị 40 phải nhỏ hơn 40"])
        XCTAssertEqual(try validate(schema, "35\n"), [])
        XCTAssertEqual(try validate(schema, "abc\n"), [])  // range keywords only look at numbers
    }

    func testDuplicateProblemsAreReportedOnce() throws {
        // The same requirement stated twice (own keywords and a $ref) is one problem.
        let schema = "$ref: '#/$defs/named'\nrequired: [name]\n$defs:\n  named: {required: [name]}\n"
        XCTAssertEqual(SchemaTestSupport.summary(try validate(schema, "{}\n")), ["SCHEMA-REQUIRED name 1:1"])
    }
}

/// The validator reads a scalar's type without resolving it when it can; that shortcut must
/// agree with the core schema everywhere.
final class InstanceClassificationTests: XCTestCase {
    func testShortcutAgreesWithTheCoreSchema() throws {
        var texts = ["", "~", "null", "Null", "NULL", "nul", "nulls", "true", "True", "TRUE", "tru", "truely", "false",
                     "False", "FALSE", "falsey", "no", "yes", "on", "off", "n", "t", "f", "Tiên Sơn", "Times New Roman",
                     "fnot", "ngày 05", "12", "-3", "+4", "0x1F", "0o17", "1.5", ".5", "1e3", ".inf", "-.Inf", ".nan",
                     "2022-01-14", "14/01/2022", "01.03", "Ủy ban", "ếch", "A4", "q1", "half-year", "_x", "!x"]
        for file in try ExamplesAndTemplatesTests.files(in: "Reports/examples", ext: "yaml") {
            let doc = try SchemaTestSupport.document(atPath: file)
            var pending = [try XCTUnwrap(doc.root)]
            while let node = pending.popLast() {
                switch doc.kind(node) {
                case .scalar: texts.append(doc.text(node))
                case .sequence: pending += doc.items(node)
                case .mapping: pending += doc.pairs(node).flatMap { [$0.key, $0.value] }
                }
            }
        }
        for text in texts {
            for written in ["v: \(text)\n", "v: \"\(text)\"\n", "v: !!str \(text)\n", "v: ! \(text)\n"] {
                guard let doc = try? SchemaTestSupport.document(written), let root = doc.root,
                      let node = doc.value(forKey: "v", in: root) else { continue }
                let expected: JSONType = switch doc.scalarValue(node) {
                case .null: .null
                case .bool: .boolean
                case .int: .integer
                case .float(let d): d.isFinite && d == d.rounded() ? .integer : .number
                case .string: .string
                }
                XCTAssertEqual(Instance(node, in: doc).type, expected, written)
            }
        }
    }
}
