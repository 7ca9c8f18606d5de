import Foundation
import XCTest

/// Runs the built `cchc` executable the way a user does, with the small packs and reports of
/// `Fixtures/`. Besides the tests' own `--no-shipped-rules`, every run is isolated:
/// `CCHC_RULES_HOME` points at an empty Rules home and the working directory is a fresh
/// scratch folder, so no shipped pack, schema or `cchc.yaml` of the repository takes part.
enum CLI {
    /// What a run of `cchc` did.
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        var output: String { stdout + stderr }
    }

    /// `Tests/CLITests/Fixtures`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The repository root (for `Rules/examples`).
    static let repository = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fixture's absolute path: `fixture("reports/clean.yaml")`.
    static func fixture(_ relative: String) -> String { fixtures.appendingPathComponent(relative).path }

    /// The `cchc` executable: `CCHC_BINARY`, else next to the test bundle (SwiftPM puts every
    /// product of a build in one directory), else `.build/debug/cchc`.
    static let binary: String = {
        if let explicit = ProcessInfo.processInfo.environment["CCHC_BINARY"] { return explicit }
        let bundleDirectories = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                                 Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for directory in bundleDirectories {
            let candidate = directory.appendingPathComponent("cchc").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return repository.appendingPathComponent(".build/debug/cchc").path
    }()

    /// Runs `cchc arguments…` (or another `executable`, such as a shell that finds `cchc` on a
    /// `PATH`) in `directory` (a new scratch folder when nil), with `input` on standard input;
    /// fails the test instead of hanging past `timeout` seconds.
    static func run(_ arguments: [String], input: String? = nil, in directory: String? = nil,
                    environment extra: [String: String] = [:], executable: String = binary, timeout: TimeInterval = 60,
                    file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            XCTFail("no cchc executable at \(binary): build it with `swift build` (or set CCHC_BINARY)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        let scratch = Scratch()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? scratch.path)
        var environment = ProcessInfo.processInfo.environment
        environment["CCHC_RULES_HOME"] = fixture("rules-home")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let outPath = scratch.path + "/stdout", errPath = scratch.path + "/stderr", inPath = scratch.path + "/stdin"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        _ = FileManager.default.createFile(atPath: inPath, contents: Data((input ?? "").utf8))
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let inp = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        defer { try? out.close(); try? err.close(); try? inp.close() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            XCTFail("cchc \(arguments.joined(separator: " ")) did not finish in \(timeout) s", file: file, line: line)
            _ = finished.wait(timeout: .now() + 5)
        }
        return Run(status: process.terminationStatus,
                   stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// A scratch folder, deleted with the value.
    final class Scratch {
        let path: String
        init() {
            path = (NSTemporaryDirectory() as NSString).appendingPathComponent("cchc-cli-\(UUID().uuidString)")
            try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        /// Writes a file in the folder and returns its path.
        @discardableResult
        func write(_ name: String, _ text: String) -> String {
            let full = (path as NSString).appendingPathComponent(name)
            try! Data(text.utf8).write(to: URL(fileURLWithPath: full))
            return full
        }
    }
}

/// Severity words a text reporter may use (English or Vietnamese), for `assertFinding`.
enum FindingSeverity {
    case error, warning, info
    var words: [String] {
        switch self {
        case .error: ["error", "lỗi"]
        case .warning: ["warning", "cảnh báo"]
        case .info: ["info", "thông tin"]
        }
    }
}

/// Asserts the exit status, showing everything the command printed when it differs.
func assertStatus(_ run: CLI.Run, _ expected: Int32, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(run.status, expected, "stdout:\n\(run.stdout)\nstderr:\n\(run.stderr)", file: file, line: line)
}

/// Asserts that some output line reports `rule` at `path:line:column` with `severity` — the
/// parts of the text format that stay while its rendering changes.
func assertFinding(_ run: CLI.Run, _ rule: String, at path: String, _ line: Int, _ column: Int,
                   _ severity: FindingSeverity = .error, file: StaticString = #filePath, sourceLine: UInt = #line) {
    let place = "\(path):\(line):\(column):"
    let found = run.output.split(separator: "\n").contains { text in
        text.contains(place) && severity.words.contains { text.contains("\($0)[\(rule)]") }
    }
    XCTAssertTrue(found, "no \(severity) [\(rule)] at \(place) in:\n\(run.output)", file: file, line: sourceLine)
}

/// Asserts that no output line names `rule`.
func assertNoFinding(_ run: CLI.Run, _ rule: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertFalse(run.output.contains("[\(rule)]"), "unexpected [\(rule)] in:\n\(run.output)", file: file, line: line)
}
