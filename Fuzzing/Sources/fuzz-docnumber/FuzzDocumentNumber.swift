import FuzzSupport
import VietnameseAdmin

/// libFuzzer entry: arbitrary text as a document number (`05/KH-UBND`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocumentNumber(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    for kind in [DocumentTypeKind.withAbbreviation, .withoutAbbreviation, .unknown] {
        for problem in DocumentNumber.formatProblems(of: text, typeKind: kind) { _ = problem.message }
    }
    if let number = DocumentNumber(parsing: text) {
        _ = (number.symbol, number.comparisonKey, number.typeAbbreviation, number.hasCorrectZeroPadding)
        _ = number.zeroPaddingProblem?.message
        _ = number.isFullNumber(ofTypeAbbreviatedAs: "QĐ")
        _ = (number.withTypeAbbreviation("QĐ"), number.withTypeAbbreviation(text))
        for kind in [DocumentTypeKind.withAbbreviation, .withoutAbbreviation, .unknown] {
            _ = (number.agency(typeKind: kind), number.unit(typeKind: kind))
            for problem in number.formatProblems(typeKind: kind) { _ = problem.message }
        }
    }
    _ = VietnamesePhoneNumber.isValid(text)
    return 0
}
