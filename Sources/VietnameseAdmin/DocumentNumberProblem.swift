/// One way a document's number and symbol departs from Decree 30/2020/NĐ-CP, Phụ lục I, II.3
/// (ND30-NUMBER-FORMAT, ND30-NUMBER-ZERO); `message` says it in Vietnamese.
public enum DocumentNumberProblem: Sendable, Hashable {
    /// The text contains whitespace (`05 / KH-UBND`).
    case containsWhitespace(text: String)
    /// There is no `/` between the number and the symbol (`05-KH-UBND`).
    case missingSlash(text: String)
    /// There is more than one `/` (`05/KH/UBND`).
    case moreThanOneSlash(text: String)
    /// Nothing stands before the `/`.
    case missingSequence
    /// The sequence is not made of digits (`5a`).
    case sequenceNotDigits(written: String)
    /// The sequence is zero (`00`); numbers start from 01.
    case sequenceZero(written: String)
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

    /// `text` written without whitespace, as a number should be: `05/KH-UBND` for
    /// ` 05 / KH - UBND `, and for `05 KH-UBND`, where a space stands for the slash; nil when
    /// removing the spaces gives no `N/SYMBOL` shape to suggest (`05KH-UBND` is not one).
    static func withoutWhitespace(_ text: String) -> String? {
        let compact = String(text.filter { !$0.isWhitespace })
        if compact.contains("/") { return compact }
        let trimmed = text.drop { $0.isWhitespace }
        let digits = trimmed.prefix { ("0" ... "9").contains($0) }
        let rest = trimmed.dropFirst(digits.count)
        guard !digits.isEmpty, rest.first?.isWhitespace == true,
              rest.contains(where: { !$0.isWhitespace }) else { return nil }
        return digits + "/" + rest.filter { !$0.isWhitespace }
    }

    /// The problem in Vietnamese, naming the offending values.
    public var message: String {
        switch self {
        case let .containsWhitespace(text):
            guard let written = Self.withoutWhitespace(text) else {
                return "số, ký hiệu \"\(text)\" có dấu cách; phải viết liền, không có dấu cách"
            }
            return "số, ký hiệu \"\(text)\" có dấu cách; phải viết liền: \"\(written)\""
        case let .missingSlash(text):
            return "số, ký hiệu \"\(text)\" thiếu dấu \"/\" giữa số và ký hiệu"
        case let .moreThanOneSlash(text):
            return "số, ký hiệu \"\(text)\" có nhiều hơn một dấu \"/\"; các phần của ký hiệu nối bằng dấu \"-\""
        case .missingSequence:
            return "thiếu số trước dấu \"/\""
        case let .sequenceNotDigits(written):
            return "số \"\(written)\" phải là chữ số"
        case let .sequenceZero(written):
            return "số \(written) không hợp lệ: số văn bản bắt đầu từ 01"
        case .missingSymbol:
            return "thiếu ký hiệu sau dấu \"/\""
        case let .emptySymbolPart(symbol):
            return "ký hiệu \"\(symbol)\" có phần rỗng (hai dấu \"-\" liền nhau, hoặc dấu \"-\" ở đầu hay cuối)"
        case let .invalidCharacters(part, characters):
            let listed = characters.map { "\"\($0)\"" }.joined(separator: ", ")
            return "phần \"\(part)\" của ký hiệu có ký tự không hợp lệ \(listed): chỉ dùng chữ cái, chữ số và dấu chấm"
        case let .wrongSymbolPartCount(symbol, partCount, typeKind):
            return "ký hiệu \"\(symbol)\" có \(partCount) phần; \(typeKind.symbolShapeDescription)"
        case let .wrongZeroPadding(written, expected):
            return Decree30Numerals.paddingMessage(label: "số", written: written, expected: expected)
        }
    }
}
