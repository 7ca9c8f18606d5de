/// Small string and sequence operations the formats share.
extension String {
    /// The string padded on the left with `pad` to at least `width` characters.
    func leftPadded(to width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }

    /// The string with each ASCII character that `replacements` names replaced, in one pass
    /// (so a replacement is never replaced again).
    func replacingEvery(_ replacements: ASCIIReplacements) -> String {
        guard utf8.contains(where: { replacements[$0] != nil }) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            if let replacement = replacements[byte] { out += replacement } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The string with its first character upper-cased ("căn cứ" → "Căn cứ").
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Sequence where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

/// Replacements for ASCII characters, looked up by UTF-8 byte (no byte of a multi-byte
/// character is ASCII, so replacing bytes replaces characters).
struct ASCIIReplacements: Sendable {
    private var table = [[UInt8]?](repeating: nil, count: 128)

    init(_ replacements: [Unicode.Scalar: String]) {
        for (scalar, replacement) in replacements {
            precondition(scalar.isASCII, "ASCIIReplacements: \(scalar) is not ASCII")
            table[Int(scalar.value)] = Array(replacement.utf8)
        }
    }

    /// The replacement of `byte`, if it is one of the characters replaced.
    subscript(byte: UInt8) -> [UInt8]? { byte < 0x80 ? table[Int(byte)] : nil }
}
