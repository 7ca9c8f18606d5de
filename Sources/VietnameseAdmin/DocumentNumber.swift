import Foundation
import RuleEngine

/// A document's number and symbol (số, ký hiệu) as printed after `Số:` (`05/KH-UBND`,
/// `112/UBND-VP`), read tolerantly; `formatProblems(typeKind:)` judges it strictly against
/// Decree 30/2020/NĐ-CP, Phụ lục I, II.3.
///
/// The tolerant reading accepts NFD input, spaces around the number, the slash and the dashes
/// (` 05 / KH - UBND `), any letter case, and a typographic dash (`–`, `—`, `−`) instead of `-`:
/// enough to compare abbreviations (ND30-TYPE-ABBR, MC-ESTABLISHED) and repeats
/// (ND30-NUMBER-UNIQUE) of numbers that are not well formed.
public struct DocumentNumber: Sendable, Hashable {
    /// The text as given.
    public let text: String
    /// The sequence number as a number (`5` for `05`); nil when it has more digits than an
    /// `Int` holds (`99999999999999999999`, which ND30-NUMBER-FORMAT reports): the number is
    /// still read, and compared by `sequenceText`.
    public let sequence: Int?
    /// The sequence number as written (`05`, `5`, `012`).
    public let sequenceText: String
    /// The symbol's parts in order, NFC, without surrounding spaces (`["KH", "UBND"]`).
    public let symbolParts: [String]

    /// Reads `text` as `N/SYMBOL`: ASCII digits, a slash, then one or more non-empty parts
    /// joined by dashes. Nil when there is no slash, the number is not digits, there is a
    /// second slash, or a symbol part is empty. A sequence of any length is read.
    public init?(parsing text: String) {
        let composed = VietnameseText.composedAndTrimmed(text)
        let reading = UnicodeText.isPlain(composed)
            ? Self.read(composed, unit: Unicode.Scalar.self) : Self.read(composed, unit: Character.self)
        guard let reading else { return nil }
        self.text = text
        (sequence, sequenceText, symbolParts) = reading
    }

    /// What `init(parsing:)` reads of `composed`, unit by unit: by scalar only when `composed`
    /// is plain.
    private static func read<Unit: TextUnit>(_ composed: String, unit: Unit.Type)
        -> (sequence: Int?, sequenceText: String, symbolParts: [String])? {
        // The label printed before the number (`Số: 18/QĐ-UBND`) is read past: ND30-NUMBER-FORMAT
        // reports it, and the number after it is still the document's.
        let number = WrittenNumber<Unit>.printedLabel(in: composed[...])?.number ?? composed[...]
        let units = Unit.units(of: number)
        guard let slash = units.firstIndex(of: "/") else { return nil }
        let sequenceText = UnicodeText.trimmed(number[..<slash], newlines: false)
        guard Decree30Numerals.isDigits(sequenceText) else { return nil }
        let parts = units[units.index(after: slash)...]
            .split(omittingEmptySubsequences: false, whereSeparator: { Self.isDash($0) })
            .map { UnicodeText.trimmed(number[$0.startIndex..<$0.endIndex], newlines: false) }
        // Foundation's `contains` runs only when a part has a slash byte it could find.
        guard !parts.contains(where: { $0.isEmpty || $0.utf8.contains(UInt8(ascii: "/")) && $0.contains("/") }) else { return nil }
        return (Int(sequenceText), sequenceText, parts)
    }

    /// The symbol, its parts joined by `-` (`KH-UBND`).
    public var symbol: String {
        symbolParts.joined(separator: "-")
    }

    /// The number as ND30-NUMBER-UNIQUE compares it: the sequence as a number (its digits
    /// without leading zeros, however many) and the symbol as written, case included
    /// (`5/QĐ-UBND` for both `05/QĐ-UBND` and `5/QĐ-UBND`). (`==` compares the texts as given.)
    public var comparisonKey: String {
        "\(Decree30Numerals.significantDigits(sequenceText))/\(symbol)"
    }

    /// The symbol's first part, which for a typed document is its type abbreviation (`QĐ` in
    /// `5/QĐ-UBND`, also in `5/QĐ`) and for a Công văn or Thư công its agency (`TTr` in
    /// `306/TTr-VP` is the inspectorate, not a Tờ trình). A space before a word ends it: in
    /// `05/KH UBND` the space stands for the dash (ND30-NUMBER-FORMAT reports it), and the
    /// abbreviation is `KH`.
    public var typeAbbreviation: String {
        firstPartRead.abbreviation
    }

    /// The symbol's first part, split where a space stands for the dash after the abbreviation:
    /// before a word of two characters or more (`KH` and `UBND` in `KH UBND`). A space before a
    /// single character splits the abbreviation itself (`K H`, `Q Đ`), which stays whole.
    private var firstPartRead: (abbreviation: String, rest: String?) {
        let first = symbolParts[0]
        guard let space = first.firstIndex(where: \.isWhitespace) else { return (first, nil) }
        let rest = UnicodeText.trimmed(first[space...])
        guard rest.prefix(while: { !$0.isWhitespace }).count >= 2 else { return (first, nil) }
        return (String(first[..<space]), rest)
    }

    /// Whether this is the full number of a typed document with the given abbreviation,
    /// `N/ABBREVIATION-AGENCY[-UNIT]`, the abbreviation compared case-sensitively: MC-ESTABLISHED
    /// asks it with `QĐ` (`18/QĐ-UBND` is, `18/QĐ` and `18/qđ-UBND` are not).
    public func isFullNumber(ofTypeAbbreviatedAs abbreviation: String) -> Bool {
        typeAbbreviation == UnicodeText.nfc(abbreviation) && agency(typeKind: .withAbbreviation) != nil
    }

    /// The issuing agency's part of the symbol for a document of the given kind (`UBND` in
    /// `05/KH-UBND` and in `112/UBND-VP`); nil for an unknown type, whose symbol's layout is
    /// not known, and for a typed document whose symbol has no part after the abbreviation.
    public func agency(typeKind: DocumentTypeKind) -> String? {
        agencyAndUnitParts(typeKind: typeKind)?.first
    }

    /// The drafting unit's part (or parts, joined by `-`) after the agency (`VP` in
    /// `112/UBND-VP`); nil when the symbol ends with the agency or the type is unknown.
    public func unit(typeKind: DocumentTypeKind) -> String? {
        guard let parts = agencyAndUnitParts(typeKind: typeKind), parts.count > 1 else { return nil }
        return parts.dropFirst().joined(separator: "-")
    }

    /// Whether the sequence is written as ND30-NUMBER-ZERO wants: below 10 with exactly one
    /// leading zero (`05`), from 10 up with none (`12`, not `012`).
    public var hasCorrectZeroPadding: Bool {
        zeroPaddingProblem == nil
    }

    /// The ND30-NUMBER-ZERO problem of the sequence as written, if any. A sequence of 0 is not
    /// judged here: `formatProblems(typeKind:)` reports it.
    public var zeroPaddingProblem: DocumentNumberProblem? {
        let expected = Decree30Numerals.sequenceOrDay(digits: sequenceText)
        guard expected != "00" else { return nil }
        return sequenceText == expected ? nil : .wrongZeroPadding(written: sequenceText, expected: expected)
    }

    /// This number with its type abbreviation replaced by `abbreviation` and its sequence
    /// written as ND30-NUMBER-ZERO wants, the rest of the symbol as read (`05/QĐ-SNV-VP` for
    /// `5/QD-SNV-VP` and `QĐ`; `12/QĐ-UBND` for `12/qđ–UBND`): what ND30-TYPE-ABBR proposes.
    /// Nil when that is not a well-formed number of a typed document (`5/QD` has no agency,
    /// `00/QD-UBND` no sequence, `5/QD-UB ND` a space), so that no proposal is itself wrong.
    public func withTypeAbbreviation(_ abbreviation: String) -> String? {
        // What follows the abbreviation in its own part (`UBND` in `Kh UBND-VP`) is kept.
        let parts = [UnicodeText.nfc(abbreviation)] + (firstPartRead.rest.map { [$0] } ?? []) + symbolParts.dropFirst()
        let proposal = Decree30Numerals.sequenceOrDay(digits: sequenceText) + "/" + parts.joined(separator: "-")
        return Self.formatProblems(of: proposal, typeKind: .withAbbreviation).isEmpty ? proposal : nil
    }

    /// The ND30-NUMBER-FORMAT problems of this number's text: see `formatProblems(of:typeKind:)`.
    public func formatProblems(typeKind: DocumentTypeKind) -> [DocumentNumberProblem] {
        Self.formatProblems(of: text, typeKind: typeKind)
    }

    /// Every ND30-NUMBER-FORMAT problem of `text`, for a document of the given kind; empty when
    /// the text is well formed. Works on any text, including one `init(parsing:)` cannot read.
    ///
    /// The rule: `N/SYMBOL` with no whitespace; `N` ASCII digits, not 0 and of at most
    /// `Decree30Numerals.maxSequenceDigits` digits after its leading zeros; the symbol's parts
    /// joined by `-`, each made of letters (any case, Vietnamese letters included), digits or
    /// dots; a typed document's symbol `ABBREVIATION-AGENCY[-UNIT]` (2 or 3 parts); a Công
    /// văn's or Thư công's `AGENCY[-UNIT]` (1 or 2 parts); an unknown type's any number of parts.
    /// NFC and NFD text are judged alike.
    ///
    /// What stands around the number is named as such, and the number is judged as written:
    /// a printed label in front (`Số: 05/KH-UBND`), words after a complete number
    /// (`18/QĐ-UBND huyện Tiên Phước`), a space for the slash (`07 KH-UBND`). A problem
    /// proposes a corrected number (`DocumentNumberProblem.corrected`) only when that number
    /// has no problem itself, of format or zero padding, and has the type's `abbreviation`
    /// when one is given (`Số: 18/QD-UBND` of a Quyết định is not told to write `18/QD-UBND`).
    public static func formatProblems(of text: String, typeKind: DocumentTypeKind, abbreviation: String? = nil) -> [DocumentNumberProblem] {
        let composed = UnicodeText.nfc(text)
        let abbreviation = abbreviation.map(UnicodeText.nfc)
        return UnicodeText.isPlain(composed)
            ? formatProblems(composed, unit: Unicode.Scalar.self, typeKind: typeKind, abbreviation: abbreviation)
            : formatProblems(composed, unit: Character.self, typeKind: typeKind, abbreviation: abbreviation)
    }

    /// `formatProblems(of:typeKind:abbreviation:)` of the NFC `composed`, read unit by unit: by
    /// scalar only when `composed` is plain (the tests read plain text by character too).
    static func formatProblems<Unit: TextUnit>(_ composed: String, unit: Unit.Type, typeKind: DocumentTypeKind,
                                               abbreviation: String? = nil) -> [DocumentNumberProblem] {
        WrittenNumber<Unit>(composed[...], typeKind: typeKind, abbreviation: abbreviation).problems
    }

    /// Dashes the tolerant reading takes for the `-` between symbol parts: hyphen-minus and the
    /// typographic dashes word processors substitute for it. ND30-NUMBER-FORMAT reports a
    /// typographic one as an invalid character, and counts the symbol's parts as if it were `-`.
    static func isDash<Unit: TextUnit>(_ unit: Unit) -> Bool {
        ["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}"].contains(unit)
    }

    private func agencyAndUnitParts(typeKind: DocumentTypeKind) -> ArraySlice<String>? {
        switch typeKind {
        case .withAbbreviation: return symbolParts.count >= 2 ? symbolParts.dropFirst() : nil
        case .withoutAbbreviation: return symbolParts[...]
        case .unknown: return nil
        }
    }
}
