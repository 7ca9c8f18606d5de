import XCTest
@testable import RuleEngine

/// `cchc.yaml`: pack selection, rules turned off or re-graded, parameter overrides, and the
/// located errors for names that do not exist.
final class ConfigurationTests: XCTestCase {
    private var workspace = PackWorkspace()
    private let report = "unit: {name: UBND xã A}\nperiod: {year: 2022}\nrate: 0.25\n"

    /// Two packs: `a` with a rate rule and a parameter, `b` with one failing rule.
    override func setUp() {
        workspace = PackWorkspace()
        workspace.pack("a", manifest: "params:\n  min_rate:\n    default: 0.3\n  label:\n    default: tỷ lệ\n",
                       rules: rulesFile(rule("A-RATE", severity: "warning", """
                           require: rate >= params.min_rate
                           message: "{{ params.label }} {{ rate | percent }}, tối thiểu {{ params.min_rate | percent }}"
                           """)))
        workspace.pack("b", rules: rulesFile(rule("B-FAIL", "require: false")))
    }

    private func run(config yaml: String) throws -> (ReportResult, [RuleError]) {
        let (config, configErrors) = workspace.configuration(yaml)
        let (set, errors) = workspace.compile(config: config)
        return (ReportChecker(rules: set, options: CheckOptions(today: testToday)).check(try loadReport(report)), configErrors + errors)
    }

    private func assertClean(_ errors: [RuleError], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(errors.map(\.description), [], file: file, line: line)
    }

    func testDefaultsRunEveryPack() throws {
        let (result, errors) = try run(config: "{}\n")
        assertClean(errors)
        XCTAssertEqual(result.findings.map(\.ruleID).sorted(), ["A-RATE", "B-FAIL"])
        XCTAssertEqual(result.single("A-RATE")?.message, "tỷ lệ 25%, tối thiểu 30%")
    }

    func testPacksSelection() throws {
        let (result, errors) = try run(config: "packs: [b]\n")
        assertClean(errors)
        XCTAssertEqual(result.findings.map(\.ruleID), ["B-FAIL"])
    }

    func testRulesTurnedOffAndRegraded() throws {
        var (result, errors) = try run(config: "rules:\n  B-FAIL: off\n  A-RATE: error\n")
        assertClean(errors)
        XCTAssertEqual(result.findings.map { "\($0.ruleID) \($0.severity)" }, ["A-RATE error"])
        (result, errors) = try run(config: "rules:\n  B-FAIL: false\n  A-RATE: {severity: info}\n")
        assertClean(errors)
        XCTAssertEqual(result.findings.map { "\($0.ruleID) \($0.severity)" }, ["A-RATE info"])
        (result, errors) = try run(config: "rules:\n  B-FAIL: {severity: off}\n")
        assertClean(errors)
        XCTAssertEqual(result.findings.map(\.ruleID), ["A-RATE"])
    }

    /// A pack's not-applicable notice is named in `rules:` like a rule: `off` stops its findings,
    /// drops it from the listed rules and makes a waiver of it unused (saying why); a severity
    /// re-grades its findings and its listing.
    func testNoticesTurnedOffAndRegraded() throws {
        workspace.pack("n", manifest: """
            effective: {from: 2020-03-05, field: issued_on}
            not_applicable: {id: N-NOT-APPLICABLE, title: Văn bản cũ, message: "văn bản {{ it.ref }} ban hành trước 05/03/2020"}
            """, rules: rulesFile(rule("N-DOC", "for_each: documents\nrequire: true")))
        let report = """
            unit: {name: UBND xã A}
            period: {year: 2022}
            rate: 0.5
            documents:
              - {ref: cv-1, issued_on: 2019-05-10}
            waivers:
              - {rule: N-NOT-APPLICABLE, target: 'documents[0]', reason: đã biết}
            """
        func run(_ yaml: String) throws -> (notices: [String], waiverNotes: [String], listed: [String], turnedOff: String?) {
            let (config, configErrors) = workspace.configuration(yaml)
            let (set, errors) = workspace.compile(config: config)
            assertClean(configErrors + errors)
            let result = ReportChecker(rules: set, options: CheckOptions(today: testToday)).check(try loadReport(report))
            return (result.findings("N-NOT-APPLICABLE").map { "\($0.path) \($0.severity) waived: \($0.waiver != nil)" },
                    result.findings.filter { $0.ruleID.hasPrefix("WAIVER-") }.map(\.message),
                    set.descriptors(on: testToday).filter { $0.area == "n" }.map { "\($0.id) \($0.severity)" },
                    set.turnedOffRules["N-NOT-APPLICABLE"])
        }
        let asShipped = try run("{}\n")
        XCTAssertEqual(asShipped.notices, ["documents[0] info waived: true"])
        XCTAssertEqual(asShipped.listed, ["N-DOC error", "N-NOT-APPLICABLE info"])
        let off = try run("rules:\n  N-NOT-APPLICABLE: off\n")
        XCTAssertEqual(off.notices, [])
        XCTAssertEqual(off.waiverNotes, ["miễn trừ N-NOT-APPLICABLE cho 'documents[0]' không khớp phát hiện nào: "
                                            + "quy tắc N-NOT-APPLICABLE đã tắt trong cấu hình"])
        XCTAssertEqual(off.listed, ["N-DOC error"])
        XCTAssertEqual(off.turnedOff, "quy tắc N-NOT-APPLICABLE đã tắt trong cấu hình")
        let regraded = try run("rules:\n  N-NOT-APPLICABLE: warning\n")
        XCTAssertEqual(regraded.notices, ["documents[0] warning waived: true"])
        XCTAssertEqual(regraded.listed, ["N-DOC error", "N-NOT-APPLICABLE warning"])
        XCTAssertNil(regraded.turnedOff)
    }

    func testParamsOverride() throws {
        let (result, errors) = try run(config: "params:\n  a:\n    min_rate: 0.2\n")
        assertClean(errors)
        XCTAssertEqual(result.findings.map(\.ruleID), ["B-FAIL"], "a province lowers the target: 25% passes")
        let (stricter, _) = try run(config: "params:\n  a: {min_rate: 0.5, label: Tỷ lệ trực tuyến}\n")
        XCTAssertEqual(stricter.single("A-RATE")?.message, "Tỷ lệ trực tuyến 25%, tối thiểu 50%")
    }

    func testUnknownNamesAreErrorsWithSuggestions() throws {
        let (_, errors) = try run(config: """
            packs: [a, bb]
            rules:
              A-RAET: off
              B-FAIL: critical
            params:
              a:
                min_rat: 0.2
                label: 3
              c: {x: 1}
            alow_exec: true
            """)
        let lines = errors.map { "\($0.location.line):\($0.location.column) \($0.message)" }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        XCTAssertEqual(lines, [
            "1:8 không có bộ quy tắc 'bb' — ý bạn là 'b'?",
            "3:3 cấu hình nhắc tới quy tắc không tồn tại 'A-RAET' — ý bạn là 'A-RATE'?",
            "4:11 mức của B-FAIL phải là off, info, warning hoặc error",
            "7:5 bộ quy tắc 'a' không có tham số 'min_rat' — ý bạn là 'min_rate'?",
            "8:5 tham số 'a.label' phải là chuỗi văn bản, nhận số nguyên '3'",
            "9:3 params: không có bộ quy tắc 'c' — ý bạn là 'a'?",
            "10:1 khóa 'alow_exec' không dùng được trong tệp cấu hình cchc.yaml — ý bạn là 'allow_exec'?",
        ])
        XCTAssertTrue(errors.allSatisfy { $0.location.file.hasSuffix("cchc.yaml") })
    }

    func testAllowExecAndRulePacks() {
        let (config, errors) = workspace.configuration("allow_exec: true\nrule_packs: [tinh/quy-tac, /abs/pack]\n")
        assertClean(errors)
        XCTAssertTrue(config.allowExec)
        XCTAssertEqual(config.packDirectories, [(workspace.scratch.path as NSString).appendingPathComponent("tinh/quy-tac"), "/abs/pack"])
        XCTAssertFalse(workspace.configuration("{}\n").0.allowExec, "execution is off unless asked for")
    }

    func testConfigIsFoundUpwards() {
        let scratch = workspace.scratch
        let config = scratch.write("tinh/cchc.yaml", "packs: [a]\n")
        let deep = scratch.folder("tinh/huyen/xa")
        XCTAssertEqual(Configuration.find(from: deep).map { URL(fileURLWithPath: $0).standardizedFileURL.path },
                       URL(fileURLWithPath: config).standardizedFileURL.path)
        XCTAssertNil(Configuration.find(from: scratch.folder("khac")).flatMap { $0.hasPrefix(scratch.path) ? $0 : nil })
    }

    func testBrokenConfigYAMLIsLocated() {
        let (_, errors) = workspace.configuration("packs: [a\n")
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors.first?.location.file.hasSuffix("cchc.yaml") ?? false)
    }
}
