import Foundation
import XCTest
@testable import RuleEngine
import YAML

/// `Reports/examples/` and `Rules/templates/` against the shipped schema and checks.md.
final class ExamplesAndTemplatesTests: XCTestCase {
    // MARK: Examples

    /// Each example's header: `# expect: ID` lines name shipped checks of severity warning or
    /// error (or `none` alone), `# waived: ID target` lines name a waiver the report makes; the
    /// SCHEMA-* expectations are exactly what the schema finds.
    func testExamplesAnnounceTheirFindingsAndTheSchemaOnesHold() throws {
        let schema = try SchemaTestSupport.schema()
        let severities = try Self.checkSeverities()
        let files = try Self.files(in: "Reports/examples", ext: "yaml")
        XCTAssertGreaterThanOrEqual(files.count, 6)
        var kinds: Set<String> = []
        for path in files {
            let name = (path as NSString).lastPathComponent
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let header = text.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0.hasPrefix("#") }
            XCTAssertGreaterThan(header.count, 2, "\(name) has no header comment")
            let expected = header.compactMap { Self.value(of: "# expect:", in: $0) }
            XCTAssertFalse(expected.isEmpty, "\(name) has no '# expect:' line")
            if expected.contains("none") {
                XCTAssertEqual(expected, ["none"], "\(name): 'none' must be the only expectation")
            }
            for id in expected where id != "none" {
                guard let severity = severities[id] else { XCTFail("\(name): \(id) is not a check of checks.md"); continue }
                XCTAssertNotEqual(severity, .info, "\(name): \(id) is an info check; only warnings and errors are listed")
            }
            let doc = try SchemaTestSupport.document(atPath: path)
            let root = try XCTUnwrap(doc.root)
            for waived in header.compactMap({ Self.value(of: "# waived:", in: $0) }) {
                let parts = waived.split(separator: " ").map(String.init)
                XCTAssertTrue(expected.contains(parts[0]), "\(name): waived \(parts[0]) is not also expected")
                let waivers = doc.value(forKey: "waivers", in: root).map(doc.items) ?? []
                XCTAssertTrue(waivers.contains { w in
                    doc.value(forKey: "rule", in: w).map(doc.text) == parts[0]
                        && doc.value(forKey: "target", in: w).map(doc.text) == parts.dropFirst().first
                }, "\(name): no waiver of \(waived)")
            }
            let schemaFindings = schema.validate(doc).map(\.findingID).sorted()
            XCTAssertEqual(schemaFindings, expected.filter { $0.hasPrefix("SCHEMA-") }.sorted(), name)
            if let unit = doc.value(forKey: "unit", in: root), let kind = doc.value(forKey: "kind", in: unit) {
                kinds.insert(doc.text(kind))
            }
        }
        XCTAssertEqual(kinds, Self.unitKinds(schema), "every kind of unit has an example")
    }

    // MARK: Templates

    /// Commented out in every template (optional, or only for some units).
    static let commentedOutInTemplates = ["unit.established_on", "documents.[].file", "documents.[].body",
                                          "documents.[].page_numbering", "archive.dossiers.[].settled_on", "waivers"]

    func testTemplatesAreValidAndShowEveryField() throws {
        let schema = try SchemaTestSupport.schema()
        let allFields = SchemaTestSupport.fields(of: schema.root).map(\.0)
        for kind in Self.unitKinds(schema).sorted() {
            let path = SchemaTestSupport.repositoryFile("Rules/templates/\(kind).yaml")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("# yaml-language-server: $schema=../schema/self-report.schema.json\n"), kind)
            let doc = try SchemaTestSupport.document(atPath: path)
            XCTAssertEqual(SchemaTestSupport.summary(schema.validate(doc)), [], "\(kind) template")
            let root = try XCTUnwrap(doc.root)
            XCTAssertEqual(doc.value(forKey: "unit", in: root).flatMap { doc.value(forKey: "kind", in: $0) }.map(doc.text), kind)

            let oneStopOptional = schema.root.requiredProperties.contains("one_stop_shop") == false
                && ["school", "agency"].contains(kind)
            var hidden = Self.commentedOutInTemplates
            if oneStopOptional { hidden.append("one_stop_shop") }
            let expected = Set(allFields.filter { field in !hidden.contains { field == $0 || field.hasPrefix($0 + ".") } })
            let shown = Set(Self.paths(in: doc, root))
            XCTAssertEqual(expected.subtracting(shown).sorted(), [], "\(kind) template does not show these fields")
            XCTAssertEqual(shown.subtracting(expected).sorted(), [], "\(kind) template shows these fields uncommented")
            for field in hidden {
                let name = field.split(separator: ".").last.map(String.init) ?? field
                XCTAssertTrue(text.contains("# \(name):"), "\(kind) template does not show '\(field)' as a comment")
            }
        }
    }

    // MARK: Helpers

    static func unitKinds(_ schema: ReportSchema) -> Set<String> {
        Set(schema.node(atPath: ["unit", "kind"])?.enumValues?.map(\.description) ?? [])
    }

    static func files(in directory: String, ext: String) throws -> [String] {
        let url = SchemaTestSupport.repositoryRoot.appendingPathComponent(directory)
        return try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasSuffix("." + ext) }.sorted().map { url.appendingPathComponent($0).path }
    }

    static func value(of prefix: String, in line: Substring) -> String? {
        line.hasPrefix(prefix) ? line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces) : nil
    }

    /// Every check of checks.md with its severity (`| ID | severity | …` rows).
    static func checkSeverities() throws -> [String: Severity] {
        let text = try String(contentsOfFile: try SchemaTestSupport.sharedSpecFile("checks.md"), encoding: .utf8)
        var result: [String: Severity] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, let severity = Severity(rawValue: cells[1]),
                  cells[0].range(of: "^[A-Z0-9]+(-[A-Z0-9]+)+$", options: .regularExpression) != nil else { continue }
            result[cells[0]] = severity
        }
        return result
    }

    /// The field paths a document uses, in the form `SchemaTestSupport.fields` gives.
    static func paths(in doc: YAMLDocument, _ node: NodeID, prefix: String = "") -> [String] {
        switch doc.kind(node) {
        case .mapping:
            return doc.pairs(node).flatMap { pair -> [String] in
                let path = prefix.isEmpty ? doc.text(pair.key) : prefix + "." + doc.text(pair.key)
                return [path] + paths(in: doc, pair.value, prefix: path)
            }
        case .sequence:
            return doc.items(node).flatMap { [prefix + ".[]"] + paths(in: doc, $0, prefix: prefix + ".[]") }
        case .scalar:
            return []
        }
    }
}
