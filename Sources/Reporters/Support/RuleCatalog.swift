import RuleEngine

/// The rules of a run, looked up by id: the run's own descriptors first, then one made from the
/// first finding of any rule the run did not describe (so a finding always has a rule entry).
struct RuleCatalog {
    /// Every rule, each id once, in the order SARIF lists them.
    private(set) var rules: [RuleDescriptor] = []
    private var indexByID: [String: Int] = [:]

    init(_ run: RunResult) {
        for rule in run.rules { add(rule) }
        for finding in run.allFindings where indexByID[finding.ruleID] == nil {
            add(RuleDescriptor(id: finding.ruleID, title: finding.title, severity: finding.severity,
                               area: finding.area, basis: finding.basis, fix: finding.fix))
        }
    }

    private mutating func add(_ rule: RuleDescriptor) {
        guard indexByID[rule.id] == nil else { return }
        indexByID[rule.id] = rules.count
        rules.append(rule)
    }

    /// The position of a rule in `rules`.
    func index(of id: String) -> Int? { indexByID[id] }

    /// The rule with this id, if the run knows it.
    func rule(_ id: String) -> RuleDescriptor? { indexByID[id].map { rules[$0] } }
}
