import YAML

/// A value as a dictionary key that is equal to another exactly when `Operators.equal` says the
/// two values are: numbers by their value (`5` and `5.0` are one), strings by canonical
/// equivalence (Swift's `==`, so NFC and NFD are one), lists element by element, report
/// mappings and sequences by identity. Lets list functions find repeats in one pass.
enum EqualityKey: Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case date(CalendarDate)
    case list([EqualityKey])
    case node(NodeID)

    init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .number(Double(i))
        case .decimal(let d): self = .number(d)
        case .string(let s): self = .string(s)
        case .date(let d): self = .date(d)
        case .list(let items): self = .list(items.map(EqualityKey.init))
        case .node(let id, _): self = .node(id)
        }
    }
}
