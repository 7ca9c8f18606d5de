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
        var out: [UInt8] = []
        if let root = document.root {
            try write(root, of: document, level: 0, to: &out)
        } else {
            out += "null".utf8
        }
        if indent > 0 { out.append(UInt8(ascii: "\n")) }
        return String(decoding: out, as: UTF8.self)
    }

    /// One node and everything under it, as JSON without a trailing newline.
    public func string(of node: NodeID, in document: YAMLDocument) throws -> String {
        var out: [UInt8] = []
        try write(node, of: document, level: 0, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // The loader caps nesting depth, so recursion here is bounded.
    private func write(_ node: NodeID, of doc: YAMLDocument, level: Int, to out: inout [UInt8]) throws {
        switch doc.kind(node) {
        case .scalar:
            try writeScalar(node, of: doc, to: &out)
        case .sequence:
            let items = doc.items(node)
            guard !items.isEmpty else { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1, &out)
                try write(item, of: doc, level: level + 1, to: &out)
            }
            newline(level, &out)
            out.append(UInt8(ascii: "]"))
        case .mapping:
            let pairs = doc.pairs(node)
            guard !pairs.isEmpty else { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1, &out)
                guard doc.kind(pair.key) == .scalar else {
                    throw JSONConversionError(location: doc.location(pair.key),
                                              message: "khóa là một danh sách hoặc ánh xạ — JSON chỉ cho phép khóa là chuỗi")
                }
                Self.appendQuoted(doc.text(pair.key), to: &out)
                out += (indent > 0 ? ": " : ":").utf8
                try write(pair.value, of: doc, level: level + 1, to: &out)
            }
            newline(level, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func writeScalar(_ node: NodeID, of doc: YAMLDocument, to out: inout [UInt8]) throws {
        switch doc.scalarValue(node) {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let i): out += String(i).utf8
        case .float(let d):
            guard d.isFinite else {
                throw JSONConversionError(location: doc.location(node),
                                          message: "số '\(doc.text(node))' không hữu hạn — JSON không biểu diễn được .inf hoặc .nan")
            }
            out += String(describing: d).utf8  // Swift prints finite doubles as valid JSON numbers
        case .string(let s): Self.appendQuoted(s, to: &out)
        }
    }

    private func newline(_ level: Int, _ out: inout [UInt8]) {
        guard indent > 0 else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * indent))
    }

    /// Appends `s` as a JSON string literal to a UTF-8 byte buffer: quote, backslash and the
    /// control characters U+0000–U+001F escaped (`\n`, `\r`, `\t`, `\b`, `\f`, the others as
    /// `\u00xx`), everything else — DEL, U+2028 and U+2029 included — written as its UTF-8
    /// bytes. Runs of bytes that need no escaping are copied whole.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        // A Swift string is valid UTF-8, so every byte below 0x80 is a whole character and
        // escaping byte by byte escapes exactly the characters above. `withUTF8` lends a native
        // string's bytes in place (it needs a `var` only to make a bridged one contiguous).
        var text = s
        text.withUTF8 { appendQuoted(utf8: $0, to: &out) }
    }

    /// Appends `s` as a JSON string literal, escaped as `appendQuoted(_:to:)` on bytes does.
    public static func appendQuoted(_ s: String, to out: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count + 2)
        appendQuoted(s, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    private static func appendQuoted(utf8 text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var copied = 0  // text[..<copied] is written
        var i = 0
        while i < text.count {
            // Eight bytes at a time while none of them needs escaping (the usual case).
            if text.count - i >= 8,
               !needsEscaping(UnsafeRawPointer(text.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let byte = text[i]
            i += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied ..< i - 1]))
            copied = i
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
            case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            default:
                let hex: StaticString = "0123456789abcdef"
                out += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                        hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0xF)]]
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied...]))
        out.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes in `word` is below 0x20, a quote or a backslash. Exact:
    /// `(x - n) & ~x` has some byte's top bit set iff some byte of `x` is below `n` (for `n` up
    /// to 0x80), and a byte of `x` equals `c` where the same byte of `x ^ c` is below 1.
    private static func needsEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        func below(_ n: UInt8, _ x: UInt64) -> UInt64 { (x &- ones &* UInt64(n)) & ~x }
        let found = below(0x20, word)
            | below(1, word ^ (ones &* UInt64(UInt8(ascii: "\""))))
            | below(1, word ^ (ones &* UInt64(UInt8(ascii: "\\"))))
        return found & (ones &* 0x80) != 0
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
