/// A JSON value whose objects keep their keys in the order written, for output with a stable
/// key order (the JSON and SARIF formats).
public indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// A string, or null when absent.
    public init(_ value: String?) { self = value.map(JSONValue.string) ?? .null }

    /// A number, or null when absent.
    public init(_ value: Double?) { self = value.map(JSONValue.number) ?? .null }

    /// An integer, or null when absent.
    public init(_ value: Int?) { self = value.map { .number(Double($0)) } ?? .null }

    /// The value as pretty-printed JSON (two-space indent, UTF-8 text unescaped), with a final
    /// newline.
    public var serialized: String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    private func write(to out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value): out += Self.format(value)
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            let inner = indent + "  "
            out += "["
            for (i, item) in items.enumerated() {
                out += (i == 0 ? "\n" : ",\n") + inner
                item.write(to: &out, indent: inner)
            }
            out += "\n" + indent + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            let inner = indent + "  "
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                out += (i == 0 ? "\n" : ",\n") + inner
                Self.writeString(key, to: &out)
                out += ": "
                value.write(to: &out, indent: inner)
            }
            out += "\n" + indent + "}"
        }
    }

    /// Integral values without a fraction (`8`, not `8.0`); others in Swift's shortest
    /// round-tripping form; NaN and infinities, which JSON cannot hold, as null.
    private static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    private static func writeString(_ string: String, to out: inout String) {
        JSONWriter.appendQuoted(string, to: &out)
    }

    /// The value as compact JSON on one line (plugin requests).
    public var compact: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return Self.format(value)
        case .string(let value):
            var out = ""
            Self.writeString(value, to: &out)
            return out
        case .array(let items): return "[" + items.map(\.compact).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { key, value in
                var out = ""
                Self.writeString(key, to: &out)
                return out + ":" + value.compact
            }.joined(separator: ",") + "}"
        }
    }
}
