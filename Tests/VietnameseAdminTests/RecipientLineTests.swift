import XCTest
import VietnameseAdmin

/// Nơi nhận lines as ND30-ARCHIVE-COPY reads them (`recipient_line`): a line that keeps its
/// printed bullet and final punctuation, as typed or as Word pastes it, is read the same.
final class RecipientLineTests: XCTestCase {
    func testPrintedBulletAndFinalPunctuationAreRemoved() {
        let cases: [(String, String)] = [
            ("Lưu: VT, VP", "Lưu: VT, VP"),
            ("- Lưu: VT, VP.", "Lưu: VT, VP"),
            ("- UBND huyện Tiên Phước;", "UBND huyện Tiên Phước"),
            ("-Lưu: VT", "Lưu: VT"),
            ("  - Lưu: VT, VP (02b). ", "Lưu: VT, VP (02b)"),
            ("", ""),
            ("-", ""),
            (" - ; ", ""),
        ]
        for (line, text) in cases {
            XCTAssertEqual(RecipientLine.text(line), text, line)
        }
    }

    /// `-` or `–` then a tab or a no-break space (what Word pastes) was kept: `"\tLưu: VT"`
    /// failed ND30-ARCHIVE-COPY; a no-break space inside (`Lưu:\u{A0}VT`) did too.
    func testTabsAndNoBreakSpacesAreReadAsSpaces() {
        let cases: [(String, String)] = [
            ("-\tLưu: VT, VP;", "Lưu: VT, VP"),
            ("–\u{A0}Lưu:\u{A0}VT, VP.", "Lưu: VT, VP"),
            ("—\u{A0}\u{A0}Lưu: VT", "Lưu: VT"),
            ("-\u{A0}\u{A0}Lưu:  VT,\tVP", "Lưu: VT, VP"),
            ("\u{3000}-\u{2003}Các thôn;", "Các thôn"),
        ]
        for (line, text) in cases {
            XCTAssertEqual(RecipientLine.text(line), text, line.debugDescription)
        }
    }

    func testDecomposedTextIsReadComposed() {
        let line = "- Lưu: VT, VP;".nfd
        assertDecomposed(line)
        assertSameScalars(RecipientLine.text(line), "Lưu: VT, VP")
    }

    /// Only a leading dash is a bullet: one inside the line stays.
    func testOnlyTheLeadingDashIsABullet() {
        XCTAssertEqual(RecipientLine.text("- Phòng Văn hóa - Thông tin;"), "Phòng Văn hóa - Thông tin")
        XCTAssertEqual(RecipientLine.text("Lưu: VT, VP-TH."), "Lưu: VT, VP-TH")
    }
}
