import XCTest
@testable import RuleEngine
import YAML

/// Baselines: keyed by rule, unit, year and path — never by line — so reformatting a report
/// keeps old findings old.
final class BaselineTests: XCTestCase {
    private var workspace = PackWorkspace()

    override func setUp() {
        workspace = PackWorkspace()
        workspace.pack(rules: rulesFile(
            rule("T-FONT", "for_each: documents\nas: doc\nrequire: doc.font == 'Times New Roman'\nat: doc.font"),
            rule("T-SIZE", severity: "warning", "for_each: documents\nas: doc\nrequire: doc.size >= 13")))
    }

    private let original = """
        unit: {name: UBND xã A}
        period: {year: 2022}
        documents:
          - {ref: a, font: Arial, size: 12}
          - {ref: b, font: Times New Roman, size: 12}
        waivers:
          - {rule: T-SIZE, target: 'documents[b]', reason: Mẫu của tỉnh}
        """

    /// The same report with keys reordered, comments and blank lines added, block style.
    private let reformatted = """
        # Báo cáo năm 2022 — đã định dạng lại
        period:
          year: 2022

        unit:
          name: UBND xã A
        waivers:
          - rule: T-SIZE
            reason: Mẫu của tỉnh
            target: documents[b]
        documents:
          - font: Arial   # phông sai
            ref: a
            size: 12
          - ref: b
            size: 12
            font: Times New Roman
        """

    private func run(_ yaml: String, file: String = "bao-cao.yaml") throws -> [ReportResult] {
        let set = workspace.ruleSet()
        return [ReportChecker(rules: set, options: CheckOptions(today: testToday)).check(try loadReport(yaml, file: file))]
    }

    private func newFindings(_ reports: [ReportResult]) -> [String] {
        reports.flatMap(\.findings).filter(\.counts).map { "\($0.ruleID)@\($0.path)" }
    }

    func testRoundTripThroughTheFileAfterReformatting() throws {
        let before = try run(original)
        XCTAssertEqual(newFindings(before), ["T-SIZE@documents[0]", "T-FONT@documents[0].font"])
        let baseline = Baseline(run: before)
        XCTAssertEqual(baseline.counts.count, 2, "the waived finding is not baselined")
        let reread = try Baseline(jsonData: baseline.jsonData())
        XCTAssertEqual(reread, baseline)

        var after = try run(reformatted, file: "bao-cao-moi.yaml")
        XCTAssertNotEqual(after[0].findings.map(\.location.line), before[0].findings.map(\.location.line), "lines moved")
        let resolved = reread.apply(to: &after)
        XCTAssertEqual(newFindings(after), [], "nothing is new after reformatting")
        XCTAssertEqual(resolved, [])
    }

    func testNewAndResolvedFindings() throws {
        let baseline = Baseline(run: try run(original))
        var changed = try run(original.replacingOccurrences(of: "font: Arial, size: 12", with: "font: Times New Roman, size: 13")
            .replacingOccurrences(of: "waivers:\n", with: "  - {ref: z, font: Calibri, size: 14}\nwaivers:\n"))
        let resolved = baseline.apply(to: &changed)
        XCTAssertEqual(newFindings(changed), ["T-FONT@documents[2].font"], "only the added document is new")
        XCTAssertEqual(resolved, ["T-FONT|UBND xã A|2022|documents[0].font", "T-SIZE|UBND xã A|2022|documents[0]"])
    }

    func testCountsRepeatedKeys() throws {
        let once = try run(original)
        let two = Baseline(run: once + once)
        var three = try run(original) + run(original) + run(original)
        XCTAssertEqual(two.apply(to: &three).count, 0)
        XCTAssertEqual(newFindings(three), ["T-SIZE@documents[0]", "T-FONT@documents[0].font"], "the third copy is new")
    }

    /// A streamed run marks and records report by report: the same marks, resolved entries and
    /// recorded baseline as the whole run.
    func testReportByReportIsTheWholeRun() throws {
        let baseline = Baseline(run: try run(original) + run(original))
        let reports = try run(original) + run(original) + run(original.replacingOccurrences(of: "size: 12", with: "size: 13")) + run(original)
        var whole = reports
        let resolved = baseline.apply(to: &whole)
        var matching = BaselineMatching(baseline)
        var recorded = Baseline()
        var streamed: [ReportResult] = []
        for report in reports {
            var one = [report]
            matching.mark(&one)
            recorded.record(one)
            streamed += one
        }
        XCTAssertEqual(streamed.map { $0.findings.map(\.isNew) }, whole.map { $0.findings.map(\.isNew) })
        XCTAssertEqual(newFindings(streamed), newFindings(whole))
        XCTAssertFalse(newFindings(whole).isEmpty, "the last copies are new")
        XCTAssertEqual(matching.resolvedEntries, resolved)
        XCTAssertEqual(recorded, Baseline(run: whole))
    }

    /// A run that writes a baseline records what `record` does and leaves no finding that counts
    /// (the waived one was never counted); the findings read as they do checked against it.
    func testAdoptingRecordsAndMarksAsCheckingAgainstTheBaselineWould() throws {
        var adopted = try run(original)
        var written = Baseline()
        written.adopt(&adopted)
        XCTAssertEqual(written, Baseline(run: try run(original)))
        XCTAssertEqual(newFindings(adopted), [])
        var checked = try run(original)
        XCTAssertEqual(written.apply(to: &checked), [])
        XCTAssertEqual(adopted.map { $0.findings.map(\.isNew) }, checked.map { $0.findings.map(\.isNew) })
    }

    /// A RULE-ERROR says a rule could not run: a baseline never takes it, so writing one under
    /// `--skip-broken-rules` does not hide the broken rule from then on (the run that wrote it
    /// exited 0, and so did every run checked against it).
    func testARuleThatCouldNotRunIsNeverBaselined() throws {
        var reports = try run(original)
        let error = BuiltInFindings.ruleError
        reports[0].findings.append(Finding(ruleID: error.id, severity: error.severity, title: error.title,
                                           message: "quy tắc T-X lỗi khi chạy: chia cho 0", area: error.area,
                                           location: SourceLocation(file: "a.yaml", line: 1, column: 1), path: ""))
        var written = Baseline()
        written.adopt(&reports)
        XCTAssertEqual(written, Baseline(run: try run(original)))
        XCTAssertEqual(newFindings(reports), ["\(error.id)@"])

        // A baseline written before holds the entry: it matches nothing, and the rule error counts.
        let key = Baseline.key(reports[0], try XCTUnwrap(reports[0].findings.last))
        XCTAssertEqual(key, "RULE-ERROR|UBND xã A|2022|")
        let old = try Baseline(jsonData: Data(#"{"format": 1, "entries": [{"key": "RULE-ERROR|UBND xã A|2022|", "count": 1}]}"#.utf8))
        var checked = reports.map { report -> ReportResult in
            var report = report
            for i in report.findings.indices { report.findings[i].isNew = true }
            return report
        }
        XCTAssertEqual(old.apply(to: &checked), ["RULE-ERROR|UBND xã A|2022|"])
        XCTAssertTrue(newFindings(checked).contains("\(error.id)@"), "\(newFindings(checked))")
    }

    func testIdentityFallsBackToTheFileName() throws {
        let anonymous = try run("documents:\n  - {ref: a, font: Arial, size: 13}\n", file: "x.yaml")
        XCTAssertEqual(Baseline(run: anonymous).counts.keys.sorted(), ["T-FONT|x.yaml|documents[0].font"])
    }

    func testMalformedBaselineFiles() {
        for text in ["", "[]", "{\"format\": 2, \"entries\": []}", "{\"format\": 1, \"entries\": [{\"key\": 1}]}"] {
            XCTAssertThrowsError(try Baseline(jsonData: Data(text.utf8)), text) { error in
                XCTAssertTrue(error is BaselineError, "\(error)")
            }
        }
    }
}
