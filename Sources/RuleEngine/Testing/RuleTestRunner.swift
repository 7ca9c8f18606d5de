import Foundation
import YAML

/// One fixture case: a small report and the findings it must and must not produce.
public struct FixtureCase {
    public var name: String
    public var location: SourceLocation
    /// The pack whose rules the case tests.
    public var packID: String
    /// The report text built from the base, patch and edits.
    public var reportText: String
    public var expected: [(rule: String, path: String?)]
    public var expectedAbsent: [String]
    /// The edits the case makes to its base, as written (`documents[0].layout.font: Arial`).
    public var edits: [String]
    /// What is wrong with the case as written (an unknown key, an edit path the report schema
    /// or the report cannot take, a rule both expected and forbidden): such a case is not run,
    /// it fails with these.
    public var problems: [RuleError]
}

/// What one case produced.
public struct FixtureCaseResult {
    public var fixture: FixtureCase
    /// Expected findings that were found.
    public var matched: [(rule: String, path: String?)]
    /// Expected findings that were not found (false negatives).
    public var missing: [(rule: String, path: String?)]
    /// Findings nobody expected (false positives), or ones `expect_not` forbids.
    public var unexpected: [Finding]
    public var passed: Bool { fixture.problems.isEmpty && missing.isEmpty && unexpected.isEmpty }
}

/// The result of `cchc rules test`.
public struct RuleTestReport {
    /// One result per case, a broken case included (it fails with its problems).
    public var results: [FixtureCaseResult] = []
    /// Problems of fixture files outside any case (an unreadable file or base report, an
    /// unknown top-level key, a case that is not a mapping), located; each counts as a failure.
    public var errors: [RuleError] = []
    /// Rule id → (cases where it must fire and did, cases where it must not fire and did not).
    public var coverage: [String: (fires: Int, holds: Int)] = [:]

    public var passedCount: Int { results.filter(\.passed).count }
    public var failedCount: Int { results.count - passedCount + errors.count }
    /// Rules not exercised in both directions.
    public var untestedDirections: [(rule: String, needsFiring: Bool, needsPassing: Bool)] {
        coverage.keys.sorted().compactMap { id in
            let c = coverage[id]!
            return c.fires == 0 || c.holds == 0 ? (id, c.fires == 0, c.holds == 0) : nil
        }
    }
}

/// Runs the fixtures of packs (`tests/*.yaml` in each pack): each case is a report built from
/// an optional `base` file, deep-merged with `patch`, edited by `set`/`unset`, then checked.
public enum RuleTestRunner {
    static let fileKeys = ["base", "cases"]
    static let caseKeys = ["name", "description", "report", "patch", "set", "unset", "expect", "expect_not"]

    public static func run(packs: [RulePack], ruleSet: RuleSet, options: CheckOptions, loader: YAMLLoader = YAMLLoader()) -> RuleTestReport {
        var report = RuleTestReport()
        let checker = ReportChecker(rules: ruleSet, options: options)
        let findingIDs = Set(ruleSet.descriptors(on: options.today).map(\.id)).union(ruleSet.brokenRuleIDs)
        for pack in packs {
            let packRuleIDs = Set(pack.rules.map(\.id) + [pack.notApplicable?.id].compactMap { $0 })
            for id in pack.rules.map(\.id) where !ruleSet.brokenRuleIDs.contains(id) { report.coverage[id] = (0, 0) }
            for file in pack.fixtureFiles {
                let (cases, errors) = readFixtures(file: file, packID: pack.id, loader: loader, shape: ruleSet.reportShape,
                                                    findingIDs: findingIDs)
                report.errors += errors
                for fixture in cases {
                    guard fixture.problems.isEmpty else {
                        // Not run, and no coverage: a broken case tests nothing.
                        report.results.append(FixtureCaseResult(fixture: fixture, matched: [], missing: [], unexpected: []))
                        continue
                    }
                    let result = run(fixture, checker: checker, loader: loader, packRuleIDs: packRuleIDs)
                    for (rule, _) in result.matched { report.coverage[rule]?.fires += 1 }
                    for rule in fixture.expectedAbsent where !result.unexpected.contains(where: { $0.ruleID == rule }) {
                        report.coverage[rule]?.holds += 1
                    }
                    report.results.append(result)
                }
            }
        }
        return report
    }

    static func run(_ fixture: FixtureCase, checker: ReportChecker, loader: YAMLLoader, packRuleIDs: Set<String>) -> FixtureCaseResult {
        var findings: [Finding] = []
        do {
            for doc in try loader.load(bytes: Array(fixture.reportText.utf8), file: "\(fixture.location.file):\(fixture.location.line)") {
                findings += checker.check(doc).findings
            }
        } catch {
            findings.append(BuiltInFindings.finding(for: error as? YAMLError ?? YAMLError(kind: .syntax, location: fixture.location, problem: "\(error)", explanation: "ca kiểm thử không tạo được báo cáo")))
        }
        var matched: [(String, String?)] = [], missing: [(String, String?)] = []
        var used = Set<Int>()
        for (rule, path) in fixture.expected {
            if let i = findings.indices.first(where: { !used.contains($0) && findings[$0].ruleID == rule && (path == nil || findings[$0].path == path) }) {
                used.insert(i)
                matched.append((rule, path))
            } else {
                missing.append((rule, path))
            }
        }
        let unexpected = findings.indices.filter { i in
            !used.contains(i) && (packRuleIDs.contains(findings[i].ruleID) || fixture.expectedAbsent.contains(findings[i].ruleID)
                                  || findings[i].ruleID.hasPrefix("YAML-") || findings[i].ruleID == BuiltInFindings.ruleError.id)
        }.map { findings[$0] }
        return FixtureCaseResult(fixture: fixture, matched: matched, missing: missing, unexpected: unexpected)
    }

    /// The fixture cases of a pack that could be built (unreadable files and broken cases are
    /// left out; `run` reports them).
    public static func fixtures(of pack: RulePack, loader: YAMLLoader = YAMLLoader()) -> [FixtureCase] {
        pack.fixtureFiles.flatMap { readFixtures(file: $0, packID: pack.id, loader: loader, shape: nil, findingIDs: nil).0.filter(\.problems.isEmpty) }
    }

    /// Reads one fixture file. With `shape` (the report shape the rules were compiled against),
    /// edit paths are checked against it; with `findingIDs` (every id the run can report), the
    /// ids a case expects or forbids.
    static func readFixtures(file: String, packID: String, loader: YAMLLoader, shape: (any ObjectShape)?,
                             findingIDs: Set<String>?) -> ([FixtureCase], [RuleError]) {
        var errors: [RuleError] = []
        let doc: YAMLDocument
        do {
            guard let d = try loader.load(contentsOf: file).first, d.root != nil else { return ([], []) }
            doc = d
        } catch let e as YAMLError {
            return ([], [RuleError(e)])
        } catch {
            return ([], [RuleError(location: SourceLocation(file: file, line: 1, column: 1), message: "\(error)")])
        }
        let root = doc.root!
        let f = MappingReader(doc, root, what: "tệp kiểm thử", allowedKeys: fileKeys, errors: &errors)
        var base: TreeValue?
        if let basePath = f.string("base", errors: &errors) {
            let path = basePath.hasPrefix("/") ? basePath : ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(basePath)
            do {
                if let b = try loader.load(contentsOf: path).first, let r = b.root { base = TreeValue(b, r) }
            } catch let e as YAMLError {
                errors.append(RuleError(location: f.location(f.node("base")!), message: "không đọc được báo cáo gốc '\(basePath)': \(e.explanation)"))
            } catch {}
        }
        var cases: [FixtureCase] = []
        for (index, item) in (f.list("cases", errors: &errors) ?? []).enumerated() {
            var problems: [RuleError] = []
            let c = MappingReader(doc, item, what: "ca kiểm thử", allowedKeys: caseKeys, errors: &problems)
            guard doc.kind(item) == .mapping else {
                errors += problems
                continue
            }
            cases.append(readCase(c, name: c.string("name", errors: &problems) ?? "ca \(index + 1)", base: base, packID: packID,
                                  shape: shape, findingIDs: findingIDs, problems: problems))
        }
        return (cases, errors)
    }

    /// Reads one case (`c`, a mapping), collecting what is wrong with it in its `problems`.
    private static func readCase(_ c: MappingReader, name: String, base: TreeValue?, packID: String, shape: (any ObjectShape)?,
                                 findingIDs: Set<String>?, problems: [RuleError]) -> FixtureCase {
        let doc = c.document
        var problems = problems
        var tree = c.node("report").map { TreeValue(doc, $0) } ?? base
        if tree == nil {
            problems.append(RuleError(location: doc.location(c.node), message: "ca '\(name)' cần 'report' (báo cáo đầy đủ) hoặc 'base' ở đầu tệp"))
        }
        if let patch = c.node("patch") { tree = tree?.merged(with: TreeValue(doc, patch)) }
        // A misspelled key in `report`, `patch` or a `set` value adds a field no rule reads: `expect_not` would pass for ever.
        // A case that expects SCHEMA-UNKNOWN writes an unknown field on purpose.
        let keyShape = expectsUnknownFields(c) ? nil : shape
        if let shape = keyShape {
            for key in ["report", "patch"] {
                if let node = c.node(key) { problems += shapeProblems(doc, node, at: [], in: shape, what: key) }
            }
        }
        var edits: [String] = []
        /// Applies one edit (`value` nil: removes), or records why it cannot be made (without a
        /// report to edit, the path is still checked against the schema).
        func edit(_ pathNode: NodeID, to value: TreeValue?, failure: String) {
            let path = doc.text(pathNode)
            do throws(TreeValue.EditFailure) {
                guard let steps = TreeValue.steps(path) else {
                    throw TreeValue.EditFailure(message: "đường dẫn chỉ gồm tên trường và chỉ số, ví dụ documents[0].layout.font")
                }
                if let shape, let problem = TreeValue.shapeProblem(of: steps, in: shape) { throw TreeValue.EditFailure(message: problem) }
                try tree?.set(steps, to: value)
            } catch {
                problems.append(RuleError(location: doc.location(pathNode), message: "\(failure) '\(path)': \(error.message)"))
            }
        }
        for (key, value) in c.pairs("set", errors: &problems) ?? [] {
            let newValue = TreeValue(doc, value)
            edits.append("\(doc.text(key)): \(newValue.yaml.trimmingCharacters(in: .whitespacesAndNewlines))")
            edit(key, to: newValue, failure: "không đặt được giá trị tại đường dẫn")
            if let shape = keyShape, let steps = TreeValue.steps(doc.text(key)), TreeValue.shapeProblem(of: steps, in: shape) == nil {
                problems += shapeProblems(doc, value, at: steps, in: shape, what: "set")
            }
        }
        for path in c.list("unset", errors: &problems) ?? [] {
            edits.append("bỏ \(doc.text(path))")
            edit(path, to: nil, failure: "không xóa được đường dẫn")
        }
        var expected: [(String, String?)] = []
        var idNodes: [NodeID] = []  // where each expected or forbidden id is written
        for e in c.list("expect", errors: &problems) ?? [] {
            if doc.kind(e) == .scalar { expected.append((doc.text(e), nil)); idNodes.append(e); continue }
            let r = MappingReader(doc, e, what: "mục 'expect'", allowedKeys: ["rule", "path"], errors: &problems)
            if let rule = r.string("rule", required: true, errors: &problems) { expected.append((rule, r.string("path", errors: &problems))) }
            if let node = r.node("rule") { idNodes.append(node) }
        }
        let forbidden = c.strings("expect_not", errors: &problems) ?? []
        if let node = c.node("expect_not") { idNodes += doc.kind(node) == .sequence ? doc.items(node) : [node] }
        // A misspelled id in `expect_not` would pass for ever (and in `expect`, fail unexplained).
        for item in idNodes where doc.kind(item) == .scalar && findingIDs.map({ !$0.contains(doc.text(item)) }) ?? false {
            let id = doc.text(item)
            problems.append(RuleError(location: doc.location(item), message: "không có quy tắc '\(id)' trong các bộ quy tắc đang nạp"
                                      + Suggestions.phrase(Suggestions.nearest(to: id, among: findingIDs?.sorted() ?? []))))
        }
        // A rule both expected and forbidden: whatever it does, one of the two is wrong.
        if let node = c.node("expect_not") {
            for item in doc.kind(node) == .sequence ? doc.items(node) : [node]
            where doc.kind(item) == .scalar && expected.contains(where: { $0.0 == doc.text(item) }) {
                problems.append(RuleError(location: doc.location(item), message: "quy tắc \(doc.text(item)) có cả trong 'expect' và 'expect_not': "
                                          + "ca kiểm thử tự mâu thuẫn, không kiểm tra được gì"))
            }
        }
        return FixtureCase(name: name, location: doc.location(c.node), packID: packID, reportText: tree?.yaml ?? "",
                           expected: expected, expectedAbsent: forbidden, edits: edits, problems: problems)
    }

    /// Whether the case `c` lists SCHEMA-UNKNOWN in `expect` (as an id or a `rule:`).
    private static func expectsUnknownFields(_ c: MappingReader) -> Bool {
        let doc = c.document
        guard let expect = c.node("expect"), doc.kind(expect) == .sequence else { return false }
        return doc.items(expect).contains { item in
            let id = doc.kind(item) == .mapping ? doc.value(forKey: "rule", in: item) : item
            return id.map { doc.kind($0) == .scalar && doc.text($0) == "SCHEMA-UNKNOWN" } ?? false
        }
    }

    /// The keys of a case's `report`, `patch` or `set` value (`what`) that no object of the report
    /// shape has, each at its key with the nearest known name; below such a key nothing more is
    /// checked. A mapping where the shape has a scalar is a value of the wrong type, which a case
    /// may test on purpose: it is not reported.
    private static func shapeProblems(_ doc: YAMLDocument, _ node: NodeID, at steps: [TreeValue.Step], in shape: any ObjectShape,
                                      what: String) -> [RuleError] {
        switch doc.kind(node) {
        case .scalar:
            return []
        case .sequence:
            return doc.items(node).enumerated().flatMap { shapeProblems(doc, $1, at: steps + [.index($0)], in: shape, what: what) }
        case .mapping:
            return doc.pairs(node).flatMap { pair -> [RuleError] in
                let here = steps + [.field(doc.text(pair.key))]
                if let problem = TreeValue.shapeProblem(of: here, in: shape, unknownFieldsOnly: true) {
                    return [RuleError(location: doc.location(pair.key), message: "khóa trong '\(what)': \(problem)")]
                }
                return shapeProblems(doc, pair.value, at: here, in: shape, what: what)
            }
        }
    }
}

extension RuleTestReport {
    /// The matrix per rule, the failed cases, the coverage gaps and `N passed, M failed`.
    public var text: String {
        var lines: [String] = []
        lines.append("Quy tắc".padding(toLength: 26, withPad: " ", startingAt: 0) + "phát hiện đúng  bỏ sót  báo nhầm  ca không phát hiện")
        var perRule: [String: (found: Int, missing: Int, unexpected: Int, holds: Int)] = [:]
        for r in results {
            for (rule, _) in r.matched { perRule[rule, default: (0, 0, 0, 0)].found += 1 }
            for (rule, _) in r.missing { perRule[rule, default: (0, 0, 0, 0)].missing += 1 }
            for f in r.unexpected { perRule[f.ruleID, default: (0, 0, 0, 0)].unexpected += 1 }
        }
        for (id, c) in coverage { perRule[id, default: (0, 0, 0, 0)].holds = c.holds }
        for id in perRule.keys.sorted() {
            let c = perRule[id]!
            func col(_ n: Int, _ w: Int) -> String { String(n).padding(toLength: w, withPad: " ", startingAt: 0) }
            lines.append("  " + id.padding(toLength: 24, withPad: " ", startingAt: 0) + col(c.found, 16) + col(c.missing, 8) + col(c.unexpected, 10) + String(c.holds))
        }
        let failed = results.filter { !$0.passed }
        if !failed.isEmpty || !errors.isEmpty { lines.append(""); lines.append("Ca không đạt:") }
        for e in errors { lines.append("  \(e)") }
        for r in failed {
            lines.append("  \(r.fixture.location): \"\(r.fixture.name)\"")
            for p in r.fixture.problems { lines.append("    \(p)") }
            for (rule, path) in r.missing { lines.append("    bỏ sót \(rule)" + (path.map { " tại \($0)" } ?? "")) }
            for f in r.unexpected { lines.append("    báo nhầm \(f.ruleID) tại \(f.path.isEmpty ? "(báo cáo)" : f.path): \(f.message)") }
        }
        let gaps = untestedDirections
        if !gaps.isEmpty {
            lines.append("")
            lines.append("Quy tắc chưa được kiểm thử đủ hai chiều:")
            for g in gaps {
                let what = [g.needsFiring ? "chưa có ca phải phát hiện (expect)" : nil, g.needsPassing ? "chưa có ca không được phát hiện (expect_not)" : nil]
                lines.append("  \(g.rule): " + what.compactMap { $0 }.joined(separator: "; "))
            }
        }
        lines.append("")
        lines.append("\(passedCount) passed, \(failedCount) failed")
        return lines.joined(separator: "\n")
    }
}
