import RuleEngine

/// The inspection report for people, in Markdown: for each unit its facts, score and findings
/// grouped by area with citations, fixes and waivers; for several units first an overview
/// table and text-bar charts of the checks that fail most and of the scores.
public struct MarkdownReporter: Reporter {
    public let format = "markdown"
    public let summary = "biên bản kiểm tra dạng Markdown: tổng quan, biểu đồ, từng đơn vị"

    public init() {}

    public func render(_ run: RunResult, options: ReportOptions) -> String {
        let inspection = Inspection(run)
        var out = "# \(MarkdownText.inline(Wording.reportTitle))\n\n"
        out += MarkdownText.inline(Wording.byline(toolVersion: inspection.toolVersion, reports: inspection.units.count,
                                                  tally: inspection.tally,
                                                  generatedAt: options.generatedAt.map(Timestamp.iso8601))) + "\n"
        if inspection.isOverview {
            out += overview(inspection)
            out += chart(Wording.failingChecks, note: Wording.failingChecksNote, inspection.failingChecks,
                         columns: ["Kiểm tra", "Đơn vị không đạt"])
            out += chart(Wording.scoresByUnit, note: Wording.scoresNote, inspection.scores, columns: ["Đơn vị", "Điểm"])
        }
        if inspection.units.isEmpty { out += "\n\(MarkdownText.inline(Wording.noReports))\n" }
        for unit in inspection.units {
            out += section(unit, numbered: inspection.isOverview)
        }
        return out
    }

    private func overview(_ inspection: Inspection) -> String {
        let alignments = ["---:", "---", "---", "---:"] + inspection.areas.map { _ in "---:" } + ["---:", "---:"]
        let rows = inspection.units.map { unit -> [String] in
            [String(unit.number), "[\(MarkdownText.inline(unit.title))](#\(unit.anchor))", MarkdownText.inline(unit.kind), unit.year]
                + inspection.areas.map { String(unit.countedByArea[$0] ?? 0) }
                + [String(unit.tally.counted), unit.score]
        }
        return "\n## \(Wording.overview)\n\n"
            + MarkdownText.table(inspection.overviewColumns.map(MarkdownText.inline), alignments: alignments, rows: rows)
    }

    private func chart(_ title: String, note: String, _ chart: BarChart, columns: [String]) -> String {
        let out = "\n## \(MarkdownText.inline(title))\n\n\(MarkdownText.inline(note))\n\n"
        guard !chart.bars.isEmpty else { return out + MarkdownText.inline(Wording.noFailingChecks) + "\n" }
        let rows = chart.bars.map { bar in
            [MarkdownText.inline(bar.label), MarkdownText.inline(bar.valueText), "`\(MarkdownText.bar(chart.fraction(bar)))`"]
        }
        return out + MarkdownText.table(columns.map(MarkdownText.inline) + [""], alignments: ["---", "---:", "---"], rows: rows)
    }

    private func section(_ unit: Inspection.Unit, numbered: Bool) -> String {
        let heading = (numbered ? "\(unit.number). " : "") + unit.title
        var out = "\n<a id=\"\(unit.anchor)\"></a>\n\n## \(MarkdownText.inline(heading))\n\n"
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
