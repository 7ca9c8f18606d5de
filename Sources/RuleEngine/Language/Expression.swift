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
    /// Calls `body` with every name the expression reads, once per occurrence, lambda
    /// parameters included.
    func forEachName(_ body: (String) -> Void) {
        switch self {
        case .literal: break
        case .name(let n, _): body(n)
        case .member(let base, _, _), .unary(_, let base, _), .lambda(_, let base, _): base.forEachName(body)
        case .index(let base, let index, _): base.forEachName(body); index.forEachName(body)
        case .binary(_, let lhs, let rhs, _): lhs.forEachName(body); rhs.forEachName(body)
        case .call(_, let arguments, _), .list(let arguments, _): for a in arguments { a.forEachName(body) }
        }
    }

    /// The names the expression reads that it does not bind itself (a lambda's parameter is
    /// bound inside its body). Over-approximates: an element function's implicit `it` counts.
    var freeNames: Set<String> {
        switch self {
        case .literal: []
        case .name(let n, _): [n]
        case .member(let base, _, _): base.freeNames
        case .index(let base, let index, _): base.freeNames.union(index.freeNames)
        case .unary(_, let operand, _): operand.freeNames
        case .binary(_, let lhs, let rhs, _): lhs.freeNames.union(rhs.freeNames)
        case .call(_, let arguments, _), .list(let arguments, _): arguments.reduce(into: []) { $0.formUnion($1.freeNames) }
        case .lambda(let parameter, let body, _): body.freeNames.subtracting([parameter])
        }
    }
}
