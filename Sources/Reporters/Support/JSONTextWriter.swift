import YAML

/// Writes JSON text directly into bytes, laid out exactly as `JSONValue.serialized(level:)`
/// lays it out (two spaces per level, `"key": value`, empty containers as `{}` and `[]`), without
/// building a `JSONValue` tree first. Used for the per-report part of the JSON format, where
/// the tree's allocations and releases were most of the cost of writing a report.
struct JSONTextWriter {
    private var bytes: [UInt8] = []
    /// Open containers: how many members each has so far.
    private var counts: [Int] = []
    private let level: Int
    private var pendingKey = false

    /// A writer for a value that stands `level` levels deep in a larger document.
    init(level: Int) {
        self.level = level
        bytes.reserveCapacity(8192)
    }

    /// The text written.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func newline(_ depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
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

    mutating func key(_ name: String) {
        beginValue()
        JSONWriter.appendQuoted(name, to: &bytes)
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
        if let value { JSONWriter.appendQuoted(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func number(_ value: Double?) {
        beginValue()
        bytes.append(contentsOf: (value.map(JSONValue.format) ?? "null").utf8)
    }

    mutating func number(_ value: Int?) { number(value.map(Double.init)) }

    mutating func bool(_ value: Bool) {
        beginValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }


    mutating func member(_ name: String, _ value: String?) { key(name); string(value) }
    mutating func member(_ name: String, _ value: Double?) { key(name); number(value) }
    mutating func member(_ name: String, _ value: Int?) { key(name); number(value) }
    mutating func member(_ name: String, _ value: Bool) { key(name); bool(value) }
}
