import RuleEngine

/// What the reports for people (Markdown, HTML) show: a section per unit with its findings
/// grouped by area (`Unit`, made from one report), and, for several units, an overview table
/// and two charts (`Overview`, made from a line per unit and counts per check, which a streamed
/// run gathers as the reports go by: `Summary`). The two formats differ only in how they draw it.
enum Inspection {
    /// One report's section. Where it stands in the run is not known when it is made: its
    /// anchor and numbered heading hold `PiecePlace` marks, filled in as it is written.
    struct Unit {
        let report: ReportResult
        let title: String
        let tally: FindingTally
        /// Every finding (waived and baselined ones included), grouped by area in area order.
        let areas: [(area: ReportArea, findings: [Finding])]
        /// The waived findings as rows under `Inspection.waiverColumns`.
        let waivers: [[String]]

        /// The fragment id of the section, its number a mark.
        static let anchor = Inspection.anchor(PiecePlace.number)

        init(_ report: ReportResult) {
            self.report = report
            self.title = Wording.unitTitle(of: report)
            self.tally = FindingTally(report.findings)
            let grouped = Dictionary(grouping: report.findings) { ReportArea(areaID: $0.area) }
            self.areas = grouped.keys.sorted().map { ($0, grouped[$0]!) }
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
    }

    /// A unit's line in the overview.
    struct Row: Sendable {
        let title: String
        /// The unit kind as people say it, or "".
        let kind: String
        /// The year, or "".
        let year: String
        /// Findings that count, per area.
        let countedByArea: [ReportArea: Int]
        /// The score out of 100, nil when no check applied.
        let percent: Double?

        init(_ report: ReportResult) {
            title = Wording.unitTitle(of: report)
            kind = report.unitKind.map(Wording.unitKind) ?? ""
            year = report.year.map(String.init) ?? ""
            countedByArea = Dictionary(report.findings.filter(\.counts).map { (ReportArea(areaID: $0.area), 1) }, uniquingKeysWith: +)
            percent = report.score.percent
        }

        /// Findings that count.
        var counted: Int { countedByArea.values.reduce(0, +) }

        /// The title with the year, to tell one unit's reports of several years apart.
        var label: String { year.isEmpty ? title : "\(title) (\(year))" }

        /// The score out of 100 (`82,5`), or "—" when no check applied.
        var score: String { percent.map(Wording.decimal) ?? "—" }
    }

    /// How one check fails over the units.
    struct Failure: Sendable {
        /// Units with findings of it that count.
        var units = 0
        /// Its findings that count.
        var findings = 0
        var worst = Severity.info
    }

    /// What the overview is made from, added up report by report in input order.
    struct Summary: Sendable {
        /// One per report, in input order (the nth is unit n).
        private(set) var rows: [Row] = []
        /// Every area with a finding (waived and baselined ones included).
        private(set) var areas: Set<ReportArea> = []
        /// Per check id, its failures.
        private(set) var failures: [String: Failure] = [:]

        init() {}

        /// The summary of some reports (inputs only: broken rules' findings are no unit's).
        init(_ reports: [ReportResult]) {
            for report in reports where report.isInput {
                rows.append(Row(report))
                for finding in report.findings { areas.insert(ReportArea(areaID: finding.area)) }
                var own: [String: Failure] = [:]
                for finding in report.findings where finding.counts {
                    own[finding.ruleID, default: Failure(units: 1)].findings += 1
                    own[finding.ruleID]!.worst = max(own[finding.ruleID]!.worst, finding.severity)
                }
                add(own)
            }
        }

        /// Both summaries together (`other` comes after `self` in input order).
        mutating func add(_ other: Summary) {
            rows += other.rows
            areas.formUnion(other.areas)
            add(other.failures)
        }

        private mutating func add(_ more: [String: Failure]) {
            for (id, failure) in more {
                failures[id, default: Failure()].units += failure.units
                failures[id]!.findings += failure.findings
                failures[id]!.worst = max(failures[id]!.worst, failure.worst)
            }
        }
    }

    /// The overview of several units: the table's columns and rows, and the two charts.
    struct Overview {
        let rows: [Row]
        /// The table's area columns: every area with a finding in the run, in area order.
        let areas: [ReportArea]
        /// The checks that fail in the most units.
        let failingChecks: BarChart
        /// What the failure chart counts, and how many checks it leaves out when they are more
        /// than it shows.
        let failingChecksNote: String
        /// Each unit's score, best first.
        let scores: BarChart

        /// The overview of `summary`; `rules` name the checks in the chart.
        init(_ summary: Summary, rules: RuleCatalog) {
            rows = summary.rows
            areas = summary.areas.sorted()
            failingChecks = Self.failingChecks(summary.failures, units: rows.count, rules: rules)
            failingChecksNote = Wording.failingChecksNote(shown: failingChecks.bars.count, of: summary.failures.count)
            scores = Self.scores(rows)
        }

        /// The table's columns: number, unit, kind, year, one per area, findings, score.
        var columns: [String] {
            ["STT", "Đơn vị", "Loại", "Năm"] + areas.map(\.title) + ["Phát hiện", "Điểm"]
        }


        private static func failingChecks(_ failures: [String: Failure], units: Int, rules: RuleCatalog) -> BarChart {
            // Most units first; among as many units, errors before warnings before notes (a
            // cut-off chart must not drop an error for a warning), then most findings.
            let ranked = failures.sorted {
                ($1.value.units, $1.value.worst, $1.value.findings, $0.key) < ($0.value.units, $0.value.worst, $0.value.findings, $1.key)
            }
            let bars = ranked.prefix(failingCheckLimit).map { id, failure in
                BarChart.Bar(label: [id, rules.rule(id)?.title].compactMap { $0 }.joined(separator: " — "),
                             value: Double(failure.units),
                             valueText: "\(failure.units)/\(units) đơn vị · \(failure.findings) phát hiện",
                             tone: BarChart.Tone(failure.worst))
            }
            return BarChart(bars: bars, maximum: Double(units))
        }

        private static func scores(_ rows: [Row]) -> BarChart {
            let ranked = rows.enumerated().sorted { ($0.element.percent ?? -1, $1.offset) > ($1.element.percent ?? -1, $0.offset) }
            let bars = ranked.map { _, row in
                BarChart.Bar(label: row.label, value: row.percent ?? 0, valueText: row.score, tone: BarChart.Tone(score: row.percent))
            }
            return BarChart(bars: bars, maximum: 100)
        }
    }

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

    /// The fragment id of the section of unit `number` (`don-vi-3`).
    static func anchor(_ number: String) -> String { "don-vi-" + number }

    /// The columns of a unit's table of waived findings.
    static let waiverColumns = ["Kiểm tra", "Vị trí", "Lý do", "Ghi tại"]

    /// How many checks the failure chart shows at most.
    static let failingCheckLimit = 15
}

/// A format of the inspection report (Markdown, HTML): a piece per unit, its section; an
/// overview of all units in the frame, before the sections.
protocol InspectionReporter: StreamingReporter {
    /// A unit's section; its anchor and heading number are `PiecePlace` marks.
    func section(_ unit: Inspection.Unit) -> String
}

extension InspectionReporter {
    var quotesSourceLines: Bool { false }
    var placesPieces: Bool { true }

    /// The unit's section.
    func piece(of report: ReportResult, context: StreamContext, options: ReportOptions) -> [UInt8] {
        Array(section(Inspection.Unit(report)).utf8)
    }

    func separator(before index: Int) -> String { "" }

    /// The counts, with a line per unit and the failures per check that the overview shows.
    func totals(of reports: [ReportResult], context: StreamContext) -> StreamTotals {
        var totals = StreamTotals(counting: reports)
        totals.summarize(reports, context: context)
        return totals
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
