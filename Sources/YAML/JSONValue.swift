/// A JSON value whose objects keep their keys in the order written, for output with a stable
/// key order (the JSON and SARIF formats).
public indirect enum JSONValue: Sendable {
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
    public init(_ value: String?) { self = value.map(JSONValue.string) ?? .null }

    /// A number, or null when absent.
    public init(_ value: Double?) { self = value.map(JSONValue.number) ?? .null }

    /// An integer, or null when absent.
    public init(_ value: Int?) { self = value.map { .number(Double($0)) } ?? .null }

    /// The value as pretty-printed JSON (two-space indent, UTF-8 text unescaped), with a final
    /// newline.
    public var serialized: String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, level: 0)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The value pretty-printed as it stands `level` indentation steps (two spaces each) inside
    /// a larger document, without a final newline: `.raw(value.serialized(level: n))` written at
    /// level n is `value` written there.
    public func serialized(level: Int) -> String {
        var out: [UInt8] = []
        write(to: &out, level: level)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes into a byte buffer: reports can be large, and appending bytes is much cheaper
    /// than growing a `String` piece by piece.
    private func write(to out: inout [UInt8], level: Int) {
        switch self {
        case .raw(let text): out += text.utf8
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .number(let value): out += Self.format(value).utf8
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(level + 1, &out)
                item.write(to: &out, level: level + 1)
            }
            Self.newline(level, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(level + 1, &out)
                Self.writeString(key, to: &out)
                out += ": ".utf8
                value.write(to: &out, level: level + 1)
            }
            Self.newline(level, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ level: Int, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    private static func writeString(_ string: String, to out: inout [UInt8]) {
        JSONWriter.appendQuoted(string, to: &out)
    }

    /// Integral values without a fraction (`8`, not `8.0`); others in Swift's shortest
    /// round-tripping form; NaN and infinities, which JSON cannot hold, as null.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// The value as compact JSON on one line (plugin requests).
    public var compact: String {
        switch self {
        case .raw(let text): return text
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return Self.format(value)
        case .string(let value):
            var out = ""
            JSONWriter.appendQuoted(value, to: &out)
            return out
        case .array(let items): return "[" + items.map(\.compact).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { key, value in
                var out = ""
                JSONWriter.appendQuoted(key, to: &out)
                return out + ":" + value.compact
            }.joined(separator: ",") + "}"
        }
    }
}
