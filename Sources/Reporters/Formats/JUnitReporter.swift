import Foundation
import RuleEngine

/// JUnit XML for CI test views: one `<testsuite>` per report, one `<testcase>` per rule checked.
/// A rule with findings that count fails; one whose findings are all waived or baselined, or
/// that did not apply, is skipped with the reason. Validates against the Jenkins xUnit
/// `junit-10.xsd`, which allows no `file` or `line` on a test case: locations go in the text.
public struct JUnitReporter: StreamingReporter {
    public let format = "junit"
    public let summary = "JUnit XML cho CI: mỗi báo cáo một testsuite, mỗi quy tắc một testcase"
    let quotesSourceLines = false

    public init() {}

    /// The report's `<testsuite>`.
    func piece(of report: ReportResult, context: StreamContext, options: ReportOptions) -> [UInt8] {
        Array(render(Suite(report, rules: context.rules), timestamp: options.generatedAt).utf8)
    }

    func separator(before index: Int) -> String { "" }

    /// The counts, with the cases, failed cases and checking time `<testsuites>` shows.
    func totals(of reports: [ReportResult], context: StreamContext) -> StreamTotals {
        var totals = StreamTotals(counting: reports)
        totals.countChecks(of: reports)
        return totals
    }

    /// The XML declaration and `<testsuites>` with the run's totals; its end tag.
    func frame(_ run: RunResult, totals: StreamTotals, options: ReportOptions) -> (before: String, after: String) {
        let before = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + "<testsuites" + attributes([
            ("name", "cchc"),
            ("tests", String(totals.checks)),
            ("failures", String(totals.failedChecks)),
            ("errors", "0"),
            ("time", totals.duration.map(Self.seconds)),
        ]) + ">\n"
        return (before, "</testsuites>\n")
    }

    private func render(_ suite: Suite, timestamp: Date?) -> String {
        let report = suite.report
        var out = "  <testsuite" + attributes([
            ("name", Wording.source(of: report)),
            ("tests", String(suite.cases.count)),
            ("failures", String(suite.failures)),
            ("errors", "0"),
            ("skipped", String(suite.skipped)),
            ("time", report.duration.map(Self.seconds)),
            // JUnit timestamps carry no time zone; the value is UTC.
            ("timestamp", timestamp.map { String(Timestamp.iso8601($0).dropLast()) }),
            ("file", report.file),
        ]) + ">\n"
        let properties = [
            ("unit", report.unitName),
            ("kind", report.unitKind),
            ("year", report.year.map(String.init)),
            ("score", Wording.score(report.score)),
        ].compactMap { name, value in value.map { "      <property" + attributes([("name", name), ("value", $0)]) + "/>\n" } }
        out += "    <properties>\n" + properties.joined() + "    </properties>\n"
        for testCase in suite.cases {
            out += "    <testcase" + attributes([("classname", testCase.area), ("name", testCase.name)])
            switch testCase.verdict {
            case .passed:
                out += "/>\n"
            case .failed(let type, let message, let text):
                out += ">\n      <failure" + attributes([("message", message), ("type", type)]) + ">"
                out += Markup.text(text) + "</failure>\n    </testcase>\n"
            case .skipped(let message, let text):
                out += ">\n      <skipped" + attributes([("message", message)])
                out += text.isEmpty ? "/>\n" : ">" + Markup.text(text) + "</skipped>\n"
                out += "    </testcase>\n"
            }
        }
        return out + "  </testsuite>\n"
    }

    /// ` name="value"` for each present attribute, escaped.
    private func attributes(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { name, value in value.map { " \(name)=\"\(Markup.attribute($0))\"" } }.joined()
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
                        name: [id, rule?.title].compactMap { $0 }.joined(separator: " "),
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
