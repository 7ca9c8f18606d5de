import YAML

/// A type-checked expression turned into a closure: compiled once, evaluated per target.
struct CompiledExpression {
    typealias Evaluate = (EvaluationContext) throws -> Value
    let type: ValueType
    let evaluate: Evaluate
}

/// Type-checks expressions against the report shape and the function registry, and compiles
/// them into closures. One compiler serves all rules of a run, so variable slots are unique.
final class ExpressionCompiler {
    let functions: FunctionRegistry
    let rootShape: (any ObjectShape)?
    /// Variables in scope, innermost last.
    private var scope: [(name: String, slot: Int, type: ValueType)] = []
    /// Named expressions of the rule being compiled (`let:`), expanded where used.
    private var bindings: [String: Expression] = [:]
    private var expanding: Set<String> = []
    /// Parameters of the pack being compiled, as constants.
    private var params: [String: Value] = [:]
    private(set) var slotCount = 0
    /// How many `let:` names the rule's expressions would hold with every name written out.
    /// `a1: a0 + a0`, `a2: a1 + a1`, … doubles at every level (a "let bomb", the rule-file twin
    /// of a YAML alias bomb: its value can double in size too): past `maxExpansions` the rule is
    /// refused, whether its names are computed once (`memoized`) or expanded in place.
    private var expansions = 0
    static let maxExpansions = 10_000
    /// Per `let:` name of the rule: how many names it stands for, written out (itself included).
    private var expandedSizes: [String: Int] = [:]
    /// `let:` names of the rule being compiled that are evaluated once per target, with the
    /// evaluator that reads (or fills) their slot.
    private var memoizedBindings: [String: CompiledExpression] = [:]
    /// How many variables of `scope` the rule itself binds (outer scopes, its target, its
    /// index); those after them are lambda parameters.
    private var ruleScopeCount = 0
    /// The `let:` names that compiled expressions used (the rule loader clears it per rule, and
    /// type-checks the others on their own).
    var usedBindings: Set<String> = []

    init(functions: FunctionRegistry, rootShape: (any ObjectShape)?) {
        self.functions = functions
        self.rootShape = rootShape
    }

    /// Runs `body` with the given parameters, bindings and one bound variable in scope.
    func withRuleScope<T>(params: [String: Value], bindings: [String: Expression], variable: (String, ValueType)?,
                          index: String? = nil, _ body: (_ slot: Int?, _ indexSlot: Int?) throws -> T) rethrows -> T {
        let savedScope = scope, savedBindings = self.bindings, savedParams = self.params
        let savedMemoized = memoizedBindings, savedRuleScopeCount = ruleScopeCount
        defer {
            scope = savedScope; self.bindings = savedBindings; self.params = savedParams
            memoizedBindings = savedMemoized; ruleScopeCount = savedRuleScopeCount
        }
        self.params = params
        self.bindings = bindings
        memoizedBindings = [:]
        expandedSizes = [:]
        expansions = 0
        var slot: Int?, indexSlot: Int?
        if let (name, type) = variable { slot = bind(name, type) }
        if let index { indexSlot = bind(index, .int) }
        ruleScopeCount = scope.count
        return try body(slot, indexSlot)
    }

    /// Binds one more variable of the rule's own scope (not a lambda parameter); for use inside
    /// `withRuleScope`'s body, which unbinds it at its end. Returns its slot.
    func bindRuleVariable(_ name: String, _ type: ValueType) -> Int {
        let slot = bind(name, type)
        ruleScopeCount = scope.count
        return slot
    }

    /// The slot of a variable in scope.
    func slot(ofVariable name: String) -> Int? { scope.last(where: { $0.name == name })?.slot }

    private func bind(_ name: String, _ type: ValueType) -> Int {
        let slot = slotCount
        slotCount += 1
        scope.append((name, slot, type))
        return slot
    }

    func compile(_ expression: Expression) throws(ExpressionError) -> CompiledExpression {
        switch expression {
        case .literal(let value, _):
            return CompiledExpression(type: Self.staticType(of: value)) { _ in value }
        case .name(let name, let offset):
            return try compileName(name, offset: offset)
        case .member(let base, let field, let offset):
            return try compileMember(base, field, offset: offset)
        case .index(let base, let index, let offset):
            return try compileIndex(base, index, offset: offset)
        case .unary(let op, let operand, let offset):
            return try compileUnary(op, operand, offset: offset)
        case .binary(let op, let lhs, let rhs, let offset):
            return try compileBinary(op, lhs, rhs, offset: offset)
        case .call(let name, let arguments, let offset):
            return try compileCall(name, arguments, offset: offset)
        case .lambda(_, _, let offset):
            throw ExpressionError(offset: offset, message: "hàm ẩn danh 'x => …' chỉ dùng làm đối số của hàm danh sách (count, all, any, filter…)")
        case .list(let items, _):
            let compiled = try items.map { (e: Expression) throws(ExpressionError) in try compile(e) }
            let elementType = compiled.first?.type ?? .any
            return CompiledExpression(type: .list(elementType)) { ctx in .list(try compiled.map { try $0.evaluate(ctx) }) }
        }
    }

    static func staticType(of value: Value) -> ValueType {
        switch value {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .decimal: .number
        case .string: .string
        case .date: .date
        case .list(let items): .list(items.first.map(staticType) ?? .any)
        case .node(_, let t): t
        }
    }

    // MARK: Names and paths

    private func compileName(_ name: String, offset: Int) throws(ExpressionError) -> CompiledExpression {
        if let variable = scope.last(where: { $0.name == name }) {
            let slot = variable.slot
            return CompiledExpression(type: variable.type) { ctx in ctx.slots[slot] }
        }
        if let bound = bindings[name] {
            usedBindings.insert(name)
            guard !expanding.contains(name) else {
                throw ExpressionError(offset: offset, message: "biến '\(name)' tự tham chiếu chính nó")
            }
            // Names used inside a `let:` are counted in its size, where it is used by the rule.
            if expanding.isEmpty { expansions += expandedSize(of: name) }
            guard expansions <= Self.maxExpansions else {
                throw ExpressionError(offset: offset, message: "biến '\(name)' bị thay quá \(Self.maxExpansions) lần — các biến let dùng lại nhau làm biểu thức lớn gấp bội; hãy viết lại quy tắc")
            }
            expanding.insert(name)
            defer { expanding.remove(name) }
            do {
                guard readsLambdaParameter(binding: name) else {
                    return try memoized(name, bound, perRule: !reads(scope[..<ruleScopeCount], binding: name))
                }
                return try compile(bound)  // its value depends on the element a lambda is at: expanded in place
            } catch {
                var located = error
                if located.binding == nil { located.binding = name }  // its offset counts in the let's own text
                throw located
            }
        }
        if name == "report" {
            return CompiledExpression(type: .object(rootShape)) { ctx in
                guard let root = ctx.root else { throw Absence(anchor: nil, suffix: [], invalidText: nil, expected: nil) }
                return try ctx.convert(root, as: .object(self.rootShape))
            }
        }
        if name == "params" {
            throw ExpressionError(offset: offset, message: "'params' cần tên tham số: params.<tên>")
        }
        // A top-level field of the report.
        let type: ValueType
        if let rootShape {
            switch rootShape.field(name) {
            case .known(let t):
                type = t
            case .unknown(let suggestion):
                let candidates = scope.map(\.name) + bindings.keys.sorted()
                let hint = suggestion ?? Suggestions.nearest(to: name, among: candidates)
                throw ExpressionError(offset: offset, message: "tên '\(name)' không xác định — không phải biến, tham số hay trường của báo cáo" + Suggestions.phrase(hint))
            }
        } else {
            type = .any
        }
        return CompiledExpression(type: type) { ctx in
            guard let root = ctx.root else { throw Absence(anchor: nil, suffix: ["." + name], invalidText: nil, expected: nil) }
            return try Self.field(name, of: root, as: type, in: ctx)
        }
    }

    /// The evaluator of a `let:` name that does not depend on any lambda parameter: computed
    /// at its first use on a target and read from its slot afterwards (a rule's `require` and
    /// `message`, and every iteration of a lambda that uses it, share one evaluation). One that
    /// reads none of the rule's own variables either (its target, its index) is the same for
    /// every target: `perRule`, it is computed once per rule and report (a table of every
    /// document's number, looked up by each document, is built once, not once per document).
    private func memoized(_ name: String, _ bound: Expression, perRule: Bool) throws(ExpressionError) -> CompiledExpression {
        if let known = memoizedBindings[name] { return known }
        let compiled = try compile(bound)
        let slot = slotCount
        slotCount += 1
        let evaluate = compiled.evaluate
        let memo = CompiledExpression(type: compiled.type) { ctx in try ctx.memoized(slot, perRule: perRule, evaluate) }
        memoizedBindings[name] = memo
        return memo
    }

    /// How many `let:` names `name` stands for when written out, itself included (each use
    /// counts, so sizes multiply along chains; capped just past the limit).
    private func expandedSize(of name: String, visiting: Set<String> = []) -> Int {
        if let known = expandedSizes[name] { return known }
        guard let expression = bindings[name], !visiting.contains(name) else { return 0 }  // a cycle is refused elsewhere
        var size = 1
        expression.forEachFreeName { used in
            guard bindings[used] != nil, size <= Self.maxExpansions else { return }
            size += expandedSize(of: used, visiting: visiting.union([name]))
        }
        size = min(size, Self.maxExpansions + 1)
        expandedSizes[name] = size
        return size
    }

    /// Whether the `let:` name `binding` reads, directly or through other `let:` names, a name
    /// that a lambda around the place of use binds (then its value changes with the element).
    private func readsLambdaParameter(binding: String) -> Bool {
        reads(scope[ruleScopeCount...], binding: binding)
    }

    /// Whether the `let:` name `binding` reads, directly or through other `let:` names, one of
    /// the `variables`.
    private func reads(_ variables: ArraySlice<(name: String, slot: Int, type: ValueType)>, binding: String) -> Bool {
        let variableNames = Set(variables.map(\.name))
        guard !variableNames.isEmpty else { return false }
        var seen: Set<String> = [], pending = [binding]
        while let name = pending.popLast() {
            guard seen.insert(name).inserted, let expression = bindings[name] else { continue }
            let names = expression.freeNames
            if !names.isDisjoint(with: variableNames) { return true }
            pending += names
        }
        return false
    }

    /// Reads `field` of the mapping `node` as `type`, throwing an `Absence` that names it.
    static func field(_ field: String, of node: NodeID, as type: ValueType, in ctx: EvaluationContext) throws -> Value {
        guard let child = ctx.document.value(forKey: field, in: node) else {
            throw Absence(anchor: node, suffix: ["." + field], invalidText: nil, expected: nil)
        }
        return try ctx.convert(child, as: type)
    }

    private func compileMember(_ base: Expression, _ field: String, offset: Int) throws(ExpressionError) -> CompiledExpression {
        if case .name("params", _) = base, scope.last(where: { $0.name == "params" }) == nil {
            guard let value = params[field] else {
                throw ExpressionError(offset: offset, message: "không có tham số '\(field)' trong bộ quy tắc" + Suggestions.phrase(Suggestions.nearest(to: field, among: params.keys.sorted())))
            }
            return CompiledExpression(type: Self.staticType(of: value)) { _ in value }
        }
        let compiledBase = try compile(base)
        let type: ValueType
        switch compiledBase.type {
        case .object(let shape?):
            switch shape.field(field) {
            case .known(let t): type = t
            case .unknown(let suggestion):
                throw ExpressionError(offset: offset, message: "'\(Self.describePath(base)).\(field)' không có trong lược đồ báo cáo" + Suggestions.phrase(suggestion))
            }
        case .object(nil), .any:
            type = .any
        case .oneOf(let types) where types.contains(where: \.isObject):
            type = .any
        default:
            throw ExpressionError(offset: offset, message: "không lấy được trường '\(field)' của giá trị kiểu \(compiledBase.type)")
        }
        if let chain = memberChain(base, field) {
            return CompiledExpression(type: type, evaluate: Self.walk(chain, as: type, offset: offset))
        }
        let evaluateBase = compiledBase.evaluate
        return CompiledExpression(type: type) { ctx in
            let value: Value
            do { value = try evaluateBase(ctx) } catch var absence as Absence {
                // An absent base: the field is absent too. An unreadable one is named as it is.
                if absence.invalidText == nil { absence.suffix.append("." + field) }
                throw absence
            }
            guard case .node(let node, _) = value, ctx.document.kind(node) == .mapping else {
                throw EvaluationError(offset: offset, message: "không lấy được trường '\(field)' của giá trị kiểu \(value.typeName)")
            }
            return try Self.field(field, of: node, as: type, in: ctx)
        }
    }

    /// Where a chain of field accesses starts.
    enum ChainRoot {
        /// A variable (a rule's target, a lambda's element).
        case variable(Int)
        /// The report's root mapping (the chain's first field is a top-level field).
        case report
    }

    /// `doc.layout.margins_mm.left` as a root and its fields, when `base.field` is a plain chain
    /// of field accesses from a variable or a top-level report field (the common case, walked
    /// node by node without building intermediate values).
    private func memberChain(_ base: Expression, _ field: String) -> (root: ChainRoot, fields: [String])? {
        var fields = [field]
        var e = base
        while case .member(let inner, let f, _) = e {
            fields.append(f)
            e = inner
        }
        guard case .name(let name, _) = e else { return nil }
        if let variable = scope.last(where: { $0.name == name }) {
            return (.variable(variable.slot), fields.reversed())
        }
        guard bindings[name] == nil, name != "params", name != "report" else { return nil }
        return (.report, [name] + fields.reversed())
    }

    /// The evaluator of a field chain: follows the fields from node to node and converts only
    /// the last one. Absent and unreadable values are reported as the nested accesses would.
    static func walk(_ chain: (root: ChainRoot, fields: [String]), as type: ValueType, offset: Int) -> CompiledExpression.Evaluate {
        let fields = chain.fields
        let root = chain.root
        // The fields' UTF-8 bytes, one after another: looked up without touching a string.
        let keyBytes = fields.flatMap(\.utf8)
        var keyRanges: [Range<Int>] = [], end = 0
        for field in fields {
            keyRanges.append(end ..< end + field.utf8.count)
            end += field.utf8.count
        }
        let ranges = keyRanges
        return { ctx in
            let doc = ctx.document
            var node: NodeID
            switch root {
            case .variable(let slot):
                guard case .node(let n, _) = ctx.slots[slot] else {
                    throw EvaluationError(offset: offset, message: "không lấy được trường '\(fields[0])' của giá trị kiểu \(ctx.slots[slot].typeName)")
                }
                node = n
            case .report:
                guard let r = ctx.root else { throw Absence(anchor: nil, suffix: fields.map { "." + $0 }, invalidText: nil, expected: nil) }
                node = r
            }
            let missing: Int? = keyBytes.withUnsafeBufferPointer { keys in
                for i in ranges.indices {
                    guard doc.kind(node) == .mapping, let child = doc.value(forKeyUTF8: UnsafeBufferPointer(rebasing: keys[ranges[i]]), in: node) else {
                        return i
                    }
                    node = child
                }
                return nil
            }
            if let i = missing {
                let suffix = fields[i...].map { "." + $0 }
                if doc.kind(node) == .mapping || (doc.kind(node) == .scalar && doc.isNull(node)) {
                    throw Absence(anchor: node, suffix: suffix, invalidText: nil, expected: nil)
                }
                // A value that is there but not a mapping: it is what cannot be read, at its own path.
                throw Absence(anchor: node, suffix: [], invalidText: doc.kind(node) == .scalar ? doc.text(node) : "(danh sách)",
                              expected: .object(nil))
            }
            return try ctx.convert(node, as: type)
        }
    }

    /// A readable form of a path expression for messages (`doc.layout`).
    static func describePath(_ e: Expression) -> String {
        switch e {
        case .name(let n, _): n
        case .member(let b, let f, _): describePath(b) + "." + f
        case .index(let b, _, _): describePath(b) + "[]"
        default: "…"
        }
    }

    private func compileIndex(_ base: Expression, _ index: Expression, offset: Int) throws(ExpressionError) -> CompiledExpression {
        let compiledBase = try compile(base)
        let compiledIndex = try compile(index)
        guard compiledIndex.type.conforms(to: .int) else {
            throw ExpressionError(offset: index.offset, message: "chỉ số phải là số nguyên, không phải \(compiledIndex.type)")
        }
        guard let elementType = compiledBase.type.elementType else {
            throw ExpressionError(offset: offset, message: "chỉ lấy phần tử [i] của danh sách, không phải \(compiledBase.type)")
        }
        let evaluateBase = compiledBase.evaluate, evaluateIndex = compiledIndex.evaluate
        return CompiledExpression(type: elementType) { ctx in
            guard case .int(let i) = try evaluateIndex(ctx) else {
                throw EvaluationError(offset: index.offset, message: "chỉ số phải là số nguyên")
            }
            let value: Value
            do { value = try evaluateBase(ctx) } catch var absence as Absence {
                if absence.invalidText == nil { absence.suffix.append("[\(i)]") }
                throw absence
            }
            switch value {
            case .node(let node, _) where ctx.document.kind(node) == .sequence:
                let n = ctx.document.count(node)
                let k = i < 0 ? n + i : i
                guard k >= 0, k < n else { throw Absence(anchor: node, suffix: ["[\(i)]"], invalidText: nil, expected: nil) }
                return try ctx.convert(ctx.document.item(node, k), as: elementType)
            case .list(let items):
                let k = i < 0 ? items.count + i : i
                guard k >= 0, k < items.count else {
                    throw EvaluationError(offset: offset, message: "chỉ số \(i) ngoài danh sách \(items.count) phần tử")
                }
                return items[k]
            default:
                throw EvaluationError(offset: offset, message: "chỉ lấy phần tử [i] của danh sách, không phải \(value.typeName)")
            }
        }
    }

    // MARK: Operators

    private func compileUnary(_ op: String, _ operand: Expression, offset: Int) throws(ExpressionError) -> CompiledExpression {
        let c = try compile(operand)
        let evaluate = c.evaluate
        if op == "not" {
            try requireType(c.type, .bool, at: operand.offset, what: "toán hạng của 'not'")
            return CompiledExpression(type: .bool) { ctx in .bool(!(try Operators.truth(evaluate(ctx), at: offset))) }
        }
        guard c.type.isNumeric else {
            throw ExpressionError(offset: offset, message: "dấu '-' cần một số, không phải \(c.type)")
        }
        return CompiledExpression(type: c.type) { ctx in try Operators.negate(evaluate(ctx), at: offset) }
    }

    private func requireType(_ actual: ValueType, _ expected: ValueType, at offset: Int, what: String) throws(ExpressionError) {
        guard actual.conforms(to: expected) else {
            throw ExpressionError(offset: offset, message: "\(what) phải là \(expected), không phải \(actual)")
        }
    }

    private func compileBinary(_ op: String, _ lhs: Expression, _ rhs: Expression, offset: Int) throws(ExpressionError) -> CompiledExpression {
        let l = try compile(lhs), r = try compile(rhs)
        let el = l.evaluate, er = r.evaluate
        switch op {
        case "and", "or":
            try requireType(l.type, .bool, at: lhs.offset, what: "vế trái của '\(op)'")
            try requireType(r.type, .bool, at: rhs.offset, what: "vế phải của '\(op)'")
            let isAnd = op == "and"
            return CompiledExpression(type: .bool) { ctx in
                let left = try Operators.truth(el(ctx), at: lhs.offset)
                if left != isAnd { return .bool(left) }
                return .bool(try Operators.truth(er(ctx), at: rhs.offset))
            }
        case "==", "!=", "<", "<=", ">", ">=":
            guard l.type.isComparable(with: r.type) else {
                throw ExpressionError(offset: offset, message: "không so sánh được \(l.type) với \(r.type)")
            }
            return CompiledExpression(type: .bool) { ctx in
                let left = try ctx.materialize(Self.left(el, right: er, ctx))
                return .bool(try Operators.compare(op, left, try ctx.materialize(er(ctx)), at: offset))
            }
        case "in":
            guard r.type.elementType != nil || r.type.conforms(to: .string) else {
                throw ExpressionError(offset: rhs.offset, message: "vế phải của 'in' phải là danh sách hoặc chuỗi, không phải \(r.type)")
            }
            return CompiledExpression(type: .bool) { ctx in
                .bool(try Operators.contains(try ctx.materialize(er(ctx)), try ctx.materialize(el(ctx)), at: offset))
            }
        case "??":
            let type: ValueType = l.type.conforms(to: r.type) || r.type.conforms(to: l.type) ? l.type : .oneOf([l.type, r.type])
            return CompiledExpression(type: type) { ctx in
                do {
                    let v = try el(ctx)
                    if case .null = v { return try er(ctx) }
                    return v
                } catch let absence as Absence where absence.invalidText == nil {
                    return try er(ctx)  // absent: the default; unreadable (`14/01/2022`) is reported, never replaced
                }
            }
        default:  // + - * / %
            let bothNumeric = l.type.isNumeric && r.type.isNumeric
            let concatenation = op == "+" && l.type.conforms(to: .string) && r.type.conforms(to: .string)
            guard bothNumeric || concatenation else {
                throw ExpressionError(offset: offset, message: "phép '\(op)' cần hai số, không phải \(l.type) và \(r.type)")
            }
            let type: ValueType
            if concatenation, !bothNumeric { type = .string }
            else if op == "/" { type = .number }
            else if case .int = l.type, case .int = r.type { type = .int }
            else { type = .number }
            return CompiledExpression(type: type) { ctx in try Operators.arithmetic(op, Self.left(el, right: er, ctx), er(ctx), at: offset) }
        }
    }

    /// The left operand; when it is absent, the right one is looked at too, so a condition that
    /// misses both (`feedback.resolved <= feedback.received` in `feedback: {}`) names both.
    private static func left(_ left: CompiledExpression.Evaluate, right: CompiledExpression.Evaluate, _ ctx: EvaluationContext) throws -> Value {
        do {
            return try left(ctx)
        } catch var absence as Absence where absence.invalidText == nil {
            do { _ = try right(ctx) } catch let other as Absence where other.invalidText == nil {
                absence.alsoAbsent += [other] + other.alsoAbsent
            } catch {}
            throw absence
        }
    }

    // MARK: Calls

    private func compileCall(_ name: String, _ arguments: [Expression], offset: Int) throws(ExpressionError) -> CompiledExpression {
        if name == "exists" {
            guard arguments.count == 1 else {
                throw ExpressionError(offset: offset, message: "exists(giá_trị) nhận đúng 1 đối số, nhận \(arguments.count)")
            }
            let inner = try compile(arguments[0]).evaluate
            return CompiledExpression(type: .bool) { ctx in
                do {
                    if case .null = try inner(ctx) { return .bool(false) }
                    return .bool(true)
                } catch let absence as Absence {
                    return .bool(absence.invalidText != nil)
                }
            }
        }
        if name == "or_null" {
            // For tables over every target: one target's unreadable value must not stop the
            // table for all (the schema, or the rules about that value, report it).
            guard arguments.count == 1 else {
                throw ExpressionError(offset: offset, message: "or_null(giá_trị) nhận đúng 1 đối số, nhận \(arguments.count)")
            }
            let inner = try compile(arguments[0])
            return CompiledExpression(type: inner.type) { ctx in
                do { return try inner.evaluate(ctx) } catch is Absence { return .null }
            }
        }
        if name == "unreadable_text" {
            // What the report wrote where the schema's type could not read it, for a message
            // that quotes the user's own text: `- Lưu: VT, TH`, unquoted, is a mapping.
            guard arguments.count == 1 else {
                throw ExpressionError(offset: offset, message: "unreadable_text(giá_trị) nhận đúng 1 đối số, nhận \(arguments.count)")
            }
            let inner = try compile(arguments[0]).evaluate
            return CompiledExpression(type: .oneOf([.string, .null])) { ctx in
                do {
                    _ = try inner(ctx)
                    return .null
                } catch let absence as Absence {
                    guard absence.invalidText != nil, let node = absence.anchor else { return .null }
                    return .string(ctx.document.oneLineText(node))
                }
            }
        }
        if name == "if" {
            guard arguments.count == 3 else {
                throw ExpressionError(offset: offset, message: "if(điều_kiện, khi_đúng, khi_sai) nhận đúng 3 đối số, nhận \(arguments.count)")
            }
            let condition = try compile(arguments[0]), then = try compile(arguments[1]), otherwise = try compile(arguments[2])
            try requireType(condition.type, .bool, at: arguments[0].offset, what: "điều kiện của if")
            let type: ValueType = then.type.conforms(to: otherwise.type) ? otherwise.type : .oneOf([then.type, otherwise.type])
            return CompiledExpression(type: type) { ctx in
                try Operators.truth(condition.evaluate(ctx), at: arguments[0].offset) ? try then.evaluate(ctx) : try otherwise.evaluate(ctx)
            }
        }
        guard let definition = functions.definition(named: name) else {
            if let why = functions.unavailability(of: name) {  // a module's function without its data table
                throw ExpressionError(offset: offset, message: "hàm '\(name)' \(why)")
            }
            throw ExpressionError(offset: offset, message: "không có hàm '\(name)'" + Suggestions.phrase(Suggestions.nearest(to: name, among: functions.names + ["exists", "if", "or_null", "unreadable_text"])))
        }
        let maxCount = definition.parameters.count, minCount = maxCount - definition.optionalCount
        guard (minCount ... maxCount).contains(arguments.count) else {
            let expected = minCount == maxCount ? "\(maxCount)" : "\(minCount)–\(maxCount)"
            throw ExpressionError(offset: offset, message: "hàm \(definition.signature) nhận \(expected) đối số, nhận \(arguments.count)")
        }
        // Value arguments first: element functions need the list's element type.
        var compiled = [CompiledExpression?](repeating: nil, count: arguments.count)
        for (i, argument) in arguments.enumerated() {
            guard case .value(let pname, let ptype) = definition.parameters[i] else { continue }
            let c = try compile(argument)
            guard c.type.conforms(to: ptype) else {
                throw ExpressionError(offset: argument.offset, message: "đối số '\(pname)' của \(definition.signature) phải là \(ptype), không phải \(c.type)")
            }
            compiled[i] = c
        }
        var slots = [Int?](repeating: nil, count: arguments.count)
        for (i, argument) in arguments.enumerated() {
            guard case .elementFunction(let pname, let listIndex, let returns) = definition.parameters[i] else { continue }
            let elementType = (listIndex < compiled.count ? compiled[listIndex]?.type.elementType : nil) ?? .any
            let (variable, body): (String, Expression)
            if case .lambda(let v, let b, _) = argument { (variable, body) = (v, b) } else { (variable, body) = ("it", argument) }
            let slot = bind(variable, elementType)
            defer { scope.removeLast() }
            let c = try compile(body)
            guard c.type.conforms(to: returns) else {
                throw ExpressionError(offset: body.offset, message: "'\(pname)' của \(definition.signature) phải cho ra \(returns), không phải \(c.type)")
            }
            compiled[i] = c
            slots[i] = slot
        }
        let types = compiled.map { $0?.type ?? .any }
        let implementation = definition.implementation
        let evaluators = compiled.map { $0!.evaluate }
        let argumentSlots = slots
        return CompiledExpression(type: definition.resultType(types)) { ctx in
            var values: [FunctionArgument] = []
            values.reserveCapacity(evaluators.count)
            for (i, evaluate) in evaluators.enumerated() {
                if let slot = argumentSlots[i] {
                    values.append(.function { element in
                        try EvaluationBudget.check()  // iterations are where time piles up
                        let saved = ctx.slots[slot]
                        defer { ctx.slots[slot] = saved }
                        ctx.slots[slot] = element
                        return try evaluate(ctx)
                    })
                } else {
                    values.append(.value(try ctx.materialize(evaluate(ctx))))
                }
            }
            do {
                return try implementation(FunctionContext(reportFile: ctx.document.file), values)
            } catch let error as FunctionError {
                throw EvaluationError(offset: offset, message: "\(name): \(error.message)")
            }
        }
    }
}

extension EvaluationContext {
    /// Turns a report sequence into a `.list` of converted items (absent or unreadable items
    /// become null); other values are returned as they are.
    func materialize(_ value: consuming Value) throws -> Value {
        guard case .node(let node, let type) = value, document.kind(node) == .sequence else { return value }
        let elementType = type.elementType ?? .any
        return .list((0 ..< document.count(node)).map { i in
            (try? convert(document.item(node, i), as: elementType)) ?? .null
        })
    }
}
