import XCTest
import VietnameseAdmin

final class DocumentNumberTests: XCTestCase {
    // MARK: Tolerant reading

    func testReadsRealWorldNumbers() throws {
        let cases: [(String, Int, String, [String])] = [
            ("05/KH-UBND", 5, "05", ["KH", "UBND"]),
            ("112/UBND-VP", 112, "112", ["UBND", "VP"]),
            ("012/CT-UBND", 12, "012", ["CT", "UBND"]),
            ("5/QĐ-UBND", 5, "5", ["QĐ", "UBND"]),
            ("18/QĐ-UBND", 18, "18", ["QĐ", "UBND"]),
            ("306/TTr-VP", 306, "306", ["TTr", "VP"]),
            ("07/QyĐ-ĐHQG", 7, "07", ["QyĐ", "ĐHQG"]),
            ("24/BC-TƯ", 24, "24", ["BC", "TƯ"]),
            ("05/kh-ubnd", 5, "05", ["kh", "ubnd"]),
            ("31/TB-UBND.VP", 31, "31", ["TB", "UBND.VP"]),
            ("09/KH-UBND-VP", 9, "09", ["KH", "UBND", "VP"]),
            (" 05 / KH - UBND ", 5, "05", ["KH", "UBND"]),
            ("05/KH–UBND", 5, "05", ["KH", "UBND"]),
            ("05/KH—UBND", 5, "05", ["KH", "UBND"]),
        ]
        for (text, sequence, sequenceText, parts) in cases {
            let number = try XCTUnwrap(DocumentNumber(parsing: text), text)
            XCTAssertEqual(number.text, text)
            XCTAssertEqual(number.typeAbbreviation, parts[0], text)
            XCTAssertEqual(number.sequence, sequence, text)
            XCTAssertEqual(number.sequenceText, sequenceText, text)
            XCTAssertEqual(number.symbolParts, parts, text)
            XCTAssertEqual(number.symbol, parts.joined(separator: "-"), text)
        }
    }

    func testReadsDecomposedTextIntoComposedParts() throws {
        let text = "24/QĐ-TƯ".nfd
        assertDecomposed(text)
        let number = try XCTUnwrap(DocumentNumber(parsing: text))
        assertSameScalars(number.symbolParts.last, "TƯ")
        assertSameScalars(number.symbol, "QĐ-TƯ")
        XCTAssertEqual(number.sequence, 24)
    }

    func testCannotReadWithoutNumberSlashSymbol() {
        for text in ["", "KH-UBND", "/KH-UBND", "05/", "05/ ", "05/KH--UBND", "05/KH-", "-05/KH",
                     "abc/KH-UBND", "5a/KH", "30/2020/NĐ-CP", "05 KH-UBND", "Số: KH-UBND",
                     "٠٥/KH-UBND"] {
            XCTAssertNil(DocumentNumber(parsing: text), text)
        }
    }

    /// The label printed before the number is read past (ND30-NUMBER-FORMAT reports it): the
    /// number is still the document's, for ND30-TYPE-ABBR, -ZERO and -UNIQUE and MC-ESTABLISHED,
    /// which said nothing of `Số: 18/QD-UBND`'s QD.
    func testReadsPastThePrintedLabel() throws {
        for text in ["Số: 18/QD-UBND", "SỐ :18/QD-UBND", "số 18/QD-UBND"] {
            let number = try XCTUnwrap(DocumentNumber(parsing: text), text)
            XCTAssertEqual(number.typeAbbreviation, "QD", text)
            XCTAssertEqual(number.comparisonKey, "18/QD-UBND", text)
        }
        // Proposed only when ND30-NUMBER-ZERO accepts it too (`5/KH-UBND` is not), and with the
        // type's abbreviation when it is given (`18/QD-UBND` is no Quyết định's number).
        XCTAssertEqual(DocumentNumber.formatProblems(of: "Số: 5/KH-UBND", typeKind: .withAbbreviation),
                       [.printedLabel(label: "Số:", corrected: nil)])
        XCTAssertEqual(DocumentNumber.formatProblems(of: "Số: 18/QD-UBND", typeKind: .withAbbreviation),
                       [.printedLabel(label: "Số:", corrected: "18/QD-UBND")])
        XCTAssertEqual(DocumentNumber.formatProblems(of: "Số: 18/QD-UBND", typeKind: .withAbbreviation, abbreviation: "QĐ"),
                       [.printedLabel(label: "Số:", corrected: nil)])
        XCTAssertEqual(DocumentNumber.formatProblems(of: "Số: 18/QĐ-UBND", typeKind: .withAbbreviation, abbreviation: "QĐ"),
                       [.printedLabel(label: "Số:", corrected: "18/QĐ-UBND")])
    }

    func testComparisonKeyIgnoresLeadingZerosAndSpacesButNotCase() throws {
        let key = { (text: String) in try XCTUnwrap(DocumentNumber(parsing: text)).comparisonKey }
        XCTAssertEqual(try key("05/QĐ-UBND"), "5/QĐ-UBND")
        XCTAssertEqual(try key("5/QĐ-UBND"), try key("05/QĐ-UBND"))
        XCTAssertEqual(try key(" 005 / QĐ - UBND"), try key("05/QĐ-UBND"))
        assertSameScalars(try key("05/QĐ-TƯ".nfd), "5/QĐ-TƯ")
        XCTAssertNotEqual(try key("05/qđ-ubnd"), try key("05/QĐ-UBND"))
        XCTAssertNotEqual(try key("05/QĐ-UBND"), try key("05/QĐ-UBND-VP"))
        XCTAssertNotEqual(try key("05/QĐ-UBND"), try key("50/QĐ-UBND"))
    }

    /// A sequence too long for an `Int` made the number unreadable, and ND30-TYPE-ABBR, -ZERO
    /// and -UNIQUE skipped it while ND30-NUMBER-FORMAT accepted it: it is read, as text.
    func testReadsASequenceTooLongForAnInt() throws {
        let number = try XCTUnwrap(DocumentNumber(parsing: "99999999999999999999/QD-UBND"))
        XCTAssertEqual(number.sequenceText, "99999999999999999999")
        XCTAssertEqual(number.typeAbbreviation, "QD")
        XCTAssertEqual(number.comparisonKey, "99999999999999999999/QD-UBND")
        XCTAssertNil(number.zeroPaddingProblem)
        let padded = try XCTUnwrap(DocumentNumber(parsing: "012345678901234567890/QĐ-UBND"))
        XCTAssertEqual(padded.comparisonKey, "12345678901234567890/QĐ-UBND")
        XCTAssertEqual(padded.comparisonKey, DocumentNumber(parsing: "12345678901234567890/QĐ-UBND")?.comparisonKey)
        XCTAssertEqual(padded.zeroPaddingProblem?.message, "số 12345678901234567890 không viết số 0 đứng đầu "
                       + "(viết 12345678901234567890, không viết 012345678901234567890)")
    }

    // MARK: Accessors

    func testTypedDocumentParts() throws {
        let plan = try XCTUnwrap(DocumentNumber(parsing: "05/KH-UBND"))
        XCTAssertEqual(plan.typeAbbreviation, "KH")
        XCTAssertEqual(plan.agency(typeKind: .withAbbreviation), "UBND")
        XCTAssertNil(plan.unit(typeKind: .withAbbreviation))

        let report = try XCTUnwrap(DocumentNumber(parsing: "12/BC-UBND-VP"))
        XCTAssertEqual(report.typeAbbreviation, "BC")
        XCTAssertEqual(report.agency(typeKind: .withAbbreviation), "UBND")
        XCTAssertEqual(report.unit(typeKind: .withAbbreviation), "VP")

        let long = try XCTUnwrap(DocumentNumber(parsing: "12/QĐ-UBND-VP-TCKT"))
        XCTAssertEqual(long.unit(typeKind: .withAbbreviation), "VP-TCKT")

        // A space before a word ends the abbreviation: in `05/KH UBND` it stands for the dash, and
        // ND30-TYPE-ABBR compares `KH` (ND30-NUMBER-FORMAT reports the space). Before a single
        // character it is inside the abbreviation, quoted whole.
        XCTAssertEqual(try XCTUnwrap(DocumentNumber(parsing: "05/KH UBND")).typeAbbreviation, "KH")
        XCTAssertEqual(try XCTUnwrap(DocumentNumber(parsing: "05/K H-UBND")).typeAbbreviation, "K H")
    }

    func testCongVanParts() throws {
        let letter = try XCTUnwrap(DocumentNumber(parsing: "112/UBND-VP"))
        XCTAssertEqual(letter.agency(typeKind: .withoutAbbreviation), "UBND")
        XCTAssertEqual(letter.unit(typeKind: .withoutAbbreviation), "VP")
        let inspectorate = try XCTUnwrap(DocumentNumber(parsing: "306/TTr-VP"))
        XCTAssertEqual(inspectorate.agency(typeKind: .withoutAbbreviation), "TTr")
        XCTAssertEqual(inspectorate.unit(typeKind: .withoutAbbreviation), "VP")
        let bare = try XCTUnwrap(DocumentNumber(parsing: "45/UBND"))
        XCTAssertEqual(bare.agency(typeKind: .withoutAbbreviation), "UBND")
        XCTAssertNil(bare.unit(typeKind: .withoutAbbreviation))
    }

    func testOnePartSymbolHasAbbreviationButNoAgency() throws {
        let decisionWithoutAgency = try XCTUnwrap(DocumentNumber(parsing: "5/QĐ"))
        XCTAssertEqual(decisionWithoutAgency.typeAbbreviation, "QĐ")
        XCTAssertNil(decisionWithoutAgency.agency(typeKind: .withAbbreviation))
        XCTAssertNil(decisionWithoutAgency.unit(typeKind: .withAbbreviation))
        XCTAssertEqual(decisionWithoutAgency.agency(typeKind: .withoutAbbreviation), "QĐ")
    }

    func testUnknownTypeHasNoAgencyOrUnit() throws {
        let number = try XCTUnwrap(DocumentNumber(parsing: "05/KH-UBND-VP"))
        XCTAssertNil(number.agency(typeKind: .unknown))
        XCTAssertNil(number.unit(typeKind: .unknown))
    }

    func testEstablishingDecisionNeedsTheFullQDForm() throws {
        // MC-ESTABLISHED: N/QĐ-AGENCY, the abbreviation compared case-sensitively.
        let isDecision = { (text: String) in DocumentNumber(parsing: text)?.isFullNumber(ofTypeAbbreviatedAs: "QĐ") }
        XCTAssertEqual(isDecision("18/QĐ-UBND"), true)
        XCTAssertEqual(isDecision("18/QĐ-UBND-VP"), true)
        XCTAssertEqual(isDecision("18/QĐ-UBND".nfd), true)
        XCTAssertEqual(isDecision(" 18 / QĐ - UBND "), true)
        XCTAssertEqual(isDecision("18/QĐ"), false)
        XCTAssertEqual(isDecision("18/qđ-UBND"), false)
        XCTAssertEqual(isDecision("18/QD-UBND"), false)
        XCTAssertEqual(isDecision("18/KH-UBND"), false)
        XCTAssertEqual(isDecision("18/UBND-QĐ"), false)
        XCTAssertNil(isDecision("QĐ-UBND"))
        XCTAssertEqual(DocumentNumber(parsing: "07/QyĐ-UBND")?.isFullNumber(ofTypeAbbreviatedAs: "QyĐ"), true)
    }

    // MARK: ND30-NUMBER-ZERO

    func testZeroPadding() throws {
        let cases: [(String, DocumentNumberProblem?)] = [
            ("01/KH-UBND", nil),
            ("05/KH-UBND", nil),
            ("09/KH-UBND", nil),
            ("10/KH-UBND", nil),
            ("112/UBND-VP", nil),
            ("5/KH-UBND", .wrongZeroPadding(written: "5", expected: "05")),
            ("005/KH-UBND", .wrongZeroPadding(written: "005", expected: "05")),
            ("012/CT-UBND", .wrongZeroPadding(written: "012", expected: "12")),
            ("0112/UBND-VP", .wrongZeroPadding(written: "0112", expected: "112")),
            ("00/KH-UBND", nil),  // sequence 0: reported by ND30-NUMBER-FORMAT
        ]
        for (text, problem) in cases {
            let number = try XCTUnwrap(DocumentNumber(parsing: text), text)
            XCTAssertEqual(number.zeroPaddingProblem, problem, text)
            XCTAssertEqual(number.hasCorrectZeroPadding, problem == nil, text)
        }
    }

    // MARK: ND30-NUMBER-FORMAT

    func testWellFormedNumbersHaveNoProblems() {
        let cases: [(String, DocumentTypeKind)] = [
            ("05/KH-UBND", .withAbbreviation),
            ("09/KH-UBND-VP", .withAbbreviation),
            ("05/kh-ubnd", .withAbbreviation),
            ("07/QyĐ-ĐHQG", .withAbbreviation),
            ("24/QĐ-TƯ".nfd, .withAbbreviation),
            ("31/TB-UBND.VP", .withAbbreviation),
            ("5/QĐ-UBND", .withAbbreviation),  // padding is ND30-NUMBER-ZERO's business
            ("112/UBND-VP", .withoutAbbreviation),
            ("45/UBND", .withoutAbbreviation),
            ("306/TTr-VP", .withoutAbbreviation),
            ("05/A-B-C-D-E", .unknown),
            ("05/UBND", .unknown),
        ]
        for (text, kind) in cases {
            XCTAssertEqual(DocumentNumber.formatProblems(of: text, typeKind: kind), [], text)
        }
    }

    func testFormatProblems() {
        let cases: [(String, DocumentTypeKind, [DocumentNumberProblem])] = [
            (" 05 / KH - UBND ", .withAbbreviation, [.containsWhitespace(text: " 05 / KH - UBND ", corrected: "05/KH-UBND")]),
            ("05/KH-\u{00A0}UBND", .withAbbreviation, [.containsWhitespace(text: "05/KH-\u{00A0}UBND", corrected: "05/KH-UBND")]),
            ("05 KH-UBND", .withAbbreviation, [.spaceForSlash(text: "05 KH-UBND", corrected: "05/KH-UBND")]),
            ("05 KH - UBND", .withAbbreviation,
             [.spaceForSlash(text: "05 KH - UBND", corrected: nil), .containsWhitespace(text: "05 KH - UBND", corrected: "05/KH-UBND")]),
            ("18/QĐ-UB ND", .withAbbreviation, [.containsWhitespace(text: "18/QĐ-UB ND", corrected: nil)]),
            ("18/QĐ-UBND huyện Tiên Phước", .withAbbreviation, [.extraText(extra: "huyện Tiên Phước", corrected: "18/QĐ-UBND")]),
            ("Số: 05 / KH-UBND", .withAbbreviation,
             [.printedLabel(label: "Số:", corrected: nil), .containsWhitespace(text: "05 / KH-UBND", corrected: "05/KH-UBND")]),
            ("1234567/KH-UBND", .withAbbreviation, [.sequenceTooLong(written: "1234567")]),
            ("05-KH-UBND", .withAbbreviation, [.missingSlash(text: "05-KH-UBND")]),
            ("30/2020/NĐ-CP", .unknown, [.moreThanOneSlash(text: "30/2020/NĐ-CP")]),
            ("/KH-UBND", .withAbbreviation, [.missingSequence]),
            ("5a/KH-UBND", .withAbbreviation, [.sequenceNotDigits(written: "5a")]),
            ("Số:05/KH-UBND", .withAbbreviation, [.printedLabel(label: "Số:", corrected: "05/KH-UBND")]),
            ("Số:/KH-UBND", .withAbbreviation, [.sequenceNotDigits(written: "Số:")]),
            ("00/KH-UBND", .withAbbreviation, [.sequenceZero(written: "00")]),
            ("05/", .withAbbreviation, [.missingSymbol]),
            ("05/KH--UBND", .withAbbreviation, [.emptySymbolPart(symbol: "KH--UBND")]),
            ("05/KH-UBND(VP)", .withAbbreviation, [.invalidCharacters(part: "UBND(VP)", characters: ["(", ")"])]),
            ("05/KH-UB&&ND", .withAbbreviation, [.invalidCharacters(part: "UB&&ND", characters: ["&"])]),
            ("05/KH", .withAbbreviation, [.wrongSymbolPartCount(symbol: "KH", partCount: 1, typeKind: .withAbbreviation)]),
            ("05/QĐ-UBND-VP-TCKT", .withAbbreviation,
             [.wrongSymbolPartCount(symbol: "QĐ-UBND-VP-TCKT", partCount: 4, typeKind: .withAbbreviation)]),
            ("112/UBND-VP-TCKT", .withoutAbbreviation,
             [.wrongSymbolPartCount(symbol: "UBND-VP-TCKT", partCount: 3, typeKind: .withoutAbbreviation)]),
            ("05/-", .unknown,
             [.emptySymbolPart(symbol: "-"), .wrongSymbolPartCount(symbol: "-", partCount: 0, typeKind: .unknown)]),
            // A typographic dash is reported, and still separates the parts it was meant to: the
            // symbol is not also told it "có 1 phần", which only follows from the dash.
            ("05/KH–UBND", .withAbbreviation, [.invalidCharacters(part: "KH–UBND", characters: ["–"])]),
            ("05/KH—UBND—VP", .withAbbreviation, [.invalidCharacters(part: "KH—UBND—VP", characters: ["—"])]),
            ("05/QĐ–UBND–VP–X", .withAbbreviation,
             [.invalidCharacters(part: "QĐ–UBND–VP–X", characters: ["–"]),
              .wrongSymbolPartCount(symbol: "QĐ–UBND–VP–X", partCount: 4, typeKind: .withAbbreviation)]),
            ("05/KH_UBND", .withAbbreviation,
             [.invalidCharacters(part: "KH_UBND", characters: ["_"]),
              .wrongSymbolPartCount(symbol: "KH_UBND", partCount: 1, typeKind: .withAbbreviation)]),
            ("5a / KH", .withAbbreviation,
             [.containsWhitespace(text: "5a / KH", corrected: nil), .sequenceNotDigits(written: "5a"),
              .wrongSymbolPartCount(symbol: "KH", partCount: 1, typeKind: .withAbbreviation)]),
            // A space before a capital may stand for the dash: reported as a space, and the
            // symbol is not also told it "có 1 phần" (words after it are no part: `QĐ huyện`).
            ("05/KH UBND", .withAbbreviation, [.containsWhitespace(text: "05/KH UBND", corrected: nil)]),
            ("05/KH-UBND-VP-TC X", .withAbbreviation,
             [.containsWhitespace(text: "05/KH-UBND-VP-TC X", corrected: nil),
              .wrongSymbolPartCount(symbol: "KH-UBND-VP-TC X", partCount: 4, typeKind: .withAbbreviation)]),
            // A look-alike of the slash is named, and the rest of the number still judged.
            ("05\u{FF0F}KH-UBND", .withAbbreviation, [.slashLookalike(text: "05\u{FF0F}KH-UBND", written: "\u{FF0F}")]),
            ("00\u{2044}KH", .withAbbreviation,
             [.slashLookalike(text: "00\u{2044}KH", written: "\u{2044}"), .sequenceZero(written: "00"),
              .wrongSymbolPartCount(symbol: "KH", partCount: 1, typeKind: .withAbbreviation)]),
        ]
        for (text, kind, expected) in cases {
            XCTAssertEqual(DocumentNumber.formatProblems(of: text, typeKind: kind), expected, text)
        }
    }

    func testDecomposedTextIsJudgedAsComposed() {
        let text = "24/QĐ-TƯ-VP-X".nfd
        assertDecomposed(text)
        let problems = DocumentNumber.formatProblems(of: text, typeKind: .withAbbreviation)
        XCTAssertEqual(problems, [.wrongSymbolPartCount(symbol: "QĐ-TƯ-VP-X", partCount: 4, typeKind: .withAbbreviation)])
        guard case let .wrongSymbolPartCount(symbol, _, _) = problems.first else { return XCTFail("\(problems)") }
        assertSameScalars(symbol, "QĐ-TƯ-VP-X")
    }

    func testInstanceFormatProblemsJudgeTheTextAsWritten() throws {
        let spaced = try XCTUnwrap(DocumentNumber(parsing: "05 /KH-UBND"))
        XCTAssertEqual(spaced.formatProblems(typeKind: .withAbbreviation), [.containsWhitespace(text: "05 /KH-UBND", corrected: "05/KH-UBND")])
        let letter = try XCTUnwrap(DocumentNumber(parsing: "112/UBND-VP"))
        XCTAssertEqual(letter.formatProblems(typeKind: .withoutAbbreviation), [])
        XCTAssertEqual(letter.formatProblems(typeKind: .withAbbreviation), [])
        let plan = try XCTUnwrap(DocumentNumber(parsing: "05/KH"))
        XCTAssertEqual(plan.formatProblems(typeKind: .withoutAbbreviation), [])
        XCTAssertEqual(plan.formatProblems(typeKind: .withAbbreviation).count, 1)
    }

    // MARK: What a message quotes and proposes

    private func messages(_ text: String, _ kind: DocumentTypeKind = .withAbbreviation) -> [String] {
        DocumentNumber.formatProblems(of: text, typeKind: kind).map(\.message)
    }

    /// `Số: 05/KH-UBND` was told to write `Số:05/KH-UBND` and that `Số:05` must be digits.
    func testPrintedLabelIsNamed() {
        XCTAssertEqual(messages("Số: 05/KH-UBND"), ["bỏ chữ \"Số:\" in trước số, chỉ ghi số, ký hiệu: \"05/KH-UBND\""])
        XCTAssertEqual(messages("Số:05/KH-UBND"), ["bỏ chữ \"Số:\" in trước số, chỉ ghi số, ký hiệu: \"05/KH-UBND\""])
        XCTAssertEqual(messages("Số 05/KH-UBND"), ["bỏ chữ \"Số\" in trước số, chỉ ghi số, ký hiệu: \"05/KH-UBND\""])
        XCTAssertEqual(messages("SỐ : 112/UBND-VP".nfd, .withoutAbbreviation),
                       ["bỏ chữ \"SỐ :\" in trước số, chỉ ghi số, ký hiệu: \"112/UBND-VP\""])
        XCTAssertEqual(messages("Số: 05/KH"), ["bỏ chữ \"Số:\" in trước số",
                                               "ký hiệu \"KH\" có 1 phần; ký hiệu của văn bản có tên loại gồm 2 hoặc 3 phần: "
                                                 + "TÊN LOẠI VIẾT TẮT-CƠ QUAN[-ĐƠN VỊ]"])
        XCTAssertEqual(messages("Số: 05 / KH-UBND"), ["bỏ chữ \"Số:\" in trước số",
                                                      "số, ký hiệu \"05 / KH-UBND\" có dấu cách; phải viết liền: \"05/KH-UBND\""])
        // Not a label: `Số` not followed by the number.
        XCTAssertEqual(messages("Số/KH-UBND"), ["số \"Số\" phải là chữ số"])
    }

    /// `18/QĐ-UBND huyện Tiên Phước` was told to write `18/QĐ-UBNDhuyệnTiênPhước`, which then
    /// passed.
    func testWordsAfterACompleteNumberAreExtraText() {
        XCTAssertEqual(messages("18/QĐ-UBND huyện Tiên Phước"),
                       ["có thêm \"huyện Tiên Phước\" sau số, ký hiệu; chỉ ghi số, ký hiệu: \"18/QĐ-UBND\""])
        XCTAssertEqual(messages("112/UBND-VP V/v tuyên truyền", .withoutAbbreviation),
                       ["có thêm \"V/v tuyên truyền\" sau số, ký hiệu; chỉ ghi số, ký hiệu: \"112/UBND-VP\""])
        XCTAssertEqual(messages("Số: 18/QĐ-UBND huyện Tiên Phước"),
                       ["bỏ chữ \"Số:\" in trước số",
                        "có thêm \"huyện Tiên Phước\" sau số, ký hiệu; chỉ ghi số, ký hiệu: \"18/QĐ-UBND\""])
        // A space where a dash belongs is not extra text, and the words are not glued.
        XCTAssertEqual(messages("112/UBND VP", .withoutAbbreviation),
                       ["số, ký hiệu \"112/UBND VP\" có dấu cách; phải viết liền, không có dấu cách"])
        XCTAssertEqual(messages("18/QĐ-UB ND"), ["số, ký hiệu \"18/QĐ-UB ND\" có dấu cách; phải viết liền, không có dấu cách"])
        XCTAssertEqual(messages("18/QĐ huyện"),
                       ["số, ký hiệu \"18/QĐ huyện\" có dấu cách; phải viết liền, không có dấu cách",
                        "ký hiệu \"QĐ huyện\" có 1 phần; ký hiệu của văn bản có tên loại gồm 2 hoặc 3 phần: "
                          + "TÊN LOẠI VIẾT TẮT-CƠ QUAN[-ĐƠN VỊ]"])
    }

    /// `07 KH-UBND` was told to write `07/KH-UBND` and that `07KH-UBND`, a text nobody wrote,
    /// has no slash.
    func testSpaceForTheSlashQuotesWhatWasWritten() {
        XCTAssertEqual(messages("07 KH-UBND"),
                       ["số, ký hiệu \"07 KH-UBND\" có dấu cách thay cho dấu \"/\" giữa số và ký hiệu; phải viết: \"07/KH-UBND\""])
        XCTAssertEqual(messages("07 KH"),
                       ["số, ký hiệu \"07 KH\" có dấu cách thay cho dấu \"/\" giữa số và ký hiệu",
                        "ký hiệu \"KH\" có 1 phần; ký hiệu của văn bản có tên loại gồm 2 hoặc 3 phần: "
                          + "TÊN LOẠI VIẾT TẮT-CƠ QUAN[-ĐƠN VỊ]"])
        XCTAssertEqual(messages("5a / KH"),
                       ["số, ký hiệu \"5a / KH\" có dấu cách; phải viết liền, không có dấu cách",
                        "số \"5a\" phải là chữ số",
                        "ký hiệu \"KH\" có 1 phần; ký hiệu của văn bản có tên loại gồm 2 hoặc 3 phần: "
                          + "TÊN LOẠI VIẾT TẮT-CƠ QUAN[-ĐƠN VỊ]"])
        // Before a lower-case word the space is text, not a slash: no "05/ngày" is proposed.
        for written in ["112 về việc tuyên truyền", "Số:05 ngày"] {
            let said = messages(written).joined(separator: "\n")
            XCTAssertFalse(said.contains("thay cho dấu \"/\"") || said.contains("phải viết:"), said)
            XCTAssertTrue(said.contains("thiếu dấu \"/\""), said)
        }
    }

    /// Numbers restart from 01 every 1 January: a sequence of more than six digits is not one.
    func testSequenceOfMoreThanSixDigits() {
        XCTAssertEqual(messages("1234567/KH-UBND"),
                       ["số 1234567 có hơn 6 chữ số: số văn bản được đánh lại từ 01 mỗi năm, không thể lớn đến vậy"])
        XCTAssertEqual(messages("99999999999999999999/QD-UBND").first,
                       "số 99999999999999999999 có hơn 6 chữ số: số văn bản được đánh lại từ 01 mỗi năm, không thể lớn đến vậy")
        XCTAssertEqual(messages("999999/KH-UBND"), [])
        XCTAssertEqual(messages("000999999/KH-UBND"), [], "leading zeros are ND30-NUMBER-ZERO's")
    }

    /// checks.md: a symbol part is letters of any case, digits or dots. Words glued into a part
    /// are letters: they pass, and no message proposes gluing them.
    func testGluedLowerCaseWordsAreLettersAsChecksMdSays() {
        XCTAssertEqual(messages("18/QĐ-UBNDhuyệnTiênPhước"), [])
    }

    /// Whatever a message proposes ("phải viết liền: …", "chỉ ghi số, ký hiệu: …", "phải viết:
    /// …") has no problem of its own.
    func testEveryProposedNumberIsWellFormed() {
        let texts = ["Số: 05/KH-UBND", "Số 05/KH-UBND", "07 KH-UBND", "18/QĐ-UBND huyện Tiên Phước", " 05 / KH - UBND ",
                     "05 KH", "Số: 00/KH-UBND", "18/QĐ-UB ND", "112/UBND VP", "Số: 05/KH-UBND ngày 14/01/2022",
                     "5 / QĐ - UBND - VP - X", "00 KH-UBND", "1234567 KH-UBND", "05/KH-UBND (bản sao)", "05/KH –UBND"]
        var proposals = 0
        for text in texts {
            for kind in [DocumentTypeKind.withAbbreviation, .withoutAbbreviation, .unknown] {
                for message in messages(text, kind) where message.hasSuffix("\"") {
                    guard let open = message.dropLast().lastIndex(of: "\""), message[..<open].hasSuffix(": ") else { continue }
                    let proposal = String(message[message.index(after: open)..<message.index(before: message.endIndex)])
                    XCTAssertEqual(messages(proposal, kind), [], "\(text) → \(proposal)")
                    proposals += 1
                }
            }
        }
        XCTAssertGreaterThan(proposals, 10)
    }

    /// `corrected` is what the message proposes, and is well formed.
    func testCorrectedIsTheProposalOfTheMessage() {
        for text in ["Số: 05/KH-UBND", "07 KH-UBND", "18/QĐ-UBND huyện Tiên Phước", " 05 / KH - UBND ", "18/QĐ-UB ND",
                     "Số: 05 / KH-UBND huyện", "00 KH-UBND", "05/KH-UBND (bản sao)"] {
            let problems = DocumentNumber.formatProblems(of: text, typeKind: .withAbbreviation)
            XCTAssertLessThanOrEqual(problems.compactMap(\.corrected).count, 1, text)
            for problem in problems {
                if let corrected = problem.corrected {
                    XCTAssertTrue(problem.message.hasSuffix("\"\(corrected)\""), problem.message)
                    XCTAssertEqual(DocumentNumber.formatProblems(of: corrected, typeKind: .withAbbreviation), [], text)
                } else {
                    XCTAssertFalse(problem.message.hasSuffix("\""), problem.message)
                }
            }
        }
    }

    // MARK: ND30-TYPE-ABBR's example

    /// The example was `5/QĐ-UBND` for `5/QD-SNV-VP`: the sequence ND30-NUMBER-ZERO flags and
    /// another agency.
    func testWithTypeAbbreviationKeepsTheUsersNumber() throws {
        let cases: [(String, String?)] = [
            ("5/QD-SNV-VP", "05/QĐ-SNV-VP"),
            ("012/QD-UBND", "12/QĐ-UBND"),
            ("12/qđ–UBND", "12/QĐ-UBND"),
            (" 7 / KH - UBND ", "07/QĐ-UBND"),
            ("5/QD", nil),
            ("00/QD-UBND", nil),
            ("5/QD-UB ND", nil),
            ("5/QD-UBND-VP-X", nil),
            ("1234567/QD-UBND", nil),
            // A space for the dash after the abbreviation: the agency after it is kept (it gave
            // `05/QĐ-VP`, another agency's number); a space inside the abbreviation is no dash.
            ("5/Qd UBND-VP", "05/QĐ-UBND-VP"),
            ("5/Q Đ-UBND", "05/QĐ-UBND"),
            ("5/QD UB ND", nil),
        ]
        for (text, expected) in cases {
            let number = try XCTUnwrap(DocumentNumber(parsing: text), text)
            XCTAssertEqual(number.withTypeAbbreviation("QĐ"), expected, text)
        }
        assertSameScalars(try XCTUnwrap(DocumentNumber(parsing: "5/QD-TƯ".nfd)?.withTypeAbbreviation("QĐ".nfd)), "05/QĐ-TƯ")
    }

    // MARK: Messages

    func testEveryProblemMessage() {
        let cases: [(DocumentNumberProblem, String)] = [
            (.printedLabel(label: "Số:", corrected: "05/KH-UBND"), "bỏ chữ \"Số:\" in trước số, chỉ ghi số, ký hiệu: \"05/KH-UBND\""),
            (.printedLabel(label: "Số", corrected: nil), "bỏ chữ \"Số\" in trước số"),
            (.containsWhitespace(text: " 05 / KH - UBND ", corrected: "05/KH-UBND"),
             "số, ký hiệu \" 05 / KH - UBND \" có dấu cách; phải viết liền: \"05/KH-UBND\""),
            (.containsWhitespace(text: "KH UBND", corrected: nil), "số, ký hiệu \"KH UBND\" có dấu cách; phải viết liền, không có dấu cách"),
            (.spaceForSlash(text: "05 KH-UBND", corrected: "05/KH-UBND"),
             "số, ký hiệu \"05 KH-UBND\" có dấu cách thay cho dấu \"/\" giữa số và ký hiệu; phải viết: \"05/KH-UBND\""),
            (.spaceForSlash(text: "05 KH", corrected: nil), "số, ký hiệu \"05 KH\" có dấu cách thay cho dấu \"/\" giữa số và ký hiệu"),
            (.extraText(extra: "huyện Tiên Phước", corrected: "18/QĐ-UBND"),
             "có thêm \"huyện Tiên Phước\" sau số, ký hiệu; chỉ ghi số, ký hiệu: \"18/QĐ-UBND\""),
            (.extraText(extra: "(bản sao)", corrected: nil), "có thêm \"(bản sao)\" sau số, ký hiệu; chỉ ghi số, ký hiệu"),
            (.sequenceTooLong(written: "1234567"),
             "số 1234567 có hơn 6 chữ số: số văn bản được đánh lại từ 01 mỗi năm, không thể lớn đến vậy"),
            (.missingSlash(text: "05-KH-UBND"), "số, ký hiệu \"05-KH-UBND\" thiếu dấu \"/\" giữa số và ký hiệu"),
            (.slashLookalike(text: "05\u{FF0F}KH-UBND", written: "\u{FF0F}"),
             "số, ký hiệu \"05\u{FF0F}KH-UBND\" có \"\u{FF0F} [\u{FF0F} là U+FF0F, không phải /]\" giữa số và ký hiệu; viết dấu \"/\""),
            (.moreThanOneSlash(text: "05/KH\u{FF0F}UBND"),
             "số, ký hiệu \"05/KH\u{FF0F}UBND [\u{FF0F} là U+FF0F, không phải /]\" có nhiều hơn một dấu \"/\"; các phần của ký hiệu nối bằng dấu \"-\""),
            (.moreThanOneSlash(text: "30/2020/NĐ-CP"),
             "số, ký hiệu \"30/2020/NĐ-CP\" có nhiều hơn một dấu \"/\"; các phần của ký hiệu nối bằng dấu \"-\""),
            (.missingSequence, "thiếu số trước dấu \"/\""),
            (.sequenceNotDigits(written: "5a"), "số \"5a\" phải là chữ số"),
            (.sequenceZero(written: "00"), "số 00 không hợp lệ: số văn bản bắt đầu từ 01"),
            (.missingSymbol, "thiếu ký hiệu sau dấu \"/\""),
            (.emptySymbolPart(symbol: "KH--UBND"),
             "ký hiệu \"KH--UBND\" có phần rỗng (hai dấu \"-\" liền nhau, hoặc dấu \"-\" ở đầu hay cuối)"),
            (.invalidCharacters(part: "UBND(VP)", characters: ["(", ")"]),
             "phần \"UBND(VP)\" của ký hiệu có ký tự không hợp lệ \"(\", \")\": chỉ dùng chữ cái, chữ số và dấu chấm"),
            (.wrongSymbolPartCount(symbol: "KH", partCount: 1, typeKind: .withAbbreviation),
             "ký hiệu \"KH\" có 1 phần; ký hiệu của văn bản có tên loại gồm 2 hoặc 3 phần: TÊN LOẠI VIẾT TẮT-CƠ QUAN[-ĐƠN VỊ]"),
            (.wrongSymbolPartCount(symbol: "UBND-VP-TCKT", partCount: 3, typeKind: .withoutAbbreviation),
             "ký hiệu \"UBND-VP-TCKT\" có 3 phần; ký hiệu của công văn, thư công gồm 1 hoặc 2 phần: CƠ QUAN[-ĐƠN VỊ]"),
            (.wrongSymbolPartCount(symbol: "-", partCount: 0, typeKind: .unknown),
             "ký hiệu \"-\" có 0 phần; ký hiệu phải có ít nhất một phần"),
            (.wrongZeroPadding(written: "5", expected: "05"), "số 5 phải viết 05"),
            (.wrongZeroPadding(written: "005", expected: "05"), "số 005 phải viết 05"),
            (.wrongZeroPadding(written: "012", expected: "12"), "số 12 không viết số 0 đứng đầu (viết 12, không viết 012)"),
        ]
        for (problem, message) in cases {
            assertSameScalars(problem.message, message)
        }
    }
}
