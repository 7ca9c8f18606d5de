import RuleEngine

/// Loads the report model (the JSON Schema of the self-report format) from the shipped rules.
enum ReportModelLoader {
    static func load(rulesDirectory: String?, errors: inout [RuleError]) -> (any ReportModel)? {
        nil
    }
}

/// Registers the Vietnamese domain functions.
enum DomainFunctions {
    static func register(into registry: inout FunctionRegistry, packs: [RulePack], errors: inout [RuleError]) {}
}
