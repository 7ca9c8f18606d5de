import Foundation
import XCTest

/// The example external plugin shipped in `Rules/examples/plugin-demo`, run through the CLI.
final class PluginDemoTests: XCTestCase {
    private let demo = CLI.repository.appendingPathComponent("Rules/examples/plugin-demo").path

    func testItsFixturesPassWithAllowExec() throws {
        let run = try CLI.run(["rules", "test", demo, "--allow-exec", "--no-shipped-rules"])
        assertStatus(run, 0)
        XCTAssertTrue(run.stdout.split(separator: "\n").contains("6 passed, 0 failed"), run.stdout)
    }

    func testCheckReportsAWrongTaxCode() throws {
        let scratch = CLI.Scratch()
        let report = scratch.write("don-vi.yaml", """
            unit:
              name: Văn phòng ví dụ
              tax_code: "0100233480"
            period:
              year: 2025
            """)
        let run = try CLI.run(["check", report, "--rules", demo, "--allow-exec", "--no-shipped-rules"])
        assertStatus(run, 1)
        assertFinding(run, "DEMO-TAX-CODE", at: report, 3, 13)
        XCTAssertTrue(run.output.contains("chữ số kiểm tra phải là 8"), run.output)

        let good = scratch.write("dung.yaml", "unit:\n  name: X\n  tax_code: \"0314409058-002\"\nperiod:\n  year: 2025\n")
        assertStatus(try CLI.run(["check", good, "--rules", demo, "--allow-exec", "--no-shipped-rules"]), 0)
    }

    func testWithoutAllowExecThePackIsRefused() throws {
        let run = try CLI.run(["check", CLI.fixture("reports/clean.yaml"), "--rules", demo, "--no-shipped-rules"])
        assertStatus(run, 2)
        XCTAssertTrue(run.stderr.contains("--allow-exec") && run.stderr.contains("allow_exec"), run.stderr)
        XCTAssertTrue(run.stderr.contains(demo + "/pack.yaml:"), "located at the plugin's declaration:\n\(run.stderr)")
    }

    func testExamplesAreNotAShippedPack() throws {
        let rules = CLI.repository.appendingPathComponent("Rules").path
        let run = try CLI.run(["rules", "list", rules, "--no-shipped-rules"])
        XCTAssertFalse(run.output.contains("plugin-demo"), "Rules/examples must not load as a pack:\n\(run.output)")
        XCTAssertFalse(run.output.contains("DEMO-TAX-CODE"), run.output)
    }
}
