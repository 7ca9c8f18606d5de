import Dispatch
import Foundation
import RuleEngine
import Synchronization
import YAML

/// One JSON document per run, with a stable key order and a version (`"format": 1`).
/// The schema is documented in `JSON-FORMAT.md` beside this target.
public struct JSONReporter: Reporter {
    public let format = "json"
    public let summary = "JSON ổn định, có phiên bản (xem JSON-FORMAT.md)"

    /// The version of the document's schema; raised when a field changes meaning or goes away.
    public static let formatVersion = 1

    public init() {}

    public func render(_ run: RunResult, options: ReportOptions) -> String {
        let reports = JSONValue.array(Self.serializedInParallel(run.reports, serializedReport).map(JSONValue.raw))
        return document(run, tally: FindingTally(run.allFindings), reportCount: run.reports.count, reports: reports, options: options)
    }

    /// The whole document around the `reports` array, which is given as a value (or raw text).
    private func document(_ run: RunResult, tally: FindingTally, reportCount: Int, reports: JSONValue, options: ReportOptions) -> String {
        JSONValue.object([
            ("format", JSONValue(Self.formatVersion)),
            ("tool", .object([("name", .string("cchc")), ("version", .string(run.toolVersion))])),
            ("generated_at", JSONValue(options.generatedAt.map(Timestamp.iso8601))),
            ("summary", .object([("reports", JSONValue(reportCount))] + counts(tally))),
            ("reports", reports),
            ("rules", .array(run.rules.map(rule))),
            ("resolved_baseline_entries", .array(run.resolvedBaselineEntries.map(JSONValue.string))),
        ]).serialized
    }

    /// One report as it stands in the document's `reports` array (two levels in).
    func serializedReport(_ report: ReportResult) -> String {
        self.report(report).serialized(level: 2)
    }

    /// The document's text before and after the `reports` array, for `JSONStreamWriter`, which
    /// writes the array itself piece by piece. `run.reports` is ignored: the counts are given.
    func frame(_ run: RunResult, tally: FindingTally, reportCount: Int, options: ReportOptions) -> (before: String, after: String) {
        let marker = "\u{1}reports\u{1}"
        let text = document(run, tally: tally, reportCount: reportCount, reports: .raw(marker), options: options)
        let range = text.range(of: marker)!
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }

    /// `serialize` of every element, in order, on all cores: serializing the reports was the
    /// largest part of a check run that ran on one core only. Chunks keep the lock rare.
    static func serializedInParallel<T>(_ items: [T], _ serialize: (T) -> String) -> [String] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / 64))
        guard workers > 1 else { return items.map(serialize) }
        let chunkSize = (items.count + workers - 1) / workers
        let chunks = Mutex<[[String]]>(Array(repeating: [], count: workers))
        withoutActuallyEscaping(serialize) { serialize in
            nonisolated(unsafe) let serialize = serialize
            nonisolated(unsafe) let items = items
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let part = items[min(items.count, w * chunkSize) ..< min(items.count, (w + 1) * chunkSize)].map(serialize)
                chunks.withLock { $0[w] = part }
            }
        }
        return chunks.withLock { $0 }.flatMap { $0 }
    }

    private func tally(_ findings: [Finding]) -> [(String, JSONValue)] {
        counts(FindingTally(findings))
    }

    private func counts(_ tally: FindingTally) -> [(String, JSONValue)] {
        [
            ("counted", .object(Severity.allCases.reversed().map { ($0.rawValue, JSONValue(tally.count($0))) })),
            ("waived", JSONValue(tally.waived)),
            ("baselined", JSONValue(tally.baselined)),
        ]
    }

    private func report(_ report: ReportResult) -> JSONValue {
        .object([
            ("file", .string(report.file)),
            ("document", JSONValue(report.documentIndex)),
            ("unit", JSONValue(report.unitName)),
            ("kind", JSONValue(report.unitKind)),
            ("year", JSONValue(report.year)),
            ("score", .object([
                ("earned", .number(report.score.earned)),
                ("possible", .number(report.score.possible)),
                ("percent", JSONValue(report.score.percent)),
            ])),
            ("summary", .object(tally(report.findings))),
            ("findings", .array(report.findings.map(finding))),
            ("outcomes", .array(report.outcomes.map(outcome))),
        ])
    }

    private func finding(_ finding: Finding) -> JSONValue {
        .object([
            ("rule", .string(finding.ruleID)),
            ("severity", .string(finding.severity.rawValue)),
            ("title", .string(finding.title)),
            ("message", .string(finding.message)),
            ("basis", JSONValue(finding.basis)),
            ("fix", JSONValue(finding.fix)),
            ("area", .string(finding.area)),
            ("file", .string(finding.location.file)),
            ("line", JSONValue(finding.location.line)),
            ("column", JSONValue(finding.location.column)),
            ("path", .string(finding.path)),
            ("related", .array(finding.relatedLocations.map(location))),
            ("waived", .bool(finding.waiver != nil)),
            ("waiver_reason", JSONValue(finding.waiver?.reason)),
            ("waiver_origin", JSONValue(finding.waiver?.origin.rawValue)),
            ("new", .bool(finding.isNew)),
        ])
    }

    private func location(_ location: SourceLocation) -> JSONValue {
        .object([
            ("file", .string(location.file)),
            ("line", JSONValue(location.line)),
            ("column", JSONValue(location.column)),
        ])
    }

    private func outcome(_ outcome: RuleOutcome) -> JSONValue {
        let status = switch outcome.status {
        case .passed: "passed"
        case .failed: "failed"
        case .notApplicable: "not_applicable"
        }
        return .object([
            ("rule", .string(outcome.ruleID)),
            ("status", .string(status)),
            ("points", .number(outcome.points)),
            ("findings", JSONValue(outcome.findingCount)),
        ])
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
