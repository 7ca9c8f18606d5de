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
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    static func writeString(_ string: String, to out: inout String) {
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

/// Writes JSON text directly, exactly as `JSONValue.serialized` lays it out (two-space indent,
/// `"key": value`, empty containers as `{}` and `[]`), without building a `JSONValue` tree
/// first: for the per-report part of the JSON format, where the tree's allocations were most of
/// the cost of the report.
struct JSONTextWriter {
    /// UTF-8 bytes: appending to an array is much cheaper than appending to a String.
    private var bytes: [UInt8] = []
    var out: String { String(decoding: bytes, as: UTF8.self) }
    /// Open containers: the indentation of their members and how many were written.
    private var open: [(inner: String, count: Int)] = []
    private var indent: String

    /// A writer for a value that stands at `indent` inside a larger document.
    init(indent: String) { self.indent = indent }

    /// Starts the next element of the enclosing array (nothing at top level).
    private mutating func element() {
        guard !open.isEmpty else { return }
        if open[open.count - 1].count > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: open[open.count - 1].inner.utf8)
        open[open.count - 1].count += 1
    }

    private mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// A JSON string: quoted, escaped as `JSONValue.writeString` escapes.
    private mutating func quoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        var escaped = ""
        JSONValue.writeString(text, to: &escaped)
        bytes.removeLast()
        bytes.append(contentsOf: escaped.utf8)
    }

    /// Writes `"key": ` as the next member of the enclosing object.
    mutating func key(_ key: String) {
        element()
        quoted(key)
        raw(": ")
        pendingKey = true
    }

    private var pendingKey = false

    private mutating func beginValue() {
        if pendingKey { pendingKey = false } else { element() }
    }

    mutating func begin(_ bracket: String) {
        beginValue()
        raw(bracket)
        let current = open.last?.inner ?? indent
        open.append((current + "  ", 0))
    }

    mutating func end(_ bracket: String) {
        let closed = open.removeLast()
        if closed.count > 0 {
            raw("\n")
            raw(open.last?.inner ?? indent)
        }
        raw(bracket)
    }

    mutating func string(_ value: String) { beginValue(); quoted(value) }
    mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    mutating func number(_ value: Double) { beginValue(); raw(JSONValue.format(value)) }
    mutating func number(_ value: Double?) { if let value { number(value) } else { null() } }
    mutating func number(_ value: Int?) { if let value { number(Double(value)) } else { null() } }
    mutating func bool(_ value: Bool) { beginValue(); raw(value ? "true" : "false") }
    mutating func null() { beginValue(); raw("null") }

    /// `key: value` helpers.
    mutating func member(_ name: String, _ value: String) { key(name); string(value) }
    mutating func member(_ name: String, _ value: String?) { key(name); string(value) }
    mutating func member(_ name: String, _ value: Double) { key(name); number(value) }
    mutating func member(_ name: String, _ value: Double?) { key(name); number(value) }
    mutating func member(_ name: String, _ value: Int?) { key(name); number(value) }
    mutating func member(_ name: String, _ value: Bool) { key(name); bool(value) }
}
