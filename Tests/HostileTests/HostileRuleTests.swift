import Foundation
import RuleEngine
import XCTest
import YAML

/// Rules that run away and plugins that misbehave: each becomes a located RULE-ERROR finding
/// within bounded time, and every other rule and report is still checked.
final class HostileRuleTests: XCTestCase {
    static let regexRules = """
      - id: THU-REGEX
        title: Mẫu quay lui thảm họa
        severity: warning
        basis: Văn bản thử
        require: 'matches(unit.name, "(a+)+$")'
        message: "tên {{ unit.name }}"

    """

    /// `matches(x, "(a+)+$")` against `aaaa…b` backtracks until ICU gives up on its own (about
    /// 0.5 s on an idle machine, answering "no match"); the rule's time budget, well below
    /// that, stops it first, and THU-FONT (same report) and the second report are still
    /// checked. A budget of 0.5 s raced ICU and lost on an idle machine.
    func testCatastrophicRegexIsStoppedByTheRuleBudget() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules + Self.regexRules)
        try scratch.write("reports/a.yaml", Reports.report(name: String(repeating: "a", count: 5_000) + "b", documents: 1,
                                                           font: { _ in "Arial" }))
        try scratch.write("reports/b.yaml", Reports.report(name: "aaaa", documents: 1, font: { _ in "Calibri" }))
        let run = try CLI.run(["check", scratch.path + "/reports", "--rule-timeout", "0.1"] + scratch.packArguments, in: scratch.path)
        XCTAssertFast(run, within: 8, "catastrophic regex")
        XCTAssertEqual(run.status, 1, run.output)
        XCTAssertTrue(run.output.contains("RULE-ERROR"), run.output)
        XCTAssertTrue(run.output.contains("THU-REGEX (") && run.output.contains("thu.yaml:"), "names the rule and its file:line\n\(run.output)")
        XCTAssertTrue(run.output.contains("quá thời gian"), run.output)
        XCTAssertTrue(run.output.contains("a.yaml:1:1"), "located in the report\n\(run.output)")
        XCTAssertTrue(run.output.contains("phông chữ Arial") && run.output.contains("phông chữ Calibri"), "other rules and reports still checked")
    }

    /// With the default budget (2 s) the same regex was stopped by ICU itself after about half a
    /// second, answered "no match", and the rule fired as if the name were wrong. A match that
    /// runs a quarter of a second is now a located RULE-ERROR saying what to rewrite.
    func testACatastrophicRegexIsARuleErrorUnderTheDefaultBudget() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules + Self.regexRules)
        for (file, length) in [("short", 28), ("long", 5_000)] {
            try scratch.write("reports/\(file).yaml", Reports.report(name: String(repeating: "a", count: length) + "b", documents: 1,
                                                                     font: { _ in "Arial" }))
        }
        let run = try CLI.run(["check", scratch.path + "/reports"] + scratch.packArguments, in: scratch.path)
        XCTAssertFast(run, within: 8, "catastrophic regex, default budget")
        XCTAssertEqual(run.output.components(separatedBy: "[RULE-ERROR]: quy tắc THU-REGEX (").count, 3, run.output)
        XCTAssertTrue(run.output.contains("biểu thức chính quy quay lui quá nhiều"), run.output)
        XCTAssertFalse(run.output.contains("cảnh báo[THU-REGEX]"), "no answer is made up\n\(run.output)")
        XCTAssertEqual(run.output.components(separatedBy: "phông chữ Arial").count, 3, "other rules still checked")
    }

    /// The same through the engine: the budget applies to `ExpressionLanguage.evaluate` too.
    func testCatastrophicRegexThroughTheEngine() throws {
        let document = try XCTUnwrap(YAMLLoader().load(bytes: Array("name: \(String(repeating: "a", count: 3000))b\n".utf8), file: "x.yaml").first)
        let start = Date()
        let outcome = try ExpressionLanguage.evaluate(#"matches(name, "(a+)+$")"#, in: document, budgetSeconds: 0.02)
        XCTAssertEqual(outcome, .timedOut)
        XCTAssertLessThan(Date().timeIntervalSince(start), 3)
        XCTAssertEqual(try ExpressionLanguage.evaluate(#"matches(name, "a+b")"#, in: document, budgetSeconds: 0.2), .value("có"))
    }

    /// Strings that grow (nested replace, long concatenations and joins of a 1 MB field) stop at
    /// 16 MB with a run-time error instead of exhausting memory. (The expressions are built
    /// linearly here: an expression text that doubles per level is itself a memory bomb.)
    func testStringBombsAreBounded() throws {
        let megabyte = String(repeating: "a", count: 1 << 20)
        let document = try XCTUnwrap(YAMLLoader().load(bytes: Array("short: aaaa\nlong: \(megabyte)\n".utf8), file: "x.yaml").first)
        let start = Date()
        var replaced = "short"
        for _ in 0 ..< 8 { replaced = #"replace(\#(replaced), "a", "aaaaaaaaaa")"# }  // 400 MB unbounded; stops past 16 MB
        let sum = Array(repeating: "long", count: 20).joined(separator: " + ")            // 20 MB
        let joined = "join([" + Array(repeating: "long", count: 20).joined(separator: ", ") + "], \"\")"
        for expression in [replaced, sum, joined] {
            guard case .runtimeError(let message) = try ExpressionLanguage.evaluate(expression, in: document) else {
                return XCTFail("expected a run-time error for \(expression.prefix(60))")
            }
            XCTAssertTrue(message.contains("quá giới hạn"), message)
        }
        XCTAssertEqual(try ExpressionLanguage.evaluate("length(text(long) + text(long))", in: document), .value("2097152"))
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    /// A rule quadratic in a 10,000-element list (10^8 lambda calls) is stopped by its budget:
    /// one RULE-ERROR, not one per document; THU-FONT still reports.
    func testQuadraticRuleOnALongListIsStopped() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules + """
          - id: THU-QUAD
            title: Không trùng mã
            severity: error
            basis: Văn bản thử
            for_each: documents
            as: doc
            require: count(filter(documents, d => d.ref == doc.ref)) == 1
            message: "trùng {{ doc.ref }}"

        """)
        try scratch.write("big.yaml", Reports.report(documents: 10_000, font: { $0 == 7 ? "Arial" : "Times New Roman" }))
        let run = try CLI.run(["check", scratch.path + "/big.yaml", "--rule-timeout", "0.5"] + scratch.packArguments, in: scratch.path)
        XCTAssertFast(run, within: 15, "quadratic rule")
        XCTAssertEqual(run.output.components(separatedBy: "[RULE-ERROR]").count - 1, 1, run.output)
        XCTAssertTrue(run.output.contains("THU-QUAD"), run.output)
        XCTAssertTrue(run.output.contains("phông chữ Arial"), run.output)
    }

    /// A rule with no list function and no regex is quick per target, but a list of 200,000
    /// targets is not: the time budget holds between targets too (it was only looked at inside
    /// lambdas and regular expressions).
    func testBudgetHoldsBetweenTargets() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules)
        try scratch.write("big.yaml", Reports.report(documents: 200_000))
        let run = try CLI.run(["check", scratch.path + "/big.yaml", "--rule-timeout", "0.001"] + scratch.packArguments, in: scratch.path)
        XCTAssertFast(run, within: 20, "200,000 targets")
        XCTAssertTrue(run.output.contains("[RULE-ERROR]: quy tắc THU-FONT"), String(run.output.prefix(3000)))
        XCTAssertTrue(run.output.contains("chạy quá thời gian cho phép (0,001 giây)"), String(run.output.prefix(3000)))
    }

    /// A "let bomb": `a1: a0 + a0`, `a2: a1 + a1`, … 40 levels would compile 2^40 nodes. It is
    /// refused when the rules are loaded, with the rule named, in milliseconds.
    func testLetBombIsRefusedAtLoad() throws {
        let scratch = try Scratch()
        let lets = (1 ... 40).map { "      a\($0): a\($0 - 1) + a\($0 - 1)" }.joined(separator: "\n")
        try scratch.pack(rules: Reports.basicRules + """
          - id: THU-LET-BOMB
            title: Bom biến let
            severity: warning
            basis: Văn bản thử
            let:
              a0: '"x"'
        \(lets)
            require: length(a40) > 0
            message: "dài"

        """)
        try scratch.write("reports/a.yaml", Reports.report())
        let lint = try CLI.run(["rules", "lint", scratch.path + "/pack"], in: scratch.path)
        XCTAssertFast(lint, within: 5, "let bomb, lint")
        XCTAssertEqual(lint.status, 2, lint.output)
        XCTAssertTrue(lint.output.contains("THU-LET-BOMB") && lint.output.contains("thu.yaml:"), lint.output)
        let check = try CLI.run(["check", scratch.path + "/reports"] + scratch.packArguments, in: scratch.path)
        XCTAssertFast(check, within: 5, "let bomb, check")
        XCTAssertEqual(check.status, 2, "broken rules: exit 2\n\(check.output)")
    }

    /// External plugins that hang, print garbage, or fail: located RULE-ERRORs, the run goes on.
    func testMisbehavingPlugins() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules + """
          - {id: THU-HANG, title: Treo, severity: warning, basis: Thử, require: treo(unit.name), message: treo}
          - {id: THU-GARBAGE, title: Rác, severity: warning, basis: Thử, require: rac(unit.name), message: rác}
          - {id: THU-CRASH, title: Hỏng, severity: warning, basis: Thử, require: hong(unit.name), message: hỏng}

        """, manifestExtra: """
        plugins:
          - name: treo
            command: plugins/treo.sh
            timeout_ms: 300
            functions: [{name: treo, params: [string], returns: bool}]
          - name: rac
            command: plugins/rac.sh
            functions: [{name: rac, params: [string], returns: bool}]
          - name: hong
            command: plugins/hong.sh
            functions: [{name: hong, params: [string], returns: bool}]
        """)
        // Hangs without reading its input, in a child process that keeps the pipes open.
        try scratch.write("pack/plugins/treo.sh", "#!/bin/sh\nsleep 5\n")
        try scratch.write("pack/plugins/rac.sh", "#!/bin/sh\ncat >/dev/null\nprintf '\\377\\376 không phải JSON {{{'\n")
        try scratch.write("pack/plugins/hong.sh", "#!/bin/sh\ncat >/dev/null\necho 'Segmentation fault' >&2\nexit 139\n")
        for name in ["treo", "rac", "hong"] { chmod(scratch.path + "/pack/plugins/\(name).sh", 0o755) }
        for i in 1 ... 3 {
            try scratch.write("reports/\(i).yaml", Reports.report(name: "UBND xã \(i)", documents: 1, font: { _ in "Arial" }))
        }
        let run = try CLI.run(["check", scratch.path + "/reports", "--allow-exec"] + scratch.packArguments, in: scratch.path)
        XCTAssertFast(run, within: 12, "misbehaving plugins")
        XCTAssertEqual(run.status, 1, run.output)
        let ruleErrors = run.output.components(separatedBy: "\n").filter { $0.contains("[RULE-ERROR]") }
        XCTAssertEqual(ruleErrors.count, 9, "three plugins × three reports:\n\(run.output)")
        XCTAssertEqual(ruleErrors.filter { $0.contains("THU-HANG") && $0.contains("300 ms") }.count, 3, run.output)
        XCTAssertEqual(ruleErrors.filter { $0.contains("THU-GARBAGE") && $0.contains("không phải JSON") }.count, 3, run.output)
        XCTAssertEqual(ruleErrors.filter { $0.contains("THU-CRASH") && $0.contains("139") }.count, 3, run.output)
        XCTAssertEqual(run.output.components(separatedBy: "phông chữ Arial").count - 1, 3, "THU-FONT in every report")
    }
}
