import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import XCTest

/// The `cchc` binary built next to this test bundle, run as a user would run it, with what it
/// used (wall time, peak memory) measured by `wait4`.
enum CLI {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
        /// Peak resident set size of the child, bytes.
        var peakBytes: Int
        var output: String { stdout + stderr }
    }

    /// `.build/<triple>/debug/cchc`, beside the test bundle (`swift build` builds it; the test
    /// target also depends on it).
    static var binary: String {
        let bundleDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
        for directory in [bundleDirectory, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          Bundle.main.bundleURL] {
            let candidate = directory.appendingPathComponent("cchc").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return bundleDirectory.appendingPathComponent("cchc").path
    }

    /// Runs `cchc arguments…` in `directory`, standard input from /dev/null; an optional shell
    /// `prefix` (`ulimit -f 1;`) runs first, through /bin/sh.
    static func run(_ arguments: [String], in directory: String, shellPrefix: String? = nil,
                    file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        let binary = binary
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw XCTSkip("no cchc binary at \(binary): run `swift build` first")
        }
        let outPath = directory + "/.cli-stdout", errPath = directory + "/.cli-stderr"
        // Through /bin/sh for the working folder (and an optional prefix); `exec` keeps one process,
        // so wait4 measures cchc itself.
        let argv = ["/bin/sh", "-c", "cd \"$0\" || exit 97; \(shellPrefix ?? "") exec \"$@\"", directory, binary] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArguments { free(p) } }
        // A clean environment: no colour, no rules home from the caller.
        let variables: [String] = ["PATH=/usr/bin:/bin", "NO_COLOR=1", "LANG=C.UTF-8"]
        var environment: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
        defer { for p in environment { free(p) } }
        var pid: pid_t = 0
        let start = Date()
        let code = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, &environment)
        guard code == 0 else { throw NSError(domain: "spawn", code: Int(code)) }
        var status: Int32 = 0
        var usage = rusage()
        // Peak memory from /proc while cchc runs: wait4's ru_maxrss is no good here, since a
        // process started by posix_spawn (vfork) inherits the test process's own high-water mark.
        var peakKilobytes = 0
        while true {
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if done < 0, errno != EINTR { break }
            peakKilobytes = max(peakKilobytes, Self.highWaterMarkKilobytes(of: pid))
            usleep(2_000)
        }
        let seconds = Date().timeIntervalSince(start)
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        defer { unlink(outPath); unlink(errPath) }
        return Run(status: exitStatus, stdout: read(outPath), stderr: read(errPath), seconds: seconds,
                   peakBytes: peakKilobytes * 1024)
    }

    /// `VmHWM` of a running process, in kilobytes (0 when it cannot be read).
    static func highWaterMarkKilobytes(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }
}
