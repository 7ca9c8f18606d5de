import YAML

/// Writes JSON text directly into bytes, laid out exactly as `JSONValue.serialized(level:)`
/// lays it out (two spaces per level, `"key": value`, empty containers as `{}` and `[]`), without
/// building a `JSONValue` tree first. Used for the per-report part of the JSON format, where
/// the tree's allocations and releases were most of the cost of writing a report.
struct JSONTextWriter {
    /// The text written, as UTF-8.
    private(set) var bytes: [UInt8] = []
    /// Open containers: how many members each has so far.
    private var counts: [Int] = []
    private let level: Int
    private var pendingKey = false

    /// A writer for a value that stands `level` levels deep in a larger document, with room for
    /// `capacity` bytes before it grows.
    init(level: Int, capacity: Int) {
        self.level = level
        bytes.reserveCapacity(capacity)
        counts.reserveCapacity(8)
    }

    /// A line break and the indentation of the deepest level written, cut to length.
    private static let indentation: StaticString = "\n                                                                "

    /// Appends the first `count` bytes of `text` (a string literal: `utf8Start` traps on the
    /// scalar form only `StaticString(unicodeScalarLiteral:)` makes).
    private mutating func append(_ text: StaticString, count: Int) {
        bytes += UnsafeBufferPointer(start: text.utf8Start, count: count)
    }

    private mutating func newline(_ depth: Int) {
        let width = 1 + 2 * depth
        let available = Self.indentation.utf8CodeUnitCount
        append(Self.indentation, count: min(width, available))
        if width > available { bytes += repeatElement(UInt8(ascii: " "), count: width - available) }
    }

    /// Before a value: the separator and indentation when it is an element of an array (or a
    /// member, for `key`); nothing after a key or at the top.
    private mutating func beginValue() {
        if pendingKey { pendingKey = false; return }
        guard !counts.isEmpty else { return }
        if counts[counts.count - 1] > 0 { bytes.append(UInt8(ascii: ",")) }
        newline(level + counts.count)
        counts[counts.count - 1] += 1
    }

    /// A member's name, escaped.
    mutating func key(_ name: String) {
        beginValue()
        JSONWriter.appendQuoted(name, to: &bytes)
        endKey()
    }

    /// A member's name that needs no escaping (no quote, backslash or control character),
    /// copied as it is.
    mutating func key(_ name: StaticString) {
        assert(name.withUTF8Buffer { !$0.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") } })
        beginValue()
        bytes.append(UInt8(ascii: "\""))
        append(name, count: name.utf8CodeUnitCount)
        bytes.append(UInt8(ascii: "\""))
        endKey()
    }

    private mutating func endKey() {
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        pendingKey = true
    }

    mutating func begin(_ bracket: UInt8) {
        beginValue()
        bytes.append(bracket)
        counts.append(0)
    }

    mutating func end(_ bracket: UInt8) {
        if counts.removeLast() > 0 { newline(level + counts.count) }
        bytes.append(bracket)
    }

    mutating func string(_ value: String?) {
        beginValue()
        if let value { JSONWriter.appendQuoted(value, to: &bytes) } else { bytes += "null".utf8 }
    }

    /// `JSONValue.format(value)` (or `null`), with the integral values it writes as integers
    /// written digit by digit rather than through a `String`.
    mutating func number(_ value: Double?) {
        beginValue()
        guard let value else { bytes += "null".utf8; return }
        guard let integer = Int(exactly: value), integer.magnitude < 1_000_000_000_000_000 else {
            bytes += JSONValue.format(value).utf8
            return
        }
        bytes += String(integer).utf8  // a small string: no allocation
    }

    mutating func number(_ value: Int?) { number(value.map(Double.init)) }

    mutating func bool(_ value: Bool) {
        beginValue()
        bytes += (value ? "true" : "false").utf8
    }

    mutating func member(_ name: StaticString, _ value: String?) { key(name); string(value) }
    mutating func member(_ name: StaticString, _ value: Double?) { key(name); number(value) }
    mutating func member(_ name: StaticString, _ value: Int?) { key(name); number(value) }
    mutating func member(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
}
