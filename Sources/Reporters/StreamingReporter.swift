import Dispatch
import Foundation
import RuleEngine
import Synchronization

/// A format whose document is a beginning, one piece per report in input order, and an end,
/// where only the beginning and the end depend on the whole run, and then only on its totals
/// (`StreamTotals`). `cchc check` writes such a format while the reports are checked
/// (`StreamWriter`), in the memory of a few reports; `render` assembles the same parts, so a
/// streamed and a whole-run document are the same bytes by construction.
protocol StreamingReporter: Reporter {
    /// Whether pieces quote the reports' source lines (they are cut out of the files only then).
    var quotesSourceLines: Bool { get }
    /// Whether pieces hold `PiecePlace` marks, filled in with their place in the run as they are
    /// written (the first is held back until a second report says whether there are several).
    var placesPieces: Bool { get }
    /// One report's text, UTF-8; empty when the report shows nothing in this format.
    func piece(of report: ReportResult, context: StreamContext, options: ReportOptions) -> [UInt8]
    /// What is written before the `index`th (from 0) non-empty piece.
    func separator(before index: Int) -> String
    /// What some reports add to the run's totals (`pieces` aside, which the writer counts). The
    /// default counts reports and findings; a format whose frame reads more adds it.
    func totals(of reports: [ReportResult], context: StreamContext) -> StreamTotals
    /// The text before the first piece and after the last. `run` gives the tool version, the
    /// rules and the resolved baseline entries; its `reports` are not read.
    func frame(_ run: RunResult, totals: StreamTotals, options: ReportOptions) -> (before: String, after: String)
}

/// What a report's piece may depend on besides the report: facts of the run known before any
/// report is checked.
struct StreamContext: Sendable {
    /// The rules the run describes (`RunResult.rules`), looked up by id: SARIF's `ruleIndex`
    /// and JUnit's test-case names come from here.
    let rules: RuleCatalog
    /// Whether the run is compared with a baseline (SARIF then states every result's
    /// `baselineState`).
    let comparedWithBaseline: Bool

    /// The context of a whole run.
    init(_ run: RunResult) {
        self.init(rules: run.rules, comparedWithBaseline: run.comparedWithBaseline)
    }

    /// The context of a streamed run of these rules.
    init(rules: [RuleDescriptor], comparedWithBaseline: Bool) {
        self.rules = RuleCatalog(described: rules)
        self.comparedWithBaseline = comparedWithBaseline
    }
}

/// What the reports of a run add up to: all a streamed document's frame may depend on. Reports,
/// pieces and findings are always counted; the rest only by the formats that show it.
struct StreamTotals: Sendable {
    /// Reports checked (inputs: not the result carrying broken rules' findings).
    var reports = 0
    /// Non-empty pieces written.
    var pieces = 0
    /// Their findings, counted.
    var tally = FindingTally([])
    /// Rules checked or reported, summed over the reports (one JUnit test case each;
    /// `countChecks`).
    var checks = 0
    /// Of those, the rules with findings that count.
    var failedChecks = 0
    /// The reports' checking times added up, when any was measured.
    var duration: Double?
    /// Rules with findings that the context does not describe, each once in order of first
    /// appearance, described from their first finding (SARIF lists them after the others;
    /// `gatherUndescribedRules`).
    var undescribedRules: [RuleDescriptor] = []
    /// A line per unit and the failures per check, for the overview of Markdown and HTML
    /// (`summarize`).
    var inspection = Inspection.Summary()

    init() {}

    /// The count of some reports and of their findings.
    init(counting reports: [ReportResult]) {
        self.reports = reports.count(where: \.isInput)
        for report in reports { tally.add(FindingTally(report.findings)) }
    }

    /// Adds the reports' checks, failed checks and checking time.
    mutating func countChecks(of reports: [ReportResult]) {
        for report in reports {
            checks += report.checkedRuleIDs.count
            failedChecks += report.failingRuleIDs.count
            if let d = report.duration { duration = (duration ?? 0) + d }
        }
    }

    /// Adds the rules the reports' findings name that `context` does not describe.
    mutating func gatherUndescribedRules(of reports: [ReportResult], context: StreamContext) {
        for report in reports {
            for finding in report.findings where context.rules.index(of: finding.ruleID) == nil {
                addUndescribed(RuleDescriptor(finding: finding))
            }
        }
    }

    /// Adds the reports' overview lines and failures, and the rules the chart names that
    /// `context` does not describe.
    mutating func summarize(_ reports: [ReportResult], context: StreamContext) {
        inspection.add(Inspection.Summary(reports))
        gatherUndescribedRules(of: reports, context: context)
    }

    /// The rules the run describes, then those only its findings name (`gatherUndescribedRules`).
    func rules(of run: RunResult) -> RuleCatalog {
        RuleCatalog(described: run.rules + undescribedRules)
    }

    /// The overview of the units summarized, its checks named by the run's rules.
    func overview(_ run: RunResult) -> Inspection.Overview {
        Inspection.Overview(inspection, rules: rules(of: run))
    }

    /// Both totals together (`other` comes after `self` in input order).
    mutating func add(_ other: StreamTotals) {
        reports += other.reports
        pieces += other.pieces
        tally.add(other.tally)
        checks += other.checks
        failedChecks += other.failedChecks
        if let d = other.duration { duration = (duration ?? 0) + d }
        for rule in other.undescribedRules { addUndescribed(rule) }
        inspection.add(other.inspection)
    }

    private mutating func addUndescribed(_ rule: RuleDescriptor) {
        guard !undescribedRules.contains(where: { $0.id == rule.id }) else { return }
        undescribedRules.append(rule)
    }
}

/// Marks a piece holds for what only its place in the run tells, filled in as it is written:
/// C0 controls never left in text (every format replaces them), so a mark is never content.
enum PiecePlace {
    /// The report's number in the run, from 1.
    static let number = "\u{1}n\u{1}"
    /// `3. ` before a heading when the run has several reports (their sections are numbered),
    /// else nothing.
    static let numberPrefix = "\u{1}p\u{1}"

    /// `piece` with its marks filled in for the `number`th report of a run of one report
    /// (`several` false) or more.
    static func fill(_ piece: [UInt8], number: Int, several: Bool) -> [UInt8] {
        guard piece.contains(1) else { return piece }
        var out: [UInt8] = []
        out.reserveCapacity(piece.count + 8)
        var i = 0
        while i < piece.count {
            if piece[i] == 1, i + 2 < piece.count, piece[i + 2] == 1 {
                switch piece[i + 1] {
                case UInt8(ascii: "n"): out += String(number).utf8
                case UInt8(ascii: "p"): if several { out += "\(number). ".utf8 }
                default: out += piece[i ... i + 2]
                }
                i += 3
            } else {
                out.append(piece[i])
                i += 1
            }
        }
        return out
    }
}

extension StreamingReporter {
    var placesPieces: Bool { false }

    func totals(of reports: [ReportResult], context: StreamContext) -> StreamTotals { StreamTotals(counting: reports) }

    public func render(_ run: RunResult, options: ReportOptions) -> String {
        let context = StreamContext(run)
        var pieces = Self.inParallel(run.reports) { piece(of: $0, context: context, options: options) }
        if placesPieces {
            // Reports numbered from 1 (when there are several), then the results that are no
            // report (`(quy tắc)`), unnumbered, after them: as `StreamWriter` places them.
            let reportCount = run.reports.count(where: \.isInput)
            let order = run.reports.indices.filter { run.reports[$0].isInput } + run.reports.indices.filter { !run.reports[$0].isInput }
            pieces = order.enumerated().map { position, index in
                PiecePlace.fill(pieces[index], number: position + 1, several: run.reports[index].isInput && reportCount > 1)
            }
        }
        pieces = pieces.filter { !$0.isEmpty }
        var totals = totals(of: run.reports, context: context)
        totals.pieces = pieces.count
        let (before, after) = frame(run, totals: totals, options: options)
        var out = Array(before.utf8)
        out.reserveCapacity(pieces.reduce(out.count + after.utf8.count) { $0 + $1.count + 8 })
        for (index, piece) in pieces.enumerated() {
            out += separator(before: index).utf8
            out += piece
        }
        out += after.utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// `transform` of every element, in order, on all cores: writing the pieces of a large run
    /// on one core was the largest part of it. Chunks keep the lock rare.
    static func inParallel<T>(_ items: [T], _ transform: (T) -> [UInt8]) -> [[UInt8]] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / 64))
        guard workers > 1 else { return items.map(transform) }
        let chunkSize = (items.count + workers - 1) / workers
        let chunks = Mutex<[[[UInt8]]]>(Array(repeating: [], count: workers))
        withoutActuallyEscaping(transform) { transform in
            nonisolated(unsafe) let transform = transform
            nonisolated(unsafe) let items = items
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let part = items[min(items.count, w * chunkSize) ..< min(items.count, (w + 1) * chunkSize)].map(transform)
                chunks.withLock { $0[w] = part }
            }
        }
        return chunks.withLock { $0 }.flatMap { $0 }
    }
}
