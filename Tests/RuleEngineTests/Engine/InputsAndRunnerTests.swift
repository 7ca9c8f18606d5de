import XCTest
@testable import RuleEngine

/// `ReportInputs.expand` (what a directory argument means) and `CheckRunner` (many files,
/// unreadable ones included, results in input order).
final class InputsAndRunnerTests: XCTestCase {
    func testDirectoryMeansEveryReportFileUnderIt() throws {
        let scratch = ScratchDirectory()
        let root = scratch.folder("reports")
        for name in ["b.YML", "a.yaml", "c.json", "notes.txt", ".hidden.yaml", ".git/x.yaml", "cchc.yaml", "sub/cchc.yml", "sub/d.yaml", "sub/deeper/e.yml"] {
            scratch.write("reports/\(name)", "a: 1\n")
        }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: root + "/sub/loop", withDestinationPath: root)            // a directory loop
        try fm.createSymbolicLink(atPath: root + "/self", withDestinationPath: root + "/self")      // a link to itself
        try fm.createSymbolicLink(atPath: root + "/link.yaml", withDestinationPath: root + "/a.yaml")

        let (files, missing) = ReportInputs.expand([root, root + "/nope.yaml", "-"])
        let relative = files.map { $0.hasPrefix(root + "/") ? String($0.dropFirst(root.count + 1)) : $0 }
        // link.yaml is a.yaml: one report, under its first spelling.
        XCTAssertEqual(relative, ["a.yaml", "b.YML", "c.json", "sub/d.yaml", "sub/deeper/e.yml", "-"])
        XCTAssertEqual(missing.map(\.location.file), [root + "/nope.yaml"])
        XCTAssertEqual(missing.first?.kind, .io)
    }

    /// A file named twice (`a.yaml` and `./a.yaml`, or inside a folder also given) is one input:
    /// `cchc sample` counted it as two units, `cchc check` checked it twice.
    func testAFileNamedTwiceIsOneInput() {
        let scratch = ScratchDirectory()
        let file = scratch.write("reports/a.yaml", "a: 1\n")
        let other = scratch.write("reports/b.yaml", "a: 1\n")
        let folder = (file as NSString).deletingLastPathComponent
        XCTAssertEqual(ReportInputs.expand([file, folder + "/./a.yaml", folder, "-", "-"]).files, [file, other, "-", "-"])
    }

    func testAFileArgumentIsTakenWhateverItsExtension() {
        let scratch = ScratchDirectory()
        let file = scratch.write("bao-cao.txt", "a: 1\n")
        XCTAssertEqual(ReportInputs.expand([file]).files, [file])
    }

    func testRunnerChecksEveryFileAndReportsUnreadableOnes() throws {
        let workspace = PackWorkspace()
        workspace.pack(rules: rulesFile(rule("T-A", "require: a == 1")))
        let scratch = workspace.scratch
        let files = [
            scratch.write("1-good.yaml", "a: 1\n"),
            scratch.write("2-syntax.yaml", "a: [1\n"),
            scratch.write("3-duplicate.yaml", "a: 1\nb: 2\na: 3\n"),
            scratch.write("4-stream.yaml", "a: 1\n---\na: 2\n"),
            scratch.write("5-empty.yaml", ""),
            scratch.path + "/6-missing.yaml",
            scratch.write("7-bad.yaml", "a: 2\n"),
        ]
        let runner = CheckRunner(checker: ReportChecker(rules: workspace.ruleSet()))
        let results = runner.check(files: files, concurrency: 2)
        XCTAssertEqual(results.map { ($0.file as NSString).lastPathComponent + ($0.documentIndex.map { "#\($0)" } ?? "") },
                       ["1-good.yaml", "2-syntax.yaml", "3-duplicate.yaml", "4-stream.yaml#1", "4-stream.yaml#2",
                        "5-empty.yaml", "6-missing.yaml", "7-bad.yaml"])
        XCTAssertEqual(results.map { $0.findings.map(\.ruleID).joined(separator: ",") },
                       ["", "YAML-SYNTAX", "YAML-DUPLICATE-KEY", "", "T-A", "YAML-SYNTAX", "YAML-SYNTAX", "T-A"])
        let duplicate = results[2].findings[0]
        XCTAssertEqual(duplicate.location.line, 3)
        XCTAssertEqual(duplicate.relatedLocations.map(\.line), [1], "the first occurrence is named too")
        XCTAssertEqual(results[1].findings[0].location.line, 2)
    }

    func testSourceLinesOfFindingsAreKept() throws {
        let workspace = PackWorkspace()
        workspace.pack(rules: rulesFile(rule("T-A", "require: a == 1\nat: a")))
        let file = workspace.scratch.write("r.yaml", "\u{FEFF}# đầu\r\na: 2\r\n")
        let result = try XCTUnwrap(CheckRunner(checker: ReportChecker(rules: workspace.ruleSet())).check(file: file).first)
        XCTAssertEqual(result.findings.map(\.location.line), [2])
        XCTAssertEqual(result.sourceLines, [2: "a: 2"])
        let withoutLines = try XCTUnwrap(CheckRunner(checker: ReportChecker(rules: workspace.ruleSet()), keepsSourceLines: false)
            .check(file: file).first)
        XCTAssertEqual(withoutLines.findings.map(\.location.line), [2])
        XCTAssertEqual(withoutLines.sourceLines, [:])
    }

    func testSourceLinesAreCutAtEveryLineEnd() {
        let source = Array("\u{FEFF}một\r\nhai\n\nbốn".utf8)
        XCTAssertEqual(ReportChecker.lines([1, 2, 3, 4, 9], of: source), [1: "một", 2: "hai", 3: "", 4: "bốn"])
        XCTAssertEqual(ReportChecker.lines([2], of: Array("a\n".utf8)), [2: ""])  // after the final newline
        XCTAssertEqual(ReportChecker.lines([1], of: []), [1: ""])
        XCTAssertEqual(ReportChecker.lines([], of: Array("a".utf8)), [:])
    }

    func testTimingsAreMeasuredPerRule() throws {
        let workspace = PackWorkspace()
        workspace.pack(rules: rulesFile(rule("T-A", "require: a == 1"), rule("T-B", "require: true")))
        let checker = ReportChecker(rules: workspace.ruleSet(), options: CheckOptions(measureTimings: true))
        _ = checker.check(try loadReport("a: 1\n"))
        XCTAssertEqual(Set(checker.timings.slowestFirst.map(\.id)), ["T-A", "T-B"])
        let quiet = ReportChecker(rules: workspace.ruleSet())
        _ = quiet.check(try loadReport("a: 1\n"))
        XCTAssertTrue(quiet.timings.slowestFirst.isEmpty)
    }
}
