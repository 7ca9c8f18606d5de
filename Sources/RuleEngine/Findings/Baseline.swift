import Foundation

/// Known findings a repository has accepted for now: only findings not in the baseline count.
/// Keyed by rule, report identity (unit + year) and path — not by line, so reformatting a
/// report keeps the baseline valid.
public struct Baseline: Sendable, Equatable {
    /// `RULE|unit|year|path` keys, with how many times each occurs.
    public private(set) var counts: [String: Int]

    /// An empty baseline (`record` adds to it).
    public init() {
        counts = [:]
    }

    static func key(_ report: ReportResult, _ finding: Finding) -> String {
        "\(finding.ruleID)|\(report.identity)|\(finding.path)"
    }

    /// The baseline of a run: every unwaived finding.
    public init(run reports: [ReportResult]) {
        self.init()
        record(reports)
    }

    /// Whether a baseline takes `finding`: an unwaived finding of a check that ran on a report
    /// that could be read. A RULE-ERROR says a rule could not run (a broken rule under
    /// `--skip-broken-rules`, a rule stopped at its time budget): accepted into a baseline, it
    /// would hide that rule from then on. YAML-SYNTAX and YAML-DUPLICATE-KEY say the report
    /// could not be read, which always fails the run. Neither is written into a baseline, nor
    /// matched by an entry of an older one that holds it.
    static func accepts(_ finding: Finding) -> Bool {
        finding.waiver == nil && !notBaselined.contains(finding.ruleID)
    }

    private static let notBaselined: Set<String> = [BuiltInFindings.ruleError.id, BuiltInFindings.yamlSyntax.id,
                                                     BuiltInFindings.yamlDuplicateKey.id]

    /// Adds the findings a baseline takes of some reports (a streamed run records them as they
    /// go by).
    public mutating func record(_ reports: [ReportResult]) {
        for report in reports {
            for finding in report.findings where Self.accepts(finding) { counts[Self.key(report, finding), default: 0] += 1 }
        }
    }

    /// Records the findings of some reports, as `record` does, and marks them as not new: a run
    /// that writes a baseline counts them as the run checked against it would.
    public mutating func adopt(_ reports: inout [ReportResult]) {
        record(reports)
        for r in reports.indices {
            for f in reports[r].findings.indices where Self.accepts(reports[r].findings[f]) { reports[r].findings[f].isNew = false }
        }
    }

    /// Marks findings the baseline lists as not new; returns the keys of baselined findings
    /// that no longer occur (for `--baseline-strict`).
    public func apply(to reports: inout [ReportResult]) -> [String] {
        var matching = BaselineMatching(self)
        matching.mark(&reports)
        return matching.resolvedEntries
    }

    // MARK: File format

    /// `{"format": 1, "tool": "cchc", "entries": [{"key": …, "count": n}, …]}`, sorted.
    public func jsonData() -> Data {
        let entries = counts.keys.sorted().map { ["key": $0, "count": counts[$0]!] as [String: Any] }
        let object: [String: Any] = ["format": 1, "tool": "cchc", "entries": entries]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
    }

    /// Reads a baseline file written by `jsonData()`.
    public init(jsonData data: Data) throws {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["format"] as? Int == 1, let entries = object["entries"] as? [[String: Any]] else {
            throw BaselineError(message: "tệp baseline không đúng định dạng (cần JSON có \"format\": 1 và \"entries\")")
        }
        var counts: [String: Int] = [:]
        for e in entries {
            guard let key = e["key"] as? String, let n = e["count"] as? Int else {
                throw BaselineError(message: "mục baseline thiếu \"key\" hoặc \"count\"")
            }
            counts[key] = n
        }
        self.counts = counts
    }
}

/// The parts of a baseline entry's key (`RULE|unit|year|path`, or `RULE|file|path` for a report
/// without unit and year), for saying which finding an entry stands for.
public struct BaselineKey: Sendable, Hashable {
    /// The rule of the finding.
    public var ruleID: String
    /// The report's unit name, or its file when the report had no unit and year.
    public var report: String
    /// The report's year; nil when `report` is a file.
    public var year: Int?
    /// The finding's path in the report (empty for a finding about the whole file).
    public var path: String

    /// The report it belongs to, as people name it: `UBND xã Tiên Lãnh, năm 2024`, or the file.
    public var reportName: String { year.map { "\(report), năm \($0)" } ?? report }

    /// `ND30-FONT · UBND xã Tiên Lãnh, năm 2024 · documents[9].layout.font`, empty parts left out.
    public var summary: String { [ruleID, reportName, path].filter { !$0.isEmpty }.joined(separator: " · ") }

    /// Splits a key made by `Baseline`. A unit name may itself contain `|`: the rule is what
    /// comes before the first one, the path what comes after the last.
    public init(_ key: String) {
        let parts = key.split(separator: "|", omittingEmptySubsequences: false)
        ruleID = String(parts[0])
        path = parts.count > 1 ? String(parts[parts.count - 1]) : ""
        var middle = parts.dropFirst().dropLast()
        year = middle.count > 1 ? middle.last.flatMap { Int($0) } : nil
        if year != nil { middle = middle.dropLast() }
        report = middle.joined(separator: "|")
    }
}

/// A baseline file that cannot be used.
public struct BaselineError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// A baseline applied report by report, in input order, as a streamed run meets them: the same
/// marks as `Baseline.apply(to:)` on the whole run (each listed occurrence covers one finding,
/// the first ones in input order).
public struct BaselineMatching: Sendable {
    /// Occurrences of each key not yet matched.
    private var remaining: [String: Int]

    public init(_ baseline: Baseline) {
        remaining = baseline.counts
    }

    /// Marks the findings of `reports` that the baseline still lists as not new.
    public mutating func mark(_ reports: inout [ReportResult]) {
        for r in reports.indices {
            for f in reports[r].findings.indices where Baseline.accepts(reports[r].findings[f]) {
                let key = Baseline.key(reports[r], reports[r].findings[f])
                if let n = remaining[key], n > 0 {
                    remaining[key] = n - 1
                    reports[r].findings[f].isNew = false
                }
            }
        }
    }

    /// The keys of baselined findings that did not occur in the reports marked so far, sorted.
    public var resolvedEntries: [String] { remaining.filter { $0.value > 0 }.map(\.key).sorted() }
}
