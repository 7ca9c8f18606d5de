/// A recursive-descent parser for the expression language.
///
/// Precedence, loosest first: `or`, `and`, `not`, comparisons (`== != < <= > >= in`, `not in`),
/// `??`, `+ -`, `* / %`, unary `-`, postfix (`.field`, `[index]`, calls).
struct Parser {
    private var tokens: [Token]
    private var position = 0
    /// Deepest nesting accepted, so hostile rule files cannot overflow the stack.
    static let maxDepth = 64
    private var depth = 0

    static func parse(_ text: String) throws(ExpressionError) -> Expression {
        var parser = Parser(tokens: try Lexer.tokenize(text))
        let expression = try parser.parseExpression()
        guard case .end = parser.current.kind else {
            throw ExpressionError(offset: parser.current.offset, message: "thừa nội dung sau biểu thức: \(parser.describe(parser.current))")
        }
        return expression
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    private func isSymbol(_ s: String) -> Bool {
        if case .symbol(s) = current.kind { return true }
        return false
    }

    private func isKeyword(_ k: String) -> Bool {
        if case .keyword(k) = current.kind { return true }
        return false
    }

    private mutating func expect(_ symbol: String) throws(ExpressionError) {
        guard isSymbol(symbol) else {
            throw ExpressionError(offset: current.offset, message: "cần '\(symbol)', gặp \(describe(current))")
        }
        _ = advance()
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .integer(let i): "số \(i)"
        case .decimal(let d): "số \(d)"
        case .string(let s): "chuỗi \"\(s)\""
        case .date(let d): "ngày \(d)"
        case .identifier(let s): "tên '\(s)'"
        case .keyword(let s): "từ khóa '\(s)'"
        case .symbol(let s): "'\(s)'"
        case .end: "hết biểu thức"
        }
    }

    private mutating func nested<T>(_ body: (inout Parser) throws(ExpressionError) -> T) throws(ExpressionError) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Parser.maxDepth else {
            throw ExpressionError(offset: current.offset, message: "biểu thức lồng nhau quá sâu (hơn \(Parser.maxDepth) cấp)")
        }
        return try body(&self)
    }

    /// One more level of the tree: each link of a chain (`a + b + c`, `a.b.c`) makes the tree
    /// one deeper, exactly like a bracket, so chains count toward `maxDepth` too. The caller
    /// restores `depth` when its chain ends.
    private mutating func deepen() throws(ExpressionError) {
        depth += 1
        guard depth <= Parser.maxDepth else {
            throw ExpressionError(offset: current.offset, message: "biểu thức lồng nhau quá sâu (hơn \(Parser.maxDepth) cấp)")
        }
    }

    mutating func parseExpression() throws(ExpressionError) -> Expression {
        try nested { (p: inout Parser) throws(ExpressionError) in try p.parseOr() }
    }

    private mutating func parseOr() throws(ExpressionError) -> Expression {
        var left = try parseAnd()
        let chainStart = depth
        defer { depth = chainStart }
        while isKeyword("or") {
            try deepen()
            let t = advance()
            left = .binary("or", left, try parseAnd(), offset: t.offset)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expression {
        var left = try parseNot()
        let chainStart = depth
        defer { depth = chainStart }
        while isKeyword("and") {
            try deepen()
            let t = advance()
            left = .binary("and", left, try parseNot(), offset: t.offset)
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> Expression {
        if isKeyword("not") {
            let t = advance()
            let operand = try nested { (p: inout Parser) throws(ExpressionError) in try p.parseNot() }
            return .unary("not", operand, offset: t.offset)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionError) -> Expression {
        let left = try parseDefault()
        for op in ["==", "!=", "<=", ">=", "<", ">"] where isSymbol(op) {
            let t = advance()
            return .binary(op, left, try parseDefault(), offset: t.offset)
        }
        if isKeyword("in") {
            let t = advance()
            return .binary("in", left, try parseDefault(), offset: t.offset)
        }
        if isKeyword("not"), position + 1 < tokens.count, case .keyword("in") = tokens[position + 1].kind {
            let t = advance()
            _ = advance()
            return .unary("not", .binary("in", left, try parseDefault(), offset: t.offset), offset: t.offset)
        }
        return left
    }

    private mutating func parseDefault() throws(ExpressionError) -> Expression {
        var left = try parseAdditive()
        let chainStart = depth
        defer { depth = chainStart }
        while isSymbol("??") {
            try deepen()
            let t = advance()
            left = .binary("??", left, try parseAdditive(), offset: t.offset)
        }
        return left
    }

    private mutating func parseAdditive() throws(ExpressionError) -> Expression {
        var left = try parseMultiplicative()
        let chainStart = depth
        defer { depth = chainStart }
        while isSymbol("+") || isSymbol("-") {
            try deepen()
            let t = advance()
            guard case .symbol(let op) = t.kind else { break }
            left = .binary(op, left, try parseMultiplicative(), offset: t.offset)
        }
        return left
    }

    private mutating func parseMultiplicative() throws(ExpressionError) -> Expression {
        var left = try parseUnary()
        let chainStart = depth
        defer { depth = chainStart }
        while isSymbol("*") || isSymbol("/") || isSymbol("%") {
            try deepen()
            let t = advance()
            guard case .symbol(let op) = t.kind else { break }
            left = .binary(op, left, try parseUnary(), offset: t.offset)
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expression {
        if isSymbol("-") {
            let t = advance()
            let operand = try nested { (p: inout Parser) throws(ExpressionError) in try p.parseUnary() }
            return .unary("-", operand, offset: t.offset)
        }
        return try parsePostfix()
    }

    private mutating func parsePostfix() throws(ExpressionError) -> Expression {
        var base = try parsePrimary()
        let chainStart = depth
        defer { depth = chainStart }
        while true {
            if isSymbol(".") || isSymbol("[") { try deepen() }
            if isSymbol(".") {
                let t = advance()
                guard case .identifier(let name) = current.kind else {
                    throw ExpressionError(offset: current.offset, message: "cần tên trường sau '.', gặp \(describe(current))")
                }
                _ = advance()
                base = .member(base, name, offset: t.offset + 1)
            } else if isSymbol("[") {
                let t = advance()
                let index = try parseExpression()
                try expect("]")
                base = .index(base, index, offset: t.offset)
            } else {
                return base
            }
        }
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expression {
        let t = current
        switch t.kind {
        case .integer(let i): _ = advance(); return .literal(.int(i), offset: t.offset)
        case .decimal(let d): _ = advance(); return .literal(.decimal(d), offset: t.offset)
        case .string(let s): _ = advance(); return .literal(.string(s), offset: t.offset)
        case .date(let d): _ = advance(); return .literal(.date(d), offset: t.offset)
        case .keyword("true"): _ = advance(); return .literal(.bool(true), offset: t.offset)
        case .keyword("false"): _ = advance(); return .literal(.bool(false), offset: t.offset)
        case .keyword("null"): _ = advance(); return .literal(.null, offset: t.offset)
        case .identifier(let name):
            _ = advance()
            if isSymbol("=>") {
                _ = advance()
                return .lambda(name, try parseExpression(), offset: t.offset)
            }
            if isSymbol("(") {
                _ = advance()
                var arguments: [Expression] = []
                if !isSymbol(")") {
                    arguments.append(try parseExpression())
                    while isSymbol(",") {
                        _ = advance()
                        arguments.append(try parseExpression())
                    }
                }
                try expect(")")
                return .call(name, arguments, offset: t.offset)
            }
            return .name(name, offset: t.offset)
        case .symbol("("):
            _ = advance()
            let inner = try parseExpression()
            try expect(")")
            return inner
        case .symbol("["):
            _ = advance()
            var items: [Expression] = []
            if !isSymbol("]") {
                items.append(try parseExpression())
                while isSymbol(",") {
                    _ = advance()
                    items.append(try parseExpression())
                }
            }
            try expect("]")
            return .list(items, offset: t.offset)
        default:
            throw ExpressionError(offset: t.offset, message: "cần một giá trị, gặp \(describe(t))")
        }
    }
}
