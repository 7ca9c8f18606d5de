import Foundation

/// Renders values for people, Vietnamese style: decimal comma (`29,5`), dates `14/01/2022`,
/// booleans `có`/`không`, lists joined with `, `.
public enum ValueFormatter {
    /// The most Unicode scalars of one value a message quotes: far above any message a rule
    /// writes (a placeholder may hold a whole sentence), far below a hostile 100 KB value.
    public static let excerptLength = 500

    /// `text` as a message quotes it: whole characters up to `excerptLength` scalars, then "…"
    /// and the length, so a 100 KB value (or one letter with 50,000 combining marks) does not
    /// become a 100 KB message in every output format.
    public static func excerpt(_ text: String) -> String {
        guard text.utf8.count > excerptLength, text.unicodeScalars.count > excerptLength else { return text }
        var scalars = 0
        var end = text.startIndex
        for index in text.indices {
            scalars += text[index].unicodeScalars.count
            if scalars > excerptLength { break }
            end = text.index(after: index)
        }
        let kept = end > text.startIndex ? String(text[..<end]) : text.unicodeScalars.first.map { String($0) } ?? ""
        return kept + "… (\(text.count) ký tự)"
    }

    /// The text of a value in a message.
    public static func text(_ value: Value) -> String {
        switch value {
        case .null: return "(trống)"
        case .bool(let b): return b ? "có" : "không"
        case .int(let i): return String(i)
        case .decimal(let d): return number(d, maxFractionDigits: 2)
        case .string(let s): return s
        case .date(let d): return d.vietnameseDescription
        case .list(let items): return items.map(text).joined(separator: ", ")
        case .node(_, let t): return t.isList ? "(danh sách)" : "(nhóm trường)"
        }
    }

    /// A number with at most `maxFractionDigits` decimals, trailing zeros dropped, decimal comma.
    /// `maxFractionDigits` is clamped to 0…15 (a rule may ask for `number(x, -1)`).
    public static func number(_ d: Double, maxFractionDigits requested: Int) -> String {
        guard d.isFinite else { return d.isNaN ? "NaN" : (d > 0 ? "∞" : "-∞") }
        let maxFractionDigits = max(0, min(requested, 15))
        let rounded = Self.rounded(d, fractionDigits: maxFractionDigits)
        if rounded == rounded.rounded(.towardZero), abs(rounded) < 1e15 { return String(Int(rounded)) }
        var s = String(format: "%.\(maxFractionDigits)f", rounded)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s.replacingOccurrences(of: ".", with: ",")
    }

    /// `d` rounded to `fractionDigits` (0…15) decimals, as `number` shows it.
    private static func rounded(_ d: Double, fractionDigits: Int) -> Double {
        var scale = 1.0
        for _ in 0 ..< fractionDigits { scale *= 10 }
        return (d * scale).rounded() / scale
    }

    /// A ratio as a percentage: 0.2687 → `26,9%`.
    ///
    /// A whole percentage is shown only for a value that is one: 0.9499 is `94,99%`, not `95%`
    /// (beside "tối thiểu 95%" a rounded `95%` contradicts the finding), 0.29999 is `29,999%`;
    /// up to four more decimals are added until the rounding no longer lands on a whole number.
    public static func percent(_ ratio: Double, fractionDigits: Int = 1) -> String {
        let value = ratio * 100
        let requested = max(0, min(fractionDigits, 15))
        var digits = requested
        while digits < min(requested + 4, 15), value.isFinite {
            let shown = rounded(value, fractionDigits: digits)
            let landsOnAWholeNumber = shown == shown.rounded(.towardZero)
            guard landsOnAWholeNumber, abs(shown - value) > 1e-9 * max(1, abs(value)) else { break }
            digits += 1
        }
        return number(value, maxFractionDigits: digits) + "%"
    }
}
