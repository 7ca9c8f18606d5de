/// The end of a document: the `Nơi nhận:` list and the signature block, side by side in a
/// table, or as paragraphs (the right column tab-separated or standing alone).
struct ClosingBlock {
    private(set) var recipientsHeading: TextLine?
    private(set) var recipients: [Located<String>] = []
    private(set) var prefix: Located<String>?
    private(set) var position: Located<String>?
    private(set) var name: Located<String>?
    /// Index of the first closing line: the body ends before it.
    private(set) var start: Int

    private static let bullets: Set<Character> = ["-", "–", "—", "‒", "−", "+", "•", "*", "·"]

    init(lines: [TextLine], from bodyStart: Int) {
        let range = bodyStart ..< lines.count
        let heading = range.first { Self.isRecipientsHeading(lines[$0].key) }
        let prefixLine = range.first { SignaturePrefix.token(in: lines[$0].text) != nil }
        start = [heading, prefixLine].compactMap { $0 }.min() ?? lines.count
        if start < lines.count, let table = lines[start].cell?.table {
            start = range.first { lines[$0].cell?.table == table } ?? start
        }
        var recipientLines: Set<Int> = []
        if let heading {
            recipientLines = readRecipients(lines, heading: heading)
        }
        readSignature(Self.signatureBlock(lines, prefixLine: prefixLine, heading: heading, excluding: recipientLines))
    }

    /// `Nơi nhận:` (colon optional), possibly followed by the first recipient; not body text
    /// that merely starts with the words ("Nơi nhận hồ sơ là…").
    private static func isRecipientsHeading(_ key: String) -> Bool {
        guard key.hasPrefix("NƠI NHẬN") else { return false }
        let rest = key.dropFirst("NƠI NHẬN".count).drop(while: \.isWhitespace)
        return rest.isEmpty || rest.hasPrefix(":")
    }

    /// Reads the recipients after the heading; returns the indices of the lines used.
    private mutating func readRecipients(_ lines: [TextLine], heading index: Int) -> Set<Int> {
        let heading = lines[index]
        recipientsHeading = heading
        var used: Set<Int> = [index]
        if let colon = heading.text.firstIndex(of: ":") {
            let rest = Self.recipient(String(heading.text[heading.text.index(after: colon)...]))
            if !rest.isEmpty { recipients.append(Located(rest, heading)) }
        }
        for i in index + 1 ..< lines.count {
            let line = lines[i]
            if heading.cell != nil {
                // In a table: every line of the heading's cell.
                guard line.cell == heading.cell else { break }
            } else {
                // Without a table: the bulleted lines of the heading's column.
                guard line.cell == nil else { break }
                if line.column != heading.column { continue }
                guard Self.bullets.contains(line.key.first ?? " ") || line.key.hasPrefix("LƯU") else { break }
            }
            let text = Self.recipient(line.text)
            if !text.isEmpty { recipients.append(Located(text, line)) }
            used.insert(i)
        }
        return used
    }

    /// `- Lưu: VT, VP.` → `Lưu: VT, VP`.
    private static func recipient(_ text: String) -> String {
        let trimmed = text.drop { bullets.contains($0) || $0 == " " }
        return String(trimmed.reversed().drop { ";.,: ".contains($0) }.reversed())
    }

    /// The lines of the signature block: the prefix line's cell, or its side of the page; without
    /// a prefix, the other cells of the `Nơi nhận` row.
    private static func signatureBlock(_ lines: [TextLine], prefixLine: Int?, heading: Int?,
                                       excluding recipientLines: Set<Int>) -> [TextLine] {
        if let prefixLine {
            let anchor = lines[prefixLine]
            if anchor.cell != nil {
                return lines[prefixLine...].prefix { $0.cell == anchor.cell }.map { $0 }
            }
            var block: [TextLine] = []
            for i in prefixLine ..< lines.count where !recipientLines.contains(i) {
                let line = lines[i]
                guard line.cell == nil, i != heading else { break }
                if (line.column > 0) == (anchor.column > 0) { block.append(line) }
            }
            return block
        }
        guard let heading, let cell = lines[heading].cell else { return [] }
        return lines.filter { $0.cell?.table == cell.table && $0.cell?.row == cell.row && $0.cell?.column != cell.column }
    }

    /// Prefix, then the signer's title (the next upper-case line, or the rest of the prefix line),
    /// then the signer's name (the last line that is neither upper-case nor in brackets).
    private mutating func readSignature(_ block: [TextLine]) {
        guard !block.isEmpty else { return }
        var titleSearch = block[...]
        if let token = SignaturePrefix.token(in: block[0].text) {
            prefix = Located(token, block[0])
            titleSearch = block.dropFirst()
        }
        let titleIndex = titleSearch.firstIndex { TextForm.isUpperCase($0.text) }
        if let titleIndex {
            position = Located(block[titleIndex].text, block[titleIndex])
        } else if let prefix {
            let rest = prefix.line.text.dropFirst(prefix.value.count).drop(while: \.isWhitespace)
            position = Located(String(rest), prefix.line)
        }
        let nameSearch = block[((titleIndex ?? 0) + 1)...]
        let signer = nameSearch.last { line in
            !TextForm.isUpperCase(line.text) && !line.text.hasPrefix("(") && line.text.contains(where: \.isLetter)
        }
        if let signer {
            name = Located(signer.text, signer)
        }
    }
}
