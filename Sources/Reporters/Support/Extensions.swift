/// Small string and sequence operations the formats share.
extension String {
    /// The string padded on the left with `pad` to at least `width` characters.
    func leftPadded(to width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }

    /// The string with each scalar that is a key of `replacements` replaced by its value, in one
    /// pass (so a replacement is never replaced again).
    func replacingEvery(_ replacements: [Unicode.Scalar: String]) -> String {
        var out = ""
        for scalar in unicodeScalars {
            if let replacement = replacements[scalar] { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
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
