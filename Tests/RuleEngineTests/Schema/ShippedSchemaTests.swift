import Foundation
import XCTest
@testable import RuleEngine
import YAML

/// The shipped schema against the shipped specification: it loads, it describes exactly the
/// fields of `self-report-v1.md` with Vietnamese titles, its JSON twin is current, and the
/// specification's example report is valid.
final class ShippedSchemaTests: XCTestCase {
    func testShippedSchemaLoads() throws {
        let schema = try SchemaTestSupport.schema()
        XCTAssertEqual(schema.root.properties.map(\.name),
                       ["schema", "unit", "period", "submitted_on", "reporter", "direction", "documents",
                        "one_stop_shop", "archive", "feedback", "waivers"])
        XCTAssertEqual(schema.root.requiredProperties,
                       ["schema", "unit", "period", "direction", "documents", "archive", "feedback"])
    }

    /// The example beside the specification is written to the contract: every field known,
    /// every value of its type, every required section present. No violation at all.
    func testSpecificationExampleIsValid() throws {
        let schema = try SchemaTestSupport.schema()
        let doc = try SchemaTestSupport.document(atPath: try SchemaTestSupport.sharedSpecFile("example-self-report.yaml"))
        XCTAssertEqual(SchemaTestSupport.summary(schema.validate(doc)), [])
    }

    // MARK: Titles and descriptions

    func testEveryFieldHasAVietnameseTitleAndDescription() throws {
        let schema = try SchemaTestSupport.schema()
        var checked = 0
        for (path, node) in SchemaTestSupport.fields(of: schema.root) {
            checked += 1
            for (label, text) in [("title", node.title), ("description", node.description)] {
                guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    XCTFail("\(path) has no \(label)")
                    continue
                }
                XCTAssertEqual(Array(text.utf8), Array(text.precomposedStringWithCanonicalMapping.utf8),
                               "\(path) \(label) is not NFC")
            }
            // Vietnamese without diacritics is a different (or no) word; every title has some.
            XCTAssertTrue(node.title?.unicodeScalars.contains { $0.value > 0x7F } ?? false,
                          "\(path) title '\(node.title ?? "")' has no Vietnamese letter")
        }
        XCTAssertGreaterThan(checked, 90)
    }

    // MARK: Agreement with self-report-v1.md

    /// Every field the specification's table lists exists in the schema with the table's type.
    func testSpecificationFieldsAreInTheSchema() throws {
        let schema = try SchemaTestSupport.schema()
        let fields = try Self.specificationFields()
        XCTAssertGreaterThan(fields.count, 70)
        for field in fields {
            let segments = field.path.last == "[]" ? Array(field.path.dropLast()) : field.path
            let name = field.path.joined(separator: ".")
            guard let node = schema.node(atPath: segments) else {
                XCTFail("\(name) is in self-report-v1.md but not in the schema")
                continue
            }
            XCTAssertEqual(node.types, field.types, "\(name): table says '\(field.typeText)'")
            XCTAssertEqual(node.format, field.format, "\(name): table says '\(field.typeText)'")
            if field.typeText.contains("≥ 0") {
                XCTAssertEqual(node.keywords.reference?.keywords.minimum ?? node.keywords.minimum, 0, name)
            }
        }
    }

    /// Every field of the schema is in the specification's table (Decision 10), except the
    /// ones this project added, which the README's "Report format" section lists.
    func testSchemaFieldsAreInTheSpecification() throws {
        let notYetInTable: Set<String> = [
            "waivers.[].expires",
            "documents.[].body", "documents.[].page_numbering", "documents.[].body.alignment", "documents.[].body.first_line_indent_cm", "documents.[].body.line_spacing",
            "documents.[].page_numbering.on_first_page",
        ]
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../README.md").standardizedFileURL, encoding: .utf8)
        for path in notYetInTable {
            let written = path.replacingOccurrences(of: ".[]", with: "[]")
            XCTAssertTrue(readme.contains("`\(written)`"), "\(written) is added to the schema but not listed in the README's format section")
        }
        let schema = try SchemaTestSupport.schema()
        let specified = Set(try Self.specificationFields().map { $0.path.joined(separator: ".") })
        for (path, _) in SchemaTestSupport.fields(of: schema.root) where !notYetInTable.contains(path) {
            let listed = path.hasSuffix(".[]") ? String(path.dropLast(3)) : path  // a list's items come with it
            let documented = specified.contains(listed) || specified.contains { $0.hasPrefix(listed + ".") }
            XCTAssertTrue(documented, "\(path) is in the schema but not in self-report-v1.md")
        }
    }

    // MARK: Static lookup

    func testLookupByPath() throws {
        let schema = try SchemaTestSupport.schema()
        let font = try XCTUnwrap(schema.node(atPath: ["documents", "[]", "layout", "font"]))
        XCTAssertEqual(font.types, [.string])
        XCTAssertEqual(font.title, "Phông chữ")
        let issued = try XCTUnwrap(schema.node(atPath: ["documents", "[]", "issued_on"]))
        XCTAssertEqual(issued.types, [.string])
        XCTAssertEqual(issued.format, .date)
        XCTAssertEqual(issued.title, "Ngày ban hành")  // the property's own title wins over the $defs one
        let retention = try XCTUnwrap(schema.node(atPath: ["archive", "dossiers", "[]", "retention"]))
        XCTAssertEqual(retention.types, [.string, .integer])
        let reports = try XCTUnwrap(schema.node(atPath: ["direction", "reports_submitted"]))
        XCTAssertEqual(reports.types, [.array])
        XCTAssertEqual(reports.items?.enumValues, [.string("q1"), .string("half-year"), .string("q3"), .string("annual")])
        XCTAssertEqual(schema.node(atPath: ["unit", "kind"])?.enumValues?.count, 6)
        XCTAssertEqual(schema.node(atPath: ["one_stop_shop", "dossiers", "received"])?.types, [.integer])
        XCTAssertEqual(schema.node(atPath: ["documents", "[]", "layout", "margins_mm"])?.properties.map(\.name),
                       ["top", "bottom", "left", "right"])
        XCTAssertEqual(schema.node(atPath: ["schema"])?.types, [.string])
        XCTAssertEqual(schema.node(atPath: [])?.types, [.object])
        XCTAssertNil(schema.node(atPath: ["documents", "layout"]))
        XCTAssertNil(schema.node(atPath: ["documents", "[]", "layout", "fnot"]))
        let layout = try XCTUnwrap(schema.node(atPath: ["documents", "[]", "layout"]))
        XCTAssertEqual(layout.suggestion(forUnknownProperty: "fnot"), "font")
        XCTAssertEqual(layout.suggestion(forUnknownProperty: "body_size"), "body_size_pt")
        XCTAssertNil(layout.suggestion(forUnknownProperty: "colour"))
        XCTAssertEqual(schema.root.suggestion(forUnknownProperty: "one_stop"), nil)
        XCTAssertEqual(schema.root.suggestion(forUnknownProperty: "one_stop_shp"), "one_stop_shop")
    }

    // MARK: JSON

    /// `self-report.schema.json` is generated from the YAML. To regenerate after editing the
    /// YAML: `CCHC_UPDATE_SCHEMA_JSON=1 swift test --filter testJSONSchemaIsCurrent`.
    func testJSONSchemaIsCurrent() throws {
        let expected = try SchemaTestSupport.schema().jsonText()
        let path = SchemaTestSupport.repositoryFile("Rules/schema/self-report.schema.json")
        if ProcessInfo.processInfo.environment["CCHC_UPDATE_SCHEMA_JSON"] == "1" {
            try expected.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(committed == expected && Array(committed.utf8) == Array(expected.utf8),
                      "Rules/schema/self-report.schema.json differs from the YAML schema: run CCHC_UPDATE_SCHEMA_JSON=1 swift test --filter testJSONSchemaIsCurrent")
        // And it is JSON that says the same as the YAML.
        let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(committed.utf8)) as? [String: Any])
        XCTAssertEqual(parsed["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        let properties = try XCTUnwrap(parsed["properties"] as? [String: Any])
        let schemaField = try XCTUnwrap(properties["schema"] as? [String: Any])
        XCTAssertEqual(schemaField["const"] as? String, "cchc.self-report/v1")
        XCTAssertEqual(schemaField["x-finding"] as? String, "SCHEMA-VERSION")
    }

    // MARK: Helpers

    struct SpecifiedField {
        var path: [String]
        var typeText: String
        var types: Set<JSONType>
        var format: SchemaFormat?
    }

    /// The fields of the table in `self-report-v1.md`: `a.b` / `c` (sibling), `x.{p,q}`,
    /// `list[]`, and `{rule, target, reason}` item fields in the type column.
    static func specificationFields() throws -> [SpecifiedField] {
        let text = try String(contentsOfFile: try SchemaTestSupport.sharedSpecFile("self-report-v1.md"), encoding: .utf8)
        var result: [SpecifiedField] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            var paths: [[String]] = []
            for token in backticked(cells[0]) {
                if !token.contains("."), !token.contains("["), let previous = paths.last {
                    paths.append(previous.dropLast() + [token])
                } else {
                    paths += expandBraces(token).map(segments)
                }
            }
            let typeCell = cells[1]
            let parts = typeCell.components(separatedBy: ", ")
            for (i, path) in paths.enumerated() {
                let typeText = parts.count == paths.count ? parts[i] : typeCell
                let (types, format) = expectedType(typeText)
                result.append(SpecifiedField(path: path, typeText: typeText, types: types, format: format))
            }
            // `list of {rule, target, reason}`: the items' fields.
            if let path = paths.first, typeCell.contains("{"), let open = typeCell.firstIndex(of: "{"),
               let close = typeCell.firstIndex(of: "}") {
                for name in typeCell[typeCell.index(after: open) ..< close].components(separatedBy: ", ") {
                    result.append(SpecifiedField(path: path + [name], typeText: "string", types: [.string]))
                }
            }
        }
        return result
    }

    private static func backticked(_ cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    private static func expandBraces(_ token: String) -> [String] {
        guard let open = token.firstIndex(of: "{"), let close = token.firstIndex(of: "}") else { return [token] }
        return token[token.index(after: open) ..< close].split(separator: ",").map {
            String(token[..<open]) + $0 + String(token[token.index(after: close)...])
        }
    }

    private static func segments(_ path: String) -> [String] {
        path.split(separator: ".").flatMap { part in
            part.hasSuffix("[]") ? [String(part.dropLast(2)), "[]"] : [String(part)]
        }
    }

    private static func expectedType(_ text: String) -> (Set<JSONType>, SchemaFormat?) {
        if text.hasPrefix("list") { return ([.array], nil) }
        if text.contains("`permanent` or int") { return ([.string, .integer], nil) }
        if text.hasPrefix("date") { return ([.string], .date) }
        if text.hasPrefix("bool") { return ([.boolean], nil) }
        if text.hasPrefix("int") { return ([.integer], nil) }
        if text.hasPrefix("number") { return ([.number], nil) }
        return ([.string], nil)  // string, enum (of strings), the signature's prefix text
    }
}
