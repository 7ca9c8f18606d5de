/// A message or fix text with `{{ expression }}` placeholders, optionally piped through a
/// formatting function: `{{ rate | percent }}`, `{{ x | number(1) }}`.
struct Template {
    enum Part {
        case text(String)
        case placeholder(CompiledExpression)
    }
    let parts: [Part]

    /// Splits `text` into literal text and placeholder expressions (offsets relative to `text`).
    static func split(_ text: String) throws(ExpressionError) -> [(isPlaceholder: Bool, text: String, offset: Int)] {
        var result: [(Bool, String, Int)] = []
        let s = Array(text.unicodeScalars)
        var i = 0, literalStart = 0
        func string(_ r: Range<Int>) -> String { String(scalars: s[r]) }
        while i < s.count {
            if s[i] == "{", i + 1 < s.count, s[i + 1] == "{" {
                if literalStart < i { result.append((false, string(literalStart ..< i), literalStart)) }
                var j = i + 2
                while j + 1 < s.count, !(s[j] == "}" && s[j + 1] == "}") { j += 1 }
                guard j + 1 < s.count else { throw ExpressionError(offset: i, message: "thiếu '}}' đóng chỗ điền giá trị") }
                result.append((true, string(i + 2 ..< j), i + 2))
                i = j + 2
                literalStart = i
            } else {
                i += 1
            }
        }
        if literalStart < s.count { result.append((false, string(literalStart ..< s.count), literalStart)) }
        return result
    }

    /// The text as a rule's description shows it, away from any report: each placeholder as
    /// "…" (`chậm nhất ngày {{ deadline }}` → `chậm nhất ngày …`); unchanged if it does not split.
    static func elidingPlaceholders(_ text: String) -> String {
        guard let pieces = try? split(text) else { return text }
        return pieces.map { $0.isPlaceholder ? "…" : $0.text }.joined()
    }

    /// Rewrites `expr | f(args)` into `f(expr, args)`, respecting strings and brackets.
    static func desugarPipes(_ text: String) -> String {
        var depth = 0, quote: Character?
        var pieces: [String] = [], current = ""
        for c in text {
            if let q = quote { if c == q { quote = nil } }
            else if c == "\"" || c == "'" { quote = c }
            else if c == "(" || c == "[" { depth += 1 }
            else if c == ")" || c == "]" { depth -= 1 }
            else if c == "|", depth == 0 { pieces.append(current); current = ""; continue }
            current.append(c)
        }
        pieces.append(current)
        var expression = pieces[0]
        for filter in pieces.dropFirst() {
            let f = filter.trimmingCharacters(in: .whitespaces)
            if let open = f.firstIndex(of: "("), f.hasSuffix(")") {
                let name = f[..<open]
                let args = f[f.index(after: open) ..< f.index(before: f.endIndex)]
                expression = "\(name)(\(expression)\(args.trimmingCharacters(in: .whitespaces).isEmpty ? "" : ", " + args))"
            } else {
                expression = "\(f)(\(expression))"
            }
        }
        return expression
    }

    /// Renders the template; a placeholder whose value is absent shows `(không có)`.
    func render(_ ctx: EvaluationContext) throws -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let t): out += t
            case .placeholder(let e):
                do {
                    out += ValueFormatter.excerpt(ValueFormatter.text(try ctx.materialize(e.evaluate(ctx))))
                } catch is Absence {
                    out += "(không có)"
                }
            }
        }
        return out
    }
}

import Foundation
