import XCTest
@testable import RuleEngine

/// The fixture runner behind `cchc rules test`: cases built from a base report with `patch`,
/// `set` and `unset`; `expect` / `expect_not`; failures, coverage gaps and the summary line.
final class RuleTestRunnerTests: XCTestCase {
    private let rules = rulesFile(
        rule("T-FONT", "for_each: documents\nas: doc\nrequire: doc.layout.font == 'Times New Roman'\nat: doc.layout.font"),
        rule("T-RATE", severity: "warning", "require: one_stop_shop.received_online * 10 >= one_stop_shop.received"),
        rule("T-UNTESTED", "require: true"))

    private let base = """
        unit: {name: UBND xã A}
        period: {year: 2022}
        documents:
          - ref: a
            number: "0012"
            layout: {font: Times New Roman, size: 13}
        one_stop_shop: {received: 100, received_online: 40}
        """

    /// Runs the fixtures `tests` (file name → text) of one pack with the rules above.
    private func run(_ tests: [String: String]) -> RuleTestReport {
        let workspace = PackWorkspace()
        var files = ["base.yaml": base]
        for (name, text) in tests { files["tests/\(name)"] = text }
        workspace.pack(rules: rules, files: files)
        let set = workspace.ruleSet()
        return RuleTestRunner.run(packs: set.packs, ruleSet: set, options: CheckOptions(today: testToday))
    }

    private func summary(_ report: RuleTestReport) -> String? { report.text.split(separator: "\n").last.map(String.init) }

    func testCasesBuiltFromBasePatchSetAndUnset() {
        let report = run(["cases.yaml": """
            base: ../base.yaml
            cases:
              - name: sạch
                expect_not: [T-FONT, T-RATE]
              - name: phông sai
                set:
                  documents[0].layout.font: Arial
                expect:
                  - rule: T-FONT
                    path: documents[0].layout.font
                expect_not: [T-RATE]
              - name: thêm văn bản thứ hai
                set:
                  documents[1]: {ref: b, layout: {font: Calibri}}
                expect:
                  - rule: T-FONT
                    path: documents[1].layout.font
              - name: ít hồ sơ trực tuyến
                patch:
                  one_stop_shop: {received_online: 5}
                expect: [T-RATE]
              - name: bỏ phông
                unset:
                  - documents[0].layout.font
                expect:
                  - rule: T-FONT
                    path: documents[0].layout.font
              - name: báo cáo đầy đủ
                report:
                  documents:
                    - {ref: x, layout: {font: Arial}}
                expect: [T-FONT, T-RATE]
            """])
        XCTAssertEqual(report.errors.map(\.description), [])
        XCTAssertEqual(report.results.filter { !$0.passed }.map(\.fixture.name), [])
        XCTAssertEqual(summary(report), "6 passed, 0 failed")
        XCTAssertEqual(report.coverage["T-FONT"]?.fires, 4)
        XCTAssertEqual(report.coverage["T-FONT"]?.holds, 1)
        XCTAssertEqual(report.coverage["T-RATE"]?.holds, 2)
    }

    func testQuotedScalarsStayStrings() {
        // `number: "0012"` must reach the rule as text, not as the integer 12.
        let workspace = PackWorkspace()
        workspace.pack(rules: rulesFile(rule("T-NUMBER", "for_each: documents\nrequire: length(text(it.number)) == 4")),
                       files: ["base.yaml": base, "tests/t.yaml": "base: ../base.yaml\ncases:\n  - name: giữ số 0\n    expect_not: [T-NUMBER]\n"])
        let set = workspace.ruleSet()
        XCTAssertEqual(RuleTestRunner.run(packs: set.packs, ruleSet: set, options: CheckOptions()).failedCount, 0)
    }

    func testMissedAndUnexpectedFindingsFailTheirCase() {
        let report = run(["cases.yaml": """
            base: ../base.yaml
            cases:
              - name: bỏ sót
                expect: [T-FONT]
              - name: báo nhầm
                set: {one_stop_shop.received_online: 0}
                expect_not: [T-FONT]
              - name: sai đường dẫn
                set:
                  documents[0].layout.font: Arial
                expect:
                  - {rule: T-FONT, path: 'documents[0].layout'}
            """])
        XCTAssertEqual(report.results.map(\.passed), [false, false, false])
        XCTAssertEqual(report.results[0].missing.map(\.rule), ["T-FONT"])
        XCTAssertEqual(report.results[1].unexpected.map(\.ruleID), ["T-RATE"], "a finding of the pack nobody expected")
        XCTAssertEqual(report.results[2].missing.map(\.path), ["documents[0].layout"])
        XCTAssertEqual(summary(report), "0 passed, 3 failed")
        XCTAssertTrue(report.text.contains("bỏ sót T-FONT"))
        XCTAssertTrue(report.text.contains("báo nhầm T-RATE tại (báo cáo)"))
    }

    func testCoverageGapsAreListed() {
        let report = run(["cases.yaml": "base: ../base.yaml\ncases:\n  - name: chỉ phát hiện\n    set:\n      documents[0].layout.font: Arial\n    expect: [T-FONT]\n"])
        let gaps = report.untestedDirections.map { "\($0.rule) \($0.needsFiring) \($0.needsPassing)" }
        XCTAssertEqual(gaps, ["T-FONT false true", "T-RATE true true", "T-UNTESTED true true"])
        XCTAssertTrue(report.text.contains("T-FONT: chưa có ca không được phát hiện (expect_not)"))
    }

    func testBrokenFixtureFilesAreLocatedFailures() {
        let report = run([
            "a.yaml": """
                base: ../base.yaml
                cases:
                  - name: khóa lạ
                    expct: [T-FONT]
                  - name: đường dẫn qua giá trị đơn
                    set:
                      unit.name.first: x
                  - name: chỉ số ngoài danh sách
                    unset:
                      - documents[5].ref
                """,
            "b.yaml": "base: ../khong-co.yaml\ncases:\n  - name: không có gốc\n",
            "c.yaml": "cases: [\n",
        ])
        // Problems of a file outside any case are the report's errors; a broken case fails with its own.
        let messages = (report.errors + report.results.flatMap(\.fixture.problems))
            .map { "\(($0.location.file as NSString).lastPathComponent):\($0.location.line) \($0.message)" }
        XCTAssertEqual(messages.count, 6, messages.joined(separator: "\n"))
        XCTAssertTrue(messages.contains("a.yaml:4 khóa 'expct' không dùng được trong ca kiểm thử — ý bạn là 'expect'?"), "\(messages)")
        XCTAssertTrue(messages.contains("a.yaml:7 không đặt được giá trị tại đường dẫn 'unit.name.first': "
                                        + "'unit.name' không phải nhóm trường, không có trường 'first'"), "\(messages)")
        XCTAssertTrue(messages.contains("a.yaml:10 không xóa được đường dẫn 'documents[5].ref': 'documents' có 1 phần tử, không có phần tử [5]"), "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("b.yaml:1 không đọc được báo cáo gốc '../khong-co.yaml'") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("b.yaml:3 ca 'không có gốc' cần 'report'") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("c.yaml:") }, "\(messages)")
        XCTAssertEqual(summary(report), "0 passed, 6 failed", "four broken cases and two broken files, each counted once")
    }

    func testTreeValueRoundTrip() throws {
        let doc = try loadReport("a:\nb: '12'\nc: 12\nd: [1, x, true]\ne: {f: \"q\\\"uote\"}\ng: 2022-01-14\n")
        let tree = TreeValue(doc, try XCTUnwrap(doc.root))
        let again = try loadReport(tree.yaml)
        XCTAssertEqual(TreeValue(again, try XCTUnwrap(again.root)), tree)
        let expected: KeyValuePairs<String, String> = ["a ?? 'absent'": "string(\"absent\")", "b": "string(\"12\")", "c": "int(12)",
                                       "d": "[int(1), string(\"x\"), bool(true)]", "e.f": "string(\"q\\\"uote\")",
                                       "g": "string(\"2022-01-14\")"]
        for (expression, value) in expected { assertEvaluates(expression, value, report: tree.yaml) }
        XCTAssertEqual(TreeValue.steps("documents[0].layout.font"), [.field("documents"), .index(0), .field("layout"), .field("font")])
        XCTAssertNil(TreeValue.steps("a..b"))
        XCTAssertNil(TreeValue.steps("a[x]"))
    }
}
