/// The run-time semantics of the operators. Type errors that the checker could not see
/// (values of type `any`) become located `EvaluationError`s, never a silent false.
enum Operators {
    static func truth(_ value: Value, at offset: Int) throws -> Bool {
        guard case .bool(let b) = value else {
            throw EvaluationError(offset: offset, message: "cần giá trị đúng/sai, nhận \(value.typeName)")
        }
        return b
    }

    static func negate(_ value: Value, at offset: Int) throws -> Value {
        switch value {
        case .int(let i):
            guard i != .min else { throw EvaluationError(offset: offset, message: "tràn số khi đổi dấu \(i)") }
            return .int(-i)
        case .decimal(let d): return .decimal(-d)
        default: throw EvaluationError(offset: offset, message: "dấu '-' cần một số, nhận \(value.typeName)")
        }
    }

    /// Equality used by `==`, `in` and `distinct`: numbers by value, strings by canonical
    /// equivalence (NFC and NFD spellings are equal), dates by day, lists element-wise.
    static func equal(_ a: Value, _ b: Value) -> Bool? {
        switch (a, b) {
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.date(let x), .date(let y)): return x == y
        case (.list(let x), .list(let y)):
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) { guard equal(p, q) == true else { return false } }
            return true
        case (.node(let x, _), .node(let y, _)): return x == y
        case (.node, _), (_, .node), (.list, _), (_, .list):
            return nil
        default:
            // Scalars of different kinds (a `retention` of `permanent` vs 20) are simply unequal;
            // the type checker already rejects comparisons that can never be equal.
            if let x = a.number, let y = b.number { return x == y }
            return false
        }
    }

    /// Ordering of numbers, strings and dates; nil when the two cannot be ordered.
    static func order(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.date(let x), .date(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        default:
            if let x = a.number, let y = b.number { return x == y ? 0 : (x < y ? -1 : 1) }
            return nil
        }
    }

    static func compare(_ op: String, _ a: Value, _ b: Value, at offset: Int) throws -> Bool {
        switch op {
        case "==", "!=":
            guard let e = equal(a, b) else {
                throw EvaluationError(offset: offset, message: "không so sánh được \(a.typeName) với \(b.typeName)")
            }
            return op == "==" ? e : !e
        default:
            guard let o = order(a, b) else {
                throw EvaluationError(offset: offset, message: "không so sánh thứ tự được \(a.typeName) với \(b.typeName)")
            }
            switch op {
            case "<": return o < 0
            case "<=": return o <= 0
            case ">": return o > 0
            default: return o >= 0
            }
        }
    }

    static func contains(_ container: Value, _ element: Value, at offset: Int) throws -> Bool {
        switch container {
        case .list(let items):
            return items.contains { equal($0, element) == true }
        case .string(let s):
            guard case .string(let e) = element else {
                throw EvaluationError(offset: offset, message: "'in' trên chuỗi cần một chuỗi, nhận \(element.typeName)")
            }
            return s.contains(e)
        default:
            throw EvaluationError(offset: offset, message: "vế phải của 'in' phải là danh sách hoặc chuỗi, nhận \(container.typeName)")
        }
    }

    /// The longest string an expression may build (UTF-8 bytes). Strings only grow by `+`,
    /// `replace` and `join`; nested, they grow exponentially (`replace(replace(s, "a", "aaaa"), …)`,
    /// or let names doubling a 1 MB field), so without a bound a rule could exhaust memory.
    static let maxStringBytes = 16 << 20

    static func checkStringLength(_ bytes: Int, at offset: Int) throws {
        guard bytes <= maxStringBytes else {
            throw EvaluationError(offset: offset, message: "chuỗi kết quả dài \(bytes) byte, quá giới hạn \(maxStringBytes) byte")
        }
    }

    static func arithmetic(_ op: String, _ a: Value, _ b: Value, at offset: Int) throws -> Value {
        if op == "+", case .string(let x) = a, case .string(let y) = b {
            try checkStringLength(x.utf8.count + y.utf8.count, at: offset)
            return .string(x + y)
        }
        if case .int(let x) = a, case .int(let y) = b, op != "/" {
            let (r, overflow): (Int, Bool)
            switch op {
            case "+": (r, overflow) = x.addingReportingOverflow(y)
            case "-": (r, overflow) = x.subtractingReportingOverflow(y)
            case "*": (r, overflow) = x.multipliedReportingOverflow(by: y)
            default:
                guard y != 0 else { throw EvaluationError(offset: offset, message: "chia cho 0") }
                (r, overflow) = x.remainderReportingOverflow(dividingBy: y)
            }
            guard !overflow else { throw EvaluationError(offset: offset, message: "tràn số khi tính \(x) \(op) \(y)") }
            return .int(r)
        }
        guard let x = a.number, let y = b.number else {
            throw EvaluationError(offset: offset, message: "phép '\(op)' cần hai số, nhận \(a.typeName) và \(b.typeName)")
        }
        switch op {
        case "+": return .decimal(x + y)
        case "-": return .decimal(x - y)
        case "*": return .decimal(x * y)
        case "/":
            guard y != 0 else { throw EvaluationError(offset: offset, message: "chia cho 0") }
            return .decimal(x / y)
        default:
            guard y != 0 else { throw EvaluationError(offset: offset, message: "chia cho 0") }
            return .decimal(x.truncatingRemainder(dividingBy: y))
        }
    }
}
