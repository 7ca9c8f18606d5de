import Foundation
import RuleEngine

/// The inspection report for people as one self-contained HTML file: the same content as the
/// Markdown report, with the charts as inline SVG. No script, no external file or font; it
/// reads on a phone (viewport, scrolling tables) and prints on A4 with each unit on a new page.
public struct HTMLReporter: InspectionReporter {
    public let format = "html"
    public let summary = "biên bản kiểm tra dạng HTML một tệp, in được trên khổ A4"
    public init() {}

    /// The page's head, title and byline, and for several units the overview and the charts,
    /// before the sections; the end of the page after them.
    func frame(_ run: RunResult, totals: StreamTotals, options: ReportOptions) -> (before: String, after: String) {
        let byline = Wording.byline(toolVersion: run.toolVersion, reports: totals.reports, tally: totals.tally,
                                    generatedAt: options.generatedAt.map(Timestamp.iso8601))
        var out = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Markup.text(Wording.reportTitle))</title>
        <style>\(Self.styleSheet)</style>
        </head>
        <body>
        <header class="page">
        <h1>\(Markup.text(Wording.reportTitle))</h1>
        <p class="byline">\(Markup.text(byline))</p>
        </header>
        <main>

        """
        if totals.reports > 1 {
            let overview = totals.overview(run)
            out += table(overview)
            out += chart(Wording.failingChecks, note: overview.failingChecksNote, overview.failingChecks)
            out += chart(Wording.scoresByUnit, note: Wording.scoresNote, overview.scores)
        }
        if totals.reports == 0 { out += "<p>\(Markup.text(Wording.noReports))</p>\n" }
        return (out, resolvedBaseline(run) + "</main>\n</body>\n</html>\n")
    }

    /// The baseline's entries that no finding matched, after the units.
    private func resolvedBaseline(_ run: RunResult) -> String {
        guard !run.resolvedBaselineEntries.isEmpty else { return "" }
        return "<section class=\"baseline\">\n<h2>\(Markup.text(Wording.resolvedBaselineHeading)) (\(run.resolvedBaselineEntries.count))</h2>\n"
            + "<p>\(Markup.text(Wording.resolvedBaselineNote(strict: run.strictBaseline)))</p>\n<ul>\n"
            + run.resolvedBaselineEntries.map { "<li>\(Markup.text(BaselineKey($0).summary))</li>\n" }.joined()
            + "</ul>\n</section>\n"
    }

    private func table(_ overview: Inspection.Overview) -> String {
        var out = "<section class=\"overview\">\n<h2>\(Markup.text(Wording.overview))</h2>\n<div class=\"table-wrap\">\n<table>\n<thead><tr>"
        // Every column but the unit's name and kind holds a number.
        out += overview.columns.enumerated().map { index, title in
            "<th\(index == 1 || index == 2 ? "" : " class=\"num\"")>\(Markup.text(title))</th>"
        }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for (index, row) in overview.rows.enumerated() {
            out += "<tr><td class=\"num\">\(index + 1)</td>"
            out += "<td><a href=\"#\(Inspection.anchor(String(index + 1)))\">\(Markup.text(row.title))</a></td>"
            out += "<td>\(Markup.text(row.kind))</td><td class=\"num\">\(row.year)</td>"
            for area in overview.areas {
                let count = row.countedByArea[area] ?? 0
                out += "<td class=\"num\(count > 0 ? " found" : "")\">\(count)</td>"
            }
            out += "<td class=\"num\">\(row.counted)</td>"
            out += "<td class=\"num score \(BarChart.Tone(score: row.percent).rawValue)\">\(row.score)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    private func chart(_ title: String, note: String, _ chart: BarChart) -> String {
        var out = "<section class=\"chart\">\n<h2>\(Markup.text(title))</h2>\n<p class=\"note\">\(Markup.text(note))</p>\n"
        guard !chart.bars.isEmpty else { return out + "<p>\(Markup.text(Wording.noFailingChecks))</p>\n</section>\n" }
        // Each bar is two lines: its label across the whole width, then the bar, with its value
        // after it in a column as wide as the widest value.
        let width = 420.0, rowHeight = 40.0
        let valueColumn = chart.bars.map { Self.estimatedWidth($0.valueText, fontSize: 12) }.max()! + 8
        let track = width - valueColumn
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(rowHeight) * chart.bars.count)\""
        out += " role=\"img\" aria-label=\"\(Markup.attribute(title))\">\n"
        for (index, bar) in chart.bars.enumerated() {
            let top = Double(index) * rowHeight
            out += "<g><title>\(Markup.text("\(bar.label): \(bar.valueText)"))</title>"
            out += "<text x=\"0\" y=\(Self.number(top + 14)) class=\"label\">\(Markup.text(Self.fitting(bar.label, in: width, fontSize: 13)))</text>"
            out += "<rect x=\"0\" y=\(Self.number(top + 20)) width=\(Self.number(track)) height=\"10\" rx=\"3\" class=\"track\"/>"
            out += "<rect x=\"0\" y=\(Self.number(top + 20)) width=\(Self.number(track * chart.fraction(bar))) height=\"10\" rx=\"3\" class=\"bar \(bar.tone.rawValue)\"/>"
            out += "<text x=\(Self.number(track + 8)) y=\(Self.number(top + 29.5)) class=\"value\">\(Markup.text(bar.valueText))</text></g>\n"
        }
        return out + "</svg>\n</section>\n"
    }

    /// A unit's section; its anchor and heading number are `PiecePlace` marks.
    func section(_ unit: Inspection.Unit) -> String {
        var out = "<section class=\"unit\" id=\"\(Inspection.Unit.anchor)\">\n"
        out += "<h2>\(PiecePlace.numberPrefix)\(Markup.text(unit.title))</h2>\n<dl class=\"facts\">\n"
        out += unit.facts.map { "<dt>\(Markup.text($0.label))</dt><dd>\(Markup.text($0.value))</dd>\n" }.joined()
        out += "</dl>\n"
        if unit.areas.isEmpty { out += "<p>\(Markup.text(Wording.noFindings))</p>\n" }
        for (area, findings) in unit.areas {
            out += "<h3>\(Markup.text(area.title))</h3>\n<ol class=\"findings\">\n" + findings.map(item).joined() + "</ol>\n"
        }
        if !unit.waivers.isEmpty {
            out += "<h3>\(Markup.text(Wording.waivers))</h3>\n<div class=\"table-wrap\">\n<table>\n<thead><tr>"
            out += Inspection.waiverColumns.map { "<th>\(Markup.text($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in unit.waivers {
                // The rule and the place are code; the rule id never breaks.
                out += "<tr><td><code class=\"rule\">\(Markup.text(row[0]))</code></td><td><code>\(Markup.text(row[1]))</code></td>"
                out += row.dropFirst(2).map { "<td>\(Markup.text($0))</td>" }.joined() + "</tr>\n"
            }
            out += "</tbody>\n</table>\n</div>\n"
        }
        return out + "</section>\n"
    }

    /// A finding as a list item: severity, rule and title; the message; why it does not count;
    /// location, related places, basis and fix.
    private func item(_ finding: Finding) -> String {
        let severity = finding.severity.rawValue
        var out = "<li class=\"finding \(severity)\(finding.counts ? "" : " muted")\">\n"
        out += "<p class=\"head\"><span class=\"badge \(severity)\">\(Markup.text(finding.severity.vietnameseName))</span> "
        out += "<code>\(Markup.text(finding.ruleID))</code> <strong>\(Markup.text(finding.title))</strong></p>\n"
        out += "<p class=\"message\">\(Markup.text(finding.message))</p>\n"
        if let status = Wording.status(of: finding) { out += "<p class=\"status\">\(Markup.text(status))</p>\n" }
        out += "<dl class=\"details\">" + Inspection.details(of: finding).map { detail in
            let value = switch detail.value {
            case .code(let parts): parts.map { "<code>\(Markup.text($0))</code>" }.joined(separator: " · ")
            case .text(let text): Markup.text(text)
            }
            return "<dt>\(Markup.text(detail.label))</dt><dd>\(value)</dd>"
        }.joined() + "</dl>\n"
        return out + "</li>\n"
    }

    /// About how wide `text` is in a sans-serif font of `fontSize` units, for laying out SVG
    /// labels without measuring them: capitals and digits are wider than small letters.
    private static func estimatedWidth(_ text: some StringProtocol, fontSize: Double) -> Double {
        text.reduce(0) { width, character in
            width + fontSize * (character == " " ? 0.3 : character.isUppercase || character.isNumber ? 0.68 : 0.55)
        }
    }

    /// `text`, cut and ended with "…" if it is estimated wider than `room`.
    private static func fitting(_ text: String, in room: Double, fontSize: Double) -> String {
        guard estimatedWidth(text, fontSize: fontSize) > room else { return text }
        var cut = Substring(text)
        while !cut.isEmpty, estimatedWidth(cut, fontSize: fontSize) + fontSize * 0.6 > room { cut = cut.dropLast() }
        return cut + "…"
    }

    /// An SVG coordinate, quoted, with at most one decimal.
    private static func number(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return "\"" + (text.hasSuffix(".0") ? String(text.dropLast(2)) : text) + "\""
    }

    private static let styleSheet = """

    :root { --error: #b3261e; --warning: #a15c00; --info: #1f5fae; --good: #2e7d32; --fair: #c68a00; --poor: #b3261e;
      --line: #d0d5dd; --muted: #5b6270; --soft: #f5f6f8; }
    * { box-sizing: border-box; }
    body { margin: 0; color: #1b1e24; background: #fff; line-height: 1.5;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
    header.page, main { max-width: 62rem; margin: 0 auto; padding: 0 1rem; }
    header.page { padding-top: 1rem; border-bottom: 2px solid var(--line); }
    h1 { font-size: 1.5rem; margin: .5rem 0; }
    h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; }
    h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
    .byline, .note { color: var(--muted); font-size: .9rem; margin: .25rem 0 .75rem; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .88em;
      overflow-wrap: break-word; }
    .details code { overflow-wrap: anywhere; }
    code.rule { white-space: nowrap; }
    a { color: var(--info); }
    .table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
    table { border-collapse: collapse; width: 100%; font-size: .9rem; }
    th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
    th { background: var(--soft); }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    td.num { white-space: nowrap; }
    td.found { font-weight: 600; color: var(--error); }
    td.score { font-weight: 600; }
    td.good { color: var(--good); } td.fair { color: var(--fair); } td.poor { color: var(--poor); }
    .chart svg { display: block; width: 100%; max-width: 34rem; height: auto; }
    .chart text { font-size: 13px; fill: #1b1e24; }
    .chart text.value { font-size: 12px; fill: var(--muted); }
    .chart .track { fill: #e8eaee; }
    .bar.error, .bar.poor { fill: var(--error); } .bar.warning { fill: #e08a00; } .bar.info { fill: var(--info); }
    .bar.good { fill: var(--good); } .bar.fair { fill: #e0a800; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 1rem; }
    .facts dt { color: var(--muted); }
    .facts dd { margin: 0; overflow-wrap: anywhere; }
    .findings { list-style: none; padding: 0; margin: 0; }
    .finding { border-left: 4px solid var(--info); background: var(--soft); padding: .4rem .75rem; margin: .5rem 0;
      break-inside: avoid; }
    .finding.error { border-color: var(--error); } .finding.warning { border-color: var(--warning); }
    .finding.muted { opacity: .75; border-left-style: dashed; }
    .finding p { margin: .15rem 0; }
    .badge { display: inline-block; padding: 0 .45rem; border-radius: .25rem; color: #fff; font-size: .8rem;
      background: var(--info); }
    .badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
    .status { font-style: italic; color: var(--muted); }
    .details { display: grid; grid-template-columns: max-content 1fr; gap: 0 .75rem; margin: .25rem 0 0; font-size: .9rem; }
    .details dt { color: var(--muted); }
    .details dd { margin: 0; overflow-wrap: anywhere; }
    @media (max-width: 40rem) {
      .facts, .details { grid-template-columns: 1fr; }
      .facts dd, .details dd { margin-bottom: .25rem; }
    }
    @page { size: A4; margin: 15mm; }
    @media print {
      body { font-size: 10.5pt; }
      header.page, main { max-width: none; padding: 0; }
      .overview ~ .unit { break-before: page; }
      h2, h3 { break-after: avoid; }
      tr, .finding, .chart { break-inside: avoid; }
      .table-wrap { overflow: visible; }
      a { color: inherit; text-decoration: none; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }

    """
}
