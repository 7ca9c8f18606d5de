/// A JSON value whose objects keep their keys in the order written, for output with a stable
/// key order (the JSON and SARIF formats).
indirect enum JSONValue {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// Text already serialized at the indentation where it will stand, written as it is (lets
    /// a reporter serialize the parts of a large document in parallel).
    case raw(String)

    /// A string, or null when absent.
    init(_ value: String?) { self = value.map(JSONValue.string) ?? .null }

    /// A number, or null when absent.
    init(_ value: Double?) { self = value.map(JSONValue.number) ?? .null }

    /// An integer, or null when absent.
    init(_ value: Int?) { self = value.map { .number(Double($0)) } ?? .null }

    /// The value as pretty-printed JSON (two-space indent, UTF-8 text unescaped), with a final
    /// newline.
    var serialized: String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    /// The value pretty-printed as it stands at `indent` inside a larger document, without a
    /// final newline: `.raw(value.serialized(indent: i))` written at `i` is `value` written there.
    func serialized(indent: String) -> String {
        var out = ""
        write(to: &out, indent: indent)
        return out
    }

    private func write(to out: inout String, indent: String) {
        switch self {
        case .raw(let text): out += text
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
        out += "\""
        // Most strings need no escaping: append them whole (scalar-by-scalar appends were a
        // fifth of a `check --format json` run).
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += string
            out += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0}"..."\u{1F}":
                out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4, with: "0")
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
