import Foundation
import RuleEngine
import YAML

/// One JSON document per run, with a stable key order and a version (`"format": 1`).
/// The schema is documented in `JSON-FORMAT.md` beside this target.
public struct JSONReporter: StreamingReporter {
    public let format = "json"
    public let summary = "JSON ổn định, có phiên bản (xem JSON-FORMAT.md)"
    let quotesSourceLines = false

    /// The version of the document's schema; raised when a field changes meaning or goes away.
    public static let formatVersion = 1

    public init() {}

    func piece(of report: ReportResult, context: StreamContext, options: ReportOptions) -> [UInt8] { serializedReport(report) }

    /// The separator and indentation before an element of the `reports` array.
    func separator(before index: Int) -> String { index == 0 ? "\n    " : ",\n    " }

    /// One report as it stands in the document's `reports` array (two levels in).
    func serializedReport(_ report: ReportResult) -> [UInt8] {
        // Written straight into bytes, in `JSONValue.serialized(level:)`'s layout, with room for
        // a typical report (about 1 KB a finding, 150 bytes an outcome) so that it rarely grows.
        var w = JSONTextWriter(level: 2, capacity: 1024 + 1280 * report.findings.count + 160 * report.outcomes.count)
        let (open, close, openList, closeList) = (UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"))
        w.begin(open)
        w.member("file", report.file)
        w.member("document", report.documentIndex)
        w.member("unit", report.unitName)
        w.member("kind", report.unitKind)
        w.member("year", report.year)
        w.key("score")
        w.begin(open)
        w.member("earned", report.score.earned)
        w.member("possible", report.score.possible)
        w.member("percent", report.score.percent)
        w.end(close)
        let tally = FindingTally(report.findings)
        w.key("summary")
        w.begin(open)
        w.key("counted")
        w.begin(open)
        for severity in Severity.allCases.reversed() {
            w.key(severity.rawValue)
            w.number(tally.count(severity))
        }
        w.end(close)
        w.member("waived", tally.waived)
        w.member("baselined", tally.baselined)
        w.end(close)
        w.key("findings")
        w.begin(openList)
        for finding in report.findings {
            w.begin(open)
            w.member("rule", finding.ruleID)
            w.member("severity", finding.severity.rawValue)
            w.member("title", finding.title)
            w.member("message", finding.message)
            w.member("basis", finding.basis)
            w.member("fix", finding.fix)
            w.member("area", finding.area)
            Self.writeLocation(finding.location, to: &w)
            w.member("path", finding.path)
            w.key("related")
            w.begin(openList)
            for location in finding.relatedLocations {
                w.begin(open)
                Self.writeLocation(location, to: &w)
                w.end(close)
            }
            w.end(closeList)
            w.member("waived", finding.waiver != nil)
            w.member("waiver_reason", finding.waiver?.reason)
            w.member("waiver_origin", finding.waiver?.origin.rawValue)
            w.member("new", finding.isNew)
            w.end(close)
        }
        w.end(closeList)
        w.key("outcomes")
        w.begin(openList)
        for outcome in report.outcomes {
            w.begin(open)
            w.member("rule", outcome.ruleID)
            w.member("status", Self.statusName(outcome.status))
            w.member("points", outcome.points)
            w.member("findings", outcome.findingCount)
            w.end(close)
        }
        w.end(closeList)
        w.end(close)
        return w.bytes
    }

    /// `"file"`, `"line"`, `"column"` members of a location.
    static func writeLocation(_ location: SourceLocation, to w: inout JSONTextWriter) {
        w.member("file", location.file)
        w.member("line", location.line)
        w.member("column", location.column)
    }

    static func statusName(_ status: RuleOutcome.Status) -> String {
        switch status {
        case .passed: "passed"
        case .failed: "failed"
        case .notApplicable: "not_applicable"
        }
    }

    /// The document's text before and after the elements of the `reports` array.
    func frame(_ run: RunResult, totals: StreamTotals, options: ReportOptions) -> (before: String, after: String) {
        let marker = "\u{1}reports\u{1}"
        let text = JSONValue.object([
            ("format", JSONValue(Self.formatVersion)),
            ("tool", .object([("name", .string("cchc")), ("version", .string(run.toolVersion))])),
            ("generated_at", JSONValue(options.generatedAt.map(Timestamp.iso8601))),
            ("summary", .object([("reports", JSONValue(totals.reports))] + counts(totals.tally))),
            ("reports", .raw(marker)),
            ("rules", .array(run.rules.map(rule))),
            ("resolved_baseline_entries", .array(run.resolvedBaselineEntries.map(JSONValue.string))),
        ]).serialized
        let range = text.range(of: marker)!
        let close = totals.pieces == 0 ? "]" : "\n  ]"
        return (String(text[..<range.lowerBound]) + "[", close + String(text[range.upperBound...]))
    }

    private func counts(_ tally: FindingTally) -> [(String, JSONValue)] {
        [
            ("counted", .object(Severity.allCases.reversed().map { ($0.rawValue, JSONValue(tally.count($0))) })),
            ("waived", JSONValue(tally.waived)),
            ("baselined", JSONValue(tally.baselined)),
        ]
    }

    private func rule(_ rule: RuleDescriptor) -> JSONValue {
        .object([
            ("id", .string(rule.id)),
            ("title", .string(rule.title)),
            ("severity", .string(rule.severity.rawValue)),
            ("area", .string(rule.area)),
            ("basis", JSONValue(rule.basis)),
            ("fix", JSONValue(rule.fix)),
            ("help", JSONValue(rule.help)),
            ("points", .number(rule.points)),
        ])
    }
}
