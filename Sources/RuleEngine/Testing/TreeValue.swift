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

    /// Sets (or, with nil, removes) the value at `steps`, creating missing maps on the way.
    /// Returns false when the path runs through a scalar or past the end of a list.
    mutating func set(_ steps: ArraySlice<Step>, to value: TreeValue?) -> Bool {
        guard let step = steps.first else { return false }
        let rest = steps.dropFirst()
        switch (step, self) {
        case (.field(let key), .map(var pairs)):
            let i = pairs.firstIndex { $0.0 == key }
            if rest.isEmpty {
                if let value { if let i { pairs[i].1 = value } else { pairs.append((key, value)) } } else if let i { pairs.remove(at: i) }
            } else {
                var child = i.map { pairs[$0].1 } ?? .map([])
                guard child.set(rest, to: value) else { return false }
                if let i { pairs[i].1 = child } else { pairs.append((key, child)) }
            }
            self = .map(pairs)
            return true
        case (.index(let k), .list(var items)):
            guard k >= 0, k <= items.count else { return false }
            if rest.isEmpty {
                if let value { if k == items.count { items.append(value) } else { items[k] = value } } else if k < items.count { items.remove(at: k) }
            } else {
                guard k < items.count else { return false }
                guard items[k].set(rest, to: value) else { return false }
            }
            self = .list(items)
            return true
        default:
            return false
        }
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
