/// How Decree 30/2020/NĐ-CP, Phụ lục I writes numbers in the number line (II.3.c) and the
/// place-and-date line (II.4).
enum Decree30Numerals {
    /// A document's sequence number or a day of the month: below 10 with one leading zero
    /// (`05`), from 10 up without (`12`).
    static func sequenceOrDay(_ value: Int) -> String {
        sequenceOrDay(digits: String(value))
    }

    /// `sequenceOrDay(_:)` of the number the ASCII `digits` write, however many: `05` for `5`
    /// and `005`, `12` for `012`, `00` for `0`.
    static func sequenceOrDay(digits: String) -> String {
        let significant = significantDigits(digits)
        return significant.utf8.count == 1 ? "0" + significant : significant
    }

    /// The ASCII `digits` without their leading zeros: `5` for `005`, `0` for `00`.
    static func significantDigits(_ digits: String) -> String {
        let significant = digits.utf8.drop { $0 == UInt8(ascii: "0") }
        return significant.isEmpty ? "0" : String(Substring(significant))
    }

    /// The most digits a document's sequence number has after its leading zeros. Numbers run
    /// from 01 on 1 January to 31 December and restart every year (Điều 15 khoản 1), one series
    /// per agency; the busiest (a ministry's công văn) reach five digits. Six allow 999,999 a
    /// year, over 2,700 documents every day of it: a longer sequence is a typing error.
    static let maxSequenceDigits = 6

    /// A month: January and February with a leading zero (`01`, `02`), March to December
    /// without (`3`, `12`).
    static func month(_ value: Int) -> String {
        value <= 2 ? "0\(value)" : String(value)
    }

    /// Whether the text is non-empty and made only of the ASCII digits 0–9 (each a character
    /// of its own: no mark can join a character of digit bytes).
    static func isDigits<Text: StringProtocol>(_ text: Text) -> Bool {
        !text.utf8.isEmpty && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// The Vietnamese message for a number written with the wrong leading zeros, `label` naming
    /// what it is (`số`, `ngày`, `tháng`): `ngày 5 phải viết 05`, `tháng 3 không viết số 0 đứng
    /// đầu (viết 3, không viết 03)`.
    static func paddingMessage(label: String, written: String, expected: String) -> String {
        expected.hasPrefix("0")
            ? "\(label) \(written) phải viết \(expected)"
            : "\(label) \(expected) không viết số 0 đứng đầu (viết \(expected), không viết \(written))"
    }
}
