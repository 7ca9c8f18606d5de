import Foundation
import YAML

/// One compiled condition of a rule. A class: evaluation walks a rule's checks for every
/// target of every report, and copying a struct of five reference-counted fields on each step
/// showed in profiles.
final class CompiledCheck {
    let condition: CompiledExpression
    let message: Template?
    let severity: Severity?
    let at: Locator?
    let text: String

    init(condition: CompiledExpression, message: Template?, severity: Severity?, at: Locator?, text: String) {
        self.condition = condition
        self.message = message
        self.severity = severity
        self.at = at
        self.text = text
    }
}

/// A rule compiled against the report shape, the registry and its pack's parameters.
final class CompiledRule {
    let definition: RuleDefinition
    let pack: RulePack
    let severity: Severity
    let target: CompiledExpression?
    let targetSlot: Int?
    /// The slot of the target's 0-based position in its list (`index:`).
    let indexSlot: Int?
    let when: CompiledExpression?
    let checks: [CompiledCheck]
    let message: Template?
    let fix: Template?
    let at: Locator?
    /// The rule's window merged with its pack's (the narrower bound wins).
    let window: EffectiveWindow?

    init(definition: RuleDefinition, pack: RulePack, severity: Severity, target: CompiledExpression?, targetSlot: Int?,
         indexSlot: Int?, when: CompiledExpression?, checks: [CompiledCheck], message: Template?, fix: Template?, at: Locator?, window: EffectiveWindow?) {
        self.definition = definition
        self.pack = pack
        self.severity = severity
        self.target = target
        self.targetSlot = targetSlot
        self.indexSlot = indexSlot
        self.when = when
        self.checks = checks
        self.message = message
        self.fix = fix
        self.at = at
        self.window = window
    }

    var id: String { definition.id }
}

/// A pack's skipped-target notice, compiled.
struct CompiledNotice {
    let id: String
    let title: String
    /// `info`, unless the config re-grades the notice.
    let severity: Severity
    let message: Template
    /// For targets dated after the window's `until`.
    let messageAfter: Template?
    /// The slot of `it`, the skipped target.
    let slot: Int
    /// The slots of `from` and `until`: the bounds of the window that skipped the target (null
    /// when it has none), so a message names the date that applied, not the pack's.
    let fromSlot: Int, untilSlot: Int
}

/// The packs of a run, configured and compiled once, then evaluated against many reports.
/// Building never throws: every problem is collected in `errors` with its location.
public final class RuleSet: @unchecked Sendable {
    /// The packs that run: the distinct ones, narrowed to the config's `packs:` when it names some.
    public let packs: [RulePack]
    /// Every pack given, each id once (a later pack with an id already loaded is left out, with
    /// an error): what `rules lint`, `list` and `doc` describe.
    public let distinctPacks: [RulePack]
    /// Problems found while configuring and compiling (rules with errors are left out).
    public let errors: [RuleError]
    let rules: [CompiledRule]
    let notices: [String: CompiledNotice]
    let slotCount: Int
    let model: (any ReportModel)?
    /// The shape rules were compiled against: the model's, with the packs' declared `fields:`
    /// (fixture edits are checked against it too).
    let reportShape: (any ObjectShape)?
    /// Waivers from the config, applied to every report (or to the unit they name).
    let configWaivers: [WaiverSpec]
    /// Lines of files other than reports that findings may point into (the config's waivers):
    /// file → line → text.
    let otherSourceLines: [String: [Int: String]]

    /// Ids of rules that failed to compile.
    public let brokenRuleIDs: Set<String>
    /// Every id a waiver or config may name (worked out once: every report's waivers are checked against it).
    public let knownFindingIDs: Set<String>
    /// Ids of the loaded packs' rules and notices that the config keeps from running, with why
    /// (in Vietnamese): a waiver naming one is not invalid, it just covers nothing.
    public let turnedOffRules: [String: String]

    /// Compiles `packs` under `config`.
    public init(packs loadedPacks: [RulePack], config: Configuration, functions: FunctionRegistry, model: (any ReportModel)?) {
        var errors: [RuleError] = []
        let here = { (key: String) in config.overrideLocations[key] ?? SourceLocation(file: config.file ?? "cchc.yaml", line: 1, column: 1) }
        // Duplicate pack ids: the pack loaded first keeps the id, a later one is left out whole
        // (a config's `params:` naming the id could not say which it meant, and its rules would
        // each be reported again as duplicates).
        var allPacks: [RulePack] = []
        for pack in loadedPacks {
            guard let first = allPacks.first(where: { $0.id == pack.id }) else {
                allPacks.append(pack)
                continue
            }
            let sameFolder = Self.resolvedPath(first.directory) == Self.resolvedPath(pack.directory)
            errors.append(RuleError(location: pack.location, message: sameFolder
                ? "bộ quy tắc '\(pack.id)' được nạp hai lần: thư mục này được chỉ ra hai lần (đối số, --rules hoặc rule_packs của cấu hình)"
                : "mã bộ quy tắc '\(pack.id)' trùng với bộ quy tắc ở \(first.location); mỗi bộ cần một mã riêng"))
        }
        // Duplicate rule ids across packs.
        var firstSeen: [String: RuleDefinition] = [:]
        for rule in allPacks.flatMap(\.rules) {
            if let first = firstSeen[rule.id] {
                errors.append(RuleError(location: rule.location, message: "mã quy tắc \(rule.id) trùng với quy tắc ở \(first.location)", ruleID: rule.id))
            } else {
                firstSeen[rule.id] = rule
            }
        }
        // Config: selected packs, overrides of unknown rules or params.
        let knownPacks = allPacks.map(\.id)
        var packs = allPacks
        if let selected = config.packs {
            for id in selected where !knownPacks.contains(id) {
                errors.append(RuleError(location: here("packs"), message: "không có bộ quy tắc '\(id)'" + Suggestions.phrase(Suggestions.nearest(to: id, among: knownPacks))))
            }
            packs = allPacks.filter { selected.contains($0.id) }
        }
        let allRuleIDs = allPacks.flatMap { $0.rules.map(\.id) } + allPacks.compactMap { $0.notApplicable?.id }
        for id in config.severities.keys.sorted() where !allRuleIDs.contains(id) {
            errors.append(RuleError(location: here("rule:" + id), message: "cấu hình nhắc tới quy tắc không tồn tại '\(id)'" + Suggestions.phrase(Suggestions.nearest(to: id, among: allRuleIDs))))
        }
        // Overrides that fit their parameter; a refused one is reported here, at the config, and
        // the rules keep the default (they are not blamed for the config's value).
        var overrides: [String: [String: Value]] = [:]
        for (packID, values) in config.params.sorted(by: { $0.key < $1.key }) {
            guard let pack = allPacks.first(where: { $0.id == packID }) else {
                errors.append(RuleError(location: here("pack:" + packID), message: "params: không có bộ quy tắc '\(packID)'" + Suggestions.phrase(Suggestions.nearest(to: packID, among: knownPacks))))
                continue
            }
            for (name, value) in values.sorted(by: { $0.key < $1.key }) {
                guard let p = pack.params.first(where: { $0.name == name }) else {
                    errors.append(RuleError(location: here("param:\(packID).\(name)"), message: "bộ quy tắc '\(packID)' không có tham số '\(name)'" + Suggestions.phrase(Suggestions.nearest(to: name, among: pack.params.map(\.name)))))
                    continue
                }
                if let problem = p.problem(with: value) {
                    errors.append(RuleError(location: here("param:\(packID).\(name)"), message: "tham số '\(packID).\(name)' \(problem)"))
                } else {
                    overrides[packID, default: [:]][name] = value
                }
            }
        }
        // Compile.
        let extraFields = packs.reduce(into: [String: ValueType]()) { $0.merge($1.extraFields) { first, _ in first } }
        let rootShape: (any ObjectShape)? = extraFields.isEmpty || model == nil
            ? model?.rootShape : ExtendedShape(base: model!.rootShape, prefix: "", extensions: extraFields)
        let compiler = ExpressionCompiler(functions: functions, rootShape: rootShape)
        var compiled: [CompiledRule] = []
        var notices: [String: CompiledNotice] = [:]
        var broken: Set<String> = []
        var turnedOff: [String: String] = [:]
        for pack in allPacks where !packs.contains(where: { $0.id == pack.id }) {
            for id in pack.rules.map(\.id) + [pack.notApplicable?.id].compactMap({ $0 }) {
                turnedOff[id] = "bộ quy tắc '\(pack.id)' không được chọn trong cấu hình"
            }
        }
        /// The severity the config's `rules:` gives `id` (`own` unless re-graded); nil, noted in
        /// `turnedOff`, when the config turns it off. Rules and notices alike.
        func configuredSeverity(of id: String, own: Severity) -> Severity? {
            guard case .some(.none) = config.severities[id] else { return config.severities[id].flatMap { $0 } ?? own }
            turnedOff[id] = "quy tắc \(id) đã tắt trong cấu hình"
            return nil
        }
        for pack in packs {
            var params: [String: Value] = [:]
            for p in pack.params { params[p.name] = overrides[pack.id]?[p.name] ?? p.defaultValue }
            if let n = pack.notApplicable, let severity = configuredSeverity(of: n.id, own: .info) {
                var noticeErrors: [RuleError] = []
                if let notice = Self.compileNotice(n, severity: severity, compiler: compiler, params: params, errors: &noticeErrors) {
                    notices[pack.id] = notice
                }
                errors += noticeErrors
            }
            for rule in pack.rules where firstSeen[rule.id]?.location == rule.location {
                guard let severity = configuredSeverity(of: rule.id, own: rule.severity) else { continue }
                var ruleErrors: [RuleError] = []
                if let c = Self.compile(rule, pack: pack, severity: severity, params: params, compiler: compiler, errors: &ruleErrors),
                   ruleErrors.isEmpty {
                    compiled.append(c)
                } else {
                    broken.insert(rule.id)
                }
                errors += ruleErrors
            }
        }
        self.packs = packs
        distinctPacks = allPacks
        self.errors = errors
        self.rules = compiled
        self.notices = notices
        self.slotCount = compiler.slotCount
        self.model = model
        self.reportShape = rootShape
        self.brokenRuleIDs = broken
        self.configWaivers = config.waivers
        otherSourceLines = config.file.map { [$0: config.sourceLines] } ?? [:]
        let known = Set(compiled.map(\.id) + notices.values.map(\.id) + BuiltInFindings.descriptors.map(\.id)
                        + (model?.findingDescriptors.map(\.id) ?? []))
        knownFindingIDs = known
        turnedOffRules = turnedOff.filter { !known.contains($0.key) }
    }

    /// `path` absolute, standardized and with symbolic links resolved: two spellings of one folder compare equal.
    private static func resolvedPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func compileNotice(_ n: NotApplicableNotice, severity: Severity, compiler: ExpressionCompiler, params: [String: Value],
                              errors: inout [RuleError]) -> CompiledNotice? {
        compiler.withRuleScope(params: params, bindings: [:], variable: ("it", .object(nil))) { slot, _ in
            let fromSlot = compiler.bindRuleVariable("from", .date), untilSlot = compiler.bindRuleVariable("until", .date)
            guard let template = compileTemplate(n.message, compiler: compiler, ruleID: n.id, errors: &errors) else { return nil }
            let after = n.messageAfter.flatMap { compileTemplate($0, compiler: compiler, ruleID: n.id, errors: &errors) }
            return CompiledNotice(id: n.id, title: n.title, severity: severity, message: template, messageAfter: after,
                                  slot: slot!, fromSlot: fromSlot, untilSlot: untilSlot)
        }
    }

    static func compile(_ rule: RuleDefinition, pack: RulePack, severity: Severity, params: [String: Value],
                        compiler: ExpressionCompiler, errors: inout [RuleError]) -> CompiledRule? {
        var bindings: [String: Expression] = [:]
        for (name, source) in rule.bindings {
            do { bindings[name] = try Parser.parse(source.text) } catch { errors.append(source.error(error, ruleID: rule.id)) }
        }
        let letSources = Dictionary(rule.bindings, uniquingKeysWith: { first, _ in first })
        compiler.usedBindings = []
        // The target list is compiled outside the variable's scope.
        var target: CompiledExpression?
        if let source = rule.forEach {
            target = compiler.withRuleScope(params: params, bindings: bindings, variable: nil) { _, _ in
                compileExpression(source, compiler: compiler, ruleID: rule.id, lets: letSources, errors: &errors)
            }
            if let t = target, t.type.elementType == nil {
                errors.append(RuleError(location: source.location(ofOffset: 0), message: "'for_each' phải là một danh sách của báo cáo, không phải \(t.type)", ruleID: rule.id))
                return nil
            }
        }
        let variable = target.map { (rule.variable, $0.type.elementType ?? .any) }
        return compiler.withRuleScope(params: params, bindings: bindings, variable: variable,
                                      index: target == nil ? nil : rule.indexVariable) { slot, indexSlot -> CompiledRule? in
            let when = rule.when.flatMap { compileCondition($0, compiler: compiler, ruleID: rule.id, lets: letSources, errors: &errors) }
            var checks: [CompiledCheck] = []
            for check in rule.checks {
                guard let condition = compileCondition(check.condition, compiler: compiler, ruleID: rule.id, lets: letSources, errors: &errors) else { continue }
                checks.append(CompiledCheck(
                    condition: condition,
                    message: check.message.flatMap { compileTemplate($0, compiler: compiler, ruleID: rule.id, lets: letSources, errors: &errors) },
                    severity: check.severity,
                    at: check.at.flatMap { compileLocator($0, compiler: compiler, ruleID: rule.id, lets: letSources, errors: &errors) },
                    text: check.condition.text))
            }
            let message = rule.message.flatMap { compileTemplate($0, compiler: compiler, ruleID: rule.id, lets: letSources, errors: &errors) }
            let fix = rule.fix.flatMap { compileTemplate($0, compiler: compiler, ruleID: rule.id, lets: letSources, errors: &errors) }
            let at = rule.at.flatMap { compileLocator($0, compiler: compiler, ruleID: rule.id, lets: letSources, errors: &errors) }
            // A `let:` no expression uses is still checked, on its own, where it is written.
            for (name, source) in rule.bindings where bindings[name] != nil && !compiler.usedBindings.contains(name) {
                _ = compileExpression(source, compiler: compiler, ruleID: rule.id, lets: letSources, errors: &errors)
            }
            return CompiledRule(definition: rule, pack: pack, severity: severity, target: target, targetSlot: slot,
                                indexSlot: indexSlot, when: when,
                                checks: checks, message: message, fix: fix, at: at,
                                window: EffectiveWindow.merge(pack.effective, rule.effective))
        }
    }

    /// Adds an expression error to `errors`, once: located in the `let:` it arose in, whichever
    /// expression used that name (`lets` are the rule's), else by `located` in the expression.
    private static func report(_ error: ExpressionError, ruleID: String, lets: [String: ExpressionSource],
                               errors: inout [RuleError], located: (ExpressionError) -> RuleError) {
        let ruleError = error.binding.flatMap { lets[$0] }.map { $0.error(error, ruleID: ruleID) } ?? located(error)
        if !errors.contains(ruleError) { errors.append(ruleError) }
    }

    static func compileExpression(_ source: ExpressionSource, compiler: ExpressionCompiler, ruleID: String,
                                  lets: [String: ExpressionSource] = [:], errors: inout [RuleError]) -> CompiledExpression? {
        do {
            return try compiler.compile(try Parser.parse(source.text))
        } catch {
            report(error, ruleID: ruleID, lets: lets, errors: &errors) { source.error($0, ruleID: ruleID) }
            return nil
        }
    }

    static func compileCondition(_ source: ExpressionSource, compiler: ExpressionCompiler, ruleID: String,
                                 lets: [String: ExpressionSource], errors: inout [RuleError]) -> CompiledExpression? {
        guard let c = compileExpression(source, compiler: compiler, ruleID: ruleID, lets: lets, errors: &errors) else { return nil }
        guard c.type.conforms(to: .bool) else {
            errors.append(RuleError(location: source.location(ofOffset: 0), message: "điều kiện phải cho ra đúng/sai, không phải \(c.type)", ruleID: ruleID))
            return nil
        }
        return c
    }

    static func compileTemplate(_ source: ExpressionSource, compiler: ExpressionCompiler, ruleID: String,
                                lets: [String: ExpressionSource] = [:], errors: inout [RuleError]) -> Template? {
        do {
            var parts: [Template.Part] = []
            for piece in try Template.split(source.text) {
                if !piece.isPlaceholder { parts.append(.text(piece.text)); continue }
                do {
                    parts.append(.placeholder(try compiler.compile(try Parser.parse(Template.desugarPipes(piece.text)))))
                } catch {
                    report(error, ruleID: ruleID, lets: lets, errors: &errors) {
                        RuleError(location: source.location(ofOffset: piece.offset),
                                  message: "chỗ điền giá trị '{{\(piece.text)}}': \($0.message)", ruleID: ruleID)
                    }
                }
            }
            return Template(parts: parts)
        } catch {
            errors.append(source.error(error, ruleID: ruleID))
            return nil
        }
    }

    static func compileLocator(_ source: ExpressionSource, compiler: ExpressionCompiler, ruleID: String,
                               lets: [String: ExpressionSource], errors: inout [RuleError]) -> Locator? {
        guard compileExpression(source, compiler: compiler, ruleID: ruleID, lets: lets, errors: &errors) != nil else { return nil }
        do {
            return try Locator(try Parser.parse(source.text), compiler: compiler)
        } catch {
            errors.append(source.error(error, ruleID: ruleID))
            return nil
        }
    }

    /// Descriptors of every rule in play, for reporters and catalogues; `day` picks the basis.
    /// A fix written with placeholders shows each as "…": a descriptor stands apart from any report.
    public func descriptors(on day: CalendarDate) -> [RuleDescriptor] {
        let ruleDescriptors = rules.map { r in
            RuleDescriptor(id: r.id, title: r.definition.title, severity: r.severity, area: r.pack.id,
                           basis: basis(r.definition.basis, on: day) ?? r.pack.basis(on: day),
                           fix: r.definition.fixText.map(Template.elidingPlaceholders), help: r.definition.description, points: r.definition.points)
        }
        let noticeDescriptors = notices.sorted(by: { $0.key < $1.key }).map { packID, n in
            let pack = packs.first { $0.id == packID }
            return RuleDescriptor(id: n.id, title: n.title, severity: n.severity, area: packID, basis: pack?.basis(on: day),
                                  help: (pack?.notApplicable?.message.text).map(Template.elidingPlaceholders))
        }
        return BuiltInFindings.descriptors + (model?.findingDescriptors ?? []) + ruleDescriptors + noticeDescriptors
    }

}

extension EffectiveWindow {
    /// The intersection of a pack's and a rule's windows.
    static func merge(_ a: EffectiveWindow?, _ b: EffectiveWindow?) -> EffectiveWindow? {
        guard let a else { return b }
        guard let b else { return a }
        return EffectiveWindow(from: [a.from, b.from].compactMap { $0 }.max(),
                               until: [a.until, b.until].compactMap { $0 }.min(),
                               field: b.field ?? a.field)
    }
}
