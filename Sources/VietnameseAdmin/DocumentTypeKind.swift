/// What a document's type says about the shape of its number's symbol (Decree 30/2020/NĐ-CP,
/// Phụ lục I, II.3).
public enum DocumentTypeKind: Sendable, Hashable {
    /// A type with an abbreviation: the symbol is `ABBREVIATION-AGENCY[-UNIT]` (`05/KH-UBND`).
    case withAbbreviation
    /// Công văn or Thư công: the symbol is `AGENCY[-UNIT]` (`112/UBND-VP`).
    case withoutAbbreviation
    /// A type outside the 29: only the generic `N/SYMBOL` shape is checked.
    case unknown
}

extension DocumentTypeKind {
    /// How many parts the number symbol of a document of this kind has (ND30-NUMBER-FORMAT).
    var symbolPartCounts: ClosedRange<Int> {
        switch self {
        case .withAbbreviation: return 2...3
        case .withoutAbbreviation: return 1...2
        case .unknown: return 1...Int.max
        }
    }

    /// The symbol's expected shape in Vietnamese, for problem messages; agrees with
    /// `symbolPartCounts`.
    var symbolShapeDescription: String {
        switch self {
        case .withAbbreviation:
            return "ký hiệu của văn bản có tên loại gồm 2 hoặc 3 phần: TÊN LOẠI VIẾT TẮT-CƠ QUAN[-ĐƠN VỊ]"
        case .withoutAbbreviation:
            return "ký hiệu của công văn, thư công gồm 1 hoặc 2 phần: CƠ QUAN[-ĐƠN VỊ]"
        case .unknown:
            return "ký hiệu phải có ít nhất một phần"
        }
    }
}
