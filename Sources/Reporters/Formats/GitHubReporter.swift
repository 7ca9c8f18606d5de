import RuleEngine

/// GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=…::message`
/// annotation per finding (`warning` and `notice` for the lower severities). Waived and
/// baselined findings, which do not fail the run, are notices that say why.
public struct GitHubReporter: StreamingReporter {
    public let format = "github"
    public let summary = "chú thích (annotation) cho GitHub Actions"
    let quotesSourceLines = false

    public init() {}

    /// One line per finding of the report; nothing around them.
    func piece(of report: ReportResult, context: StreamContext, options: ReportOptions) -> [UInt8] {
        Array(report.findings.map(annotation).joined().utf8)
    }

    func separator(before index: Int) -> String { "" }

    func frame(_ run: RunResult, totals: StreamTotals, options: ReportOptions) -> (before: String, after: String) { ("", "") }

    private func annotation(_ finding: Finding) -> String {
        let properties = [
            ("file", finding.location.file),
            ("line", String(finding.location.line)),
            ("col", String(finding.location.column)),
            ("title", "\(finding.ruleID) \(finding.title)"),
        ].map { "\($0)=\(Self.escapeProperty($1))" }.joined(separator: ",")
        var message = finding.message
        if let status = Wording.status(of: finding) { message += " (\(status))" }
        message += Wording.citation(basis: finding.basis, fix: finding.fix).map { "\n\($0): \($1)" }.joined()
        return "::\(command(for: finding)) \(properties)::\(Self.escapeData(message))\n"
    }

    private func command(for finding: Finding) -> String {
        guard finding.counts else { return "notice" }
        switch finding.severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }

    private static let dataEscapes = ASCIIReplacements(["%": "%25", "\r": "%0D", "\n": "%0A"])
    private static let propertyEscapes = ASCIIReplacements(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])

    /// GitHub's escaping of a command's message: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        text.replacingEvery(dataEscapes)
    }

    /// GitHub's escaping of a property value: as a message, plus `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        text.replacingEvery(propertyEscapes)
    }
}
