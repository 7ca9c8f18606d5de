import Foundation
import XCTest
import YAML

/// Runs the YAML test suite (`../shared/conformance/yaml-test-suite/`, see its README) through
/// `YAMLLoader`. Only the cases where libyaml's own parser is known to be wrong (category
/// `parser` in `libyaml-known-failures.txt`) are skipped; the `loader` ones must pass.
final class YAMLTestSuiteTests: XCTestCase {
    /// One folder of the suite that holds an `in.yaml`.
    struct SuiteCase {
        var id: String
        var directory: URL
        func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
        func has(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name).path) }
        /// `error` takes precedence over `in.json` (three cases have both).
        var kind: CaseKind { has("error") ? .error : has("in.json") ? .json : .loadOnly }
    }

    enum CaseKind { case json, error, loadOnly }

    /// The suite folder, found from this file's path: `<package>/../shared/conformance/yaml-test-suite`.
    static let suiteDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // YAMLTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/conformance/yaml-test-suite")
        .standardizedFileURL

    func testYAMLTestSuite() throws {
        let root = Self.suiteDirectory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            XCTFail("YAML test suite not found at \(root.path): the conformance folder must sit beside the repository")
            return
        }
        let cases = try Self.cases(in: root)
        let skips = try Self.parserKnownFailures(in: root)
        XCTAssertGreaterThan(cases.count, 300, "the suite at \(root.path) looks incomplete")
        let ids = Set(cases.map(\.id))
        for id in skips where !ids.contains(id) {
            XCTFail("libyaml-known-failures.txt names \(id), which is not a case of the suite")
        }

        var ran = 0, passed = 0, skipped = 0
        var ranByKind: [CaseKind: Int] = [:]
        for c in cases {
            if skips.contains(c.id) {
                skipped += 1
                continue
            }
            ran += 1
            ranByKind[c.kind, default: 0] += 1
            if let failure = Self.check(c) {
                XCTFail("\(c.id): \(failure)")
            } else {
                passed += 1
            }
        }
        print("YAML test suite: \(cases.count) cases, \(ran) ran (\(ranByKind[.json] ?? 0) compared with in.json, "
            + "\(ranByKind[.error] ?? 0) must fail, \(ranByKind[.loadOnly] ?? 0) must load), \(passed) passed, "
            + "\(ran - passed) failed, \(skipped) skipped (libyaml parser known failures)")
    }

    /// A hand-made mismatch must be noticed, or the suite run above would prove nothing.
    func testComparisonNoticesDifferences() throws {
        let doc = try XCTUnwrap(YAMLLoader().load(bytes: Array("{a: [1, 2.5, true, ~, x]}".utf8), file: "t").first)
        let same = try JSONStream.values(in: Array(#"{"a": [1, 2.5, true, null, "x"]}"#.utf8))
        XCTAssertNil(Self.difference(doc, doc.root, same[0], path: "$"))
        for wrong in [#"{"a": [1, 2.5, true, null, "y"]}"#, #"{"a": ["1", 2.5, true, null, "x"]}"#,
                      #"{"a": [1, 2.5, 1, null, "x"]}"#, #"{"a": [1, 2.5, true, "", "x"]}"#,
                      #"{"a": [1, 2.5, true, null]}"#, #"{"b": [1, 2.5, true, null, "x"]}"#, #"[1]"#] {
            let json = try JSONStream.values(in: Array(wrong.utf8))
            XCTAssertNotNil(Self.difference(doc, doc.root, json[0], path: "$"), wrong)
        }
        XCTAssertEqual(try JSONStream.values(in: Array("1 \"a\"\n{}[]".utf8)).count, 4)
        XCTAssertEqual(try JSONStream.values(in: []).count, 0)
    }

    // MARK: Cases

    /// Every folder under `root` containing `in.yaml`, sorted by ID (`229Q`, `VJP3/00`).
    static func cases(in root: URL) throws -> [SuiteCase] {
        let fm = FileManager.default
        var result: [SuiteCase] = []
        for name in try fm.contentsOfDirectory(atPath: root.path) {
            let dir = root.appendingPathComponent(name)
            if fm.fileExists(atPath: dir.appendingPathComponent("in.yaml").path) {
                result.append(SuiteCase(id: name, directory: dir))
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: dir.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for sub in try fm.contentsOfDirectory(atPath: dir.path)
            where fm.fileExists(atPath: dir.appendingPathComponent(sub).appendingPathComponent("in.yaml").path) {
                result.append(SuiteCase(id: name + "/" + sub, directory: dir.appendingPathComponent(sub)))
            }
        }
        return result.sorted { $0.id < $1.id }
    }

    /// IDs whose category is `parser` in `libyaml-known-failures.txt` (`ID  CATEGORY KIND: reason`).
    static func parserKnownFailures(in root: URL) throws -> Set<String> {
        let text = try String(contentsOf: root.appendingPathComponent("libyaml-known-failures.txt"), encoding: .utf8)
        var ids: Set<String> = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let words = line.split(separator: " ", maxSplits: 2)
            if words.count >= 2, words[1] == "parser" { ids.insert(String(words[0])) }
        }
        return ids
    }

    /// nil when the case passes, else why it fails.
    static func check(_ c: SuiteCase) -> String? {
        let fm = FileManager.default
        guard let input = fm.contents(atPath: c.file("in.yaml").path).map(Array.init) else { return "cannot read in.yaml" }
        let result = Result { try YAMLLoader().load(bytes: input, file: "in.yaml") }

        let kind = c.kind
        if kind == .error {
            switch result {
            case .success:
                return "invalid input was loaded"
            case .failure(let error as YAMLError):
                let lines = input.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                guard (1 ... lines).contains(error.location.line), error.location.column >= 1 else {
                    return "implausible error location \(error.location) (input has \(lines) lines): \(error)"
                }
                return nil
            case .failure(let error):
                return "threw a non-YAMLError: \(error)"
            }
        }

        let documents: [YAMLDocument]
        do { documents = try result.get() } catch { return "valid input was rejected: \(error)" }
        guard kind == .json else { return nil }
        guard let jsonBytes = fm.contents(atPath: c.file("in.json").path) else { return "cannot read in.json" }
        let expected: [JSONValue]
        do { expected = try JSONStream.values(in: Array(jsonBytes)) } catch { return "in.json: \(error)" }
        guard documents.count == expected.count else {
            return "\(documents.count) documents loaded, in.json has \(expected.count)"
        }
        for (n, (document, json)) in zip(documents, expected).enumerated() {
            if let difference = Self.difference(document, document.root, json, path: "doc\(n)") {
                return difference
            }
        }
        return nil
    }

    // MARK: Comparing with in.json

    /// nil when `node` holds the same data as `json` under YAML 1.2 core-schema typing.
    /// JSON object keys are strings, so a YAML key is compared by its text (`1` matches `"1"`).
    static func difference(_ doc: YAMLDocument, _ node: NodeID?, _ json: JSONValue, path: String) -> String? {
        guard let node else {
            if case .null = json { return nil }
            return "\(path): empty document, expected \(json)"
        }
        switch (doc.kind(node), json) {
        case (.scalar, _):
            let value = doc.scalarValue(node)
            switch (value, json) {
            case (.null, .null): return nil
            case let (.bool(a), .bool(b)) where a == b: return nil
            case let (.int(a), .number(b)) where Double(a) == b: return nil
            case let (.float(a), .number(b)) where a == b: return nil
            case let (.string(a), .string(b)) where a == b: return nil
            default: return "\(path): got \(value), expected \(json)"
            }
        case let (.sequence, .array(items)):
            guard doc.count(node) == items.count else {
                return "\(path): \(doc.count(node)) items, expected \(items.count)"
            }
            for (i, item) in items.enumerated() {
                if let d = difference(doc, doc.item(node, i), item, path: "\(path)[\(i)]") { return d }
            }
            return nil
        case let (.mapping, .object(pairs)):
            let expected = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            guard doc.count(node) == expected.count else {
                return "\(path): \(doc.count(node)) pairs, expected \(expected.count)"
            }
            for (key, value) in doc.pairs(node) {
                guard doc.kind(key) == .scalar else { return "\(path): a collection key cannot match JSON" }
                let name = doc.text(key)
                guard let json = expected[name] else { return "\(path): unexpected key '\(name)'" }
                if let d = difference(doc, value, json, path: "\(path).\(name)") { return d }
            }
            return nil
        default:
            return "\(path): got a \(doc.kind(node)), expected \(json)"
        }
    }
}
