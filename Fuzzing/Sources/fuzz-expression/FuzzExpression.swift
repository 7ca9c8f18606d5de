import FuzzSupport
import RuleEngine
import VietnameseAdmin
import YAML

/// Every function a shipped rule can call: the standard library and the Vietnamese domain
/// functions with the nd30 tables.
let functions: FunctionRegistry = {
    var registry = FunctionRegistry.standard
    var errors: [RuleError] = []
    VietnameseAdminFunctions.register(into: &registry, data: PackageRoot.packData, errors: &errors)
    precondition(errors.isEmpty, "pack data: \(errors)")
    return registry
}()

/// libFuzzer entry: arbitrary text as one expression of the rule language, type-checked and,
/// when valid, evaluated against the valid base report. Errors must be ExpressionErrors (load
/// time) or outcomes (run time: absent, RULE-ERROR); a trap is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    if let error = ExpressionLanguage.check(text, functions: functions) {
        _ = error.description
        return 0
    }
    _ = try? ExpressionLanguage.evaluate(text, in: PackageRoot.baseReport, functions: functions, budgetSeconds: 0.5)
    return 0
}
