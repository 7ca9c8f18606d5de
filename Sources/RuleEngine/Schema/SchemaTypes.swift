import YAML

/// The seven JSON Schema instance types.
public enum JSONType: String, Sendable, Hashable, CaseIterable {
    case null, boolean, object, array, number, string, integer

    /// How a message names a value of this type, in Vietnamese.
    public var vietnameseName: String {
        switch self {
        case .null: "để trống (null)"
        case .boolean: "true hoặc false"
        case .object: "nhóm trường (các dòng khóa: giá trị)"
        case .array: "danh sách"
        case .number: "số"
        case .string: "chuỗi văn bản"
        case .integer: "số nguyên"
        }
    }

    /// Whether a value of type `self` is also of type `other` (an integer is a number).
    func isSubtype(of other: JSONType) -> Bool {
        self == other || (self == .integer && other == .number)
    }
}

extension Set where Element == JSONType {
    /// The types both sets accept, knowing that every integer is a number; `integer` is
    /// dropped when `number` is kept, since it adds nothing.
    func narrowed(by other: Set<JSONType>) -> Set<JSONType> {
        var result = intersection(other)
        if contains(.number) && other.contains(.integer) || other.contains(.number) && contains(.integer) {
            result.insert(.integer)
        }
        if result.contains(.number) { result.remove(.integer) }
        return result
    }
}

/// A set of JSON types as bits, for the validator's hot path. A mask that accepts `number`
/// accepts `integer` values too.
struct JSONTypeMask: Sendable {
    private let bits: UInt8

    init(_ types: Set<JSONType>) {
        var bits: UInt8 = 0
        for type in types { bits |= Self.bit(type) }
        if types.contains(.number) { bits |= Self.bit(.integer) }
        self.bits = bits
    }

    /// Whether a value of `type` is valid for the set.
    func accepts(_ type: JSONType) -> Bool { bits & Self.bit(type) != 0 }

    private static func bit(_ type: JSONType) -> UInt8 {
        switch type {
        case .null: 1
        case .boolean: 2
        case .object: 4
        case .array: 8
        case .number: 16
        case .string: 32
        case .integer: 64
        }
    }
}

/// The formats the validator asserts. Only those the report schema uses are supported; any
/// other `format` in a schema file is a load error rather than a silently ignored annotation.
public enum SchemaFormat: String, Sendable, Hashable, CaseIterable {
    /// A real calendar day written `YYYY-MM-DD` (RFC 3339 `full-date`).
    case date
}

/// A scalar written in a schema (`const`, `enum` members). Strings compare by canonical
/// equivalence, so an NFD report matches an NFC schema; `1` equals `1.0`.
public enum SchemaLiteral: Sendable, Hashable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)

    /// The JSON type of the literal.
    public var type: JSONType {
        switch self {
        case .null: .null
        case .bool: .boolean
        case .integer: .integer
        case .number(let d): d.isFinite && d == d.rounded() ? .integer : .number
        case .string: .string
        }
    }

    /// The literal as a person would write it in a report.
    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .integer(let i): String(i)
        case .number(let d): String(describing: d)
        case .string(let s): s
        }
    }

    /// JSON Schema equality: numbers by value whatever their spelling, strings by canonical
    /// equivalence, no equality across types (`false` is not `0`).
    func equals(_ other: SchemaLiteral) -> Bool {
        switch (self, other) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.integer(a), .integer(b)): a == b
        case (.integer, .number), (.number, .integer), (.number, .number):
            numericValue == other.numericValue
        default: false
        }
    }

    var numericValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }
}

extension SchemaLiteral {
    /// A scalar as the YAML core schema resolved it.
    init(_ value: ScalarValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .integer(i)
        case .float(let d): self = .number(d)
        case .string(let s): self = .string(s)
        }
    }
}
