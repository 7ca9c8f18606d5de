import Foundation
import XCTest
import YAML
@testable import RuleEngine

// Helpers shared by the engine tests: scratch directories, reports loaded with `YAMLLoader`,
// expressions compiled and evaluated, and packs written to disk from YAML text, compiled and
// run against reports — the same path `cchc check` takes, minus the CLI.

/// A day used as "today" so waiver expiry does not depend on the clock.
let testToday = CalendarDate(year: 2025, month: 6, day: 1)!

/// A scratch directory, deleted when the test ends.
final class ScratchDirectory {
    let path: String

    init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("cchc-engine-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` at `relative` (creating folders) and returns the absolute path.
    @discardableResult
    func write(_ relative: String, _ text: String, executable: Bool = false) -> String {
        let full = (path as NSString).appendingPathComponent(relative)
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: full))
        if executable { try! FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: full) }
        return full
    }

    /// Creates a folder at `relative` and returns its absolute path.
    @discardableResult
    func folder(_ relative: String) -> String {
        let full = (path as NSString).appendingPathComponent(relative)
        try! FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }
}

/// Loads YAML text as the single document of a report.
func loadReport(_ yaml: String, file: String = "report.yaml") throws -> YAMLDocument {
    let documents = try YAMLLoader().load(bytes: Array(yaml.utf8), file: file)
    return try XCTUnwrap(documents.first, "the YAML text has no document")
}

/// A report shape written in the test, so the type checker has fields to check paths against.
struct TestShape: ObjectShape {
    let fields: [String: ValueType]

    init(_ fields: [String: ValueType]) { self.fields = fields }

    func field(_ name: String) -> FieldLookup {
        if let t = fields[name] { return .known(t) }
        return .unknown(suggestion: Suggestions.nearest(to: name, among: fields.keys.sorted()))
    }
}

/// A report model that only gives the shape (no SCHEMA-* findings).
struct TestModel: ReportModel {
    let rootShape: any ObjectShape
    func validation(of document: YAMLDocument) -> ReportValidation { ReportValidation(findings: []) }
    var findingDescriptors: [RuleDescriptor] { [] }
}

/// The small report shape the type-checker tests use.
let sampleShape = TestShape([
    "unit": .object(TestShape(["name": .string, "kind": .string])),
    "period": .object(TestShape(["year": .int])),
    "documents": .list(.object(TestShape([
        "ref": .string, "issued_on": .date, "type": .string,
        "layout": .object(TestShape(["font": .string, "body_size": .number])),
    ]))),
    "received": .int,
    "rate": .number,
])

// MARK: Expressions

/// Parses and compiles `text` with the standard library (and `shape`, if given).
func compileExpression(_ text: String, shape: (any ObjectShape)? = nil, params: [String: Value] = [:],
                       functions: FunctionRegistry = .standard) throws -> (CompiledExpression, ExpressionCompiler) {
    let compiler = ExpressionCompiler(functions: functions, rootShape: shape)
    let compiled = try compiler.withRuleScope(params: params, bindings: [:], variable: nil) { _, _ in
        try compiler.compile(try Parser.parse(text))
    }
    return (compiled, compiler)
}

/// Evaluates `text` against the report `yaml`, giving the value (lists materialised).
func evaluate(_ text: String, report yaml: String = "{}", shape: (any ObjectShape)? = nil,
              functions: FunctionRegistry = .standard) throws -> Value {
    let (compiled, compiler) = try compileExpression(text, shape: shape, functions: functions)
    let ctx = EvaluationContext(document: try loadReport(yaml), slotCount: compiler.slotCount)
    return try ctx.materialize(compiled.evaluate(ctx))
}

/// The error `body` throws, as `E`, or a test failure.
func thrownError<E: Error, T>(_ type: E.Type, file: StaticString = #filePath, line: UInt = #line,
                              _ body: () throws -> T) -> E? {
    do {
        let value = String(describing: try body())
        XCTFail("expected \(E.self), got \(value.prefix(200))", file: file, line: line)
    } catch let e as E {
        return e
    } catch {
        XCTFail("expected \(E.self), got \(error)", file: file, line: line)
    }
    return nil
}

/// The load-time error of an expression (parse or type check).
func expressionError(_ text: String, shape: (any ObjectShape)? = nil, params: [String: Value] = [:],
                     file: StaticString = #filePath, line: UInt = #line) -> ExpressionError? {
    thrownError(ExpressionError.self, file: file, line: line) { try compileExpression(text, shape: shape, params: params).0.type }
}

extension Value {
    /// An unambiguous spelling for assertions: `int(3)`, `decimal(0.5)`, `string("a")`, …
    var spelled: String {
        switch self {
        case .null: "null"
        case .bool(let b): "bool(\(b))"
        case .int(let i): "int(\(i))"
        case .decimal(let d): "decimal(\(d))"
        case .string(let s): "string(\(JSONValue.string(s).compact))"
        case .date(let d): "date(\(d))"
        case .list(let items): "[" + items.map(\.spelled).joined(separator: ", ") + "]"
        case .node(let n, _): "node(\(n.index))"
        }
    }
}

/// Asserts that `text` evaluates to a value spelled `expected` (see `Value.spelled`).
func assertEvaluates(_ text: String, _ expected: String, report: String = "{}", shape: (any ObjectShape)? = nil,
                     file: StaticString = #filePath, line: UInt = #line) {
    do {
        let value = try evaluate(text, report: report, shape: shape)
        XCTAssertEqual(value.spelled, expected, text, file: file, line: line)
    } catch {
        XCTFail("\(text): \(error)", file: file, line: line)
    }
}

/// The run-time error message of an expression (an `EvaluationError` the rule turns into RULE-ERROR).
func runtimeError(_ text: String, report: String = "{}", file: StaticString = #filePath, line: UInt = #line) -> String? {
    thrownError(EvaluationError.self, file: file, line: line) { try evaluate(text, report: report) }?.message
}

// MARK: Packs

/// The manifest every test pack starts from.
func manifest(id: String, extra: String = "") -> String {
    "id: \(id)\ntitle: Bộ \(id)\nversion: 1.0.0\nbasis: Căn cứ của bộ \(id)\n" + extra
}

/// Packs of one test: written into a scratch directory, loaded and compiled like `cchc` does.
final class PackWorkspace {
    let scratch = ScratchDirectory()
    private(set) var packDirectories: [String] = []

    /// Writes a pack (manifest, `rules/rules.yaml`, optional fixture and extra files) and
    /// returns its directory.
    @discardableResult
    func pack(_ id: String = "t", manifest extra: String = "", rules: String,
              files: [String: String] = [:]) -> String {
        let dir = scratch.folder(id)
        scratch.write("\(id)/pack.yaml", manifest(id: id, extra: extra))
        scratch.write("\(id)/rules/rules.yaml", rules)
        for (name, text) in files { scratch.write("\(id)/\(name)", text) }
        packDirectories.append(dir)
        return dir
    }

    /// Loads every pack written so far.
    func loadPacks() -> ([RulePack], [RuleError]) {
        var packs: [RulePack] = [], errors: [RuleError] = []
        for dir in packDirectories {
            let (pack, e) = RulePackLoader.load(directory: dir)
            errors += e
            if let pack { packs.append(pack) }
        }
        return (packs, errors)
    }

    /// Loads `cchc.yaml` text as a configuration.
    func configuration(_ yaml: String) -> (Configuration, [RuleError]) {
        Configuration.load(path: scratch.write("cchc.yaml", yaml))
    }

    /// Loads and compiles the packs; returns the rule set and every error on the way.
    func compile(config: Configuration = Configuration(), model: (any ReportModel)? = nil,
                 functions: FunctionRegistry = .standard) -> (RuleSet, [RuleError]) {
        let (packs, errors) = loadPacks()
        var registry = functions, pluginErrors: [RuleError] = []
        PluginFunctions.register(into: &registry, packs: packs, allowExec: config.allowExec, errors: &pluginErrors)
        let set = RuleSet(packs: packs, config: config, functions: registry, model: model)
        return (set, errors + pluginErrors + set.errors)
    }

    /// The compiled rules, failing the test when loading or compiling reported anything.
    func ruleSet(config: Configuration = Configuration(), model: (any ReportModel)? = nil,
                 file: StaticString = #filePath, line: UInt = #line) -> RuleSet {
        let (set, errors) = compile(config: config, model: model)
        XCTAssertEqual(errors.map(\.description), [], "rules should load cleanly", file: file, line: line)
        return set
    }

    /// Checks the report `yaml` with the packs written so far.
    func check(_ yaml: String, config: Configuration = Configuration(), model: (any ReportModel)? = nil,
               options: CheckOptions = CheckOptions(today: testToday),
               file: StaticString = #filePath, line: UInt = #line) throws -> ReportResult {
        let set = ruleSet(config: config, model: model, file: file, line: line)
        return ReportChecker(rules: set, options: options).check(try loadReport(yaml))
    }
}

/// Every rule needs these keys; tests spell only what they are about. A body that writes no
/// `message` anywhere gets `message: Tiêu đề ID` (the rule's title) after it, so the body's
/// lines keep their numbers.
func rule(_ id: String, severity: String = "error", _ body: String) -> String {
    let message = body.contains("message") ? "" : "\n    message: Tiêu đề \(id)"
    return """
      - id: \(id)
        title: Tiêu đề \(id)
        severity: \(severity)
        basis: Căn cứ \(id)
    \(body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))\(message)

    """
}

/// A rule file holding the given rules.
func rulesFile(_ rules: String...) -> String { rulesFile(rules) }
func rulesFile(_ rules: [String]) -> String { "rules:\n" + rules.joined() }

extension ReportResult {
    /// The findings of one rule.
    func findings(_ ruleID: String) -> [Finding] { findings.filter { $0.ruleID == ruleID } }

    /// The only finding of one rule (fails the test when there is not exactly one).
    func single(_ ruleID: String, file: StaticString = #filePath, line: UInt = #line) -> Finding? {
        let list = findings(ruleID)
        XCTAssertEqual(list.count, 1, "findings of \(ruleID): \(findings.map { "\($0.ruleID) \($0.path): \($0.message)" })", file: file, line: line)
        return list.count == 1 ? list[0] : nil
    }

    /// The outcome of one rule.
    func outcome(_ ruleID: String) -> RuleOutcome.Status? { outcomes.first { $0.ruleID == ruleID }?.status }
}

/// A compact view of a finding for assertions: `RULE@path line:col`.
extension Finding {
    var place: String { "\(ruleID)@\(path) \(location.line):\(location.column)" }
}
