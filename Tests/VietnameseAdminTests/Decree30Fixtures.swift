import Foundation
import XCTest
import VietnameseAdmin

/// Decree 30 facts as `shared/spec/checks.md` lists them, written out in the tests so that the
/// pack data files are checked against them rather than against themselves.
enum Decree30Fixtures {
    /// The 29 types of Điều 7 with their Phụ lục III abbreviations, in the decree's order.
    static let documentTypes: [DocumentTypeEntry] = [
        DocumentTypeEntry(name: "Nghị quyết", abbreviation: "NQ", qualifier: "cá biệt"),
        DocumentTypeEntry(name: "Quyết định", abbreviation: "QĐ", qualifier: "cá biệt"),
        DocumentTypeEntry(name: "Chỉ thị", abbreviation: "CT"),
        DocumentTypeEntry(name: "Quy chế", abbreviation: "QC"),
        DocumentTypeEntry(name: "Quy định", abbreviation: "QyĐ"),
        DocumentTypeEntry(name: "Thông cáo", abbreviation: "TC"),
        DocumentTypeEntry(name: "Thông báo", abbreviation: "TB"),
        DocumentTypeEntry(name: "Hướng dẫn", abbreviation: "HD"),
        DocumentTypeEntry(name: "Chương trình", abbreviation: "CTr"),
        DocumentTypeEntry(name: "Kế hoạch", abbreviation: "KH"),
        DocumentTypeEntry(name: "Phương án", abbreviation: "PA"),
        DocumentTypeEntry(name: "Đề án", abbreviation: "ĐA"),
        DocumentTypeEntry(name: "Dự án", abbreviation: "DA"),
        DocumentTypeEntry(name: "Báo cáo", abbreviation: "BC"),
        DocumentTypeEntry(name: "Biên bản", abbreviation: "BB"),
        DocumentTypeEntry(name: "Tờ trình", abbreviation: "TTr"),
        DocumentTypeEntry(name: "Hợp đồng", abbreviation: "HĐ"),
        DocumentTypeEntry(name: "Công văn", abbreviation: nil),
        DocumentTypeEntry(name: "Công điện", abbreviation: "CĐ"),
        DocumentTypeEntry(name: "Bản ghi nhớ", abbreviation: "BGN"),
        DocumentTypeEntry(name: "Bản thỏa thuận", abbreviation: "BTT"),
        DocumentTypeEntry(name: "Giấy ủy quyền", abbreviation: "GUQ"),
        DocumentTypeEntry(name: "Giấy mời", abbreviation: "GM"),
        DocumentTypeEntry(name: "Giấy giới thiệu", abbreviation: "GGT"),
        DocumentTypeEntry(name: "Giấy nghỉ phép", abbreviation: "GNP"),
        DocumentTypeEntry(name: "Phiếu gửi", abbreviation: "PG"),
        DocumentTypeEntry(name: "Phiếu chuyển", abbreviation: "PC"),
        DocumentTypeEntry(name: "Phiếu báo", abbreviation: "PB"),
        DocumentTypeEntry(name: "Thư công", abbreviation: nil),
    ]

    /// The signing prefixes of Phụ lục I, II.7.b.
    static let signingPrefixes: [SigningPrefix] = [
        SigningPrefix(prefix: "TM.", meaning: "thay mặt (tập thể lãnh đạo)"),
        SigningPrefix(prefix: "KT.", meaning: "ký thay (người đứng đầu)"),
        SigningPrefix(prefix: "TL.", meaning: "thừa lệnh"),
        SigningPrefix(prefix: "TUQ.", meaning: "thừa ủy quyền"),
        SigningPrefix(prefix: "Q.", meaning: "quyền (cấp trưởng)"),
    ]

    static func documentTypeTable() throws -> DocumentTypeTable {
        try DocumentTypeTable(entries: documentTypes)
    }

    /// The repository's root, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

extension String {
    /// The text in NFD, as some reports arrive.
    var nfd: String { decomposedStringWithCanonicalMapping }
    /// The text in NFC.
    var nfc: String { precomposedStringWithCanonicalMapping }
}

/// Asserts `text` is in NFD form and differs from its NFC form, so a test using it really
/// feeds decomposed text (Swift's `==` would hide the difference).
func assertDecomposed(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertNotEqual(Array(text.unicodeScalars), Array(text.nfc.unicodeScalars),
                      "\(text) has no decomposed characters", file: file, line: line)
}

/// Asserts both texts have the same Unicode scalars (Swift's `==` equates NFC and NFD).
func assertSameScalars(_ actual: String?, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.map { Array($0.unicodeScalars) }, Array(expected.unicodeScalars),
                   "\(actual ?? "nil") ≠ \(expected) scalar by scalar", file: file, line: line)
}
