import Foundation
import RuleEngine
import VietnameseAdmin
import YAML

/// Loads the report model (the JSON Schema of the self-report format) from the shipped rules.
enum ReportModelLoader {
    static func load(rulesDirectory: String?, errors: inout [RuleError]) -> (any ReportModel)? {
        guard let rulesDirectory else { return nil }
        let path = (rulesDirectory as NSString).appendingPathComponent("schema/self-report.schema.yaml")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try ReportSchema.load(path: path)
        } catch let e as YAMLError {
            errors.append(RuleError(e))
        } catch let e as SchemaError {
            errors.append(RuleError(location: e.location, message: e.message))
        } catch {
            errors.append(RuleError(location: SourceLocation(file: path, line: 1, column: 1), message: "\(error)"))
        }
        return nil
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
