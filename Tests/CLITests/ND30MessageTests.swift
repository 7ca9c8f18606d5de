import Foundation
import XCTest

/// What the shipped nd30 and mot-cua rules say about numbers, place-and-date lines and the last
/// recipients line, end to end: a corrected value they propose is itself correct, what they
/// quote is what the user wrote, and what Decree 30's printed form requires is not forgiven.
final class ND30MessageTests: XCTestCase {
    private static let rules = CLI.repository.appendingPathComponent("Rules").path
    private static let base = CLI.repository.appendingPathComponent("Rules/fixtures/valid-commune-2022.yaml").path

    /// One finding of a `--format json` run.
    private struct Found {
        let rule: String
        let path: String
        let message: String
        let fix: String
    }

    /// The findings for the shipped base report with each `(old, new)` replaced once (every `old`
    /// must be in the report).
    private func check(_ replacements: [(String, String)], file: StaticString = #filePath, line: UInt = #line) throws -> [Found] {
        var text = try String(contentsOfFile: Self.base, encoding: .utf8)
        for (old, new) in replacements {
            let range = try XCTUnwrap(text.range(of: old), "'\(old)' is not in the base report", file: file, line: line)
            text.replaceSubrange(range, with: new)
        }
        let scratch = CLI.Scratch()
        let run = try CLI.run(["check", scratch.write("report.yaml", text), "--format", "json", "--fail-on", "never"],
                              environment: ["CCHC_RULES_HOME": Self.rules], file: file, line: line)
        assertStatus(run, 0, file: file, line: line)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let reports = try XCTUnwrap(object?["reports"] as? [[String: Any]], run.output, file: file, line: line)
        return reports.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }.map {
            Found(rule: $0["rule"] as? String ?? "", path: $0["path"] as? String ?? "",
                  message: $0["message"] as? String ?? "", fix: $0["fix"] as? String ?? "")
        }
    }

    /// The first document's type and number replaced.
    private func checkNumber(_ number: String, type: String = "Kế hoạch", file: StaticString = #filePath, line: UInt = #line) throws -> [Found] {
        try check([("ref: kh-05\n    type: Kế hoạch\n    number: 05/KH-UBND", "ref: kh-05\n    type: \(type)\n    number: \(number)")],
                  file: file, line: line)
    }

    private func only(_ rule: String, in found: [Found], file: StaticString = #filePath, line: UInt = #line) throws -> Found {
        let matching = found.filter { $0.rule == rule }
        XCTAssertEqual(matching.count, 1, "\(rule) in \(found.map { "\($0.rule): \($0.message)" })", file: file, line: line)
        return try XCTUnwrap(matching.first, file: file, line: line)
    }

    // MARK: ND30-NUMBER-FORMAT, MC-ESTABLISHED

    /// `Số: 05/KH-UBND` was told to write `Số:05/KH-UBND` and that `Số:05` must be digits.
    func testPrintedLabelIsNamedAndNotGluedToTheNumber() throws {
        for (written, label) in [("\"Số: 05/KH-UBND\"", "Số:"), ("Số 05/KH-UBND", "Số")] {
            let format = try only("ND30-NUMBER-FORMAT", in: try checkNumber(written))
            XCTAssertTrue(format.message.contains("bỏ chữ \"\(label)\" in trước số"), format.message)
            XCTAssertTrue(format.message.contains("\"05/KH-UBND\""), format.message)
            XCTAssertFalse(format.message.contains("Số:05") || format.message.contains("Số05"), format.message)
            XCTAssertFalse(format.message.contains("phải là chữ số"), format.message)
        }
    }

    /// `07 KH-UBND` was told to write `07/KH-UBND` and, in the same message, that `07KH-UBND` (a
    /// text nobody wrote) has no slash.
    func testSpaceForTheSlashQuotesOnlyWhatWasWritten() throws {
        let format = try only("ND30-NUMBER-FORMAT", in: try checkNumber("07 KH-UBND"))
        XCTAssertTrue(format.message.contains("\"07 KH-UBND\""), format.message)
        XCTAssertTrue(format.message.contains("\"07/KH-UBND\""), format.message)
        XCTAssertFalse(format.message.contains("07KH-UBND"), format.message)
    }

    /// `18/QĐ-UBND huyện Tiên Phước` was told to write `18/QĐ-UBNDhuyệnTiênPhước`.
    func testWordsAfterTheNumberAreNamedAsExtraText() throws {
        let established = try only("MC-ESTABLISHED", in: try check([
            ("established_by: 18/QĐ-UBND", "established_by: 18/QĐ-UBND huyện Tiên Phước"),
        ]))
        XCTAssertTrue(established.message.contains("\"huyện Tiên Phước\""), established.message)
        XCTAssertTrue(established.message.contains("chỉ ghi số, ký hiệu: \"18/QĐ-UBND\""), established.message)
        XCTAssertFalse(established.message.contains("UBNDhuyện"), established.message)

        let format = try only("ND30-NUMBER-FORMAT", in: try checkNumber("05/KH-UBND ngày 14/01/2022"))
        XCTAssertTrue(format.message.contains("chỉ ghi số, ký hiệu: \"05/KH-UBND\""), format.message)
        XCTAssertFalse(format.message.contains("nhiều hơn một dấu"), format.message)
    }

    /// A sequence too long for an Int made the number unreadable: ND30-NUMBER-FORMAT accepted it
    /// and ND30-TYPE-ABBR, -ZERO and -UNIQUE skipped it.
    func testOverlongSequenceIsFlaggedAndTheOtherChecksStillRun() throws {
        let found = try checkNumber("99999999999999999999/QD-UBND", type: "Quyết định")
        let format = try only("ND30-NUMBER-FORMAT", in: found)
        XCTAssertTrue(format.message.contains("99999999999999999999"), format.message)
        XCTAssertTrue(format.message.contains("6 chữ số"), format.message)
        XCTAssertEqual(try only("ND30-TYPE-ABBR", in: found).path, "documents[0].number")

        let repeated = try check([
            ("ref: kh-05\n    type: Kế hoạch\n    number: 05/KH-UBND", "ref: kh-05\n    type: Kế hoạch\n    number: 012345678901234567890/KH-UBND"),
            ("type: Công văn\n    number: 112/UBND-VP", "type: Kế hoạch\n    number: 12345678901234567890/KH-UBND"),
        ])
        XCTAssertEqual(try only("ND30-NUMBER-UNIQUE", in: repeated).path, "documents[1].number")
        XCTAssertEqual(try only("ND30-NUMBER-ZERO", in: repeated).path, "documents[0].number")
        XCTAssertTrue(try checkNumber("999999/KH-UBND").allSatisfy { $0.rule != "ND30-NUMBER-FORMAT" })
    }

    /// `05/KH–UBND` (an en dash) named the en dash, then added "ký hiệu "KH–UBND" có 1 phần",
    /// which only followed from it; a part count the dash does not explain is still told.
    func testTypographicDashIsNotAlsoCountedAsOnePart() throws {
        let dash = try only("ND30-NUMBER-FORMAT", in: try checkNumber("05/KH–UBND"))
        XCTAssertTrue(dash.message.contains("\"– [– là U+2013, không phải -]\""), dash.message)
        XCTAssertFalse(dash.message.contains("phần;"), dash.message)
        XCTAssertFalse(dash.message.contains("gồm 2 hoặc 3 phần"), dash.message)

        let tooMany = try only("ND30-NUMBER-FORMAT", in: try checkNumber("05/KH–UBND–VP–X"))
        XCTAssertTrue(tooMany.message.contains("ký hiệu \"KH–UBND–VP–X\" có 4 phần"), tooMany.message)
    }

    // MARK: ND30-TYPE-ABBR

    /// The fix proposes the user's own number with the abbreviation corrected, only when the
    /// abbreviation is the right one mistyped and the result is well formed. It proposed
    /// `5/QĐ-UBND` for `5/QD-SNV-VP` (the sequence ND30-NUMBER-ZERO flags, another agency) and
    /// `05/KH-VP` for a Kế hoạch numbered like a công văn, `05/UBND-VP`; another type's
    /// abbreviation (`05/BC-UBND`) is named, since the type may be the slip.
    func testTypeAbbreviationFixProposesOnlyTheUsersNumberCorrected() throws {
        // (number, type, the example the fix gives or nil, what the message names or nil)
        let cases: [(String, String, String?, String?)] = [
            ("5/QD-SNV-VP", "Quyết định", "05/QĐ-SNV-VP", nil),
            ("12/qđ–UBND", "Quyết định", "12/QĐ-UBND", nil),
            ("5/QD", "Quyết định", nil, nil),  // no agency to keep: no example that is itself wrong
            ("05/UBND-VP", "Kế hoạch", nil, "chữ viết tắt tên loại \"UBND\", quy định \"KH\" cho Kế hoạch"),
            ("05/BC-UBND", "Kế hoạch", nil, "\"BC\" là của Báo cáo, quy định \"KH\""),
            // HD is Hướng dẫn's abbreviation, and HĐ (Hợp đồng) mistyped: both are said.
            ("05/HD-UBND", "Hợp đồng", "05/HĐ-UBND", "\"HD\" là của Hướng dẫn, quy định \"HĐ\""),
            // A space for the dash: the agency after it is kept, not `05/KH-VP`.
            ("05/Kh UBND-VP", "Kế hoạch", "05/KH-UBND-VP", "chữ viết tắt tên loại \"Kh\", quy định \"KH\""),
            ("05/K H-UBND", "Kế hoạch", "05/KH-UBND", "chữ viết tắt tên loại \"K H\", quy định \"KH\""),
        ]
        for (number, type, example, named) in cases {
            let finding = try only("ND30-TYPE-ABBR", in: try checkNumber(number, type: type))
            if let example {
                XCTAssertTrue(finding.fix.contains("ví dụ \(example)"), "\(number): \(finding.fix)")
            } else {
                XCTAssertFalse(finding.fix.contains("ví dụ"), "\(number): \(finding.fix)")
            }
            if let named { XCTAssertTrue(finding.message.contains(named), "\(number): \(finding.message)") }
            XCTAssertEqual(finding.fix.contains("thì sửa tên loại"), ["05/BC-UBND", "05/HD-UBND"].contains(number), finding.fix)
        }
    }

    // MARK: MC-ESTABLISHED

    /// MC-ESTABLISHED's message for the one-stop shop's establishing decision numbered `number`.
    private func establishedMessage(_ number: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try only("MC-ESTABLISHED", in: try check([("established_by: 18/QĐ-UBND", "established_by: \(number)")], file: file, line: line),
                 file: file, line: line).message
    }

    /// `18/QD-UBND`, `18/KH-UBND` and `18/QÐ-UBND` (U+00D0) were only "không phải số, ký hiệu
    /// đầy đủ của một quyết định": the message now says what stands where `QĐ` belongs.
    func testEstablishingNumberSaysWhatStandsInsteadOfQD() throws {
        // (established_by as written in YAML, what the message says, whether it proposes a number)
        let cases: [(String, String, Bool)] = [
            ("18/QD-UBND", "(chữ viết tắt của Quyết định là \"QĐ\", không phải \"QD\": viết \"18/QĐ-UBND\")", true),
            // Behind the printed label too, and the label's own advice proposes no number with QD.
            ("\"Số: 18/QD-UBND\"", "không phải \"QD\": viết \"18/QĐ-UBND\"; bỏ chữ \"Số:\" in trước số)", true),
            // A plan's number is not corrected into a decision's.
            ("18/KH-UBND", "(chữ viết tắt \"KH\" là của Kế hoạch, không phải \"QĐ\" của Quyết định)", false),
            ("18/Q\u{00D0}-UBND", "không phải \"Q\u{00D0} [\u{00D0} là U+00D0, không phải Đ]\": viết \"18/QĐ-UBND\"", true),
            // The first part of a Công văn's number is its agency: 18/QĐ-VP would be another number.
            ("18/UBND-VP", "chữ viết tắt của Quyết định là \"QĐ\", không phải \"UBND\")", false),
            // A reason of its own beside the format's problems; a proposal only when itself correct.
            ("18/QD-UB ND", "không phải \"QD\"; số, ký hiệu \"18/QD-UB ND\" có dấu cách", false),
        ]
        for (number, said, proposes) in cases {
            let message = try establishedMessage(number)
            XCTAssertTrue(message.contains(said), "\(number): \(message)")
            XCTAssertEqual(message.contains("viết \""), proposes, "\(number): \(message)")
        }
    }

    // MARK: ND30-DATE-LINE

    /// `Tiên Sơn,ngày14tháng01năm2022` passed ND30-DATE-LINE.
    func testDateLineWithoutSpacesFailsAndDateMatchStillReadsIt() throws {
        let found = try check([("place_date: Tiên Sơn, ngày 14 tháng 01 năm 2022", "place_date: Tiên Sơn,ngày14tháng01năm2022")])
        let line = try only("ND30-DATE-LINE", in: found)
        XCTAssertTrue(line.message.contains("thiếu dấu cách"), line.message)
        XCTAssertTrue(line.message.contains("\"Tiên Sơn, ngày 14 tháng 01 năm 2022\""), line.message)
        XCTAssertFalse(found.contains { $0.rule == "ND30-DATE-MATCH" }, "the date is read: \(found.map(\.message))")

        let year = try only("ND30-DATE-LINE", in: try check([
            ("place_date: Tiên Sơn, ngày 14 tháng 01 năm 2022", "place_date: Tiên Sơn, ngày 14 tháng 01 năm2022"),
        ]))
        XCTAssertTrue(year.message.contains("giữa \"năm\" và \"2022\""), year.message)
    }

    /// A full-width comma (U+FF0C) after the place read "thiếu dấu phẩy sau địa danh "Tiên Sơn，"".
    func testFullWidthCommaAfterThePlaceIsNamed() throws {
        let found = try check([("place_date: Tiên Sơn, ngày 14 tháng 01 năm 2022", "place_date: Tiên Sơn\u{FF0C} ngày 14 tháng 01 năm 2022")])
        let line = try only("ND30-DATE-LINE", in: found)
        XCTAssertTrue(line.message.contains("\"\u{FF0C} [\u{FF0C} là U+FF0C, không phải ,]\"; viết dấu phẩy: \"Tiên Sơn,\""), line.message)
        XCTAssertFalse(line.message.contains("thiếu dấu phẩy"), line.message)
        XCTAssertFalse(found.contains { $0.rule == "ND30-DATE-MATCH" }, "the date is read: \(found.map(\.message))")
    }

    // MARK: ND30-ARCHIVE-COPY

    /// `- Lưu: VT, VP` without quotes is a YAML mapping; the message said `dòng cuối nơi nhận ""`,
    /// then quoted an example line (`- "Lưu: VT, VP"`) instead of the user's own.
    func testUnquotedArchiveLineIsExplainedWithTheUsersOwnText() throws {
        let archive = try only("ND30-ARCHIVE-COPY", in: try check([("      - \"Lưu: VT, VP\"", "      - Lưu: VT, TH")]))
        XCTAssertFalse(archive.message.contains("\"\""), archive.message)
        XCTAssertTrue(archive.message.hasPrefix("dòng cuối nơi nhận \"Lưu: VT, TH\";"), archive.message)
        XCTAssertTrue(archive.message.contains("nhóm trường"), archive.message)
        XCTAssertTrue(archive.message.hasSuffix("đặt cả dòng trong dấu nháy kép: - \"Lưu: VT, TH\""), archive.message)
        XCTAssertFalse(archive.message.contains("VT, VP"), archive.message)
        XCTAssertFalse(archive.message.contains("quy định bắt đầu"), archive.message)
        XCTAssertEqual(archive.path, "documents[0].recipients[1]")

        // Quoting it would not be enough: both are said.
        let other = try only("ND30-ARCHIVE-COPY", in: try check([("      - \"Lưu: VT, VP\"", "      - Lưu: VP")]))
        XCTAssertTrue(other.message.contains("\"Lưu: VP\", quy định bắt đầu bằng \"Lưu: VT\""), other.message)
        XCTAssertTrue(other.message.hasSuffix("- \"Lưu: VP\""), other.message)

        // A " or a \\ in the line: double quotes would end the text there or read an escape, so
        // the advice is single quotes, a ' written twice (the pasted line is valid YAML).
        let quote = try only("ND30-ARCHIVE-COPY", in: try check([("      - \"Lưu: VT, VP\"", "      - Lưu: VT, \"TH\" 'A'\\B")]))
        XCTAssertTrue(quote.message.hasSuffix("đặt cả dòng trong dấu nháy đơn: - 'Lưu: VT, \"TH\" ''A''\\B'"), quote.message)
    }

    /// Word pastes a tab or a no-break space after the bullet dash, and no-break spaces inside.
    func testBulletWithTabOrNoBreakSpaceIsReadLikeADashAndASpace() throws {
        for line in ["\"-\\tLưu: VT, VP\"", "\"–\\u00A0Lưu:\\u00A0VT, VP;\"", "\"-\\u00A0\\u00A0Lưu: VT,\\u00A0VP.\""] {
            let found = try check([("      - \"Lưu: VT, VP\"", "      - \(line)")])
            XCTAssertFalse(found.contains { $0.rule == "ND30-ARCHIVE-COPY" }, "\(line): \(found.map(\.message))")
        }
    }

    // MARK: Look-alike characters

    /// `QÐ` written with U+00D0 (what TCVN3 and VNI conversions leave) read "chữ viết tắt "QÐ",
    /// quy định "QĐ"": the same on screen. The message names the character.
    func testALookalikeCharacterIsNamed() throws {
        let abbreviation = try only("ND30-TYPE-ABBR", in: try checkNumber("05/Q\u{00D0}-UBND", type: "Quyết định"))
        XCTAssertTrue(abbreviation.message.contains("\"Q\u{00D0} [\u{00D0} là U+00D0, không phải Đ]\""), abbreviation.message)
        let type = try only("ND30-TYPE-KNOWN", in: try checkNumber("05/KH-UBND", type: "K\u{1EBF} ho\u{1EA1}ch\u{200B}"))
        XCTAssertTrue(type.message.contains("\"Kế hoạch[U+200B]\""), type.message)
    }
}
