import YAML

/// Finds the report node a finding is about, from a path expression (`doc.layout.font`,
/// `one_stop_shop.dossiers.received`). When part of the path is absent it gives the nearest
/// present node and the absent value's full path (checks.md, Decision 13).
struct Locator {
    enum Root { case variable(Int), report }
    enum Step { case field(String), index(Int) }
    let root: Root
    let steps: [Step]

    init(_ expression: Expression, compiler: ExpressionCompiler) throws(ExpressionError) {
        var steps: [Step] = []
        var e = expression
        while true {
            switch e {
            case .member(let base, let field, _):
                steps.append(.field(field))
                e = base
                continue
            case .index(let base, .literal(.int(let i), _), _):
                steps.append(.index(i))
                e = base
                continue
            case .index(let base, .unary("-", .literal(.int(let i), _), _), _):
                steps.append(.index(-i))  // `recipients[-1]`: the last element
                e = base
                continue
            case .name(let name, let offset):
                if let slot = compiler.slot(ofVariable: name) {
                    root = .variable(slot)
                } else if name == "report" {
                    root = .report
                } else if compiler.rootShape == nil || { if case .known = compiler.rootShape!.field(name) { true } else { false } }() {
                    root = .report
                    steps.append(.field(name))
                } else {
                    throw ExpressionError(offset: offset, message: "'at' phải là đường dẫn tới một trường của báo cáo")
                }
                self.steps = steps.reversed()
                return
            default:
                throw ExpressionError(offset: e.offset, message: "'at' phải là đường dẫn (ví dụ doc.layout.font), không phải biểu thức")
            }
        }
    }

    /// The node to point at and the path to name.
    func locate(in ctx: EvaluationContext) -> (node: NodeID?, path: String) {
        let doc = ctx.document
        var current: NodeID?
        switch root {
        case .report: current = ctx.root
        case .variable(let slot):
            if case .node(let id, _) = ctx.slots[slot] { current = id } else { current = ctx.targetNode }
        }
        guard var node = current else { return (nil, "") }
        for (i, step) in steps.enumerated() {
            var next: NodeID?
            switch step {
            case .field(let f): next = doc.value(forKey: f, in: node)
            case .index(let k):
                if doc.kind(node) == .sequence {
                    let n = doc.count(node), j = k < 0 ? n + k : k
                    if j >= 0, j < n { next = doc.item(node, j) }
                }
            }
            guard let found = next else {
                // `[-1]` of an empty list names no element: point at the list itself.
                if case .index(let k) = step, k < 0, doc.kind(node) == .sequence { return (node, ctx.path(of: node)) }
                let suffix = steps[i...].map { step -> String in
                    switch step {
                    case .field(let f): "." + f
                    case .index(let k): "[\(k)]"
                    }
                }.joined()
                let full = ctx.path(of: node) + suffix
                return (node, full.hasPrefix(".") ? String(full.dropFirst()) : full)
            }
            node = found
        }
        return (node, ctx.path(of: node))
    }
}
