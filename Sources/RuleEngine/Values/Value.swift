import YAML

/// A run-time value of the rule language.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case decimal(Double)
    case string(String)
    case date(CalendarDate)
    case list([Value])
    /// A mapping or sequence of the report being checked, with the static type it has there.
    case node(NodeID, ValueType)

    /// The type's name for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .decimal: "number"
        case .string: "string"
        case .date: "date"
        case .list: "list"
        case .node(_, let t):
            if case .list = t { "list" } else { "object" }
        }
    }

    /// The numeric value, for ints and decimals.
    public var number: Double? {
        switch self {
        case .int(let i): Double(i)
        case .decimal(let d): d
        default: nil
        }
    }
}
