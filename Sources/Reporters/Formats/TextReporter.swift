import RuleEngine
import YAML

/// Compiler-style text for a terminal or a log: for each finding
/// `file:line:col: lỗi[RULE-ID]: message`, the source line with a caret under the column, the
/// legal basis and the fix; then a summary per file and one for the run.
public struct TextReporter: StreamingReporter {
    public let format = "text"
    public let summary = "như trình biên dịch: tệp:dòng:cột, dòng nguồn với dấu ^, căn cứ và cách sửa"
    let quotesSourceLines = true

    public init() {}

    // Findings and summaries are paragraphs, one blank line apart; a report's piece is its
    // findings' paragraphs and its summary line.
    func piece(of report: ReportResult, context: StreamContext, options: ReportOptions) -> [UInt8] {
        let style = ANSIStyle(enabled: options.color)
        var paragraphs = report.findings.map { block(for: $0, in: report, options: options, style: style) }
        if !options.quiet {
            let tally = FindingTally(report.findings).vietnameseSummary
            paragraphs.append(style.bold("\(PlainText.oneLine(fileHeading(report))): \(tally); điểm \(Wording.score(report.score))"))
        }
        return Array(paragraphs.joined(separator: "\n\n").utf8)
    }

    func separator(before index: Int) -> String { index == 0 ? "" : "\n\n" }

    /// Nothing before the reports; after them the run's summary paragraph (with the baseline
    /// entries no longer found, if any), and the final newline.
    func frame(_ run: RunResult, totals: StreamTotals, options: ReportOptions) -> (before: String, after: String) {
        guard !options.quiet else { return ("", totals.pieces == 0 ? "" : "\n") }
        let style = ANSIStyle(enabled: options.color)
        var summary = totals.tally.vietnameseSummary
        if !run.resolvedBaselineEntries.isEmpty { summary += "; \(run.resolvedBaselineEntries.count) \(Wording.resolvedBaselineEntries)" }
        let total = style.bold("Tổng cộng \(totals.reports) báo cáo: \(summary).")
        return ("", (totals.pieces == 0 ? "" : "\n\n") + total + "\n")
    }

    /// "file (tài liệu 2) — UBND xã Tiên Sơn, năm 2022".
    private func fileHeading(_ report: ReportResult) -> String {
        var unit = [report.unitName, report.year.map { "năm \($0)" }].compactMap { $0 }.joined(separator: ", ")
        if !unit.isEmpty { unit = " — " + unit }
        return Wording.source(of: report) + unit
    }

    private func block(for finding: Finding, in report: ReportResult, options: ReportOptions, style: ANSIStyle) -> String {
        let tone = style.tone(finding.severity)
        var head = style.bold(PlainText.oneLine(finding.location.description) + ":") + " "
            + style.paint("\(finding.severity.vietnameseName)[\(finding.ruleID)]:", tone) + " "
            + style.bold(PlainText.oneLine(finding.message))
        if let status = Wording.status(of: finding) { head += " " + style.dim("(\(PlainText.oneLine(status)))") }
        var lines = [head]
        if options.showSource, let source = report.sourceLine(at: finding.location) {
            lines += sourceExcerpt(source, at: finding.location.position, style: style, tone: tone)
        }
        for related in finding.relatedLocations {
            lines.append("  " + style.dim("xem thêm: " + PlainText.oneLine(related.description)))
        }
        if let basis = finding.basis { lines.append("  \(style.bold(Wording.basis + ":")) \(PlainText.oneLine(basis))") }
        if let fix = finding.fix { lines.append("  \(style.bold(Wording.fix + ":")) \(PlainText.oneLine(fix))") }
        return lines.joined(separator: "\n")
    }

    /// The most Unicode scalars of a source line an excerpt shows (a window around the caret).
    static let excerptWidth = 160

    /// The source line under a gutter with its number, and a caret under `position.column`.
    /// Columns count Unicode scalars; the caret is placed by characters (a letter with a
    /// combining mark takes one place) and tabs are kept so it lines up with the line above.
    /// A line longer than `excerptWidth` is cut to a window around the caret, marked with "…".
    private func sourceExcerpt(_ source: String, at position: SourcePosition, style: ANSIStyle, tone: String) -> [String] {
        let number = String(position.line)
        let gutter = String(repeating: " ", count: number.count)
        var line = PlainText.oneLine(source)
        var column = position.column
        let scalars = Array(line.unicodeScalars)
        if scalars.count > Self.excerptWidth {
            var start = max(0, min(column - 1 - Self.excerptWidth / 2, scalars.count - Self.excerptWidth))
            var end = min(scalars.count, start + Self.excerptWidth)
            // Whole letters: a combining mark stays with the letter it belongs to.
            while start > 0, scalars[start].properties.generalCategory.isMark { start -= 1 }
            while end < scalars.count, scalars[end].properties.generalCategory.isMark { end += 1 }
            line = (start > 0 ? "…" : "") + String(String.UnicodeScalarView(scalars[start ..< end])) + (end < scalars.count ? "…" : "")
            column = column - start + (start > 0 ? 1 : 0)
        }
        let before = String(String.UnicodeScalarView(line.unicodeScalars.prefix(max(0, column - 1))))
        let indent = before.map { $0 == "\t" ? "\t" : " " }.joined()
        let padding = String(repeating: " ", count: max(0, column - 1 - before.unicodeScalars.count))
        return [
            style.paint("   \(number) |", "34") + " " + line,
            style.paint("   \(gutter) |", "34") + " " + indent + padding + style.paint("^", tone),
        ]
    }
}

/// ANSI SGR colouring that is the identity when disabled.
private struct ANSIStyle {
    let enabled: Bool

    func paint(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }

    /// Bold red for errors, bold yellow for warnings, bold cyan for information.
    func tone(_ severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;36"
        }
    }
}

private extension Unicode.GeneralCategory {
    /// A combining mark (nonspacing, spacing or enclosing): part of the letter before it.
    var isMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}
