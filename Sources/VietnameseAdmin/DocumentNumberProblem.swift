/// One way a document's number and symbol departs from Decree 30/2020/NĐ-CP, Phụ lục I, II.3
/// (ND30-NUMBER-FORMAT, ND30-NUMBER-ZERO); `message` says it in Vietnamese.
public enum DocumentNumberProblem: Sendable, Hashable {
    /// The label printed before the number on the document (`Số:` in `Số: 05/KH-UBND`) was
    /// written with it. `corrected` is the number to write when it is well formed.
    case printedLabel(label: String, corrected: String?)
    /// The number, as written, contains whitespace (`05 / KH-UBND`). `corrected` is the number
    /// without it when removing it cannot join two words (`05/KH-UBND`; none for `UBND VP`)
    /// and gives a well-formed number.
    case containsWhitespace(text: String, corrected: String?)
    /// A space stands where the slash belongs, between the sequence and the symbol
    /// (`07 KH-UBND`). `corrected` puts the slash there when that gives a well-formed number.
    case spaceForSlash(text: String, corrected: String?)
    /// Words follow a complete number after a space (`huyện Tiên Phước` after `18/QĐ-UBND`).
    /// `corrected` is the number without them.
    case extraText(extra: String, corrected: String?)
    /// There is no `/` between the number and the symbol (`05-KH-UBND`).
    case missingSlash(text: String)
    /// A character that only looks like a slash stands between the number and the symbol
    /// (`05／KH-UBND`, U+FF0F, the full-width slash of East Asian input methods): `written` is it.
    case slashLookalike(text: String, written: String)
    /// There is more than one `/` (`05/KH/UBND`).
    case moreThanOneSlash(text: String)
    /// Nothing stands before the `/`.
    case missingSequence
    /// The sequence is not made of digits (`5a`).
    case sequenceNotDigits(written: String)
    /// The sequence is zero (`00`); numbers start from 01.
    case sequenceZero(written: String)
    /// The sequence has more than `Decree30Numerals.maxSequenceDigits` digits after its
    /// leading zeros (`1234567`); numbers restart from 01 every year.
    case sequenceTooLong(written: String)
    /// Nothing stands after the `/`.
    case missingSymbol
    /// The symbol has an empty part: two dashes in a row, or a dash at its start or end.
    case emptySymbolPart(symbol: String)
    /// A symbol part has characters other than letters, digits and dots (each listed once).
    case invalidCharacters(part: String, characters: [Character])
    /// The symbol has the wrong number of parts for the document's kind of type.
    case wrongSymbolPartCount(symbol: String, partCount: Int, typeKind: DocumentTypeKind)
    /// ND30-NUMBER-ZERO: the sequence has too few or too many leading zeros.
    case wrongZeroPadding(written: String, expected: String)

    /// The well-formed number this problem's message proposes to write instead, if any.
    public var corrected: String? {
        switch self {
        case let .printedLabel(_, corrected), let .containsWhitespace(_, corrected),
             let .spaceForSlash(_, corrected), let .extraText(_, corrected):
            return corrected
        default:
            return nil
        }
    }

    /// The problem in Vietnamese, naming the offending values.
    public var message: String {
        switch self {
        case let .printedLabel(label, corrected):
            return "bỏ chữ \"\(label)\" in trước số" + (corrected.map { ", chỉ ghi số, ký hiệu: \"\($0)\"" } ?? "")
        case let .containsWhitespace(text, corrected):
            return "số, ký hiệu \"\(text)\" có dấu cách; "
                + (corrected.map { "phải viết liền: \"\($0)\"" } ?? "phải viết liền, không có dấu cách")
        case let .spaceForSlash(text, corrected):
            return "số, ký hiệu \"\(text)\" có dấu cách thay cho dấu \"/\" giữa số và ký hiệu"
                + (corrected.map { "; phải viết: \"\($0)\"" } ?? "")
        case let .extraText(extra, corrected):
            return "có thêm \"\(extra)\" sau số, ký hiệu; chỉ ghi số, ký hiệu" + (corrected.map { ": \"\($0)\"" } ?? "")
        case let .missingSlash(text):
            return "số, ký hiệu \"\(text)\" thiếu dấu \"/\" giữa số và ký hiệu"
        case let .slashLookalike(text, written):
            return "số, ký hiệu \"\(text)\" có \"\(UnusualCharacters.annotated(written))\" giữa số và ký hiệu; viết dấu \"/\""
        case let .moreThanOneSlash(text):
            return "số, ký hiệu \"\(UnusualCharacters.annotated(text))\" có nhiều hơn một dấu \"/\"; các phần của ký hiệu nối bằng dấu \"-\""
        case .missingSequence:
            return "thiếu số trước dấu \"/\""
        case let .sequenceNotDigits(written):
            return "số \"\(written)\" phải là chữ số"
        case let .sequenceZero(written):
            return "số \(written) không hợp lệ: số văn bản bắt đầu từ 01"
        case let .sequenceTooLong(written):
            return "số \(written) có hơn \(Decree30Numerals.maxSequenceDigits) chữ số: "
                + "số văn bản được đánh lại từ 01 mỗi năm, không thể lớn đến vậy"
        case .missingSymbol:
            return "thiếu ký hiệu sau dấu \"/\""
        case let .emptySymbolPart(symbol):
            return "ký hiệu \"\(symbol)\" có phần rỗng (hai dấu \"-\" liền nhau, hoặc dấu \"-\" ở đầu hay cuối)"
        case let .invalidCharacters(part, characters):
            let listed = characters.map { "\"\(UnusualCharacters.annotated(String($0)))\"" }.joined(separator: ", ")
            return "phần \"\(part)\" của ký hiệu có ký tự không hợp lệ \(listed): chỉ dùng chữ cái, chữ số và dấu chấm"
        case let .wrongSymbolPartCount(symbol, partCount, typeKind):
            return "ký hiệu \"\(symbol)\" có \(partCount) phần; \(typeKind.symbolShapeDescription)"
        case let .wrongZeroPadding(written, expected):
            return Decree30Numerals.paddingMessage(label: "số", written: written, expected: expected)
        }
    }
}
