import Foundation
import XCTest
import YAML
@testable import RuleEngine

/// The external plugin protocol: JSON `{"function", "args"}` on stdin, `{"value"}` or
/// `{"error"}` on stdout, within a timeout; and the permission a pack needs to run one.
final class ExternalPluginTests: XCTestCase {
    private let scratch = ScratchDirectory()

    /// Writes an executable plugin script and declares it with one function.
    private func plugin(_ name: String, _ script: String, returns: ValueType = .any, parameters: [ValueType] = [.any],
                        timeoutMilliseconds: Int = 2000) -> ExternalPlugin {
        let path = scratch.write("\(name).py", "#!/usr/bin/env python3\nimport json, sys, time\n" + script, executable: true)
        return ExternalPlugin(declaration: PluginDeclaration(
            name: name, command: path,
            functions: [PluginFunctionDeclaration(name: "f", parameters: parameters, returns: returns, summary: "thử")],
            timeoutMilliseconds: timeoutMilliseconds, location: SourceLocation(file: "pack.yaml", line: 1, column: 1)))
    }

    /// The plugin error message of a call, or a test failure.
    private func failure(_ p: ExternalPlugin, _ args: [Value] = [], file: StaticString = #filePath, line: UInt = #line) -> String {
        thrownError(FunctionError.self, file: file, line: line) { try p.call("f", args) }?.message ?? ""
    }

    func testAGoodPluginGetsTheRequestAndAnswersAValue() throws {
        let echo = plugin("echo", """
            request = json.load(sys.stdin)
            print(json.dumps({"value": json.dumps(request, ensure_ascii=False, separators=(",", ":"))}))
            """)
        let args: [Value] = [.string("Đông \"Hòa\"\n"), .int(1), .decimal(2.5), .bool(true), .null,
                             .date(CalendarDate(year: 2022, month: 1, day: 14)!), .list([.int(1), .string("x")])]
        XCTAssertEqual(try echo.call("f", args).spelled,
                       #"string("{\"function\":\"f\",\"args\":[\"Đông \\\"Hòa\\\"\\n\",1,2.5,true,null,\"2022-01-14\",[1,\"x\"]]}")"#)
    }

    func testAnswersOfEveryType() throws {
        let answers = plugin("answers", """
            print(json.dumps({"value": [3, 2.5, True, None, "Hòa", "2022-01-14", [1, "a", False], -7, 1e20]}))
            """)
        XCTAssertEqual(try answers.call("f", []).spelled,
                       #"[int(3), decimal(2.5), bool(true), null, string("Hòa"), string("2022-01-14"), [int(1), string("a"), bool(false)], int(-7), decimal(1e+20)]"#)
    }

    func testAPluginDeclaredToReturnADateGivesADate() throws {
        var registry = FunctionRegistry.standard
        var errors: [RuleError] = []
        let workspace = PackWorkspace()
        workspace.scratch.write("t/plugins/d.py", "#!/usr/bin/env python3\nprint('{\"value\": \"2022-01-14\"}')\n", executable: true)
        workspace.pack(manifest: """
            plugins:
              - name: d
                command: plugins/d.py
                functions:
                  - {name: ngay, params: [], returns: date}
                  - {name: chuoi, params: [], returns: string}
            """, rules: rulesFile(rule("T-A", "require: ngay() == 2022-01-14 and chuoi() == '2022-01-14'")))
        let (packs, loadErrors) = workspace.loadPacks()
        XCTAssertEqual(loadErrors.map(\.description), [])
        PluginFunctions.register(into: &registry, packs: packs, allowExec: true, errors: &errors)
        XCTAssertEqual(errors.map(\.description), [])
        let set = RuleSet(packs: packs, config: Configuration(), functions: registry, model: nil)
        XCTAssertEqual(set.errors.map(\.description), [])
        let result = ReportChecker(rules: set).check(try loadReport("a: 1\n"))
        XCTAssertEqual(result.findings.map(\.message), [])
        XCTAssertEqual(result.outcome("T-A"), .passed)
    }

    func testNonZeroExitIsAnError() {
        let failing = plugin("fails", "sys.stderr.write('không mở được bảng mã')\nsys.exit(3)\n")
        XCTAssertEqual(failure(failing), "plugin fails thoát với mã 3: không mở được bảng mã")
    }

    func testAHangingPluginIsKilledAtItsTimeout() {
        let hanging = plugin("hangs", "time.sleep(30)\n", timeoutMilliseconds: 300)
        let start = Date()
        XCTAssertEqual(failure(hanging), "plugin hangs không trả lời trong 300 ms — đã dừng")
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "bounded by the timeout, not by the plugin")
    }

    /// What a hanging plugin started is stopped with it (a shell plugin's `sleep 30` was left
    /// running, its parent PID 1).
    func testAHangingPluginsChildrenAreKilledToo() throws {
        let pidFile = scratch.path + "/child.pid"
        let hanging = plugin("spawns", """
            import subprocess
            child = subprocess.Popen(["sleep", "30"])
            open(\(String(reflecting: pidFile)), "w").write(str(child.pid))
            child.wait()
            """, timeoutMilliseconds: 1500)
        XCTAssertEqual(failure(hanging), "plugin spawns không trả lời trong 1500 ms — đã dừng")
        let child = try XCTUnwrap(Int32(try String(contentsOfFile: pidFile, encoding: .utf8)))
        let deadline = Date().addingTimeInterval(3)
        while kill(child, 0) == 0, Date() < deadline { usleep(20_000) }
        XCTAssertNotEqual(kill(child, 0), 0, "the plugin's child \(child) is still running")
    }

    func testGarbageOutputIsAnError() {
        XCTAssertTrue(failure(plugin("garbage", "print('xin chào')\n")).hasPrefix("plugin garbage trả về dữ liệu không phải JSON"))
        XCTAssertEqual(failure(plugin("novalue", "print('{\"ket_qua\": 1}')\n")), "plugin novalue trả lời thiếu khóa \"value\"")
        XCTAssertTrue(failure(plugin("array", "print('[1, 2]')\n")).contains("không phải JSON"))
    }

    func testAnErrorAnswerIsReported() {
        let refusing = plugin("refuses", "print(json.dumps({'error': 'mã số thuế không hợp lệ'}, ensure_ascii=False))\n")
        XCTAssertEqual(failure(refusing), "plugin refuses báo lỗi: mã số thuế không hợp lệ")
    }

    func testAnswersAreCachedPerRun() throws {
        let log = scratch.path + "/calls.log"
        let counting = plugin("counting", "open('\(log)', 'a').write('x')\nprint(json.dumps({'value': json.load(sys.stdin)['args'][0] * 2}))\n")
        XCTAssertEqual(try counting.call("f", [.int(21)]).spelled, "int(42)")
        XCTAssertEqual(try counting.call("f", [.int(21)]).spelled, "int(42)")
        XCTAssertEqual(try counting.call("f", [.int(1)]).spelled, "int(2)")
        XCTAssertEqual(try String(contentsOfFile: log, encoding: .utf8), "xx", "one process per distinct request")
    }

    /// Through a rule: a failing plugin is a located RULE-ERROR of that rule, not a crash.
    func testPluginFailureInARuleIsARuleError() throws {
        let workspace = PackWorkspace()
        workspace.scratch.write("t/plugins/bad.py", "#!/usr/bin/env python3\nprint('???')\n", executable: true)
        workspace.pack(manifest: "plugins:\n  - {name: bad, command: plugins/bad.py, functions: [{name: kiem_tra, params: [string], returns: bool}]}\n",
                       rules: rulesFile(rule("T-PLUGIN", "require: kiem_tra(unit.name)")))
        let result = try workspace.check("unit: {name: X}\n", config: allowExec())
        XCTAssertTrue(result.single("RULE-ERROR")?.message.contains("kiem_tra: plugin bad trả về dữ liệu không phải JSON") ?? false)
    }

    func testPluginsRunOnlyWhenAllowed() {
        let workspace = PackWorkspace()
        workspace.scratch.write("t/plugins/ok.py", "#!/usr/bin/env python3\nprint('{\"value\": true}')\n", executable: true)
        workspace.pack(manifest: """
            plugins:
              - name: ok
                command: plugins/ok.py
                functions: [{name: hop_le, params: [string], returns: bool}]
            """, rules: rulesFile(rule("T-PLUGIN", "require: hop_le(unit.name)")))
        let (_, denied) = workspace.compile()
        XCTAssertEqual(denied.count, 2, denied.map(\.description).joined(separator: "\n"))
        let permission = denied[0].message
        XCTAssertTrue(permission.contains("cần chạy plugin 'ok'") && permission.contains("--allow-exec") && permission.contains("allow_exec: true"), permission)
        XCTAssertEqual(denied[0].location.line, 6, "at the plugin's declaration in pack.yaml")
        XCTAssertTrue(denied[1].message.contains("không có hàm 'hop_le'"))

        let (set, allowed) = workspace.compile(config: allowExec())
        XCTAssertEqual(allowed.map(\.description), [])
        XCTAssertEqual(set.rules.map(\.id), ["T-PLUGIN"])
    }

    func testADeclaredPluginThatCannotRunIsAnError() {
        let workspace = PackWorkspace()
        workspace.scratch.write("t/plugins/not-executable.py", "print(1)\n")
        workspace.pack(manifest: "plugins:\n  - {name: x, command: plugins/not-executable.py, functions: [{name: f, params: [whatever]}]}\n",
                       rules: rulesFile(rule("T-A", "require: true")))
        let messages = workspace.compile(config: allowExec()).1.map(\.message)
        XCTAssertTrue(messages.contains { $0.contains("kiểu 'whatever' không hợp lệ") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("plugin 'x': không có tệp chạy được") }, "\(messages)")
    }

    func testTimeoutMustBeAReasonableNumberOfMilliseconds() {
        for timeout in [".nan", "1e300", "-5", "0"] {
            let workspace = PackWorkspace()
            workspace.pack(manifest: "plugins:\n  - {name: x, command: /bin/true, timeout_ms: \(timeout), functions: [{name: f}]}\n",
                           rules: rulesFile(rule("T-A", "require: true")))
            let messages = workspace.loadPacks().1.map(\.message)
            XCTAssertEqual(messages, ["'timeout_ms' phải từ 1 đến 600000 (mili giây), nhận \(timeout)"], timeout)
        }
    }

    private func allowExec() -> Configuration {
        var config = Configuration()
        config.allowExec = true
        return config
    }
}
