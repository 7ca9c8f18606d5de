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
            out += result(finding, context: context).serialized(level: 4).utf8
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
        var sarifRun: [(String, JSONValue)] = [
            ("tool", .object([("driver", .object([
                ("name", .string("cchc")),
                ("version", .string(run.toolVersion)),
                ("rules", .array(RuleCatalog(described: run.rules + totals.undescribedRules).rules.map(rule))),
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
        let close = totals.pieces == 0 ? "]" : "\n      ]"
        return (String(text[..<range.lowerBound]) + "[", close + String(text[range.upperBound...]))
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

    /// A finding's result. `ruleIndex` points into the rules the run describes; a rule named
    /// only by findings is listed after them and found by `ruleId` alone.
    private func result(_ finding: Finding, context: StreamContext) -> JSONValue {
        var members: [(String, JSONValue)] = [("ruleId", .string(finding.ruleID))]
        if let index = context.rules.index(of: finding.ruleID) { members.append(("ruleIndex", JSONValue(index))) }
        members += [
            ("level", .string(Self.level(finding.severity))),
            ("message", .object([("text", .string(finding.message))])),
            ("locations", .array([.object(location(finding.location, logicalPath: finding.path))])),
        ]
        if !finding.relatedLocations.isEmpty {
            members.append(("relatedLocations", .array(finding.relatedLocations.enumerated().map { index, related in
                .object([("id", JSONValue(index))] + location(related, logicalPath: ""))
            })))
        }
        if let waiver = finding.waiver {
            var suppression: [(String, JSONValue)] = [
                // A waiver in the report is in the source; one in the config file is external.
                ("kind", .string(waiver.origin == .report ? "inSource" : "external")),
                ("justification", .string(waiver.reason)),
            ]
            if let written = waiver.location { suppression.append(("location", .object(location(written, logicalPath: "")))) }
            members.append(("suppressions", .array([.object(suppression)])))
        }
        if context.comparedWithBaseline { members.append(("baselineState", .string(finding.isNew ? "new" : "unchanged"))) }
        members.append(("properties", .object(properties([
            ("area", finding.area), ("basis", finding.basis), ("fix", finding.fix),
        ]))))
        return .object(members)
    }

    /// The members of a SARIF location: the file as a URI reference with line and column, and,
    /// when the finding has one, the report path as a logical location.
    private func location(_ location: SourceLocation, logicalPath: String) -> [(String, JSONValue)] {
        let (uri, isRelative) = URIReference.forPath(location.file)
        var artifact: [(String, JSONValue)] = [("uri", .string(uri))]
        if isRelative { artifact.append(("uriBaseId", .string("%SRCROOT%"))) }
        var physical: [(String, JSONValue)] = [("artifactLocation", .object(artifact))]
        if location.line >= 1 {
            var region: [(String, JSONValue)] = [("startLine", JSONValue(location.line))]
            if location.column >= 1 { region.append(("startColumn", JSONValue(location.column))) }
            physical.append(("region", .object(region)))
        }
        var members: [(String, JSONValue)] = [("physicalLocation", .object(physical))]
        if !logicalPath.isEmpty {
            members.append(("logicalLocations", .array([.object([("fullyQualifiedName", .string(logicalPath))])])))
        }
        return members
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
