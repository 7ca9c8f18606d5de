/// The static type of an expression or of a report field, as the type checker sees it.
public indirect enum ValueType: Sendable, CustomStringConvertible {
    /// Unknown statically (checked at run time).
    case any
    case null
    case bool
    case int
    /// Any number (integer or decimal).
    case number
    case string
    case date
    case list(ValueType)
    /// A mapping whose fields the shape knows (a report section), or any mapping when nil.
    case object((any ObjectShape)?)
    /// A value that may be one of several types (`retention`: `permanent` or years).
    case oneOf([ValueType])

    /// Whether values of `self` and `other` can be compared with `==` / `<`.
    public func isComparable(with other: ValueType) -> Bool {
        switch (self, other) {
        case (.any, _), (_, .any), (.null, _), (_, .null): return true
        case (.oneOf(let a), _): return a.contains { $0.isComparable(with: other) }
        case (_, .oneOf(let b)): return b.contains { isComparable(with: $0) }
        case (.int, .int), (.int, .number), (.number, .int), (.number, .number): return true
        case (.string, .string), (.bool, .bool), (.date, .date): return true
        case (.list, .list), (.object, .object): return true
        default: return false
        }
    }

    /// Whether a value of this type could be used where `expected` is wanted.
    public func conforms(to expected: ValueType) -> Bool {
        switch (self, expected) {
        case (.any, _), (_, .any), (.null, _): return true
        case (.oneOf(let a), _): return a.contains { $0.conforms(to: expected) }
        case (_, .oneOf(let b)): return b.contains { conforms(to: $0) }
        case (.int, .int), (.int, .number), (.number, .number): return true
        case (.number, .int): return true  // checked at run time
        case (.string, .string), (.bool, .bool), (.date, .date), (.object, .object): return true
        case (.list(let a), .list(let b)): return a.conforms(to: b)
        default: return false
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .int, .number, .any: true
        case .oneOf(let types): types.contains { $0.isNumeric }
        default: false
        }
    }

    /// The element type, when this is a list.
    public var elementType: ValueType? {
        switch self {
        case .list(let e): e
        case .any: .any
        default: nil
        }
    }

    /// The name a report's reader understands, in Vietnamese only, for findings about values
    /// a rule cannot read ("'14/01/2022' không phải ngày dạng YYYY-MM-DD").
    public var readerName: String {
        switch self {
        case .any: "giá trị"
        case .null: "trống"
        case .bool: "giá trị đúng/sai (true/false)"
        case .int: "số nguyên"
        case .number: "số"
        case .string: "chuỗi văn bản"
        case .date: "ngày dạng YYYY-MM-DD"
        case .list: "danh sách"
        case .object: "nhóm trường"
        case .oneOf(let types): types.map(\.readerName).joined(separator: " hoặc ")
        }
    }

    /// The name shown to rule authors in type errors (Vietnamese gloss in brackets).
    public var description: String {
        switch self {
        case .any: "any"
        case .null: "null"
        case .bool: "boolean (đúng/sai)"
        case .int: "integer (số nguyên)"
        case .number: "number (số)"
        case .string: "string (chuỗi)"
        case .date: "date (ngày)"
        case .list(let e): "list of \(e)"
        case .object: "object (nhóm trường)"
        case .oneOf(let types): types.map(\.description).joined(separator: " | ")
        }
    }
}

/// What a field lookup on an object shape finds.
public enum FieldLookup: Sendable {
    case known(ValueType)
    /// The shape has no such field; `suggestion` is the nearest known name.
    case unknown(suggestion: String?)
}

/// The statically known fields of a mapping: implemented by the report schema, so that rules
/// are type-checked against it and paths it does not have are load errors.
public protocol ObjectShape: Sendable {
    /// The type of field `name`, or `.unknown` with a did-you-mean suggestion.
    func field(_ name: String) -> FieldLookup
}

extension ValueType {
    /// Any list and any mapping, built once: a case of an indirect enum with a payload is
    /// allocated each time it is built, and evaluation builds these for every node it reads
    /// without a more precise type.
    static let anyList = ValueType.list(.any)
    static let anyObject = ValueType.object(nil)
}
