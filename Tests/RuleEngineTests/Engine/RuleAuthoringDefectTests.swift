import XCTest
@testable import RuleEngine

/// Rule authors' mistakes that used to go unnoticed: fixture cases that contradict themselves or
/// edit a mistyped path, a broken case counted as passed and failed, two packs with one id, a
/// rule without a message, and config parameter values the rules cannot use.
final class RuleAuthoringDefectTests: XCTestCase {
    private var workspace = PackWorkspace()

    override func setUp() { workspace = PackWorkspace() }

    // MARK: Fixtures

    /// The report shape of the fixture tests; `one_stop_shop.postings.hotline` is optional and
    /// absent from the base report.
    private let shape = TestShape([
        "unit": .object(TestShape(["name": .string])),
        "period": .object(TestShape(["year": .int])),
        "documents": .list(.object(TestShape(["ref": .string, "number": .string]))),
        "one_stop_shop": .object(TestShape(["postings": .object(TestShape(["hotline": .string, "procedure_list": .bool]))])),
    ])

    private let base = """
        unit: {name: UBND xã A}
        period: {year: 2022}
        documents:
          - {ref: a, number: 01/KH-UBND}
          - {ref: b, number: 02/KH-UBND}
        one_stop_shop: {postings: {procedure_list: true}}
        """

    /// Runs `cases` (the `cases:` items of `tests/cases.yaml`, over `base.yaml`) for a pack whose
    /// QN-DOC-COUNT fires on the base report and whose QN-HOTLINE checks a hotline when there is one.
    private func runFixtures(_ cases: String) -> RuleTestReport {
        workspace.pack("qn", rules: rulesFile(
            rule("QN-DOC-COUNT", "require: count(documents) >= 5\nat: documents\nmessage: \"chỉ có {{ count(documents) }} văn bản\""),
            rule("QN-HOTLINE", "when: exists(one_stop_shop.postings.hotline)\nrequire: matches(one_stop_shop.postings.hotline, '[0-9 ]+')")),
            files: ["base.yaml": base, "tests/cases.yaml": "base: ../base.yaml\ncases:\n" + cases])
        let set = workspace.ruleSet(model: TestModel(rootShape: shape))
        return RuleTestRunner.run(packs: set.packs, ruleSet: set, options: CheckOptions(today: testToday))
    }

    /// `file-name:line:column message` of every problem of every case.
    private func problems(_ report: RuleTestReport) -> [String] {
        report.results.flatMap(\.fixture.problems).map {
            "\(($0.location.file as NSString).lastPathComponent):\($0.location.line):\($0.location.column) \($0.message)"
        }
    }

    private func summary(_ report: RuleTestReport) -> String? { report.text.split(separator: "\n").last.map(String.init) }

    func testARuleBothExpectedAndForbiddenIsAContradictoryCase() {
        let report = runFixtures("""
              - name: mâu thuẫn
                expect:
                  - {rule: QN-DOC-COUNT, path: documents}
                expect_not: [QN-DOC-COUNT]
            """)
        XCTAssertEqual(problems(report), ["cases.yaml:6:18 quy tắc QN-DOC-COUNT có cả trong 'expect' và 'expect_not': "
                                          + "ca kiểm thử tự mâu thuẫn, không kiểm tra được gì"])
        XCTAssertEqual(summary(report), "0 passed, 1 failed")
        XCTAssertEqual(report.coverage["QN-DOC-COUNT"]?.fires, 0, "a contradictory case tests nothing")
        XCTAssertEqual(report.coverage["QN-DOC-COUNT"]?.holds, 0)
        XCTAssertTrue(report.text.contains("QN-DOC-COUNT: chưa có ca phải phát hiện (expect); chưa có ca không được phát hiện (expect_not)"), report.text)
        XCTAssertTrue(report.text.contains("cases.yaml:6:18: lỗi: quy tắc QN-DOC-COUNT có cả trong"), report.text)
    }

    /// A misspelled id in `expect_not` passed for ever; in `expect` it failed without saying why.
    /// Built-in ids (RULE-ERROR, and SCHEMA-* with the report schema) are known.
    func testAnUnknownRuleIDIsALocatedProblemWithASuggestion() {
        let report = runFixtures("""
              - name: sai mã
                expect: [QN-DOC-CONT]
                expect_not: [QN-HOTLIN, RULE-ERROR]
            """)
        XCTAssertEqual(problems(report), [
            "cases.yaml:4:14 không có quy tắc 'QN-DOC-CONT' trong các bộ quy tắc đang nạp — ý bạn là 'QN-DOC-COUNT'?",
            "cases.yaml:5:18 không có quy tắc 'QN-HOTLIN' trong các bộ quy tắc đang nạp — ý bạn là 'QN-HOTLINE'?",
        ])
        XCTAssertEqual(summary(report), "0 passed, 1 failed")
    }

    func testEditPathsAreCheckedAgainstTheReportSchema() {
        let report = runFixtures("""
              - name: gõ nhầm khi đặt
                set: {one_stop_shop.postings.hotlinee: "024 1234 5678"}
                expect: [QN-DOC-COUNT]
              - name: gõ nhầm khi xóa
                unset:
                  - documents[0].numbr
                expect: [QN-DOC-COUNT]
              - name: trường của một chuỗi
                set:
                  unit.name.first: A
                expect: [QN-DOC-COUNT]
              - name: đặt đường dây nóng mà báo cáo gốc không có
                set:
                  one_stop_shop.postings.hotline: không có
                expect: [QN-DOC-COUNT, QN-HOTLINE]
              - name: thêm một văn bản
                set:
                  documents[2]: {ref: c, number: 03/KH-UBND}
                expect: [QN-DOC-COUNT]
                expect_not: [QN-HOTLINE]
            """)
        XCTAssertEqual(problems(report), [
            "cases.yaml:4:11 không đặt được giá trị tại đường dẫn 'one_stop_shop.postings.hotlinee': "
                + "'one_stop_shop.postings.hotlinee' không có trong lược đồ báo cáo — ý bạn là 'hotline'?",
            "cases.yaml:8:9 không xóa được đường dẫn 'documents[0].numbr': 'documents[0].numbr' không có trong lược đồ báo cáo — ý bạn là 'number'?",
            "cases.yaml:12:7 không đặt được giá trị tại đường dẫn 'unit.name.first': "
                + "'unit.name' là string (chuỗi) trong lược đồ báo cáo, không có trường 'first'",
        ])
        XCTAssertEqual(report.results.map(\.passed), [false, false, false, true, true], "an optional field absent from the base can be set")
        XCTAssertEqual(summary(report), "2 passed, 3 failed")
    }

    /// A misspelled key in a patch, a whole report or a set value added a field no rule reads,
    /// so a case's `expect_not` passed whatever the rule did.
    func testKeysOfPatchesReportsAndSetValuesAreCheckedAgainstTheReportSchema() {
        let report = runFixtures("""
              - name: gõ nhầm trong patch
                patch: {one_stop_shop: {postings: {hotlinee: "024 1234 5678"}}}
                expect_not: [QN-HOTLINE]
              - name: gõ nhầm trong báo cáo đầy đủ
                report:
                  unit: {name: UBND xã B}
                  documents:
                    - {ref: a, numbr: 01/KH-UBND}
                expect: [QN-DOC-COUNT]
              - name: gõ nhầm trong giá trị được đặt
                set:
                  documents[2]: {ref: c, nubmer: 03/KH-UBND}
                expect: [QN-DOC-COUNT]
              - name: patch đúng lược đồ
                patch: {one_stop_shop: {postings: {hotline: không có}}}
                expect: [QN-DOC-COUNT, QN-HOTLINE]
              - name: một giá trị sai kiểu là chủ ý của ca, không phải gõ nhầm
                set:
                  unit.name: {first: A}
                expect: [QN-DOC-COUNT]
            """)
        XCTAssertEqual(problems(report), [
            "cases.yaml:4:40 khóa trong 'patch': 'one_stop_shop.postings.hotlinee' không có trong lược đồ báo cáo — ý bạn là 'hotline'?",
            "cases.yaml:10:20 khóa trong 'report': 'documents[0].numbr' không có trong lược đồ báo cáo — ý bạn là 'number'?",
            "cases.yaml:14:30 khóa trong 'set': 'documents[2].nubmer' không có trong lược đồ báo cáo — ý bạn là 'number'?",
        ])
        XCTAssertEqual(report.results.map(\.passed), [false, false, false, true, true])
    }

    func testABrokenCaseIsCountedOnceAsFailed() {
        let report = runFixtures("""
              - name: một
                expect: [QN-DOC-COUNT]
              - name: hai
                expect: [QN-DOC-COUNT]
              - name: chỉ số ngoài danh sách
                unset:
                  - documents[5].number
                expect: [QN-DOC-COUNT]
              - name: bốn
                expect: [QN-DOC-COUNT]
            """)
        XCTAssertEqual(report.errors.map(\.description), [])
        XCTAssertEqual(problems(report), ["cases.yaml:9:9 không xóa được đường dẫn 'documents[5].number': 'documents' có 2 phần tử, không có phần tử [5]"])
        XCTAssertEqual(report.results.count, 4)
        XCTAssertEqual(summary(report), "3 passed, 1 failed")
        XCTAssertEqual(report.coverage["QN-DOC-COUNT"]?.fires, 3, "the broken case is not run")
    }

    // MARK: Packs

    func testTwoPacksWithOneIDAreALocatedErrorNamingBoth() {
        let first = workspace.pack("a", rules: rulesFile(rule("A-ONE", "require: true")))
        let second = workspace.pack("b", rules: rulesFile(rule("A-ONE", "require: false"), rule("B-TWO", "require: false")))
        workspace.scratch.write("b/pack.yaml", manifest(id: "a"))
        let (set, errors) = workspace.compile()
        XCTAssertEqual(errors.map(\.description), [
            "\(second)/pack.yaml:1:5: lỗi: mã bộ quy tắc 'a' trùng với bộ quy tắc ở \(first)/pack.yaml:1:5; mỗi bộ cần một mã riêng",
        ], "the second pack is left out whole: its rules are not reported again as duplicates")
        XCTAssertEqual(set.packs.map(\.directory), [first])
        XCTAssertEqual(set.rules.map(\.id), ["A-ONE"])
    }

    /// The same pack folder named twice (an argument and the config's `rule_packs`) used to
    /// report every duplicate rule id of the pack twice, and each of its rules as a duplicate
    /// of itself.
    func testAPackLoadedTwiceIsReportedOnce() {
        let directory = workspace.pack("a", rules: rulesFile(rule("A-ONE", "require: true"), rule("A-ONE", "require: false")))
        let (pack, loadErrors) = RulePackLoader.load(directory: directory)
        XCTAssertEqual(loadErrors.map(\.description), [])
        let set = RuleSet(packs: [pack!, pack!], config: Configuration(), functions: .standard, model: nil)
        XCTAssertEqual(set.errors.map(\.message), [
            "bộ quy tắc 'a' được nạp hai lần: thư mục này được chỉ ra hai lần (đối số, --rules hoặc rule_packs của cấu hình)",
            "mã quy tắc A-ONE trùng với quy tắc ở \(directory)/rules/rules.yaml:2:5",
        ])
    }

    // MARK: Rules

    func testARuleNeedsAMessageOrOneForEveryCondition() {
        workspace.pack(rules: rulesFile(
            "  - {id: T-NONE, title: T, severity: error, basis: B, require: 'true'}\n",
            rule("T-EACH", "require:\n  - check: true\n    message: một\n  - check: false\n    message: hai"),
            rule("T-HALF", "require:\n  - check: true\n    message: một\n  - check: false")))
        let errors = workspace.compile().1.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        XCTAssertEqual(errors, [
            "2:5 quy tắc T-NONE thiếu 'message' (thông báo khi vi phạm)",
            "12:5 quy tắc T-HALF thiếu 'message' (thông báo khi vi phạm), hoặc 'message' ở mọi điều kiện của 'require'",
        ])
    }

    // MARK: Parameters

    /// A pack whose rule builds the day of the report's year from a month-day parameter.
    private func deadlinePack(_ parameter: String = "default: \"01-31\"\n    format: month-day") {
        workspace.pack("t", manifest: "params:\n  deadline:\n    \(parameter)\n", rules: rulesFile(rule("T-LATE", """
            let:
              deadline: date(text(period.year) + "-" + params.deadline)
            require: date(issued) <= deadline
            message: "ban hành {{ date(issued) }}, hạn {{ deadline }}"
            """)))
    }

    /// A config giving pack `t`'s parameter `name` the value `written`: one error, at the
    /// config's line, saying `problem`; the rule still runs, with the default, and gives
    /// `findings` on `report`.
    private func assertRefusedAtTheConfig(_ name: String, _ written: String, problem: String, report: String, findings: [String],
                                          file: StaticString = #filePath, line: UInt = #line) throws {
        let (config, configErrors) = workspace.configuration("params:\n  t:\n    \(name): \(written)\n")
        XCTAssertEqual(configErrors.map(\.description), [], file: file, line: line)
        let (set, errors) = workspace.compile(config: config)
        XCTAssertEqual(errors.map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line):\($0.location.column) \($0.message)" },
                       ["cchc.yaml:3:5 tham số 't.\(name)' \(problem)"], "only the config is blamed for \(written)", file: file, line: line)
        XCTAssertEqual(set.brokenRuleIDs, [], file: file, line: line)
        let result = ReportChecker(rules: set, options: CheckOptions(today: testToday)).check(try loadReport(report))
        XCTAssertEqual(result.findings.map(\.message), findings, "the rule keeps the default", file: file, line: line)
    }

    func testAConfigValueOutsideTheParameterFormatIsRefusedAtTheConfig() throws {
        deadlinePack()
        let report = "period: {year: 2022}\nissued: 2022-03-15\n"
        for (written, problem) in [("\"13-45\"", "phải là ngày trong năm dạng MM-DD, có ở mọi năm (ví dụ \"01-31\"; không dùng \"02-29\"), nhận '13-45'"),
                                   ("abc", "phải là ngày trong năm dạng MM-DD, có ở mọi năm (ví dụ \"01-31\"; không dùng \"02-29\"), nhận 'abc'"),
                                   ("\"02-30\"", "phải là ngày trong năm dạng MM-DD, có ở mọi năm (ví dụ \"01-31\"; không dùng \"02-29\"), nhận '02-30'"),
                                   ("\"02-29\"", "phải là ngày trong năm dạng MM-DD, có ở mọi năm (ví dụ \"01-31\"; không dùng \"02-29\"), nhận '02-29'"),
                                   ("15", "phải là chuỗi văn bản, nhận số nguyên '15'")] {
            try assertRefusedAtTheConfig("deadline", written, problem: problem, report: report, findings: ["ban hành 15/03/2022, hạn 31/01/2022"])
        }
        let (config, _) = workspace.configuration("params:\n  t:\n    deadline: \"03-31\"\n")
        let (set, errors) = workspace.compile(config: config)
        XCTAssertEqual(errors.map(\.description), [])
        XCTAssertEqual(ReportChecker(rules: set, options: CheckOptions(today: testToday)).check(try loadReport(report)).findings.count, 0,
                       "a province's own deadline is used")
    }

    func testAParameterDefaultOutsideItsFormatAndAnUnknownFormatAreManifestErrors() {
        deadlinePack("default: \"1-31\"\n    format: month-day")
        XCTAssertEqual(workspace.compile().1.map { "\($0.location.line):\($0.location.column) \($0.message)" }, [
            "7:14 giá trị mặc định của tham số 'deadline' phải là ngày trong năm dạng MM-DD, có ở mọi năm (ví dụ \"01-31\"; không dùng \"02-29\"), nhận '1-31'",
        ])
        workspace = PackWorkspace()
        deadlinePack("default: \"01-31\"\n    format: month_day")
        XCTAssertEqual(workspace.compile().1.map { "\($0.location.line):\($0.location.column) \($0.message)" }, [
            "8:13 định dạng tham số 'month_day' không có (month-day) — ý bạn là 'month-day'?",
        ])
    }

    /// A pack whose rule compares a rate with a parameter declared as a fraction, 0–1.
    private func ratePack(_ parameter: String = "default: 0.3\n    minimum: 0\n    maximum: 1") {
        workspace.pack("t", manifest: "params:\n  min_rate:\n    \(parameter)\n", rules: rulesFile(rule("T-RATE", """
            require: rate >= params.min_rate
            message: "tỷ lệ {{ rate | percent }}, tối thiểu {{ params.min_rate | percent }}"
            """)))
    }

    /// A province that writes its target as a percentage (`30`) or a value no rate can reach is
    /// told so at its config's line; the rules keep the default (no "tối thiểu 3000%").
    func testAConfigValueOutsideTheParameterRangeIsRefusedAtTheConfig() throws {
        ratePack()
        let report = "rate: 0.25\n"
        for (written, problem) in [("30", "phải từ 0 đến 1, nhận 30 — tỷ lệ viết dạng số thập phân: 30 % viết là 0.3"),
                                   ("1.5", "phải từ 0 đến 1, nhận 1.5 — tỷ lệ viết dạng số thập phân: 1.5 % viết là 0.015"),
                                   ("-1", "phải từ 0 đến 1, nhận -1 — tỷ lệ viết dạng số thập phân, ví dụ 30 % viết là 0.3"),
                                   (".nan", "phải từ 0 đến 1, nhận NaN — tỷ lệ viết dạng số thập phân, ví dụ 30 % viết là 0.3")] {
            try assertRefusedAtTheConfig("min_rate", written, problem: problem, report: report, findings: ["tỷ lệ 25%, tối thiểu 30%"])
        }
        for bound in ["0", "1", "0.5"] {
            let (config, _) = workspace.configuration("params:\n  t:\n    min_rate: \(bound)\n")
            XCTAssertEqual(workspace.compile(config: config).1.map(\.description), [], "\(bound) is in range (both ends included)")
        }
    }

    func testParameterBoundsAreCheckedWhenThePackLoads() {
        for (parameter, expected) in [
            ("default: 1.3\n    minimum: 0\n    maximum: 1", "7:14 giá trị mặc định của tham số 'min_rate' phải từ 0 đến 1, nhận 1.3 — tỷ lệ viết dạng số thập phân: 1.3 % viết là 0.013"),
            ("default: 2\n    minimum: 5", "7:14 giá trị mặc định của tham số 'min_rate' phải từ 5 trở lên, nhận 2"),
            ("default: 0.5\n    minimum: 1\n    maximum: 0", "8:14 tham số 'min_rate': 'minimum' (1) lớn hơn 'maximum' (0)"),
            ("default: \"a\"\n    maximum: 1", "8:14 tham số 'min_rate': 'maximum' chỉ dùng cho tham số số, giá trị mặc định ở đây là string (chuỗi)"),
            ("default: 0.5\n    minimum: nhỏ", "8:14 'minimum' phải là một số"),
        ] {
            workspace = PackWorkspace()
            ratePack(parameter)
            XCTAssertEqual(workspace.compile().1.filter { $0.ruleID == nil }.map { "\($0.location.line):\($0.location.column) \($0.message)" },
                           [expected], parameter)
        }
    }
}
