import RuleEngine
import YAML

/// SARIF 2.1.0 for code-scanning tools: one run, the rules in `tool.driver.rules`, one result
/// per finding with its file (a percent-encoded URI reference), line and column, the report
/// path as a logical location, and waivers as suppressions.
public struct SARIFReporter: StreamingReporter {
    public let format = "sarif"
    public let summary = "SARIF 2.1.0 cho công cụ quét mã (GitHub code scanning, trình soạn thảo)"
    let quotesSourceLines = false

    public init() {}

    /// The report's results, as they stand in the run's `results` array (four levels in).
    func piece(of report: ReportResult, context: StreamContext, options: ReportOptions) -> [UInt8] {
        var out: [UInt8] = []
        for (index, finding) in report.findings.enumerated() {
            if index > 0 { out += Self.resultSeparator.utf8 }
            writeResult(finding, context: context, to: &out)
        }
        return out
    }

    private static let resultSeparator = ",\n        "

    func separator(before index: Int) -> String { index == 0 ? "\n        " : Self.resultSeparator }

    /// The counts, with the rules only findings name (listed after the described ones).
    func totals(of reports: [ReportResult], context: StreamContext) -> StreamTotals {
        var totals = StreamTotals(counting: reports)
        totals.gatherUndescribedRules(of: reports, context: context)
        return totals
    }

    /// The log around the results: the tool with every rule (those the run describes, then
    /// those only its findings name), the invocation when dated, the column kind.
    func frame(_ run: RunResult, totals: StreamTotals, options: ReportOptions) -> (before: String, after: String) {
        let marker = "\u{1}results\u{1}"
        let catalog = totals.rules(of: run)
        var sarifRun: [(String, JSONValue)] = [
            ("tool", .object([("driver", .object([
                ("name", .string("cchc")),
                ("version", .string(run.toolVersion)),
                ("rules", .array(catalog.rules.map(rule))),
            ]))])),
        ]
        if let date = options.generatedAt {
            sarifRun.append(("invocations", .array([.object([
                ("executionSuccessful", .bool(true)),
                ("endTimeUtc", .string(Timestamp.iso8601(date))),
            ])])))
        }
        sarifRun += [
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .raw(marker)),
        ]
        let text = JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(sarifRun)])),
        ]).serialized
        let range = text.range(of: marker)!
        var absent: [UInt8] = []
        for (index, key) in run.resolvedBaselineEntries.map(BaselineKey.init).enumerated() {
            absent += (totals.pieces + index == 0 ? "\n        " : Self.resultSeparator).utf8
            writeAbsentResult(key, catalog: catalog, to: &absent)
        }
        let close = totals.pieces == 0 && absent.isEmpty ? "]" : "\n      ]"
        return (String(text[..<range.lowerBound]) + "[", String(decoding: absent, as: UTF8.self) + close + String(text[range.upperBound...]))
    }

    /// A baseline entry that no finding of the run matched: a result with `baselineState`
    /// `absent` (SARIF's "in the baseline, not in this run"), so that a code-scanning view
    /// shows it fixed and a failed `--baseline-strict` run says why in its log too. It has no
    /// location: a baseline keeps the unit, year and path, not the line.
    private func writeAbsentResult(_ key: BaselineKey, catalog: RuleCatalog, to out: inout [UInt8]) {
        var w = JSONTextWriter(level: 4, capacity: 512)
        let (open, close) = (UInt8(ascii: "{"), UInt8(ascii: "}"))
        let described = catalog.rule(key.ruleID)
        w.begin(open)
        w.member("ruleId", key.ruleID)
        if let index = catalog.index(of: key.ruleID) { w.member("ruleIndex", index) }
        w.member("level", Self.level(described?.severity ?? .warning))
        w.key("message")
        w.begin(open)
        w.member("text", "không còn xuất hiện (đã có trong baseline): " + [key.reportName, key.path].filter { !$0.isEmpty }.joined(separator: " · "))
        w.end(close)
        w.member("baselineState", "absent")
        w.end(close)
        out += w.bytes
    }

    private func rule(_ rule: RuleDescriptor) -> JSONValue {
        let help = [rule.help].compactMap { $0 } + Wording.citation(basis: rule.basis, fix: rule.fix).map { "\($0): \($1)" }
        var members: [(String, JSONValue)] = [
            ("id", .string(rule.id)),
            ("name", .string(Self.identifierName(rule.id))),
            ("shortDescription", .object([("text", .string(rule.title))])),
            ("fullDescription", .object([("text", .string(rule.help ?? rule.title))])),
        ]
        if !help.isEmpty { members.append(("help", .object([("text", .string(help.joined(separator: "\n")))]))) }
        members += [
            ("defaultConfiguration", .object([("level", .string(Self.level(rule.severity)))])),
            ("properties", .object(properties([
                ("area", rule.area), ("basis", rule.basis), ("fix", rule.fix),
            ]) + [("points", .number(rule.points)), ("tags", .array([.string(rule.area)]))])),
        ]
        return .object(members)
    }

    /// A finding's result, written where results stand (four levels in). `ruleIndex` points
    /// into the rules the run describes; a rule named only by findings is listed after them
    /// and found by `ruleId` alone. Written straight into bytes (`JSONTextWriter`): a tree of
    /// `JSONValue`s per result was most of the time a large log took.
    private func writeResult(_ finding: Finding, context: StreamContext, to out: inout [UInt8]) {
        var w = JSONTextWriter(level: 4, capacity: 1536)
        let (open, close, openList, closeList) = (UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"))
        w.begin(open)
        w.member("ruleId", finding.ruleID)
        if let index = context.rules.index(of: finding.ruleID) { w.member("ruleIndex", index) }
        w.member("level", Self.level(finding.severity))
        w.key("message")
        w.begin(open)
        w.member("text", finding.message)
        w.end(close)
        w.key("locations")
        w.begin(openList)
        Self.writeLocation(finding.location, logicalPath: finding.path, id: nil, to: &w)
        w.end(closeList)
        if !finding.relatedLocations.isEmpty {
            w.key("relatedLocations")
            w.begin(openList)
            for (index, related) in finding.relatedLocations.enumerated() {
                Self.writeLocation(related, logicalPath: "", id: index, to: &w)
            }
            w.end(closeList)
        }
        if let waiver = finding.waiver {
            w.key("suppressions")
            w.begin(openList)
            w.begin(open)
            // A waiver in the report is in the source; one in the config file is external.
            w.member("kind", waiver.origin == .report ? "inSource" : "external")
            w.member("justification", waiver.reason)
            if let written = waiver.location {
                w.key("location")
                Self.writeLocation(written, logicalPath: "", id: nil, to: &w)
            }
            w.end(close)
            w.end(closeList)
        }
        if context.comparedWithBaseline { w.member("baselineState", finding.isNew ? "new" : "unchanged") }
        w.key("properties")
        w.begin(open)
        w.member("area", finding.area)
        if let basis = finding.basis { w.member("basis", basis) }
        if let fix = finding.fix { w.member("fix", fix) }
        w.end(close)
        w.end(close)
        out += w.bytes
    }

    /// A SARIF location object (with its `id` first when given): the file as a URI reference
    /// with line and column, and, when there is one, the report path as a logical location.
    private static func writeLocation(_ location: SourceLocation, logicalPath: String, id: Int?, to w: inout JSONTextWriter) {
        let (open, close, openList, closeList) = (UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"))
        let (uri, isRelative) = URIReference.forPath(location.file)
        w.begin(open)
        if let id { w.member("id", id) }
        w.key("physicalLocation")
        w.begin(open)
        w.key("artifactLocation")
        w.begin(open)
        w.member("uri", uri)
        if isRelative { w.member("uriBaseId", "%SRCROOT%") }
        w.end(close)
        if location.line >= 1 {
            w.key("region")
            w.begin(open)
            w.member("startLine", location.line)
            if location.column >= 1 { w.member("startColumn", location.column) }
            w.end(close)
        }
        w.end(close)
        if !logicalPath.isEmpty {
            w.key("logicalLocations")
            w.begin(openList)
            w.begin(open)
            w.member("fullyQualifiedName", logicalPath)
            w.end(close)
            w.end(closeList)
        }
        w.end(close)
    }

    /// The present string properties, in order.
    private func properties(_ pairs: [(String, String?)]) -> [(String, JSONValue)] {
        pairs.compactMap { key, value in value.map { (key, .string($0)) } }
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A rule id as the identifier SARIF's `name` wants: `ND30-MARGINS` → `Nd30Margins`.
    private static func identifierName(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }
            .joined()
    }
}
