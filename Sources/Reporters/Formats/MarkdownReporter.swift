import RuleEngine

/// The inspection report for people, in Markdown: for each unit its facts, score and findings
/// grouped by area with citations, fixes and waivers; for several units first an overview
/// table and text-bar charts of the checks that fail most and of the scores.
public struct MarkdownReporter: InspectionReporter {
    public let format = "markdown"
    public let summary = "biên bản kiểm tra dạng Markdown: tổng quan, biểu đồ, từng đơn vị"
    public init() {}

    /// The title and byline; for several units the overview and the charts before the sections.
    func frame(_ run: RunResult, totals: StreamTotals, options: ReportOptions) -> (before: String, after: String) {
        var out = "# \(MarkdownText.inline(Wording.reportTitle))\n\n"
        out += MarkdownText.inline(Wording.byline(toolVersion: run.toolVersion, reports: totals.reports, tally: totals.tally,
                                                  generatedAt: options.generatedAt.map(Timestamp.iso8601))) + "\n"
        if totals.reports > 1 {
            let overview = totals.overview(run)
            out += table(overview)
            out += chart(Wording.failingChecks, note: overview.failingChecksNote, overview.failingChecks,
                         columns: ["Kiểm tra", "Đơn vị không đạt"])
            out += chart(Wording.scoresByUnit, note: Wording.scoresNote, overview.scores, columns: ["Đơn vị", "Điểm"])
        }
        if totals.reports == 0 { out += "\n\(MarkdownText.inline(Wording.noReports))\n" }
        return (out, resolvedBaseline(run))
    }

    /// The baseline's entries that no finding matched, after the units: an inspection made
    /// against a baseline says what was fixed since.
    private func resolvedBaseline(_ run: RunResult) -> String {
        guard !run.resolvedBaselineEntries.isEmpty else { return "" }
        return "\n## \(MarkdownText.inline(Wording.resolvedBaselineHeading)) (\(run.resolvedBaselineEntries.count))\n\n"
            + MarkdownText.inline(Wording.resolvedBaselineNote(strict: run.strictBaseline)) + "\n\n"
            + run.resolvedBaselineEntries.map { "- " + MarkdownText.inline(BaselineKey($0).summary) + "\n" }.joined()
    }

    private func table(_ overview: Inspection.Overview) -> String {
        let alignments = ["---:", "---", "---", "---:"] + overview.areas.map { _ in "---:" } + ["---:", "---:"]
        let rows = overview.rows.enumerated().map { index, row -> [String] in
            [String(index + 1), "[\(MarkdownText.inline(row.title))](#\(Inspection.anchor(String(index + 1))))",
             MarkdownText.inline(row.kind), row.year]
                + overview.areas.map { String(row.countedByArea[$0] ?? 0) }
                + [String(row.counted), row.score]
        }
        return "\n## \(Wording.overview)\n\n"
            + MarkdownText.table(overview.columns.map(MarkdownText.inline), alignments: alignments, rows: rows)
    }

    private func chart(_ title: String, note: String, _ chart: BarChart, columns: [String]) -> String {
        let out = "\n## \(MarkdownText.inline(title))\n\n\(MarkdownText.inline(note))\n\n"
        guard !chart.bars.isEmpty else { return out + MarkdownText.inline(Wording.noFailingChecks) + "\n" }
        let rows = chart.bars.map { bar in
            [MarkdownText.inline(bar.label), MarkdownText.inline(bar.valueText), "`\(MarkdownText.bar(chart.fraction(bar)))`"]
        }
        return out + MarkdownText.table(columns.map(MarkdownText.inline) + [""], alignments: ["---", "---:", "---"], rows: rows)
    }

    /// A unit's section; its anchor and heading number are `PiecePlace` marks.
    func section(_ unit: Inspection.Unit) -> String {
        var out = "\n<a id=\"\(Inspection.Unit.anchor)\"></a>\n\n## \(PiecePlace.numberPrefix)\(MarkdownText.inline(unit.title))\n\n"
        out += unit.facts.map { "- **\(MarkdownText.inline($0.label)):** \(MarkdownText.inline($0.value))\n" }.joined()
        if unit.areas.isEmpty { out += "\n\(MarkdownText.inline(Wording.noFindings))\n" }
        for (area, findings) in unit.areas {
            out += "\n### \(MarkdownText.inline(area.title))\n\n" + findings.map(item).joined()
        }
        if !unit.waivers.isEmpty {
            out += "\n### \(MarkdownText.inline(Wording.waivers))\n\n"
            out += MarkdownText.table(Inspection.waiverColumns, alignments: Inspection.waiverColumns.map { _ in "---" },
                                      rows: unit.waivers.map { $0.map(MarkdownText.inline) })
        }
        return out
    }

    /// A finding as a list item with its location, related places, basis and fix beneath.
    private func item(_ finding: Finding) -> String {
        var out = "- **\(finding.severity.vietnameseName)** \(MarkdownText.code(finding.ruleID)) "
            + "**\(MarkdownText.inline(finding.title))**: \(MarkdownText.inline(finding.message))"
        if let status = Wording.status(of: finding) { out += " _(\(MarkdownText.inline(status)))_" }
        out += "\n"
        return out + Inspection.details(of: finding).map { detail in
            let value = switch detail.value {
            case .code(let parts): parts.map(MarkdownText.code).joined(separator: ", ")
            case .text(let text): MarkdownText.inline(text)
            }
            return "  - \(MarkdownText.inline(detail.label)): \(value)\n"
        }.joined()
    }
}
