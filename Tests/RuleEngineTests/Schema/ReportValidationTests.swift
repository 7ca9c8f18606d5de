import XCTest
@testable import RuleEngine
import YAML

/// Hand-made reports against the shipped schema: every violation kind, with exact paths,
/// locations and messages.
final class ReportValidationTests: XCTestCase {
    /// A small valid commune report; tests change one thing in it.
    static let valid = """
        schema: cchc.self-report/v1
        unit:
          name: UBND xã Tiên Sơn
          kind: commune
        period:
          year: 2022
        direction:
          propaganda_activities: 1
        documents:
          - ref: kh-05
            type: Kế hoạch
            issued_on: 2022-01-14
            layout:
              font: Times New Roman
              body_size_pt: 14
        one_stop_shop:
          dossiers:
            received: 1534
        archive:
          dossiers:
            - code: "01.03"
              retention: permanent
        feedback:
          received: 6

        """

    private func violations(_ text: String) throws -> [SchemaViolation] {
        try SchemaTestSupport.schema().validate(try SchemaTestSupport.document(text))
    }

    private func replacing(_ old: String, with new: String) -> String {
        precondition(Self.valid.contains(old), "the base report has no '\(old)'")
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    func testValidReportHasNoViolations() throws {
        XCTAssertEqual(try violations(Self.valid), [])
    }

    // MARK: SCHEMA-TYPE

    func testNumberWrittenAsStringSaysToDropTheQuotes() throws {
        let found = try violations(replacing("received: 1534", with: "received: \"1534\""))
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-TYPE one_stop_shop.dossiers.received 18:15"])
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertEqual(found.first?.kind, .wrongType)
        XCTAssertEqual(found.first?.message,
                       "phải là số nguyên, không phải chuỗi (đang ghi: \"1534\") — viết số không có dấu nháy: 1534")
    }

    func testDayMonthYearDateShowsTheISOForm() throws {
        let found = try violations(replacing("issued_on: 2022-01-14", with: "issued_on: 14/01/2022"))
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-TYPE documents[0].issued_on 12:16"])
        XCTAssertEqual(found.first?.kind, .invalidFormat)
        XCTAssertEqual(found.first?.message, "ngày phải viết dạng YYYY-MM-DD, ví dụ 2022-01-14 (đang ghi: 14/01/2022)")
    }

    func testImpossibleDateIsNamed() throws {
        let found = try violations(replacing("issued_on: 2022-01-14", with: "issued_on: 2022-02-30"))
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-TYPE documents[0].issued_on 12:16"])
        XCTAssertEqual(found.first?.message, "ngày 2022-02-30 không có thật — tháng 2 năm 2022 chỉ có 28 ngày")
    }

    func testDateWrittenAsNumber() throws {
        let found = try violations(replacing("issued_on: 2022-01-14", with: "issued_on: 20220114"))
        XCTAssertEqual(found.map(\.kind), [.wrongType])
        XCTAssertEqual(found.first?.message, "ngày phải viết dạng YYYY-MM-DD, ví dụ 2022-01-14 (đang ghi: 20220114)")
    }

    func testUnquotedCodeLosesItsZeroAndIsTold() throws {
        let found = try violations(replacing("- code: \"01.03\"", with: "- code: 01.03"))
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-TYPE archive.dossiers[0].code 21:13"])
        XCTAssertEqual(found.first?.message,
                       "phải là chuỗi văn bản, không phải số (đang ghi: 01.03) — đặt trong dấu nháy kép để giữ nguyên: \"01.03\"")
    }

    func testEnumListsTheAllowedValuesAndSuggests() throws {
        let found = try violations(replacing("kind: commune", with: "kind: comune"))
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-TYPE unit.kind 4:9"])
        XCTAssertEqual(found.first?.kind, .notAllowed)
        XCTAssertEqual(found.first?.message,
                       "giá trị comune không được phép — chọn một trong: 'commune', 'district', 'province', 'department', 'school', 'agency' — ý bạn là 'commune'?")
    }

    func testEnumValueOfAnotherTypeIsToldTheList() throws {
        let found = try violations(replacing("kind: commune", with: "kind: 1"))
        XCTAssertEqual(found.map(\.kind), [.wrongType])
        XCTAssertEqual(found.first?.message,
                       "giá trị 1 không được phép — chọn một trong: 'commune', 'district', 'province', 'department', 'school', 'agency'")
    }

    func testNegativeCountIsOutOfRange() throws {
        let found = try violations(replacing("propaganda_activities: 1", with: "propaganda_activities: -2"))
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-TYPE direction.propaganda_activities 8:26"])
        XCTAssertEqual(found.first?.message, "giá trị -2 phải từ 0 trở lên")
    }

    /// A year no self-report can have (0, -2022, 99999) is a SCHEMA-TYPE of its own, not only a
    /// rule's failure to compute a deadline from it.
    func testImplausibleYearIsOutOfRange() throws {
        XCTAssertEqual(try violations(replacing("year: 2022", with: "year: 0")).first?.message, "giá trị 0 phải từ 2000 trở lên")
        XCTAssertEqual(try violations(replacing("year: 2022", with: "year: -2022")).map(\.findingID), ["SCHEMA-TYPE"])
        XCTAssertEqual(try violations(replacing("year: 2022", with: "year: 99999")).first?.message, "giá trị 99999 phải từ 2100 trở xuống")
        XCTAssertEqual(try violations(replacing("year: 2022", with: "year: 2025")), [])
    }

    func testFractionalCountIsNotAnInteger() throws {
        let found = try violations(replacing("propaganda_activities: 1", with: "propaganda_activities: 1.5"))
        XCTAssertEqual(found.first?.message, "phải là số nguyên, không phải số (đang ghi: 1.5)")
        // 2.0 is a whole number: JSON Schema counts it as an integer.
        XCTAssertEqual(try violations(replacing("propaganda_activities: 1", with: "propaganda_activities: 2.0")), [])
    }

    func testDecimalCommaIsExplained() throws {
        let found = try violations(replacing("body_size_pt: 14", with: "body_size_pt: 13,5"))
        XCTAssertEqual(found.first?.message,
                       "phải là số, không phải chuỗi (đang ghi: 13,5) — dùng dấu chấm thập phân, không dùng dấu phẩy: 13.5")
    }

    /// In a count, `1,534` and `1.534` are thousands separators: the hint drops them (it said
    /// "1.534", which is not an integer either).
    func testThousandsSeparatorInACountIsExplained() throws {
        let comma = try violations(replacing("received: 1534", with: "received: 1,534"))
        XCTAssertEqual(comma.first?.message,
                       "phải là số nguyên, không phải chuỗi (đang ghi: 1,534) — viết số không có dấu phân cách hàng nghìn: 1534")
        let dot = try violations(replacing("received: 1534", with: "received: 1.534"))
        XCTAssertEqual(dot.first?.message,
                       "phải là số nguyên, không phải số (đang ghi: 1.534) — viết số không có dấu phân cách hàng nghìn: 1534")
        let millions = try violations(replacing("received: 1534", with: "received: 12,000,000"))
        XCTAssertEqual(millions.first?.message,
                       "phải là số nguyên, không phải chuỗi (đang ghi: 12,000,000) — viết số không có dấu phân cách hàng nghìn: 12000000")
        // Not groups of three: no guess.
        XCTAssertEqual(try violations(replacing("received: 1534", with: "received: 1,5")).first?.message,
                       "phải là số nguyên, không phải chuỗi (đang ghi: 1,5)")
    }

    func testVietnameseYesIsNotABoolean() throws {
        let text = replacing("  propaganda_activities: 1", with: "  propaganda_activities: 1\n  working_rules_issued: có")
        let found = try violations(text)
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-TYPE direction.working_rules_issued 9:25"])
        XCTAssertEqual(found.first?.message,
                       "phải là true hoặc false, không phải chuỗi (đang ghi: có) — viết true (có) hoặc false (không)")
    }

    /// A field written empty (`font:`, `~`) is absent, as rules read it: an optional one is no
    /// finding (the rule that needs it says "thiếu thông tin"), a required one is SCHEMA-REQUIRED
    /// at its own line. It was also a SCHEMA-TYPE, two errors for one blank.
    func testEmptyValueIsAbsent() throws {
        XCTAssertEqual(try violations(replacing("font: Times New Roman", with: "font:")).map(\.message), [])
        XCTAssertEqual(try violations(replacing("font: Times New Roman", with: "font: ~")).map(\.message), [])
        let year = try violations(replacing("year: 2022", with: "year:"))
        XCTAssertEqual(SchemaTestSupport.summary(year), ["SCHEMA-REQUIRED period.year 6:8"])
        XCTAssertEqual(year.first?.message, "trường bắt buộc 'period.year' đang để trống (Năm báo cáo)")
        let section = try violations(replacing("one_stop_shop:\n  dossiers:\n    received: 1534", with: "one_stop_shop:"))
        XCTAssertEqual(SchemaTestSupport.summary(section), ["SCHEMA-REQUIRED one_stop_shop 16:15"], "required for a commune")
        let school = try violations(replacing("one_stop_shop:\n  dossiers:\n    received: 1534", with: "one_stop_shop:")
            .replacingOccurrences(of: "kind: commune", with: "kind: school"))
        XCTAssertEqual(school.map(\.message), [], "optional for a school: left empty, it is absent")
    }

    func testSectionOfTheWrongShape() throws {
        let found = try violations(replacing("feedback:\n  received: 6", with: "feedback: [6]"))
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-TYPE feedback 23:11"])
        XCTAssertEqual(found.first?.message,
                       "phải là nhóm trường (các dòng khóa: giá trị), không phải danh sách (đang ghi: một danh sách)")
    }

    func testAnyOfGivesOneReadableMessage() throws {
        let found = try violations(replacing("retention: permanent", with: "retention: vĩnh viễn"))
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-TYPE archive.dossiers[0].retention 22:18"])
        XCTAssertEqual(found.first?.kind, .noAlternativeMatched)
        XCTAssertEqual(found.first?.message, "giá trị không hợp lệ — phải là 'permanent' hoặc số nguyên (đang ghi: vĩnh viễn)")
        let quoted = try violations(replacing("retention: permanent", with: "retention: \"20\""))
        XCTAssertEqual(quoted.first?.message,
                       "giá trị không hợp lệ — phải là 'permanent' hoặc số nguyên (đang ghi: \"20\") — viết số không có dấu nháy: 20")
        let boolean = try violations(replacing("retention: permanent", with: "retention: true"))
        XCTAssertEqual(boolean.first?.message, "giá trị không hợp lệ — phải là 'permanent' hoặc số nguyên (đang ghi: true)")
        // Decision 12: 0 and negative retention are LT-RETENTION's to reject, not the schema's.
        XCTAssertEqual(try violations(replacing("retention: permanent", with: "retention: 0")), [])
    }

    // MARK: SCHEMA-UNKNOWN

    func testUnknownFieldSuggestsTheNearestName() throws {
        let found = try violations(replacing("font: Times New Roman", with: "fnot: Times New Roman"))
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-UNKNOWN documents[0].layout.fnot 14:7"])
        XCTAssertEqual(found.first?.severity, .warning)
        XCTAssertEqual(found.first?.message, "trường 'fnot' không có trong lược đồ — ý bạn là 'font'?")
    }

    func testUnknownFieldWithoutNearNameListsTheKnownOnes() throws {
        let found = try violations(replacing("feedback:\n  received: 6", with: "feedback:\n  received: 6\n  ghi_chu: x"))
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-UNKNOWN feedback.ghi_chu 25:3"])
        XCTAssertEqual(found.first?.message, "trường 'ghi_chu' không có trong lược đồ — các trường có thể dùng ở đây: received, resolved")
    }

    // MARK: SCHEMA-REQUIRED

    func testMissingRequiredFieldPointsAtItsParent() throws {
        let found = try violations(replacing("  name: UBND xã Tiên Sơn\n", with: ""))
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-REQUIRED unit.name 3:3"])
        XCTAssertEqual(found.first?.message, "thiếu trường bắt buộc 'unit.name' (Tên đơn vị)")
        let node = try XCTUnwrap(found.first?.node)
        let doc = try SchemaTestSupport.document(replacing("  name: UBND xã Tiên Sơn\n", with: ""))
        XCTAssertEqual(doc.kind(node), .mapping)
    }

    func testMissingYear() throws {
        let found = try violations(replacing("period:\n  year: 2022", with: "period: {}"))
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-REQUIRED period.year 5:9"])
    }

    // MARK: SCHEMA-VERSION (x-finding)

    func testMissingSchemaLineIsAVersionFinding() throws {
        let found = try violations(replacing("schema: cchc.self-report/v1\n", with: ""))
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-VERSION schema 1:1"])
        XCTAssertEqual(found.first?.kind, .missingProperty)
        XCTAssertEqual(found.first?.severity, .error)
        XCTAssertEqual(found.first?.message,
                       "thiếu trường bắt buộc 'schema' (Phiên bản định dạng) — thêm dòng: schema: cchc.self-report/v1")
    }

    func testOtherVersionNamesTheSupportedOne() throws {
        let found = try violations(replacing("schema: cchc.self-report/v1", with: "schema: cchc.self-report/v2"))
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-VERSION schema 1:9"])
        XCTAssertEqual(found.first?.message,
                       "giá trị cchc.self-report/v2 không được phép — chỉ chấp nhận 'cchc.self-report/v1'")
        let number = try violations(replacing("schema: cchc.self-report/v1", with: "schema: 1"))
        XCTAssertEqual(SchemaTestSupport.summary(number), ["SCHEMA-VERSION schema 1:9"])
    }

    // MARK: Decision 11

    func testCommuneNeedsOneStopShop() throws {
        let text = replacing("one_stop_shop:\n  dossiers:\n    received: 1534\n", with: "")
        let found = try violations(text)
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-REQUIRED one_stop_shop 1:1"])
        XCTAssertEqual(found.first?.message, "thiếu trường bắt buộc 'one_stop_shop' (Bộ phận Một cửa)")
        for kind in ["district", "province", "department"] {
            let other = text.replacingOccurrences(of: "kind: commune", with: "kind: \(kind)")
            XCTAssertEqual(SchemaTestSupport.summary(try violations(other)), ["SCHEMA-REQUIRED one_stop_shop 1:1"], kind)
        }
    }

    func testSchoolsAndAgenciesMayOmitOneStopShop() throws {
        let text = replacing("one_stop_shop:\n  dossiers:\n    received: 1534\n", with: "")
        for kind in ["school", "agency"] {
            XCTAssertEqual(try violations(text.replacingOccurrences(of: "kind: commune", with: "kind: \(kind)")), [], kind)
        }
        // …but the other sections stay required for them.
        let noFeedback = text.replacingOccurrences(of: "kind: commune", with: "kind: school")
            .replacingOccurrences(of: "feedback:\n  received: 6\n", with: "")
        XCTAssertEqual(SchemaTestSupport.summary(try violations(noFeedback)), ["SCHEMA-REQUIRED feedback 1:1"])
    }

    func testEverySectionMissingIsOneFindingEach() throws {
        let found = try violations("schema: cchc.self-report/v1\nunit: {name: X, kind: province}\nperiod: {year: 2022}\n")
        XCTAssertEqual(found.map(\.path), ["direction", "documents", "archive", "feedback", "one_stop_shop"])
        XCTAssertTrue(found.allSatisfy { $0.findingID == "SCHEMA-REQUIRED" && $0.location.line == 1 })
    }

    // MARK: Several problems, order, encodings

    func testSeveralProblemsComeInSourceOrder() throws {
        var text = replacing("year: 2022", with: "year: \"2022\"")
        text = text.replacingOccurrences(of: "fnot", with: "font").replacingOccurrences(of: "font: Times", with: "fnot: Times")
        text = text.replacingOccurrences(of: "received: 6", with: "received: -1")
        XCTAssertEqual(SchemaTestSupport.summary(try violations(text)), [
            "SCHEMA-TYPE period.year 6:9",
            "SCHEMA-UNKNOWN documents[0].layout.fnot 14:7",
            "SCHEMA-TYPE feedback.received 24:13",
        ])
    }

    func testEmptyDocument() throws {
        let schema = try SchemaTestSupport.schema()
        let doc = try SchemaTestSupport.document("---\n# chỉ có chú thích\n")
        let found = schema.validate(doc)
        XCTAssertEqual(found.map(\.kind), [.wrongType])
        XCTAssertEqual(found.first?.message, "phải là nhóm trường (các dòng khóa: giá trị) nhưng đang để trống — điền giá trị hoặc xóa dòng này")
        // A document without any node is located at the document's start.
        let none = schema.validate(nil, in: doc)
        XCTAssertNil(none.first?.node)
        XCTAssertEqual(none.first?.location, SourceLocation(file: "test.yaml", line: 1, column: 1))
    }

    func testDecomposedVietnameseValidatesLikeComposed() throws {
        let nfd = Self.valid.decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(nfd.utf8), Array(Self.valid.utf8))
        XCTAssertEqual(try violations(nfd), [])
        let broken = nfd.replacingOccurrences(of: "year: 2022", with: "year: \"2022\"")
        XCTAssertEqual(SchemaTestSupport.summary(try violations(broken)), ["SCHEMA-TYPE period.year 6:9"])
    }

    func testCRLFLineEndings() throws {
        let text = replacing("issued_on: 2022-01-14", with: "issued_on: 14/01/2022").replacingOccurrences(of: "\n", with: "\r\n")
        let found = try violations(text)
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-TYPE documents[0].issued_on 12:16"])
        XCTAssertEqual(found.first?.message, "ngày phải viết dạng YYYY-MM-DD, ví dụ 2022-01-14 (đang ghi: 14/01/2022)")
    }

    func testByteOrderMark() throws {
        let text = replacing("received: 1534", with: "received: \"1534\"")
        let doc = try SchemaTestSupport.document(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let found = try SchemaTestSupport.schema().validate(doc)
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-TYPE one_stop_shop.dossiers.received 18:15"])
    }

    func testViolationBecomesAFinding() throws {
        let found = try violations(replacing("font: Times New Roman", with: "fnot: Times New Roman"))
        let finding = try XCTUnwrap(found.first).finding()
        XCTAssertEqual(finding.ruleID, "SCHEMA-UNKNOWN")
        XCTAssertEqual(finding.area, "schema")
        XCTAssertEqual(finding.severity, .warning)
        XCTAssertEqual(finding.path, "documents[0].layout.fnot")
        XCTAssertEqual(finding.location, SourceLocation(file: "test.yaml", line: 14, column: 7))
        XCTAssertEqual(finding.title, "Trường không có trong lược đồ")
    }

    /// self-report-v1: `documents[].ref` is "unique in the report" (locations and waivers name
    /// documents by it). A repeat is a SCHEMA-TYPE at the repeating value, naming the first.
    func testARepeatedDocumentRefIsReported() throws {
        let text = replacing("  - ref: kh-05\n", with: "  - ref: kh-05\n    type: Kế hoạch\n  - ref: cv-01\n  - ref: kh-05\n")
        let found = try violations(text)
        XCTAssertEqual(SchemaTestSupport.summary(found), ["SCHEMA-TYPE documents[2].ref 13:10"])
        XCTAssertEqual(found.first?.message,
                       "'kh-05' đã dùng ở documents[0].ref; mỗi mục cần một mã riêng (vị trí phát hiện và miễn trừ gọi mục theo mã này)")
    }

    // MARK: How many are listed

    /// A violation repeated in every element of a huge list is listed `maxFindingsPerRule`
    /// times, then counted in one more finding (`FindingCap`).
    func testRepeatedViolationsAreCappedPerID() throws {
        let dates = (0 ..< 12).map { "  - {ref: vb-\($0), issued_on: 2022-13-01}" }.joined(separator: "\n")
        let text = replacing("direction:", with: "documents_extra: 1\ndirection:")
            .replacingOccurrences(of: "documents:\n", with: "documents:\n\(dates)\n")
        let rules = RuleSet(packs: [], config: Configuration(), functions: .standard, model: try SchemaTestSupport.schema())
        let result = ReportChecker(rules: rules, options: CheckOptions(maxFindingsPerRule: 5)).check(try SchemaTestSupport.document(text))
        let dateFindings = result.findings.filter { $0.message.contains("2022-13-01") }
        XCTAssertEqual(dateFindings.count, 5, result.findings.map(\.message).joined(separator: "\n"))
        let summary = try XCTUnwrap(result.findings.first { $0.message.hasPrefix("còn ") })
        XCTAssertEqual(summary.ruleID, dateFindings[0].ruleID)
        XCTAssertEqual(summary.path, "documents[5].issued_on")
        XCTAssertTrue(summary.message.hasPrefix("còn 7 mục nữa không đạt, kể từ mục này (documents[5].issued_on); mỗi quy tắc chỉ liệt kê 5 phát hiện"),
                      summary.message)
        XCTAssertEqual(result.findings.filter { $0.ruleID == "SCHEMA-UNKNOWN" }.count, 1, "other ids keep their own count")
    }
}
