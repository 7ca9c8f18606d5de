/// A document number as written, judged against Decree 30/2020/NĐ-CP, Phụ lục I, II.3
/// (ND30-NUMBER-FORMAT): what `DocumentNumber.formatProblems(of:typeKind:)` computes.
///
/// It first sets apart what is not the number — a label printed before it on the document
/// (`Số:`), words after a complete number (`18/QĐ-UBND huyện Tiên Phước`) — then judges the
/// number as written: its spaces, its slash (or the space standing for it, `07 KH-UBND`), its
/// sequence and its symbol's parts, each trimmed of the spaces around it but never glued to
/// its neighbour. A corrected number is proposed, once, only when it is itself well formed.
struct WrittenNumber<Unit: TextUnit> {
    /// Every problem, in the order of the text: the label, the spaces, the extra words, then
    /// the number's own.
    let problems: [DocumentNumberProblem]

    /// Reads `text`, which is NFC, for a document of kind `typeKind` whose type abbreviation,
    /// when known, is `abbreviation` (NFC; a proposed number must have it).
    init(_ text: Substring, typeKind: DocumentTypeKind, abbreviation: String? = nil) {
        let label = Self.printedLabel(in: text)
        // Most numbers have no space and no label: only their own problems, read in one pass.
        if label == nil, Self.spaceRuns(in: text).isEmpty {
            problems = Self.numberProblems(text, slashSpace: nil, typeKind: typeKind)
            return
        }
        var number = text
        if let label { number = label.number }
        let extra = Self.extraText(after: number, typeKind: typeKind)
        if let extra { number = extra.number }
        let slashSpace = Self.spaceForSlash(in: number)

        // What is not the number, and the spaces in it; the last of these problems proposes
        // the number to write, when that number has no problem of its own.
        var mechanical: [(String?) -> DocumentNumberProblem] = []
        if let label { mechanical.append { .printedLabel(label: String(label.label), corrected: $0) } }
        if slashSpace != nil { mechanical.append { .spaceForSlash(text: String(number), corrected: $0) } }
        if Self.spaceRuns(in: number).contains(where: { $0 != slashSpace }) {
            mechanical.append { .containsWhitespace(text: String(number), corrected: $0) }
        }
        if let extra { mechanical.append { .extraText(extra: String(extra.words), corrected: $0) } }
        let proposal = mechanical.isEmpty ? nil : Self.compact(number, slashSpace: slashSpace).map { String($0) }
        // Proposed only when ND30-NUMBER-FORMAT, -ZERO and -TYPE-ABBR would all accept it
        // (`Số: 5/KH-UBND` is told to drop the label, not to write `5/KH-UBND`).
        let corrected = proposal.flatMap { proposed -> String? in
            guard DocumentNumber.formatProblems(of: proposed, typeKind: typeKind).isEmpty,
                  let number = DocumentNumber(parsing: proposed), number.hasCorrectZeroPadding,
                  abbreviation == nil || number.typeAbbreviation == abbreviation else { return nil }
            return proposed
        }
        problems = mechanical.indices.map { mechanical[$0]($0 == mechanical.count - 1 ? corrected : nil) }
            + Self.numberProblems(number, slashSpace: slashSpace, typeKind: typeKind)
    }

    // MARK: Around the number

    /// `Số` (any case), an optional `:` and spaces at the start of `text`, followed by a digit:
    /// the label as written (`Số:`, `SỐ :`, `Số`) and the text from the digit on.
    static func printedLabel(in text: Substring) -> (label: Substring, number: Substring)? {
        let units = Unit.units(of: text)
        var index = skipSpaces(units, from: units.startIndex)
        let start = index
        for _ in 0 ..< 2 where index < units.endIndex { index = units.index(after: index) }
        guard Unit.lowercases(text[start ..< index], to: "số") else { return nil }
        var end = index
        index = skipSpaces(units, from: index)
        if index < units.endIndex, units[index] == ":" {
            index = units.index(after: index)
            end = index
        }
        index = skipSpaces(units, from: index)
        guard index < units.endIndex, units[index].isASCIIDigit else { return nil }
        return (text[start ..< end], text[index...])
    }

    /// Words after a complete number: the first space after the slash that stands between two
    /// characters that are not separators, when what comes before it is a well-formed number
    /// once its spaces are removed and what comes after has a lower-case letter or a space
    /// (`huyện Tiên Phước`, `ngày 14/01/2022`, `(bản sao)`; not `VP` in `112/UBND VP`, where
    /// the space may stand for a dash).
    private static func extraText(after text: Substring, typeKind: DocumentTypeKind)
        -> (number: Substring, words: Substring)? {
        let units = Unit.units(of: text)
        guard let slash = units.firstIndex(of: "/"),
              let gap = spaceRuns(in: text).first(where: { $0.lowerBound > slash && !isRemovable($0, in: text) })
        else { return nil }
        let number = text[..<gap.lowerBound]
        let words = trimmed(text[gap.upperBound...])
        let wordsText = String(words)
        guard wordsText != wordsText.uppercased() || !spaceRuns(in: words).isEmpty,
              let compact = compact(number, slashSpace: nil),
              DocumentNumber.formatProblems(of: String(compact), typeKind: typeKind).isEmpty
        else { return nil }
        return (number, words)
    }

    // MARK: Spaces

    /// The maximal runs of whitespace in `text`, in order.
    private static func spaceRuns(in text: Substring) -> [Range<String.Index>] {
        let units = Unit.units(of: text)
        var runs: [Range<String.Index>] = []
        var index = units.startIndex
        while index < units.endIndex {
            guard units[index].isWhitespace else {
                index = units.index(after: index)
                continue
            }
            let start = index
            index = skipSpaces(units, from: index)
            runs.append(start ..< index)
        }
        return runs
    }

    /// Whether removing the space `run` of `text` cannot join two words: it is at an end, or
    /// next to a `/` or `-`.
    private static func isRemovable(_ run: Range<String.Index>, in text: Substring) -> Bool {
        let units = Unit.units(of: text)
        guard run.lowerBound > units.startIndex, run.upperBound < units.endIndex else { return true }
        return isSeparator(units[units.index(before: run.lowerBound)]) || isSeparator(units[run.upperBound])
    }

    /// The space between a leading sequence of digits and an upper-case letter, in a text with
    /// no slash (`07 KH-UBND`): it stands for the slash. Before a lower-case word (`112 về
    /// việc …`, `05 ngày …`) it does not: that is text, not a symbol.
    private static func spaceForSlash(in text: Substring) -> Range<String.Index>? {
        let units = Unit.units(of: text)
        guard !units.contains("/") else { return nil }
        let digits = skipSpaces(units, from: units.startIndex)
        var index = digits
        while index < units.endIndex, units[index].isASCIIDigit { index = units.index(after: index) }
        let end = skipSpaces(units, from: index)
        guard index > digits, end > index, end < units.endIndex, units[end].isLetter, units[end].character.isUppercase else { return nil }
        return index ..< end
    }

    /// `text` with its removable spaces removed and `slashSpace` written `/`; nil when another
    /// space would join two words (`UBND VP`, `UB ND`): no proposal can be made for it.
    private static func compact(_ text: Substring, slashSpace: Range<String.Index>?) -> Substring? {
        var result = Substring()
        var kept = text.startIndex
        for run in spaceRuns(in: text) {
            guard run == slashSpace || isRemovable(run, in: text) else { return nil }
            result += text[kept ..< run.lowerBound]
            if run == slashSpace { result += "/" }
            kept = run.upperBound
        }
        return kept == text.startIndex ? text : result + text[kept...]
    }

    // MARK: The number itself

    /// The problems of the number as written: its slash, sequence and symbol parts, each
    /// trimmed of the spaces around it (the spaces are a problem of their own).
    private static func numberProblems(_ number: Substring, slashSpace: Range<String.Index>?,
                                       typeKind: DocumentTypeKind) -> [DocumentNumberProblem] {
        let units = Unit.units(of: number)
        let slash: Range<String.Index>
        if let slashSpace {
            slash = slashSpace
        } else {
            // A look-alike of the slash (`／`) is read as one, and named.
            let slashes = units.indices.lazy.filter { UnusualCharacters.reads(units[$0].character, as: "/") }
            guard let first = slashes.first else { return [.missingSlash(text: String(number))] }
            guard slashes.dropFirst().first == nil else { return [.moreThanOneSlash(text: String(number))] }
            slash = first ..< units.index(after: first)
        }
        var problems: [DocumentNumberProblem] = []
        if slashSpace == nil, units[slash.lowerBound] != "/" {  // a look-alike read as the slash
            problems.append(.slashLookalike(text: String(number), written: String(units[slash.lowerBound].character)))
        }
        let sequence = trimmed(number[..<slash.lowerBound])
        let digits = Unit.string(Unit.units(of: sequence).lazy.filter { !$0.isWhitespace })
        if sequence.isEmpty {
            problems.append(.missingSequence)
        } else if !Decree30Numerals.isDigits(digits) {
            problems.append(.sequenceNotDigits(written: String(sequence)))
        } else if digits.utf8.allSatisfy({ $0 == UInt8(ascii: "0") }) {
            problems.append(.sequenceZero(written: String(sequence)))
        } else if Decree30Numerals.significantDigits(digits).utf8.count > Decree30Numerals.maxSequenceDigits {
            problems.append(.sequenceTooLong(written: String(sequence)))
        }
        let symbol = trimmed(number[slash.upperBound...])
        guard !symbol.isEmpty else {
            problems.append(.missingSymbol)
            return problems
        }
        let parts = symbolParts(symbol, separatedBy: { $0 == "-" })
        if parts.contains(where: \.isEmpty) {
            problems.append(.emptySymbolPart(symbol: String(symbol)))
        }
        for part in parts {
            var invalid: [Unit] = []
            for unit in Unit.units(of: part) where !isAllowedInSymbolPart(unit) && !invalid.contains(unit) {
                invalid.append(unit)
            }
            if !invalid.isEmpty {
                problems.append(.invalidCharacters(part: String(part), characters: invalid.map(\.character)))
            }
        }
        // The parts the writer meant: a typographic dash, reported above as an invalid character,
        // still separates two parts (`KH–UBND` is not a symbol of one part), and so may a space
        // before a capital, reported as a space (`KH UBND`; but `UB ND` in `QĐ-UB ND-VP` is one
        // part): the count is wrong only when it is wrong both ways.
        let partCount = symbolParts(symbol, separatedBy: { DocumentNumber.isDash($0) }).filter { !$0.isEmpty }.count
        if !typeKind.symbolPartCounts.contains(partCount), !typeKind.symbolPartCounts.contains(partCountSplittingAtSpaces(symbol)) {
            problems.append(.wrongSymbolPartCount(symbol: String(symbol), partCount: partCount, typeKind: typeKind))
        }
        return problems
    }

    /// The parts of `symbol` between the units `isSeparator` accepts, each trimmed of the
    /// spaces around it (an empty part stays, empty).
    private static func symbolParts(_ symbol: Substring, separatedBy isSeparator: (Unit) -> Bool) -> [Substring] {
        Unit.units(of: symbol).split(omittingEmptySubsequences: false, whereSeparator: isSeparator)
            .map { trimmed(symbol[$0.startIndex ..< $0.endIndex]) }
    }

    /// The number of parts of `symbol` when a space before a capital letter also separates two
    /// (`KH UBND`: 2; `QĐ huyện`: 1, words after the symbol are no part of it).
    private static func partCountSplittingAtSpaces(_ symbol: Substring) -> Int {
        let units = Unit.units(of: symbol)
        var count = 0, inPart = false
        var index = units.startIndex
        while index < units.endIndex {
            let unit = units[index]
            if unit.isWhitespace {
                index = skipSpaces(units, from: index)
                if index < units.endIndex, units[index].character.isUppercase { inPart = false }
                continue
            }
            if DocumentNumber.isDash(unit) {
                inPart = false
            } else if !inPart {
                count += 1
                inPart = true
            }
            index = units.index(after: index)
        }
        return count
    }

    /// Letters (any case), ASCII digits and dots; a space inside a part is reported as a space.
    private static func isAllowedInSymbolPart(_ unit: Unit) -> Bool {
        unit.isLetter || unit == "." || unit.isASCIIDigit || unit.isWhitespace
    }

    // MARK: Units

    private static func isSeparator(_ unit: Unit) -> Bool {
        unit == "/" || unit == "-"
    }

    private static func skipSpaces(_ units: Unit.Units, from start: String.Index) -> String.Index {
        var index = start
        while index < units.endIndex, units[index].isWhitespace { index = units.index(after: index) }
        return index
    }

    /// `text` without the whitespace units at its ends.
    private static func trimmed(_ text: Substring) -> Substring {
        let units = Unit.units(of: text)
        let start = skipSpaces(units, from: units.startIndex)
        var end = units.endIndex
        while end > start, units[units.index(before: end)].isWhitespace { end = units.index(before: end) }
        return text[start ..< end]
    }
}
