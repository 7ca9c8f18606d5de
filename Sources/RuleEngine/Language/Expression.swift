/// The syntax tree of an expression. Each node keeps its offset for error messages.
indirect enum Expression: Sendable {
    case literal(Value, offset: Int)
    /// A name: a bound variable (`doc`, `it`), `params`, or a top-level report field.
    case name(String, offset: Int)
    /// `base.field`
    case member(Expression, String, offset: Int)
    /// `base[index]`
    case index(Expression, Expression, offset: Int)
    case unary(String, Expression, offset: Int)
    case binary(String, Expression, Expression, offset: Int)
    case call(String, [Expression], offset: Int)
    /// `x => body` (only as a function argument)
    case lambda(String, Expression, offset: Int)
    case list([Expression], offset: Int)

    var offset: Int {
        switch self {
        case .literal(_, let o), .name(_, let o), .member(_, _, let o), .index(_, _, let o), .unary(_, _, let o),
             .binary(_, _, _, let o), .call(_, _, let o), .lambda(_, _, let o), .list(_, let o):
            return o
        }
    }
}

extension Expression {
    /// Calls `body` with every name the expression reads that it does not bind itself (a
    /// lambda's parameter is bound inside its body), once per occurrence. Over-approximates: an
    /// element function's implicit `it` counts.
    func forEachFreeName(bound: Set<String> = [], _ body: (String) -> Void) {
        switch self {
        case .literal: break
        case .name(let n, _): if !bound.contains(n) { body(n) }
        case .member(let base, _, _), .unary(_, let base, _): base.forEachFreeName(bound: bound, body)
        case .lambda(let parameter, let base, _): base.forEachFreeName(bound: bound.union([parameter]), body)
        case .index(let base, let index, _):
            base.forEachFreeName(bound: bound, body)
            index.forEachFreeName(bound: bound, body)
        case .binary(_, let lhs, let rhs, _):
            lhs.forEachFreeName(bound: bound, body)
            rhs.forEachFreeName(bound: bound, body)
        case .call(_, let arguments, _), .list(let arguments, _):
            for a in arguments { a.forEachFreeName(bound: bound, body) }
        }
    }

    /// The names `forEachFreeName` gives, each once.
    var freeNames: Set<String> {
        var names: Set<String> = []
        forEachFreeName { names.insert($0) }
        return names
    }
}
