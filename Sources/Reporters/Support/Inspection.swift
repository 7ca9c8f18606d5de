import RuleEngine

/// What the reports for people (Markdown, HTML) show, worked out once from a run: a section per
/// unit with its findings grouped by area, and, for several units, an overview table and two
/// charts. The two formats differ only in how they draw it.
struct Inspection {
    /// One report's section.
    struct Unit {
        /// 1-based position in the run; anchors and the overview refer to it.
        let number: Int
        let report: ReportResult
        let title: String
        let tally: FindingTally
        /// Every finding (waived and baselined ones included), grouped by area in area order.
        let areas: [(area: ReportArea, findings: [Finding])]
        /// Findings that count, per area.
        let countedByArea: [ReportArea: Int]
        /// The waived findings as rows under `Inspection.waiverColumns`.
        let waivers: [[String]]

        /// The fragment id of the section.
        var anchor: String { "don-vi-\(number)" }

        /// The title with the year, to tell one unit's reports of several years apart.
        var label: String { report.year.map { "\(title) (\($0))" } ?? title }

        init(number: Int, report: ReportResult) {
            self.number = number
            self.report = report
            self.title = Wording.unitTitle(of: report)
            self.tally = FindingTally(report.findings)
            let grouped = Dictionary(grouping: report.findings) { ReportArea(areaID: $0.area) }
            self.areas = grouped.keys.sorted().map { ($0, grouped[$0]!) }
            self.countedByArea = grouped.mapValues { $0.count(where: \.counts) }
            self.waivers = report.findings.compactMap { finding in
                finding.waiver.map { [finding.ruleID, finding.path.isEmpty ? finding.location.description : finding.path,
                                      $0.reason, Wording.origin($0.origin)] }
            }
        }

        /// The report's file, unit kind, year, score and counts, as label and value.
        var facts: [(label: String, value: String)] {
            [
                ("Tệp", Wording.source(of: report)),
                ("Loại đơn vị", report.unitKind.map(Wording.unitKind)),
                ("Năm", report.year.map(String.init)),
                ("Điểm", Wording.score(report.score)),
                ("Phát hiện", tally.vietnameseSummary),
            ].compactMap { label, value in value.map { (label, $0) } }
        }

        /// The unit kind as people say it, or "".
        var kind: String { report.unitKind.map(Wording.unitKind) ?? "" }

        /// The year, or "".
        var year: String { report.year.map(String.init) ?? "" }

        /// The score out of 100 (`82,5`), or "—" when no check applied.
        var score: String { report.score.percent.map(Wording.decimal) ?? "—" }
    }

    let toolVersion: String
    let units: [Unit]
    /// The overview's columns: every area with a finding in the run, in area order.
    let areas: [ReportArea]
    let tally: FindingTally
    /// The checks that fail in the most units.
    let failingChecks: BarChart
    /// Each unit's score, best first.
    let scores: BarChart

    /// One line under a finding: its label and a value that is code (locations, paths) or text.
    struct Detail {
        enum Value {
            case code([String])
            case text(String)
        }

        let label: String
        let value: Value
    }

    /// The lines under a finding: where it is, related places, basis and fix.
    static func details(of finding: Finding) -> [Detail] {
        let location = [finding.location.description] + (finding.path.isEmpty ? [] : [finding.path])
        return [Detail(label: Wording.location, value: .code(location))]
            + finding.relatedLocations.map { Detail(label: Wording.related, value: .code([$0.description])) }
            + Wording.citation(basis: finding.basis, fix: finding.fix).map { Detail(label: $0, value: .text($1)) }
    }

    /// The overview table's columns: number, unit, kind, year, one per area, findings, score.
    var overviewColumns: [String] {
        ["STT", "Đơn vị", "Loại", "Năm"] + areas.map(\.title) + ["Phát hiện", "Điểm"]
    }

    /// The columns of a unit's table of waived findings.
    static let waiverColumns = ["Kiểm tra", "Vị trí", "Lý do", "Ghi tại"]

    /// Whether to show the overview and the charts (more than one report).
    var isOverview: Bool { units.count > 1 }

    /// How many checks the failure chart shows at most.
    static let failingCheckLimit = 15

    init(_ run: RunResult) {
        toolVersion = run.toolVersion
        units = run.reports.enumerated().map { Unit(number: $0.offset + 1, report: $0.element) }
        areas = Set(units.flatMap { $0.areas.map(\.area) }).sorted()
        tally = FindingTally(run.allFindings)
        failingChecks = Self.failingChecks(units, catalog: RuleCatalog(run))
        scores = Self.scores(units)
    }

    private static func failingChecks(_ units: [Unit], catalog: RuleCatalog) -> BarChart {
        struct Failure { var units = Set<Int>(); var findings = 0; var worst = Severity.info }
        var failures: [String: Failure] = [:]
        for unit in units {
            for finding in unit.report.findings where finding.counts {
                var failure = failures[finding.ruleID, default: Failure()]
                failure.units.insert(unit.number)
                failure.findings += 1
                failure.worst = max(failure.worst, finding.severity)
                failures[finding.ruleID] = failure
            }
        }
        let ranked = failures.sorted {
            ($1.value.units.count, $1.value.findings, $0.key) < ($0.value.units.count, $0.value.findings, $1.key)
        }
        let bars = ranked.prefix(failingCheckLimit).map { id, failure in
            BarChart.Bar(label: [id, catalog.rule(id)?.title].compactMap { $0 }.joined(separator: " — "),
                         value: Double(failure.units.count),
                         valueText: "\(failure.units.count)/\(units.count) đơn vị · \(failure.findings) phát hiện",
                         tone: BarChart.Tone(failure.worst))
        }
        return BarChart(bars: bars, maximum: Double(units.count))
    }

    private static func scores(_ units: [Unit]) -> BarChart {
        let ranked = units.sorted { ($0.report.score.percent ?? -1, $1.number) > ($1.report.score.percent ?? -1, $0.number) }
        let bars = ranked.map { unit in
            let percent = unit.report.score.percent
            return BarChart.Bar(label: unit.label, value: percent ?? 0,
                                valueText: unit.score, tone: BarChart.Tone(score: percent))
        }
        return BarChart(bars: bars, maximum: 100)
    }
}

/// A horizontal bar chart, drawn as text bars in Markdown and as SVG in HTML.
struct BarChart {
    /// The colour family of a bar.
    enum Tone: String {
        case error, warning, info, good, fair, poor

        init(_ severity: Severity) {
            switch severity {
            case .error: self = .error
            case .warning: self = .warning
            case .info: self = .info
            }
        }

        /// Good from 90, fair from 70, poor below; info when there is no score.
        init(score: Double?) {
            guard let score else { self = .info; return }
            self = score >= 90 ? .good : score >= 70 ? .fair : .poor
        }
    }

    struct Bar {
        let label: String
        let value: Double
        let valueText: String
        let tone: Tone
    }

    let bars: [Bar]
    /// The value of a full-length bar.
    let maximum: Double

    /// How much of the full length a bar fills, 0…1.
    func fraction(_ bar: Bar) -> Double {
        maximum > 0 ? min(1, max(0, bar.value / maximum)) : 0
    }
}
