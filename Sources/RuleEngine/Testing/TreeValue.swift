import YAML

/// A plain tree of YAML data, used to build fixture reports: a base report, merged with a
/// patch, edited by paths, then written back out as YAML and loaded like any report.
indirect enum TreeValue: Equatable {
    /// A scalar with its text; `verbatim` scalars (plain numbers, booleans, null) are written
    /// as they are, others quoted, so `"1534"` stays a string and `1534` a number.
    case scalar(String, verbatim: Bool)
    case list([TreeValue])
    case map([(String, TreeValue)])

    static func == (a: TreeValue, b: TreeValue) -> Bool {
        switch (a, b) {
        case let (.scalar(x, vx), .scalar(y, vy)): x == y && vx == vy
        case let (.list(x), .list(y)): x == y
        case let (.map(x), .map(y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    init(_ doc: YAMLDocument, _ node: NodeID) {
        switch doc.kind(node) {
        case .scalar:
            let verbatim: Bool
            if doc.style(node) == .plain, case .string = doc.scalarValue(node) { verbatim = false } else { verbatim = doc.style(node) == .plain }
            self = .scalar(doc.text(node), verbatim: verbatim)
        case .sequence: self = .list(doc.items(node).map { TreeValue(doc, $0) })
        case .mapping: self = .map(doc.pairs(node).map { (doc.text($0.key), TreeValue(doc, $0.value)) })
        }
    }

    /// Deep merge: maps merge key by key, anything else is replaced by `patch`.
    func merged(with patch: TreeValue) -> TreeValue {
        guard case .map(var base) = self, case .map(let changes) = patch else { return patch }
        for (key, value) in changes {
            if let i = base.firstIndex(where: { $0.0 == key }) { base[i].1 = base[i].1.merged(with: value) } else { base.append((key, value)) }
        }
        return .map(base)
    }

    /// One step of an edit path.
    enum Step: Equatable { case field(String), index(Int) }

    /// Parses `documents[0].layout.font` (fields and indices only: edits do not look up refs).
    static func steps(_ path: String) -> [Step]? {
        guard let steps = PathSyntax.steps(path) else { return nil }
        var result: [Step] = []
        for step in steps {
            switch step {
            case .field(let name): result.append(.field(name))
            case .index(let i): result.append(.index(i))
            case .key: return nil
            }
        }
        return result
    }

    /// `steps` written back as a path: `documents[0].layout`.
    static func path(_ steps: some Sequence<Step>) -> String {
        steps.reduce(into: "") { out, step in
            switch step {
            case .field(let name): out += out.isEmpty ? name : "." + name
            case .index(let i): out += "[\(i)]"
            }
        }
    }

    /// The value reached by `steps`, for messages: `'documents[0]'`, or the report itself.
    static func place(_ steps: ArraySlice<Step>) -> String {
        steps.isEmpty ? "báo cáo" : "'\(path(steps))'"
    }

    /// Why an edit path cannot be followed in a fixture's report.
    struct EditFailure: Error {
        /// The reason, in Vietnamese, naming the place (`'documents' có 2 phần tử, …`).
        let message: String
    }

    /// Sets (or, with nil, removes) the value at `steps` (not empty: `steps(_:)` gives none),
    /// creating missing maps on the way. Throws, naming the place, when the path runs through a
    /// value that is not a mapping (for a field) or not a list (for an index), or past the end
    /// of a list (setting the index equal to the count appends).
    mutating func set(_ steps: [Step], to value: TreeValue?) throws(EditFailure) {
        try set(steps, from: 0, to: value)
    }

    private mutating func set(_ steps: [Step], from depth: Int, to value: TreeValue?) throws(EditFailure) {
        let last = depth + 1 == steps.count
        let parent = Self.place(steps[..<depth])
        switch (steps[depth], self) {
        case (.field(let key), .map(var pairs)):
            let i = pairs.firstIndex { $0.0 == key }
            if last {
                if let value { if let i { pairs[i].1 = value } else { pairs.append((key, value)) } } else if let i { pairs.remove(at: i) }
            } else {
                var child = i.map { pairs[$0].1 } ?? .map([])
                try child.set(steps, from: depth + 1, to: value)
                if let i { pairs[i].1 = child } else { pairs.append((key, child)) }
            }
            self = .map(pairs)
        case (.index(let k), .list(var items)):
            guard k >= 0, k < items.count || (last && value != nil && k == items.count) else {
                throw EditFailure(message: "\(parent) có \(items.count) phần tử, không có phần tử [\(k)]")
            }
            if last {
                if let value { if k == items.count { items.append(value) } else { items[k] = value } } else { items.remove(at: k) }
            } else {
                try items[k].set(steps, from: depth + 1, to: value)
            }
            self = .list(items)
        case (.field(let key), _):
            throw EditFailure(message: "\(parent) không phải nhóm trường, không có trường '\(key)'")
        case (.index(let k), _):
            throw EditFailure(message: "\(parent) không phải danh sách, không có phần tử [\(k)]")
        }
    }

    /// Why the report shape has no place at `steps` — a field it does not know (with the
    /// nearest one it does), a field of a value that is not a mapping, an index into one that
    /// is not a list — or nil when it has. The lookup is the rule compiler's
    /// (`ObjectShape.field`), so a fixture's edit and a rule's path agree on what a report holds.
    /// With `unknownFieldsOnly`, a step into a value of another type (a field of a string, as a
    /// case that tests a mistyped value writes) is not a problem: only a field no object has is.
    static func shapeProblem(of steps: [Step], in shape: any ObjectShape, unknownFieldsOnly: Bool = false) -> String? {
        var type = ValueType.object(shape)
        for (depth, step) in steps.enumerated() {
            let parent = place(steps[..<depth])
            switch (step, type) {
            case (_, .any), (.field, .object(nil)):
                return nil
            case (.field, .oneOf(let types)) where types.contains(where: \.isObject):
                return nil  // as the rule compiler: a field of a value that may be a mapping is not checked
            case (.index, .oneOf(let types)) where types.contains(where: \.isList):
                return nil
            case (.field(let name), .object(let fields?)):
                switch fields.field(name) {
                case .known(let t): type = t
                case .unknown(let suggestion): return "'\(path(steps[...depth]))' không có trong lược đồ báo cáo" + Suggestions.phrase(suggestion)
                }
            case (.index, .list(let element)):
                type = element
            case _ where unknownFieldsOnly:
                return nil
            case (.field(let name), _):
                return "\(parent) là \(type) trong lược đồ báo cáo, không có trường '\(name)'"
            case (.index(let k), _):
                return "\(parent) là \(type) trong lược đồ báo cáo, không phải danh sách: không có phần tử [\(k)]"
            }
        }
        return nil
    }

    /// The tree as indented JSON-style YAML (JSON is YAML): one key or item per line, so
    /// findings keep distinct line numbers.
    var yaml: String {
        var out = ""
        write(to: &out, indent: 0)
        return out + "\n"
    }

    private func write(to out: inout String, indent: Int) {
        let inner = String(repeating: "  ", count: indent + 1), outer = String(repeating: "  ", count: indent)
        switch self {
        case .scalar(let text, let verbatim):
            if verbatim { out += text } else { JSONWriter.appendQuoted(text, to: &out) }
        case .list(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                item.write(to: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += outer + "]"
        case .map(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in pairs.enumerated() {
                out += inner
                JSONWriter.appendQuoted(key, to: &out)
                out += ": "
                value.write(to: &out, indent: indent + 1)
                out += i + 1 < pairs.count ? ",\n" : "\n"
            }
            out += outer + "}"
        }
    }
}
