import Foundation
import RuleEngine

/// JUnit XML for CI test views: one `<testsuite>` per report, one `<testcase>` per rule checked.
/// A rule with findings that count fails; one whose findings are all waived or baselined, or
/// that did not apply, is skipped with the reason. Validates against the Jenkins xUnit
/// `junit-10.xsd`, which allows no `file` or `line` on a test case: locations go in the text.
/// Checking times (`time`, optional in that schema) are written only with a timestamp
/// (`--timestamp`): like the date, they would make the same inputs give other bytes.
public struct JUnitReporter: StreamingReporter {
    public let format = "junit"
    public let summary = "JUnit XML cho CI: mỗi báo cáo một testsuite, mỗi quy tắc một testcase"
    let quotesSourceLines = false

    public init() {}

    /// The report's `<testsuite>`.
    func piece(of report: ReportResult, context: StreamContext, options: ReportOptions) -> [UInt8] {
        render(Suite(report, rules: context.rules), timestamp: options.generatedAt)
    }

    func separator(before index: Int) -> String { "" }

    /// The counts, with the cases, failed cases and checking time `<testsuites>` shows (the
    /// time only with a timestamp).
    func totals(of reports: [ReportResult], context: StreamContext) -> StreamTotals {
        var totals = StreamTotals(counting: reports)
        totals.countChecks(of: reports)
        return totals
    }

    /// The XML declaration and `<testsuites>` with the run's totals; its end tag.
    func frame(_ run: RunResult, totals: StreamTotals, options: ReportOptions) -> (before: String, after: String) {
        let vanished = run.resolvedBaselineEntries.count, failedVanished = run.strictBaseline ? vanished : 0
        var out = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites".utf8)
        Self.attribute("name", "cchc", to: &out)
        Self.attribute("tests", String(totals.checks + vanished), to: &out)
        Self.attribute("failures", String(totals.failedChecks + failedVanished), to: &out)
        Self.attribute("errors", "0", to: &out)
        Self.attribute("time", options.generatedAt.flatMap { _ in totals.duration.map(Self.seconds) }, to: &out)
        out += ">\n".utf8
        return (String(decoding: out, as: UTF8.self), baselineSuite(run) + "</testsuites>\n")
    }

    /// The baseline entries no finding matched, as a suite of their own (after the reports'):
    /// a case per entry, failed when they fail the run (`--baseline-strict`), else skipped, so
    /// that a CI test view says why a strict run failed with no finding. Empty without them.
    private func baselineSuite(_ run: RunResult) -> String {
        guard !run.resolvedBaselineEntries.isEmpty else { return "" }
        let count = String(run.resolvedBaselineEntries.count)
        var out = Array("  <testsuite".utf8)
        Self.attribute("name", "baseline", to: &out)
        Self.attribute("tests", count, to: &out)
        Self.attribute("failures", run.strictBaseline ? count : "0", to: &out)
        Self.attribute("errors", "0", to: &out)
        Self.attribute("skipped", run.strictBaseline ? "0" : count, to: &out)
        out += ">\n".utf8
        let message = "không còn xuất hiện (đã có trong baseline): ghi lại baseline bằng --write-baseline"
        for key in run.resolvedBaselineEntries.map(BaselineKey.init) {
            out += "    <testcase".utf8
            Self.attribute("classname", "baseline", to: &out)
            Self.attribute("name", key.summary, to: &out)
            out += ">\n      <".utf8
            out += (run.strictBaseline ? "failure" : "skipped").utf8
            Self.attribute("message", message, to: &out)
            if run.strictBaseline { Self.attribute("type", "baseline", to: &out) }
            out += "/>\n    </testcase>\n".utf8
        }
        out += "  </testsuite>\n".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// A suite's XML, written as bytes (a large run has tens of thousands of cases).
    private func render(_ suite: Suite, timestamp: Date?) -> [UInt8] {
        let report = suite.report
        var out: [UInt8] = []
        out.reserveCapacity(512 + 160 * suite.cases.count)
        out += "  <testsuite".utf8
        Self.attribute("name", Wording.source(of: report), to: &out)
        Self.attribute("tests", String(suite.cases.count), to: &out)
        Self.attribute("failures", String(suite.failures), to: &out)
        Self.attribute("errors", "0", to: &out)
        Self.attribute("skipped", String(suite.skipped), to: &out)
        Self.attribute("time", timestamp.flatMap { _ in report.duration.map(Self.seconds) }, to: &out)
        // JUnit timestamps carry no time zone; the value is UTC.
        Self.attribute("timestamp", timestamp.map { String(Timestamp.iso8601($0).dropLast()) }, to: &out)
        Self.attribute("file", report.file, to: &out)
        out += ">\n    <properties>\n".utf8
        for (name, value) in [("unit", report.unitName), ("kind", report.unitKind), ("year", report.year.map(String.init)),
                              ("score", Wording.score(report.score))] {
            guard let value else { continue }
            out += "      <property".utf8
            Self.attribute("name", name, to: &out)
            Self.attribute("value", value, to: &out)
            out += "/>\n".utf8
        }
        out += "    </properties>\n".utf8
        for testCase in suite.cases {
            out += "    <testcase".utf8
            Self.attribute("classname", testCase.area, to: &out)
            Self.attribute("name", testCase.name, to: &out)
            switch testCase.verdict {
            case .passed:
                out += "/>\n".utf8
            case .failed(let type, let message, let text):
                out += ">\n      <failure".utf8
                Self.attribute("message", message, to: &out)
                Self.attribute("type", type, to: &out)
                out += (">" + Markup.text(text) + "</failure>\n    </testcase>\n").utf8
            case .skipped(let message, let text):
                out += ">\n      <skipped".utf8
                Self.attribute("message", message, to: &out)
                out += (text.isEmpty ? "/>\n" : ">" + Markup.text(text) + "</skipped>\n").utf8
                out += "    </testcase>\n".utf8
            }
        }
        out += "  </testsuite>\n".utf8
        return out
    }

    /// ` name="value"`, escaped, when there is a value.
    private static func attribute(_ name: String, _ value: String?, to out: inout [UInt8]) {
        guard let value else { return }
        out.append(UInt8(ascii: " "))
        out += name.utf8
        out += "=\"".utf8
        out += Markup.attribute(value).utf8
        out.append(UInt8(ascii: "\""))
    }

    /// Seconds with three decimals, the most `junit.xsd` allows.
    private static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }
}

/// One report's test cases: its rule outcomes, then a failed case for each rule that produced
/// findings without an outcome.
private struct Suite {
    enum Verdict {
        case passed
        case failed(type: String, message: String, text: String)
        case skipped(message: String, text: String)
    }

    struct Case {
        let area: String?
        let name: String
        let verdict: Verdict
    }

    let report: ReportResult
    let cases: [Case]

    /// Cases that fail: rules with findings that count (the run's total adds up the same).
    var failures: Int { report.failingRuleIDs.count }
    var skipped: Int { cases.count { if case .skipped = $0.verdict { true } else { false } } }

    /// The report's cases; a rule the run does not describe is named after its first finding.
    init(_ report: ReportResult, rules: RuleCatalog) {
        self.report = report
        let findingsByRule = Dictionary(grouping: report.findings, by: \.ruleID)
        let applicability = Dictionary(report.outcomes.map { ($0.ruleID, $0.status) }, uniquingKeysWith: { first, _ in first })
        cases = report.checkedRuleIDs.map { id in
            let rule = rules.rule(id) ?? findingsByRule[id]?.first.map(RuleDescriptor.init(finding:))
            return Case(area: rule?.area,
                        name: rule.map { id + " " + $0.title } ?? id,
                        verdict: Self.verdict(findingsByRule[id] ?? [], status: applicability[id]))
        }
    }

    private static func verdict(_ findings: [Finding], status: RuleOutcome.Status?) -> Verdict {
        guard !findings.isEmpty else {
            return status == .notApplicable ? .skipped(message: "không áp dụng", text: "") : .passed
        }
        var lines = findings.map { finding in
            var line = "\(finding.location): \(finding.severity.vietnameseName): \(finding.message)"
            if !finding.path.isEmpty { line += " [\(finding.path)]" }
            if let status = Wording.status(of: finding) { line += " (\(status))" }
            return line
        }
        lines += Wording.citation(basis: findings[0].basis, fix: findings[0].fix).map { "\($0): \($1)" }
        let text = lines.joined(separator: "\n")
        let counted = findings.filter(\.counts)
        guard let worst = counted.map(\.severity).max() else {
            let reasons = findings.compactMap(Wording.status).uniqued()
            return .skipped(message: reasons.joined(separator: "; "), text: text)
        }
        let message = counted.count == 1 ? counted[0].message : "\(counted.count) phát hiện"
        return .failed(type: worst.rawValue, message: message, text: text)
    }
}
