/// Renders a `YAMLDocument` as JSON text: mappings become objects (key order kept), sequences
/// arrays, and scalars are typed by the YAML 1.2 core schema (`12` a number, `true` a boolean,
/// `~` null, quoted text a string). Aliases are written out in full.
///
/// YAML can say things JSON cannot; those throw `JSONConversionError` at the offending node:
/// a key that is a mapping or sequence, and the floats `.inf` and `.nan`.
public struct JSONWriter: Sendable {
    /// Spaces per nesting level; 0 writes everything on one line without spaces.
    public var indent: Int

    public init(indent: Int = 2) {
        self.indent = indent
    }

    /// The whole document as JSON (`null` for an empty document), ending in a newline when
    /// `indent` is positive.
    public func string(of document: YAMLDocument) throws -> String {
        var out = ""
        if let root = document.root {
            try write(root, of: document, level: 0, to: &out)
        } else {
            out = "null"
        }
        return indent > 0 ? out + "\n" : out
    }

    /// One node and everything under it, as JSON without a trailing newline.
    public func string(of node: NodeID, in document: YAMLDocument) throws -> String {
        var out = ""
        try write(node, of: document, level: 0, to: &out)
        return out
    }

    // The loader caps nesting depth, so recursion here is bounded.
    private func write(_ node: NodeID, of doc: YAMLDocument, level: Int, to out: inout String) throws {
        switch doc.kind(node) {
        case .scalar:
            try writeScalar(node, of: doc, to: &out)
        case .sequence:
            let items = doc.items(node)
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(level + 1, &out)
                try write(item, of: doc, level: level + 1, to: &out)
            }
            newline(level, &out)
            out += "]"
        case .mapping:
            let pairs = doc.pairs(node)
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += "," }
                newline(level + 1, &out)
                guard doc.kind(pair.key) == .scalar else {
                    throw JSONConversionError(location: doc.location(pair.key),
                                              message: "khóa là một danh sách hoặc ánh xạ — JSON chỉ cho phép khóa là chuỗi")
                }
                Self.appendQuoted(doc.text(pair.key), to: &out)
                out += indent > 0 ? ": " : ":"
                try write(pair.value, of: doc, level: level + 1, to: &out)
            }
            newline(level, &out)
            out += "}"
        }
    }

    private func writeScalar(_ node: NodeID, of doc: YAMLDocument, to out: inout String) throws {
        switch doc.scalarValue(node) {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let d):
            guard d.isFinite else {
                throw JSONConversionError(location: doc.location(node),
                                          message: "số '\(doc.text(node))' không hữu hạn — JSON không biểu diễn được .inf hoặc .nan")
            }
            out += String(describing: d)  // Swift prints finite doubles as valid JSON numbers
        case .string(let s): Self.appendQuoted(s, to: &out)
        }
    }

    private func newline(_ level: Int, _ out: inout String) {
        guard indent > 0 else { return }
        out += "\n"
        out += String(repeating: " ", count: level * indent)
    }

    /// Appends `s` as a JSON string literal to a UTF-8 byte buffer.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var text = ""
        appendQuoted(s, to: &text)
        out += text.utf8
    }

    /// Appends `s` as a JSON string literal: quote, backslash and control characters escaped,
    /// everything else written as UTF-8.
    public static func appendQuoted(_ s: String, to out: inout String) {
        // Fast path: most text (Vietnamese included) needs no escaping at all.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += "\""
            out += s
            out += "\""
            return
        }
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// A YAML value JSON cannot represent, with where it is written.
public struct JSONConversionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    /// What is wrong, in Vietnamese.
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
