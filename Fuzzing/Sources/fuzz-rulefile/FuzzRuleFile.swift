import Foundation
import FuzzSupport
import RuleEngine
import VietnameseAdmin
import YAML

/// A pack directory made once per process: a fixed manifest with the nd30 tables; each input
/// becomes its `rules/fuzz.yaml`.
let packDirectory: String = {
    let directory = NSTemporaryDirectory() + "cchc-fuzz-rulefile-\(getpid())"
    let fm = FileManager.default
    try? fm.removeItem(atPath: directory)
    try! fm.createDirectory(atPath: directory + "/rules", withIntermediateDirectories: true)
    try! fm.createDirectory(atPath: directory + "/data", withIntermediateDirectories: true)
    for (name, path) in PackageRoot.packData {
        try! fm.copyItem(atPath: path, toPath: directory + "/data/" + name + ".yaml")
    }
    let manifest = """
    id: fuzz
    title: Bộ quy tắc thử
    version: 1.0.0
    basis: Nghị định 30/2020/NĐ-CP
    params:
      min_online_rate: {default: 0.30}
      limit: {default: 5}
    data:
      document_types: data/document_types.yaml
      signing_prefixes: data/signing_prefixes.yaml
    not_applicable:
      id: FUZZ-NOT-APPLICABLE
      message: "Văn bản {{ it.number ?? it.ref }} trước hiệu lực"

    """
    try! manifest.write(toFile: directory + "/pack.yaml", atomically: false, encoding: .utf8)
    atexit { try? FileManager.default.removeItem(atPath: packDirectory) }
    return directory
}()

/// libFuzzer entry: arbitrary bytes as a rule file. Loading collects located errors; a rule set
/// that compiles is then run on the valid base report. A trap, hang or leak is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = packDirectory + "/rules/fuzz.yaml"
    guard FileManager.default.createFile(atPath: path, contents: Data(FuzzInput.bytes(data, size))) else { return 0 }
    let (pack, errors) = RulePackLoader.load(directory: packDirectory)
    for error in errors { _ = error.description }
    guard let pack else { return 0 }
    var functions = FunctionRegistry.standard
    var dataErrors: [RuleError] = []
    VietnameseAdminFunctions.register(into: &functions, data: pack.data, errors: &dataErrors)
    let rules = RuleSet(packs: [pack], config: Configuration(), functions: functions, model: nil)
    guard rules.errors.isEmpty else { return 0 }
    // A small budget per rule, so a runaway rule is a RULE-ERROR well inside -timeout=5.
    let checker = ReportChecker(rules: rules, options: CheckOptions(today: CalendarDate(iso: "2026-11-22")!, ruleTimeBudget: 0.02))
    let result = checker.check(PackageRoot.baseReport)
    for finding in result.findings { _ = finding.message }
    return 0
}
