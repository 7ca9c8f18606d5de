import Foundation
import XCTest

/// `cchc rules lint|test|list` and `--help` everywhere.
final class RulesCommandTests: XCTestCase {
    private func pack(_ name: String) -> String { CLI.fixture("packs/\(name)") }

    func testLintReportsEveryErrorWithFileLineColumn() throws {
        let run = try CLI.run(["rules", "lint", pack("broken"), "--no-shipped-rules"])
        assertStatus(run, 2)
        let a = pack("broken") + "/rules/a.yaml", b = pack("broken") + "/rules/b.yaml"
        let expected = [
            ("\(a):6:14:", "'count'"),        // cout(documents)
            ("\(a):18:32:", "không so sánh được"),  // length(…) == "3"
            ("\(b):2:5:", "'severity'"),      // missing severity
            ("\(b):4:5:", "'severity'"),      // severty: did you mean
            ("\(b):8:7:", "'length'"),        // lenght(…) on the block scalar's second line
        ]
        let lines = run.stderr.split(separator: "\n")
        for (place, words) in expected {
            XCTAssertTrue(lines.contains { $0.hasPrefix(place) && $0.contains(words) }, "no '\(place) … \(words)' in:\n\(run.stderr)")
        }
        XCTAssertEqual(lines.filter { $0.hasPrefix(a) || $0.hasPrefix(b) }.count, expected.count, run.stderr)
        XCTAssertFalse(run.output.contains("BROKEN-GOOD"), "the good rule between broken ones is fine")
    }

    func testLintOfCleanPacksExitsZero() throws {
        let run = try CLI.run(["rules", "lint", pack("basic"), pack("failing"), "--no-shipped-rules"])
        assertStatus(run, 0)
        XCTAssertEqual(run.stderr, "")
    }

    func testRulesTestSummaryAndExitCodes() throws {
        let passing = try CLI.run(["rules", "test", pack("basic"), "--no-shipped-rules"])
        assertStatus(passing, 0)
        XCTAssertTrue(passing.stdout.split(separator: "\n").contains("4 passed, 0 failed"), passing.stdout)

        let failing = try CLI.run(["rules", "test", pack("failing"), "--no-shipped-rules"])
        assertStatus(failing, 1)
        XCTAssertTrue(failing.stdout.split(separator: "\n").contains("0 passed, 1 failed"), failing.stdout)
        XCTAssertTrue(failing.stdout.contains("CLI-NAME"), failing.stdout)

        let both = try CLI.run(["rules", "test", pack("basic"), pack("failing"), "--no-shipped-rules"])
        assertStatus(both, 1)
        XCTAssertTrue(both.stdout.split(separator: "\n").contains("4 passed, 1 failed"), both.stdout)
    }

    func testRulesTestRefusesBrokenPacks() throws {
        let run = try CLI.run(["rules", "test", pack("basic"), pack("broken"), "--no-shipped-rules"])
        assertStatus(run, 2)
        XCTAssertTrue(run.stderr.contains(pack("broken") + "/rules/a.yaml:6:14:"), run.stderr)
    }

    /// A domain function that exists but needs a data table no loaded pack declares is not
    /// "không có hàm": the error names the table and how to declare it.
    func testAFunctionWithoutItsDataSaysWhichDataIsMissing() throws {
        let scratch = CLI.Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path + "/rules", withIntermediateDirectories: true)
        scratch.write("pack.yaml", "id: x\ntitle: Bộ x\nversion: 1.0.0\nbasis: Căn cứ\n")
        scratch.write("rules/r.yaml", """
            rules:
              - id: X-TYPE
                title: Loại văn bản
                severity: error
                basis: Căn cứ
                require: type_abbreviation("Quyết định") == "QĐ"
                message: sai
            """)
        let run = try CLI.run(["rules", "lint", scratch.path, "--no-shipped-rules"])
        assertStatus(run, 2)
        XCTAssertTrue(run.stderr.contains(scratch.path + "/rules/r.yaml:6:14:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("hàm 'type_abbreviation' cần bảng loại văn bản (dữ liệu 'document_types')"), run.stderr)
        XCTAssertFalse(run.stderr.contains("không có hàm"), run.stderr)
    }

    func testRulesList() throws {
        let run = try CLI.run(["rules", "list", pack("basic"), "--no-shipped-rules"])
        assertStatus(run, 0)
        for id in ["cli-basic", "CLI-FONT", "CLI-ONLINE-RATE", "CLI-HOTLINE"] {
            XCTAssertTrue(run.stdout.contains(id), run.stdout)
        }
    }

    func testHelpOfEveryCommand() throws {
        let commands: [([String], [String])] = [
            ([], ["check", "rules"]),
            (["check"], ["--fail-on", "--baseline", "--as-of", "--rules", "--allow-exec", "--timings"]),
            (["rules"], ["lint", "test", "list"]),
            (["rules", "lint"], ["--rules", "--no-shipped-rules"]),
            (["rules", "test"], ["--allow-exec"]),
            (["rules", "list"], ["--config"]),
        ]
        for (command, mentions) in commands {
            let run = try CLI.run(command + ["--help"])
            assertStatus(run, 0)
            for word in mentions + ["CÁCH DÙNG:"] {
                XCTAssertTrue(run.stdout.contains(word), "\(command) --help lacks \(word):\n\(run.stdout)")
            }
        }
    }
}
