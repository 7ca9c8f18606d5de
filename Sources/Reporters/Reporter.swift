import Foundation
import RuleEngine

/// One output format: turns the result of a run into the text of that format.
///
/// A reporter holds no rule logic and no state; it only presents `RunResult`. Every format is
/// one type conforming to this protocol, listed once in `ReporterRegistry`.
public protocol Reporter: Sendable {
    /// The name users pass to `--format` (`text`, `sarif`, …).
    var format: String { get }
    /// One line for `--help`: what the format is for.
    var summary: String { get }
    /// The complete output for `run`, ending with a newline.
    func render(_ run: RunResult, options: ReportOptions) -> String
}

/// How a reporter should present a run. The defaults give reproducible output: no colour, no
/// timestamp.
public struct ReportOptions: Sendable, Hashable {
    /// ANSI colour in `text` output (the CLI turns it on only for a terminal).
    public var color: Bool
    /// `text`: print only the findings, without per-file and run summaries.
    public var quiet: Bool
    /// `text`: print the source line with a caret under each finding.
    public var showSource: Bool
    /// When the report was made, shown where a format has a place for it (SARIF invocation,
    /// JUnit suites, the HTML and Markdown headers). Nil leaves it out, and JUnit's checking
    /// times with it, so that output is the same from run to run.
    public var generatedAt: Date?

    public init(color: Bool = false, quiet: Bool = false, showSource: Bool = true, generatedAt: Date? = nil) {
        self.color = color
        self.quiet = quiet
        self.showSource = showSource
        self.generatedAt = generatedAt
    }
}
