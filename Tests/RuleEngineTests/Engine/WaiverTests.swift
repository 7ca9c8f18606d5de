import XCTest
@testable import RuleEngine

/// Waivers (Decision 9): from the report or the config; a path or `list[ref]` target covers
/// findings at or inside it; invalid waivers waive nothing; unused ones are reported.
final class WaiverTests: XCTestCase {
    private var workspace = PackWorkspace()

    /// Two documents with the wrong font; `T-FONT` reports each at its font.
    override func setUp() {
        workspace = PackWorkspace()
        workspace.pack(rules: rulesFile(
            rule("T-FONT", "for_each: documents\nas: doc\nrequire: doc.layout.font == 'Times New Roman'\nat: doc.layout.font"),
            rule("T-MARGIN", severity: "warning", "for_each: documents\nas: doc\nrequire: doc.layout.left >= 30")))
    }

    /// `header` replaces the report's `period` line (a date of its own, or none).
    private func report(waivers: String, header: String = "period: {year: 2022}") -> String {
        """
        unit: {name: UBND xã A}
        \(header)
        documents:
          - ref: cv-1
            layout: {font: Arial, left: 30}
          - ref: cv-2
            layout: {font: Arial, left: 30}
        waivers:
        \(waivers)
        """
    }

    private func check(waivers: String, config: String? = nil, header: String = "period: {year: 2022}",
                       options: CheckOptions = CheckOptions(today: testToday)) throws -> ReportResult {
        let configuration = config.map { workspace.configuration($0).0 } ?? Configuration()
        return try workspace.check(report(waivers: waivers, header: header), config: configuration, options: options)
    }

    /// `rule@path waived-reason` for the findings of the rule.
    private func waived(_ result: ReportResult, _ rule: String = "T-FONT") -> [String] {
        result.findings(rule).map { "\($0.path): \($0.waiver?.reason ?? "-")" }
    }

    func testPathTargetCoversFindingsAtOrInsideIt() throws {
        let result = try check(waivers: """
              - rule: T-FONT
                target: documents[1]
                reason: Văn bản do cơ quan cấp trên soạn sẵn
            """)
        XCTAssertEqual(waived(result), ["documents[0].layout.font: -", "documents[1].layout.font: Văn bản do cơ quan cấp trên soạn sẵn"])
        XCTAssertEqual(result.findings("T-FONT").map(\.counts), [true, false], "a waived finding is shown but does not count")
        XCTAssertEqual(result.findings("T-FONT")[1].waiver?.origin, .report)
        XCTAssertEqual(result.findings.filter { $0.ruleID.hasPrefix("WAIVER") }.count, 0)
    }

    func testListReferenceTarget() throws {
        let result = try check(waivers: "  - {rule: T-FONT, target: 'documents[cv-1].layout', reason: Mẫu cũ}\n")
        XCTAssertEqual(waived(result), ["documents[0].layout.font: Mẫu cũ", "documents[1].layout.font: -"])
    }

    func testAWaiverWithoutAReasonIsInvalidAndWaivesNothing() throws {
        for reasonLine in ["", "    reason: \"   \"\n", "    reason: ~\n"] {
            let result = try check(waivers: "  - rule: T-FONT\n    target: documents[0]\n" + reasonLine)
            XCTAssertEqual(waived(result), ["documents[0].layout.font: -", "documents[1].layout.font: -"], reasonLine)
            let invalid = result.single("WAIVER-INVALID")
            XCTAssertTrue(invalid?.message.contains("thiếu lý do (reason)") ?? false, invalid?.message ?? "")
            XCTAssertEqual(invalid?.location.line, 9, "located at the waiver")
            XCTAssertEqual(invalid?.severity, .error)
            XCTAssertEqual(result.findings("WAIVER-UNUSED").count, 0, "an invalid waiver is not also reported unused")
        }
    }

    func testUnknownRuleOrTargetIsInvalid() throws {
        let result = try check(waivers: """
              - {rule: T-FOTN, target: 'documents[0]', reason: r}
              - {rule: T-FONT, target: 'documents[cv-9]', reason: r}
              - {rule: T-FONT, target: 'documents[0].layout.colour', reason: r}
              - {rule: WAIVER-UNUSED, target: 'documents[0]', reason: r}
              - {target: 'documents[0]', reason: r}
            """)
        let messages = result.findings("WAIVER-INVALID").map(\.message)
        XCTAssertEqual(messages.count, 5, messages.joined(separator: "\n"))
        XCTAssertTrue(messages[0].contains("không có quy tắc 'T-FOTN' — ý bạn là 'T-FONT'?"), messages[0])
        XCTAssertTrue(messages[1].contains("không tìm thấy đối tượng 'documents[cv-9]'"), messages[1])
        XCTAssertTrue(messages[2].contains("không tìm thấy đối tượng"), messages[2])
        XCTAssertTrue(messages[3].contains("không có quy tắc 'WAIVER-UNUSED'"), messages[3])
        XCTAssertTrue(messages[4].contains("thiếu mã quy tắc (rule)"), messages[4])
        XCTAssertEqual(result.findings("WAIVER-INVALID").map(\.path), (0 ..< 5).map { "waivers[\($0)]" }, "each names its waiver")
        XCTAssertTrue(result.findings("T-FONT").allSatisfy { $0.waiver == nil })
    }

    /// A waiver's target is quoted as a value: a 5,000-character target is not copied, twice,
    /// into its finding's message.
    func testAVeryLongTargetIsQuotedAsAnExcerpt() throws {
        let target = String(repeating: "x", count: 5_000)
        let message = try XCTUnwrap(try check(waivers: "  - {rule: T-FONT, target: '\(target)', reason: r}\n").single("WAIVER-INVALID")?.message)
        XCTAssertLessThan(message.count, 1_200, message)
        XCTAssertTrue(message.contains("… (5000 ký tự)"), message)
    }

    func testAWaiverMayNameTheAbsentFieldOfAFinding() throws {
        workspace = PackWorkspace()
        workspace.pack(rules: rulesFile(rule("T-SIZE", "for_each: documents\nas: doc\nrequire: doc.layout.size >= 13")))
        let result = try check(waivers: "  - {rule: T-SIZE, target: 'documents[0].layout.size', reason: Không đo được}\n")
        XCTAssertEqual(waived(result, "T-SIZE"), ["documents[0].layout.size: Không đo được", "documents[1].layout.size: -"])
        XCTAssertEqual(result.findings("WAIVER-INVALID").count, 0)
    }

    func testUnusedWaiver() throws {
        let result = try check(waivers: "  - {rule: T-MARGIN, target: 'documents[0]', reason: Đã sửa}\n")
        let unused = result.single("WAIVER-UNUSED")
        XCTAssertEqual(unused?.severity, .info)
        XCTAssertTrue(unused?.message.contains("T-MARGIN") ?? false)
    }

    /// A rule the config turned off (or whose pack it did not select) is a known rule: its
    /// waiver is not WAIVER-INVALID, even for a target only the rule's finding could name (an
    /// absent field); it covers nothing, so it is WAIVER-UNUSED, saying why.
    func testAWaiverOfARuleTheConfigKeepsFromRunningIsUnusedAndSaysWhy() throws {
        workspace.pack("u", rules: rulesFile(rule("U-ANY", "require: false")))
        let result = try check(waivers: """
              - {rule: T-FONT, target: 'documents[0]', reason: r}
              - {rule: T-FONT, target: 'documents[0].layout.size', reason: r}
              - {rule: U-ANY, target: unit, reason: r}
            """, config: "packs: [t]\nrules:\n  T-FONT: off\n")
        XCTAssertEqual(result.findings("WAIVER-INVALID").map(\.message), [])
        XCTAssertEqual(result.findings("WAIVER-UNUSED").map(\.message), [
            "miễn trừ T-FONT cho 'documents[0]' không khớp phát hiện nào: quy tắc T-FONT đã tắt trong cấu hình",
            "miễn trừ T-FONT cho 'documents[0].layout.size' không khớp phát hiện nào: quy tắc T-FONT đã tắt trong cấu hình",
            "miễn trừ U-ANY cho 'unit' không khớp phát hiện nào: bộ quy tắc 'u' không được chọn trong cấu hình",
        ])
        XCTAssertEqual(result.findings.filter { !$0.ruleID.hasPrefix("WAIVER-") }.map(\.ruleID), [])
        let unreasoned = try check(waivers: "  - {rule: T-FONT, target: 'documents[0]'}\n", config: "rules:\n  T-FONT: off\n")
        XCTAssertEqual(unreasoned.findings("WAIVER-INVALID").map(\.message),
                       ["miễn trừ T-FONT cho 'documents[0]' không hợp lệ: thiếu lý do (reason)"], "still needs its reason")
    }

    /// The WAIVER-INVALID messages and the T-FONT paths waived, of a report checked with one
    /// waiver of documents[0] that expires on `expires`.
    private func expiry(_ expires: String, header: String = "period: {year: 2022}",
                        asOf: CalendarDate? = nil) throws -> (invalid: [String], waived: [String]) {
        let result = try check(waivers: "  - {rule: T-FONT, target: 'documents[0]', reason: r, expires: \(expires)}\n", header: header,
                               options: CheckOptions(asOf: asOf, today: testToday))
        return (result.findings("WAIVER-INVALID").map(\.message), result.findings("T-FONT").filter { $0.waiver != nil }.map(\.path))
    }

    /// Expiry is judged on the report's own date, not the clock (testToday is 2025-06-01): a
    /// 2022 report's waiver that expired in 2023 still holds for it, on any day it is checked.
    func testExpiryIsComparedWithTheReportsOwnDateNotToday() throws {
        let submitted = "period: {year: 2022}\nsubmitted_on: 2022-12-20"
        XCTAssertEqual(try expiry("2023-06-30", header: submitted).waived, ["documents[0].layout.font"])
        XCTAssertEqual(try expiry("2022-12-20", header: submitted).waived, ["documents[0].layout.font"], "valid through its expiry day")
        XCTAssertEqual(try expiry("2022-12-19", header: submitted).invalid,
                       ["miễn trừ T-FONT cho 'documents[0]' không hợp lệ: đã hết hạn ngày 19/12/2022, trước ngày gửi báo cáo 20/12/2022 (submitted_on)"])
        XCTAssertEqual(try expiry("2023-06-30", header: "period: {year: 2023}\nsubmitted_on: 2023-12-20").invalid,
                       ["miễn trừ T-FONT cho 'documents[0]' không hợp lệ: đã hết hạn ngày 30/06/2023, trước ngày gửi báo cáo 20/12/2023 (submitted_on)"])
        // Without submitted_on (or with one that is not a date): the last day of period.year.
        for header in ["period: {year: 2022}", "period: {year: 2022}\nsubmitted_on: 20/12/2022"] {
            XCTAssertEqual(try expiry("2022-12-31", header: header).waived, ["documents[0].layout.font"], header)
            XCTAssertEqual(try expiry("2022-12-30", header: header).invalid,
                           ["miễn trừ T-FONT cho 'documents[0]' không hợp lệ: đã hết hạn ngày 30/12/2022, trước ngày cuối năm báo cáo 31/12/2022"], header)
        }
    }

    func testExpiryIsComparedWithTheAsOfDayWhenGiven() throws {
        let submitted = "period: {year: 2022}\nsubmitted_on: 2022-12-20"
        XCTAssertEqual(try expiry("2023-06-30", header: submitted, asOf: CalendarDate(year: 2022, month: 12, day: 31)).waived,
                       ["documents[0].layout.font"])
        XCTAssertEqual(try expiry("2022-12-25", header: submitted, asOf: CalendarDate(year: 2022, month: 12, day: 31)).invalid,
                       ["miễn trừ T-FONT cho 'documents[0]' không hợp lệ: đã hết hạn ngày 25/12/2022, trước ngày kiểm tra 31/12/2022 (--as-of)"])
    }

    /// Only a report that gives no date at all is judged on today.
    func testExpiryOfAReportWithoutADateIsComparedWithToday() throws {
        XCTAssertEqual(try expiry("2025-06-01", header: "").waived, ["documents[0].layout.font"])
        let expired = try check(waivers: "  - {rule: T-FONT, target: 'documents[0]', reason: r, expires: 2025-05-31}\n", header: "")
        XCTAssertEqual(expired.findings("WAIVER-INVALID").map(\.message),
                       ["miễn trừ T-FONT cho 'documents[0]' không hợp lệ: đã hết hạn ngày 31/05/2025, trước hôm nay 01/06/2025 (báo cáo không ghi ngày gửi và năm báo cáo)"])
        XCTAssertTrue(expired.findings("T-FONT").allSatisfy { $0.counts }, "an expired waiver waives nothing")
    }

    /// A pack that runs only on reports with a `desk` section (as mot-cua needs `one_stop_shop`),
    /// and a rule in force from 2023 only.
    private func addRulesThatMayNotApply() {
        workspace.pack("m", manifest: "requires: [desk]\n", rules: rulesFile(
            rule("M-HOTLINE", severity: "warning", "require: exists(desk.hotline)\nat: desk")))
        workspace.pack("n", rules: rulesFile(rule("N-NEW", "require: false\neffective: {from: 2023-01-01}")))
    }

    /// A province's waiver of a rule that does not apply to a unit's report (a school without a
    /// one-stop desk) names a target that report cannot have: it covers nothing, and says why —
    /// WAIVER-UNUSED (info), not an error on every school's report.
    func testAConfigWaiverOfARuleThatDoesNotApplyToTheReportIsUnusedAndSaysWhy() throws {
        addRulesThatMayNotApply()
        let result = try check(waivers: "  []", config: """
            waivers:
              - {rule: M-HOTLINE, target: desk.hotline, reason: Tổng đài chung của tỉnh}
              - {rule: N-NEW, target: unit, reason: Chưa áp dụng}
            """)
        XCTAssertEqual(result.findings("WAIVER-INVALID").map(\.message), [])
        XCTAssertEqual(result.findings("WAIVER-UNUSED").map(\.message), [
            "miễn trừ M-HOTLINE cho 'desk.hotline' không khớp phát hiện nào: quy tắc M-HOTLINE không áp dụng cho báo cáo này",
            "miễn trừ N-NEW cho 'unit' không khớp phát hiện nào: quy tắc N-NEW không áp dụng cho báo cáo này",
        ])
        XCTAssertEqual(result.findings("WAIVER-UNUSED").map(\.severity), [.info, .info])
    }

    /// Report waivers are judged the same way (README, "Decisions"): the rule's not applying is
    /// the reason the waiver covers nothing, whatever its target.
    func testAReportWaiverOfARuleThatDoesNotApplyIsUnusedToo() throws {
        addRulesThatMayNotApply()
        let result = try check(waivers: "  - {rule: M-HOTLINE, target: desk.hotline, reason: r}\n")
        XCTAssertEqual(result.findings("WAIVER-INVALID").map(\.message), [])
        XCTAssertEqual(result.findings("WAIVER-UNUSED").map(\.message),
                       ["miễn trừ M-HOTLINE cho 'desk.hotline' không khớp phát hiện nào: quy tắc M-HOTLINE không áp dụng cho báo cáo này"])
    }

    /// Where the rule applies, a target the report does not have is still a mistake.
    func testAMistypedTargetOfARuleThatAppliesIsStillInvalid() throws {
        addRulesThatMayNotApply()
        let result = try check(waivers: "  - {rule: M-HOTLINE, target: desk.hotlien, reason: r}\n", header: "period: {year: 2022}\ndesk: {hotline: '1900 1234'}")
        XCTAssertEqual(result.outcome("M-HOTLINE"), .passed)
        XCTAssertEqual(result.findings("WAIVER-INVALID").map(\.message),
                       ["miễn trừ M-HOTLINE cho 'desk.hotlien' không hợp lệ: không tìm thấy đối tượng 'desk.hotlien' trong báo cáo"])
        XCTAssertEqual(result.findings("WAIVER-UNUSED").count, 0)
    }

    func testConfigWaiversForEveryUnitOrOne() throws {
        let forUnit = try check(waivers: "  []", config: """
            waivers:
              - {rule: T-FONT, target: documents, reason: Phông do phần mềm cũ, unit: UBND xã A}
              - {rule: T-FONT, target: 'documents[0]', reason: Cho xã khác, unit: UBND xã B}
            """)
        XCTAssertEqual(waived(forUnit), ["documents[0].layout.font: Phông do phần mềm cũ", "documents[1].layout.font: Phông do phần mềm cũ"])
        XCTAssertEqual(forUnit.findings("T-FONT").first?.waiver?.origin, .config)
        XCTAssertEqual(forUnit.findings("WAIVER-UNUSED").count, 0, "a waiver for another unit is not considered")
    }
}
