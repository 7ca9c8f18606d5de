import YAML

/// A value the rule needs is not there (or cannot be read as the type the schema gives it).
/// Rules turn this into a "thiếu thông tin" finding; `exists()` and `??` catch it.
struct Absence: Error {
    /// The nearest present node (where the finding points).
    var anchor: NodeID?
    /// Path segments from the anchor to the absent value (`layout`, `font`), already formatted
    /// (`.name` / `[i]`).
    var suffix: [String]
    /// The text that was there but could not be read, when the value is present but invalid.
    var invalidText: String?
    var expected: ValueType?
    /// For a value of its type that the report model does not allow: what it must be.
    var requirement: String? = nil
    /// Other absent values the same condition reads (the right operand of a comparison whose
    /// left one is absent): named in the same "thiếu thông tin".
    var alsoAbsent: [Absence] = []
}

/// A type or domain error while evaluating a rule, at an offset of one of its expressions.
struct EvaluationError: Error {
    var offset: Int
    var message: String
}

/// The state of one rule evaluation over one report: the report, and the variables bound by
/// targets and lambdas. Created once per report and reused by every rule.
///
/// A context belongs to the one thread evaluating its report, so its mutable state skips the
/// run-time exclusivity checks of class properties (`@exclusivity(unchecked)`: they showed in
/// profiles, on every variable read).
public final class EvaluationContext {
    public let document: YAMLDocument
    let root: NodeID?
    /// Variable slots, addressed by the index the compiler assigned.
    @exclusivity(unchecked) var slots: [Value]
    /// The node of the current target (a list element, or the root).
    var targetNode: NodeID?
    /// Counts targets; a `let:` value stored in a slot is valid while this has not changed.
    @exclusivity(unchecked) private var target = 0
    /// Counts rules run on the report; a `let:` value that does not depend on the target is
    /// valid while this has not changed.
    @exclusivity(unchecked) private var rule = 0
    /// Per slot: the `target` (or `rule`) its `let:` value was computed for (-1: never).
    @exclusivity(unchecked) private var slotTargets: [Int]
    /// `let:` values that failed (absent, unreadable, an error), by slot: failing again the same way.
    @exclusivity(unchecked) private var slotFailures: [Int: any Error] = [:]

    /// Values the report model does not allow, with what each must be (`ReportValidation`).
    let unusableValues: [NodeID: String]
    /// The values the report model's findings are about (`ReportValidation.flaggedValues`).
    let flaggedValues: Set<NodeID>

    init(document: YAMLDocument, slotCount: Int, validation: ReportValidation? = nil) {
        self.flaggedValues = validation?.flaggedValues ?? []
        self.unusableValues = validation?.unusableValues ?? [:]
        self.document = document
        self.root = document.root
        self.slots = Array(repeating: .null, count: max(1, slotCount))
        self.slotTargets = Array(repeating: -1, count: max(1, slotCount))
    }

    /// Starts a new target (or a new rule): `let:` values computed so far are forgotten.
    func beginTarget() { target += 1 }

    /// Starts a new rule: its `let:` values that hold for every target are forgotten too.
    func beginRule() {
        rule += 1
        beginTarget()
    }

    /// The value of the `let:` name whose slot is `slot`, computed by `evaluate` once per target,
    /// or once per rule when `perRule` (a slot is always used one way: its stamps never mix).
    func memoized(_ slot: Int, perRule: Bool, _ evaluate: (EvaluationContext) throws -> Value) throws -> Value {
        let stamp = perRule ? rule : target
        if slotTargets[slot] == stamp {
            if let failure = slotFailures[slot] { throw failure }
            return slots[slot]
        }
        do {
            let value = try evaluate(self)
            slots[slot] = value
            slotTargets[slot] = stamp
            if !slotFailures.isEmpty { slotFailures[slot] = nil }
            return value
        } catch {
            slotFailures[slot] = error
            slotTargets[slot] = stamp
            throw error
        }
    }

    /// Reads a report node as a value of `type`. Null is absent; text the type cannot hold is
    /// an invalid value (reported, never silently read as something else).
    func convert(_ node: NodeID, as type: ValueType) throws -> Value {
        let doc = document
        switch doc.kind(node) {
        case .sequence:
            switch type {
            case .list, .any: return .node(node, type.isList ? type : .anyList)
            case .oneOf(let types): if let l = types.first(where: \.isList) { return .node(node, l) }
            default: break
            }
            throw Absence(anchor: node, suffix: [], invalidText: "(danh sách)", expected: type)
        case .mapping:
            switch type {
            case .object, .any: return .node(node, type.isObject ? type : .anyObject)
            case .oneOf(let types): if let o = types.first(where: \.isObject) { return .node(node, o) }
            default: break
            }
            throw Absence(anchor: node, suffix: [], invalidText: "(nhóm trường)", expected: type)
        case .scalar:
            // Text and dates, the most common reads, without resolving (and allocating) twice.
            switch type {
            case .string, .date:
                if doc.isNull(node) { throw Absence(anchor: node, suffix: [], invalidText: nil, expected: nil) }
                if case .string = type { return .string(doc.text(node)) }
                if let date = doc.withUTF8(node, { CalendarDate(isoUTF8: $0) }) { return .date(date) }
                throw Absence(anchor: node, suffix: [], invalidText: doc.text(node), expected: type)
            default:
                break
            }
            let resolved = doc.scalarValue(node)
            if case .null = resolved { throw Absence(anchor: node, suffix: [], invalidText: nil, expected: nil) }
            if let value = Self.scalar(resolved, text: { doc.text(node) }, as: type) {
                if !unusableValues.isEmpty, let requirement = unusableValues[node] {
                    throw Absence(anchor: node, suffix: [], invalidText: doc.text(node), expected: type, requirement: requirement)
                }
                return value
            }
            throw Absence(anchor: node, suffix: [], invalidText: doc.text(node), expected: type)
        }
    }

    /// Converts a resolved scalar to `type`, or nil when it cannot be read as that type.
    static func scalar(_ resolved: ScalarValue, text: () -> String, as type: ValueType) -> Value? {
        switch type {
        case .any, .null:
            return natural(resolved)
        case .string:
            return .string(text())
        case .bool:
            if case .bool(let b) = resolved { return .bool(b) }
            return nil
        case .int:
            switch resolved {
            case .int(let i): return .int(i)
            case .float(let d) where d.rounded() == d && abs(d) < 1e15: return .int(Int(d))
            case .string(let s): return Int(s.trimmingSpaces).map(Value.int)
            default: return nil
            }
        case .number:
            switch resolved {
            case .int(let i): return .int(i)
            case .float(let d): return .decimal(d)
            case .string(let s):
                let t = s.trimmingSpaces
                if let i = Int(t) { return .int(i) }
                return Double(t).map(Value.decimal)
            default: return nil
            }
        case .date:
            return CalendarDate(iso: text()).map(Value.date)
        case .oneOf(let types):
            // An integral decimal where an integer, and no other number, is allowed: the integer,
            // as the schema reads it (`retention: 5.0` is 5 years).
            if case .float = resolved, types.contains(where: { if case .int = $0 { true } else { false } }),
               !types.contains(where: { if case .number = $0 { true } else { false } }),
               let integer = scalar(resolved, text: text, as: .int) {
                return integer
            }
            // The natural reading, if one of the types accepts it.
            let value = natural(resolved)
            for t in types where value.conforms(to: t) { return value }
            for t in types { if let v = scalar(resolved, text: text, as: t) { return v } }
            return nil
        case .list, .object:
            return nil
        }
    }

    static func natural(_ resolved: ScalarValue) -> Value {
        switch resolved {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .float(let d): .decimal(d)
        case .string(let s): .string(s)
        }
    }

    /// The report path of a node: `documents[1].layout.font` (0-based indices).
    public func path(of node: NodeID) -> String {
        ReportPath.of(node, in: document)
    }

    /// The full path of an absent value.
    func path(of absence: Absence) -> String {
        let full = (absence.anchor.map { path(of: $0) } ?? "") + absence.suffix.joined()
        return full.hasPrefix(".") ? String(full.dropFirst()) : full
    }
}

extension ValueType {
    var isList: Bool { if case .list = self { true } else { false } }
    var isObject: Bool { if case .object = self { true } else { false } }
}

extension Value {
    /// Whether the value has (or may have) the given static type.
    func conforms(to type: ValueType) -> Bool {
        switch (self, type) {
        case (_, .any): true
        case (.null, .null), (.bool, .bool), (.int, .int), (.int, .number), (.decimal, .number),
             (.string, .string), (.date, .date), (.list, .list): true
        case (.node(_, let t), _): t.isList == type.isList && t.isObject == type.isObject
        case (_, .oneOf(let types)): types.contains { conforms(to: $0) }
        default: false
        }
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = self[...]
        while let f = s.first, f == " " { s = s.dropFirst() }
        while let l = s.last, l == " " { s = s.dropLast() }
        return s
    }
}

/// Builds the path of a node by walking up to the root.
public enum ReportPath {
    /// `documents[1].layout.font`, or `""` for the root.
    public static func of(_ node: NodeID, in doc: YAMLDocument) -> String {
        // Collected leaf first, written root first into one byte buffer.
        var steps: [(key: NodeID?, index: Int)] = []
        var current = node
        while let parent = doc.parent(current) {
            switch doc.kind(parent) {
            case .mapping:
                if let key = doc.key(of: current, in: parent) { steps.append((key, 0)) }
            case .sequence:
                if let i = doc.position(of: current, in: parent) { steps.append((nil, i)) }
            case .scalar:
                break
            }
            current = parent
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16 * steps.count)
        for (position, step) in steps.reversed().enumerated() {
            if let key = step.key {
                if position > 0 { bytes.append(UInt8(ascii: ".")) }
                if doc.kind(key) == .scalar { doc.withUTF8(key) { bytes.append(contentsOf: $0) } }
            } else {
                bytes.append(UInt8(ascii: "["))
                bytes.append(contentsOf: String(step.index).utf8)
                bytes.append(UInt8(ascii: "]"))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Fields that identify list elements in `list[key]` paths (`documents[cv-112]`).
    static let identifyingFields = ["ref", "code", "id"]

    /// The node a written path (`layout.margins_mm.left`, `recipients[1]`, `documents[cv-112]`)
    /// leads to from `start`, or nil when there is none: fields of mappings, 0-based indices,
    /// and list elements by their `ref`, `code` or `id`.
    public static func node(at path: String, from start: NodeID, in doc: YAMLDocument) -> NodeID? {
        guard let steps = PathSyntax.steps(path) else { return nil }
        var node = start
        for step in steps {
            switch step {
            case .field(let name):
                guard let next = doc.value(forKey: name, in: node) else { return nil }
                node = next
            case .index(let i):
                guard doc.kind(node) == .sequence, i >= 0, i < doc.count(node) else { return nil }
                node = doc.item(node, i)
            case .key(let key):
                guard doc.kind(node) == .sequence, let match = doc.items(node).first(where: { item in
                    identifyingFields.contains { f in doc.value(forKey: f, in: item).map { doc.text($0) == key } ?? false }
                }) else { return nil }
                node = match
            }
        }
        return node
    }

    /// Appends a field name to a path.
    public static func appending(_ field: String, to path: String) -> String {
        path.isEmpty ? field : path + "." + field
    }
}
