import RuleEngine

/// Rules looked up by id: those a run describes (`RunResult.rules`), and, where a document lists
/// every rule, one made from the first finding of any rule the run did not describe
/// (`StreamTotals.rules(of:)`), so that every finding has a rule entry.
struct RuleCatalog: Sendable {
    /// Every rule, each id once, in the order SARIF lists them.
    private(set) var rules: [RuleDescriptor] = []
    private var indexByID: [String: Int] = [:]

    /// The rules a run describes.
    init(described rules: [RuleDescriptor]) {
        for rule in rules { add(rule) }
    }

    private mutating func add(_ rule: RuleDescriptor) {
        guard indexByID[rule.id] == nil else { return }
        indexByID[rule.id] = rules.count
        rules.append(rule)
    }

    /// The position of a rule in `rules`.
    func index(of id: String) -> Int? { indexByID[id] }

    /// The rule with this id, if the catalog knows it.
    func rule(_ id: String) -> RuleDescriptor? { indexByID[id].map { rules[$0] } }
}

extension RuleDescriptor {
    /// A rule described from one of its findings (for a rule the run does not describe).
    init(finding: Finding) {
        self.init(id: finding.ruleID, title: finding.title, severity: finding.severity,
                  area: finding.area, basis: finding.basis, fix: finding.fix)
    }
}

extension ReportResult {
    /// The rules a report was checked against or has findings of, each once: its outcomes'
    /// rules, then those of findings without an outcome (one JUnit test case each).
    var checkedRuleIDs: [String] { (outcomes.map(\.ruleID) + findings.map(\.ruleID)).uniqued() }

    /// The rules with findings that count (neither waived nor baselined).
    var failingRuleIDs: Set<String> { Set(findings.lazy.filter(\.counts).map(\.ruleID)) }
}
