/// The opening of a Decree 30 document: the header block (issuing body | Quốc hiệu and Tiêu
/// ngữ; number | place and date), laid out in a table or with tabs, then the type name and the
/// trích yếu — or, for a Công văn, a `V/v …` summary under the number.
struct FrontMatter {
    private(set) var nationalTitle: TextLine?
    private(set) var motto: TextLine?
    private(set) var number: Located<String>?
    private(set) var placeDate: Located<String>?
    private(set) var authority: Located<String>?
    private(set) var type: Located<String>?
    private(set) var summary: Located<String>?
    /// Index of the first line after the front matter: where the body begins.
    private(set) var end = 0

    /// How many lines the header block is looked for in.
    private static let scanLimit = 40
    /// A type name line has at most this many words (`GIẤY GIỚI THIỆU`, `BẢN THỎA THUẬN`).
    private static let maxTypeWords = 5
    private static let nationalTitles: Set<String> = [
        TextForm.letters("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), TextForm.letters("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ]
    private static let motto = TextForm.letters("ĐỘC LẬP - TỰ DO - HẠNH PHÚC")

    init(lines: [TextLine]) {
        var headerItems: Set<Int> = []
        var headerTable: Int?
        var numberIndex: Int?
        var afterLastItem = 0
        var index = 0
        scan: while index < min(lines.count, Self.scanLimit) {
            let line = lines[index]
            let letters = TextForm.letters(line.key)
            var next = index + 1
            if nationalTitle == nil, Self.nationalTitles.contains(letters) {
                nationalTitle = line
            } else if motto == nil, letters == Self.motto {
                motto = line
            } else if number == nil, let value = Self.number(in: line) {
                number = Located(value, line)
                numberIndex = index
            } else if placeDate == nil, PlaceDateText.isPlaceDateLine(line.key) {
                placeDate = Located(line.text, line)
            } else if summary == nil, line.key.hasPrefix("V/V") {
                let joined = lines.paragraphText(from: index)
                type = Located("Công văn", line)
                summary = Located(joined.text, line)
                next = joined.next
            } else if number != nil || placeDate != nil, line.cell == nil || line.cell?.table != headerTable {
                afterLastItem = index  // the first line after the header block
                break scan
            } else {
                index = next
                continue
            }
            headerItems.insert(index)
            if headerTable == nil { headerTable = line.cell?.table }
            index = next
            afterLastItem = next
        }
        // Without a number or a place-and-date line the scan runs out: the body starts after
        // whatever header lines were found.
        end = afterLastItem
        if type == nil { readTypeAndSummary(lines) }
        authority = Self.authority(in: lines, before: numberIndex ?? end, excluding: headerItems)
    }

    /// The type name is the first line after the header block when it is a short upper-case
    /// line; the trích yếu is the paragraph after it.
    private mutating func readTypeAndSummary(_ lines: [TextLine]) {
        guard end < lines.count, lines[end].cell == nil, TextForm.isUpperCase(lines[end].text),
              lines[end].text.split(separator: " ").count <= Self.maxTypeWords,
              SignaturePrefix.token(in: lines[end].text) == nil else { return }
        type = Located(TextForm.sentenceCase(lines[end].text), lines[end])
        end += 1
        guard end < lines.count, lines[end].cell == nil else { return }
        let joined = lines.paragraphText(from: end)
        summary = Located(joined.text, lines[end])
        end = joined.next
    }

    /// `Số: 05/KH-UBND` → `05/KH-UBND`.
    private static func number(in line: TextLine) -> String? {
        guard line.key.hasPrefix("SỐ"), line.key.dropFirst(2).drop(while: \.isWhitespace).hasPrefix(":"),
              let colon = line.text.firstIndex(of: ":") else { return nil }
        let value = line.text[line.text.index(after: colon)...].drop(while: \.isWhitespace)
        return value.isEmpty ? nil : String(value)
    }

    /// The upper-case lines of the header's left column above the number. When some are bold
    /// and some are not, the bold ones are the issuing body (the others name its parent body).
    private static func authority(in lines: [TextLine], before limit: Int, excluding headerItems: Set<Int>) -> Located<String>? {
        let candidates = lines.indices.prefix(limit).filter { index in
            let line = lines[index]
            return !headerItems.contains(index) && line.column == 0 && (line.cell?.column ?? 0) == 0
                && TextForm.isUpperCase(line.text)
        }.map { lines[$0] }
        let bold = candidates.filter { $0.dominantFormat?.bold == true }
        let chosen = bold.isEmpty ? candidates : bold
        guard let first = chosen.first else { return nil }
        return Located(chosen.map(\.text).joined(separator: " "), first)
    }
}
