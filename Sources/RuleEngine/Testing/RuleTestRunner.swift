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
    public var passed: Bool { missing.isEmpty && unexpected.isEmpty }
}

/// The result of `cchc rules test`.
public struct RuleTestReport {
    public var results: [FixtureCaseResult] = []
    /// Fixture files that could not be read (located).
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
        for pack in packs {
            let packRuleIDs = Set(pack.rules.map(\.id) + [pack.notApplicable?.id].compactMap { $0 })
            for id in pack.rules.map(\.id) where !ruleSet.brokenRuleIDs.contains(id) { report.coverage[id] = (0, 0) }
            for file in pack.fixtureFiles {
                let (cases, errors) = readFixtures(file: file, packID: pack.id, loader: loader)
                report.errors += errors
                for fixture in cases {
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

    /// The fixture cases of a pack (unreadable files are skipped; `run` reports them).
    public static func fixtures(of pack: RulePack, loader: YAMLLoader = YAMLLoader()) -> [FixtureCase] {
        pack.fixtureFiles.flatMap { readFixtures(file: $0, packID: pack.id, loader: loader).0 }
    }

    /// Reads one fixture file.
    static func readFixtures(file: String, packID: String, loader: YAMLLoader) -> ([FixtureCase], [RuleError]) {
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
            let c = MappingReader(doc, item, what: "ca kiểm thử", allowedKeys: caseKeys, errors: &errors)
            guard doc.kind(item) == .mapping else { continue }
            let name = c.string("name", errors: &errors) ?? "ca \(index + 1)"
            var tree: TreeValue
            if let full = c.node("report") {
                tree = TreeValue(doc, full)
            } else if let base {
                tree = base
            } else {
                errors.append(RuleError(location: doc.location(item), message: "ca '\(name)' cần 'report' (báo cáo đầy đủ) hoặc 'base' ở đầu tệp"))
                continue
            }
            if let patch = c.node("patch") { tree = tree.merged(with: TreeValue(doc, patch)) }
            var edits: [String] = []
            for (key, value) in c.pairs("set", errors: &errors) ?? [] {
                edits.append("\(doc.text(key)): \(TreeValue(doc, value).yaml.trimmingCharacters(in: .whitespacesAndNewlines))")
                guard let steps = TreeValue.steps(doc.text(key)), tree.set(steps[...], to: TreeValue(doc, value)) else {
                    errors.append(RuleError(location: doc.location(key), message: "không đặt được giá trị tại đường dẫn '\(doc.text(key))'"))
                    continue
                }
            }
            for path in c.list("unset", errors: &errors) ?? [] {
                edits.append("bỏ \(doc.text(path))")
                guard let steps = TreeValue.steps(doc.text(path)), tree.set(steps[...], to: nil) else {
                    errors.append(RuleError(location: doc.location(path), message: "không xóa được đường dẫn '\(doc.text(path))'"))
                    continue
                }
            }
            var expected: [(String, String?)] = []
            for e in c.list("expect", errors: &errors) ?? [] {
                if doc.kind(e) == .scalar { expected.append((doc.text(e), nil)); continue }
                let r = MappingReader(doc, e, what: "mục 'expect'", allowedKeys: ["rule", "path"], errors: &errors)
                if let rule = r.string("rule", required: true, errors: &errors) { expected.append((rule, r.string("path", errors: &errors))) }
            }
            cases.append(FixtureCase(name: name, location: doc.location(item), packID: packID, reportText: tree.yaml,
                                     expected: expected, expectedAbsent: c.strings("expect_not", errors: &errors) ?? [], edits: edits))
        }
        return (cases, errors)
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
