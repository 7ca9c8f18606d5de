import RuleEngine
import VietnameseAdmin

/// Loads the report model (the JSON Schema of the self-report format) from the shipped rules.
enum ReportModelLoader {
    static func load(rulesDirectory: String?, errors: inout [RuleError]) -> (any ReportModel)? {
        nil
    }
}

/// Registers the Vietnamese domain functions with the data tables the packs provide.
enum DomainFunctions {
    static func register(into registry: inout FunctionRegistry, packs: [RulePack], errors: inout [RuleError]) {
        var data: [String: String] = [:]
        for pack in packs { data.merge(pack.data) { first, _ in first } }
        VietnameseAdminFunctions.register(into: &registry, data: data, errors: &errors)
    }
}
