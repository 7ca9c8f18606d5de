import XCTest
@testable import RuleEngine

/// Loading packs: every problem of a manifest or rule file is a located error, and one broken
/// rule hides neither the others' errors nor the good rules.
final class PackLoadingTests: XCTestCase {
    private var workspace = PackWorkspace()

    override func setUp() { workspace = PackWorkspace() }

    /// `line:col message` of every error, sorted, for compact assertions.
    private func errors(model: (any ReportModel)? = nil) -> [String] {
        workspace.compile(model: model).1
            .map { "\($0.location.line):\($0.location.column) \($0.message)" }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
    }

    private func assertErrors(_ expected: [String], model: (any ReportModel)? = nil,
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(errors(model: model), expected, file: file, line: line)
    }

    func testUnknownRuleKeysSuggestTheNearest() {
        workspace.pack(rules: """
            rules:
              - id: T-A
                title: T
                severty: error
                basis: B
                require: true
                mesage: x
            """)
        assertErrors([
            "2:5 quy tắc T-A thiếu 'message' (thông báo khi vi phạm)",
            "2:5 quy tắc thiếu khóa bắt buộc 'severity'",
            "4:5 khóa 'severty' không dùng được trong quy tắc — ý bạn là 'severity'?",
            "7:5 khóa 'mesage' không dùng được trong quy tắc — ý bạn là 'message'?",
        ])
    }

    func testMissingRequiredKeys() {
        workspace.pack(rules: """
            rules:
              - title: Không có mã
                severity: error
                basis: B
                require: true
                message: m
              - id: T-NO-BASIS
                title: T
                severity: error
                require: true
                message: m
              - id: T-NO-REQUIRE
                title: T
                severity: warning
                basis: B
                message: m
              - id: T-NO-MESSAGE
                title: T
                severity: warning
                basis: B
                require: true
            """)
        assertErrors([
            "2:5 quy tắc thiếu khóa bắt buộc 'id'",
            "7:5 quy tắc T-NO-BASIS thiếu 'basis' (căn cứ pháp lý)",
            "12:5 quy tắc T-NO-REQUIRE thiếu 'require' (điều kiện phải thỏa)",
            "17:5 quy tắc T-NO-MESSAGE thiếu 'message' (thông báo khi vi phạm)",
        ])
    }

    func testBadSeverityAndId() {
        workspace.pack(rules: """
            rules:
              - id: nd30-font
                title: T
                severity: eror
                basis: B
                require: true
                message: m
            """)
        assertErrors([
            "2:9 mã quy tắc 'nd30-font' phải viết HOA, dạng ND30-FONT",
            "4:15 severity phải là error, warning hoặc info; nhận 'eror' — ý bạn là 'error'?",
        ])
    }

    func testRuleIDShape() {
        // ^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$
        for good in ["ND30-FONT", "A", "MC-ONLINE-RATE", "LT2-X9", "A1-B2-C3"] {
            XCTAssertTrue(RuleFileReader.isWellFormedID(good), good)
        }
        for bad in ["", "nd30-font", "ND30-", "-ND30", "ND30--FONT", "1ND30", "ND30_FONT", "ND30-Font", "ĐN-1", "ND 30"] {
            XCTAssertFalse(RuleFileReader.isWellFormedID(bad), bad)
        }
    }

    func testOneBrokenRuleHidesNothing() throws {
        workspace.pack(rules: rulesFile(
            rule("T-BAD-1", "require: cout(documents) > 0"),
            rule("T-GOOD", "require: false"),
            rule("T-BAD-2", "require: 1 + 'a' == 2")))
        let (set, errors) = workspace.compile()
        XCTAssertEqual(errors.compactMap(\.ruleID), ["T-BAD-1", "T-BAD-2"])
        XCTAssertEqual(set.brokenRuleIDs, ["T-BAD-1", "T-BAD-2"])
        let result = ReportChecker(rules: set).check(try loadReport("a: 1\n"))
        XCTAssertEqual(result.findings.map(\.ruleID), ["T-GOOD"], "the good rule still runs")
    }

    func testDuplicateRuleIdsAcrossPacks() {
        workspace.pack("a", rules: rulesFile(rule("T-SAME", "require: true")))
        workspace.pack("b", rules: rulesFile(rule("T-SAME", "require: false")))
        let (set, errors) = workspace.compile()
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors.first?.location.file.hasSuffix("b/rules/rules.yaml") ?? false)
        XCTAssertTrue(errors.first?.message.contains("mã quy tắc T-SAME trùng với quy tắc ở") ?? false)
        XCTAssertTrue(errors.first?.message.contains("a/rules/rules.yaml:2:5") ?? false, errors.first?.message ?? "")
        XCTAssertEqual(set.rules.map(\.pack.id), ["a"], "the first definition is kept")
    }

    func testManifestProblems() {
        workspace.pack(manifest: """
            titel: x
            params:
              no_default: {description: thiếu mặc định}
            data:
              types: data/none.yaml
            effective: {from: 2025-07-01, until: 2020-01-01}
            """, rules: rulesFile(rule("T-A", "require: true")))
        assertErrors([
            "5:1 khóa 'titel' không dùng được trong pack.yaml — ý bạn là 'title'?",
            "7:3 tham số 'no_default' thiếu 'default'",
            "9:10 không tìm thấy tệp dữ liệu 'data/none.yaml'",
            "10:12 'effective': ngày 'until' (2020-01-01) trước ngày 'from' (2025-07-01)",
        ])
    }

    func testManifestWithoutIdGivesNoPack() {
        let dir = workspace.scratch.folder("noid")
        workspace.scratch.write("noid/pack.yaml", "title: Không có mã\n")
        let (pack, errors) = RulePackLoader.load(directory: dir)
        XCTAssertNil(pack)
        XCTAssertEqual(errors.map(\.message), ["pack.yaml thiếu khóa bắt buộc 'id'"])
        let (none, missing) = RulePackLoader.load(directory: workspace.scratch.folder("empty"))
        XCTAssertNil(none)
        XCTAssertEqual(missing.count, 1, "a folder without pack.yaml is an error, located at the manifest path")
    }

    func testPackWithoutRulesIsAnError() {
        workspace.pack(rules: "rules: []\n")
        XCTAssertEqual(errors(), ["1:1 bộ quy tắc 't' không có quy tắc nào trong thư mục rules/"])
    }

    func testBrokenYAMLInARuleFileIsLocated() {
        workspace.pack(rules: "rules:\n  - id: T-A\n    title: [unclosed\n")
        let list = workspace.compile().1
        XCTAssertEqual(list.count, 1)
        XCTAssertTrue(list.first?.location.file.hasSuffix("rules.yaml") ?? false)
        XCTAssertEqual(list.first?.location.line, 4)
    }

    func testRuleShapesThatAreNotMappings() {
        workspace.pack(rules: """
            rules:
              - just a string
              - id: T-A
                title: T
                severity: error
                basis: {text: mapping}
                require: {check: true}
                message: m
            """)
        assertErrors([
            "2:5 quy tắc phải là một nhóm trường (khóa: giá trị)",
            "6:12 'basis' là một chuỗi, hoặc danh sách các mục {from, until, text}",
            "7:14 'require' là một biểu thức, hoặc danh sách các mục {check, message}",
        ].sorted { $0.compare($1, options: .numeric) == .orderedAscending })
    }

    func testUnknownPathAgainstTheReportModelIsALoadError() {
        workspace.pack(rules: rulesFile(rule("T-PATH", "for_each: documents\nas: doc\nrequire: doc.layout.fnot == 'x'")))
        assertErrors(["8:25 'doc.layout.fnot' không có trong lược đồ báo cáo — ý bạn là 'font'?"],
                     model: TestModel(rootShape: sampleShape))
    }

    func testNonBooleanConditionIsALoadError() {
        workspace.pack(rules: rulesFile(rule("T-NOT-BOOL", "require: unit.name")))
        assertErrors(["6:14 điều kiện phải cho ra đúng/sai, không phải string (chuỗi)"], model: TestModel(rootShape: sampleShape))
    }

    /// Lint must point into the rule file at the offending character, whatever the YAML
    /// style the expression is written in.
    func testExpressionErrorsPointAtTheCharacterInEveryScalarStyle() {
        workspace.pack(rules: """
            rules:
              - id: T-BLOCK
                title: T
                severity: error
                basis: B
                require: |
                  true and
                  1 == 1 and foo(2)
                message: m
              - id: T-FOLDED
                title: T
                severity: error
                basis: B
                require: >-
                  true and
                  foo(3)
                message: m
              - id: T-PLAIN
                title: T
                severity: error
                basis: B
                require: true and
                  foo(4)
                message: m
              - id: T-QUOTED
                title: T
                severity: error
                basis: B
                require: "'\\"' != 'x' and foo(5)"
                message: m
              - id: T-SINGLE
                title: T
                severity: error
                basis: B
                require: '"''" != "x" and foo(6)'
                message: m
              - id: T-END
                title: T
                severity: error
                basis: B
                require: (true
                message: m
            """)
        assertErrors([
            "8:18 không có hàm 'foo'",
            "16:7 không có hàm 'foo'",
            "23:7 không có hàm 'foo'",
            "29:31 không có hàm 'foo'",
            "35:31 không có hàm 'foo'",
            "41:19 cần ')', gặp hết biểu thức",
        ])
    }
}
