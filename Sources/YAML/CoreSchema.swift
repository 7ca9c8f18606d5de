/// YAML 1.2 core-schema resolution of scalars: `null`/`~`/empty, `true`/`false` in three
/// capitalisations, decimal/`0o`/`0x` integers, floats with `.inf`/`.nan`. `yes`, `no`, `on`,
/// `off` stay strings. Dates stay strings at this layer.
public enum CoreSchema {
    /// Resolves a scalar's bytes given how it was written and tagged.
    public static func resolve(bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle, tag: ScalarTag) -> ScalarValue {
        switch resolvedType(bytes: bytes, style: style, tag: tag) {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        case .string: return .string(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Resolves the text of an untagged plain scalar.
    public static func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>) -> ScalarValue {
        resolve(bytes: bytes, style: .plain, tag: .none)
    }

    /// A resolved scalar without its text: what `resolve` gives, minus the `String` of a
    /// string, so that the loader can type scalars (for duplicate keys) without allocating.
    enum Resolved: Equatable {
        case null
        case bool(Bool)
        case int(Int)
        case float(Double)
        case string
    }

    /// The type and, for non-strings, the value of a scalar. A core tag whose text does not
    /// fit (`!!int abc`) gives a string.
    static func resolvedType(bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle, tag: ScalarTag) -> Resolved {
        switch tag {
        case .string:
            return .string
        case .null:
            return .null
        case .bool:
            return resolveBool(bytes).map(Resolved.bool) ?? .string
        case .int:
            return resolveInt(bytes).map(Resolved.int) ?? .string
        case .float:
            if let i = resolveInt(bytes) { return .float(Double(i)) }
            return resolveFloat(bytes).map(Resolved.float) ?? .string
        case .none:
            guard style == .plain, let first = bytes.first else { return style == .plain ? .null : .string }
            // Fast exit: most text starts with a letter that cannot begin a number, null or bool.
            switch first {
            case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
                if isNull(bytes) { return .null }
            case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
                if let b = resolveBool(bytes) { return .bool(b) }
            case UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
                if let i = resolveInt(bytes) { return .int(i) }
                if let d = resolveFloat(bytes) { return .float(d) }
            default:
                break
            }
            return .string
        }
    }

    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        for i in 0 ..< bytes.count where bytes[i] != p[i] { return false }
        return true
    }

    static func isNull(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.isEmpty || equals(b, "~") || equals(b, "null") || equals(b, "Null") || equals(b, "NULL")
    }

    static func resolveBool(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        if equals(b, "true") || equals(b, "True") || equals(b, "TRUE") { return true }
        if equals(b, "false") || equals(b, "False") || equals(b, "FALSE") { return false }
        return nil
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`; nil if not an integer or out of range.
    static func resolveInt(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !b.isEmpty else { return nil }
        if b.count > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "o") || b[1] == UInt8(ascii: "x") {
            // Digits only: `Int(_:radix:)` would also take a sign (`0x-1`), which YAML does not.
            let radix = b[1] == UInt8(ascii: "o") ? 8 : 16
            var value = 0
            for c in UnsafeBufferPointer(rebasing: b[2...]) {
                let digit: Int
                switch c {
                case UInt8(ascii: "0") ... UInt8(ascii: "9"): digit = Int(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit = Int(c - UInt8(ascii: "a")) + 10
                case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit = Int(c - UInt8(ascii: "A")) + 10
                default: return nil
                }
                guard digit < radix else { return nil }
                let (m, o1) = value.multipliedReportingOverflow(by: radix)
                let (s, o2) = m.addingReportingOverflow(digit)
                if o1 || o2 { return nil }
                value = s
            }
            return value
        }
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < b.count else { return nil }
        var value = 0
        while i < b.count {
            let c = b[i]
            guard isDigit(c) else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(Int(c - 48)) : m.addingReportingOverflow(Int(c - 48))
            if o1 || o2 { return nil }
            value = s
            i += 1
        }
        return value
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.inf`, `\.nan` (three capitalisations).
    static func resolveFloat(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var sign = 1.0
        if let c = b.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            sign = c == UInt8(ascii: "-") ? -1 : 1
            i = 1
        }
        let rest = UnsafeBufferPointer(rebasing: b[i...])
        if equals(rest, ".inf") || equals(rest, ".Inf") || equals(rest, ".INF") { return sign * .infinity }
        if i == 0, equals(rest, ".nan") || equals(rest, ".NaN") || equals(rest, ".NAN") { return .nan }
        var digitsBefore = 0, digitsAfter = 0
        while i < b.count, isDigit(b[i]) { i += 1; digitsBefore += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, isDigit(b[i]) { i += 1; digitsAfter += 1 }
        }
        guard digitsBefore > 0 || digitsAfter > 0 else { return nil }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            var expDigits = 0
            while i < b.count, isDigit(b[i]) { i += 1; expDigits += 1 }
            guard expDigits > 0 else { return nil }
        }
        guard i == b.count else { return nil }
        return Double(String(decoding: b, as: UTF8.self))
    }
}
