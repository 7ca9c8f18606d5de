import YAML

/// What one rule did for one report: the basis of JUnit test cases and scores.
public struct RuleOutcome: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// Applied to at least one target and found nothing.
        case passed
        /// Produced at least one finding (waived ones included).
        case failed
        /// Did not apply (out of its effective window, precondition false, no targets).
        case notApplicable
    }
    public var ruleID: String
    public var status: Status
    /// The rule's weight in the score (1 when the rule gives none).
    public var points: Double
    /// Findings it produced for this report.
    public var findingCount: Int

    public init(ruleID: String, status: Status, points: Double, findingCount: Int) {
        self.ruleID = ruleID
        self.status = status
        self.points = points
        self.findingCount = findingCount
    }
}

/// A report's score: points of passed checks over points of applicable checks, × 100.
public struct Score: Sendable, Hashable {
    public var earned: Double
    public var possible: Double

    public init(earned: Double, possible: Double) {
        self.earned = earned
        self.possible = possible
    }

    /// 0–100, or nil when no check applied.
    public var percent: Double? { possible > 0 ? earned / possible * 100 : nil }
}

/// Everything the run learned about one input (one report file, or one document of a stream).
public struct ReportResult: Sendable {
    /// The file as the user named it (`<stdin>` for standard input).
    public var file: String
    /// 1-based index of the document in a multi-document stream; nil for a single document.
    public var documentIndex: Int?
    /// `unit.name`, `unit.kind`, `period.year` when readable.
    public var unitName: String?
    public var unitKind: String?
    public var year: Int?
    /// All findings, in file order (waived and baselined ones included).
    public var findings: [Finding]
    /// One outcome per rule that was considered.
    public var outcomes: [RuleOutcome]
    public var score: Score
    /// The text of the report's lines that findings point at (line number → line), for carets.
    public var sourceLines: [Int: String]
    /// The text of lines of other files that findings point at (a config's waivers): file →
    /// line number → line. A finding in a file with no line here has no excerpt.
    public var otherFilesSourceLines: [String: [Int: String]] = [:]
    /// Seconds spent checking this input, when measured (JUnit `time`); nil when not measured.
    public var duration: Double? = nil
    /// Whether this stands for an input of the run (a report, a document of a stream, a file
    /// that could not be read); false for the result that carries broken rules' RULE-ERROR
    /// findings (`cchc check --skip-broken-rules`), which no count of reports or units includes.
    public var isInput = true

    public init(file: String, documentIndex: Int? = nil, unitName: String? = nil, unitKind: String? = nil,
                year: Int? = nil, findings: [Finding] = [], outcomes: [RuleOutcome] = [],
                score: Score = Score(earned: 0, possible: 0), sourceLines: [Int: String] = [:]) {
        self.file = file
        self.documentIndex = documentIndex
        self.unitName = unitName
        self.unitKind = unitKind
        self.year = year
        self.findings = findings
        self.outcomes = outcomes
        self.score = score
        self.sourceLines = sourceLines
    }

    /// The text of the line `location` points at, from its own file; nil when it is not known.
    public func sourceLine(at location: SourceLocation) -> String? {
        location.file == file ? sourceLines[location.line] : otherFilesSourceLines[location.file]?[location.line]
    }

    /// A stable identity for baselines: unit name and year (file name when unknown).
    public var identity: String {
        if let unitName, let year { return "\(unitName)|\(year)" }
        return file
    }
}

/// What a reporter needs to describe a rule (SARIF `tool.driver.rules`, catalogues).
public struct RuleDescriptor: Sendable, Hashable {
    public var id: String
    public var title: String
    public var severity: Severity
    public var area: String
    /// The citation in force for the run's most recent period, or the rule's only citation.
    public var basis: String?
    public var fix: String?
    /// A plain-language description of what the rule checks.
    public var help: String?
    public var points: Double

    public init(id: String, title: String, severity: Severity, area: String, basis: String? = nil,
                fix: String? = nil, help: String? = nil, points: Double = 1) {
        self.id = id
        self.title = title
        self.severity = severity
        self.area = area
        self.basis = basis
        self.fix = fix
        self.help = help
        self.points = points
    }
}

/// The result of one `cchc check` run, handed to every reporter.
public struct RunResult: Sendable {
    public var toolVersion: String
    public var reports: [ReportResult]
    /// Every rule (and built-in check) that was in play, for rule tables.
    public var rules: [RuleDescriptor]
    /// Baselined findings that no longer occur (for `--baseline-strict`).
    public var resolvedBaselineEntries: [String]
    /// Whether the findings were compared with a baseline (SARIF then states every result's
    /// `baselineState`, "new" included).
    public var comparedWithBaseline: Bool
    /// Whether baseline entries that no longer occur fail the run (`--baseline-strict`): JUnit
    /// then shows them as failed cases, else as skipped ones.
    public var strictBaseline: Bool

    /// A run; `comparedWithBaseline` defaults to whether anything shows a comparison (a
    /// resolved entry, a baselined finding).
    public init(toolVersion: String, reports: [ReportResult], rules: [RuleDescriptor], resolvedBaselineEntries: [String] = [],
                comparedWithBaseline: Bool? = nil, strictBaseline: Bool = false) {
        self.toolVersion = toolVersion
        self.reports = reports
        self.rules = rules
        self.resolvedBaselineEntries = resolvedBaselineEntries
        self.strictBaseline = strictBaseline
        self.comparedWithBaseline = comparedWithBaseline
            ?? (!resolvedBaselineEntries.isEmpty || reports.contains { $0.findings.contains { !$0.isNew } })
    }

    /// All findings of all reports.
    public var allFindings: [Finding] { reports.flatMap(\.findings) }
}
