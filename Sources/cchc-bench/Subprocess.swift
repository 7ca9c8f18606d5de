import Foundation
@preconcurrency import Glibc

/// What a finished child process used, from `wait4`.
struct ChildUsage {
    var status: Int32
    var wallSeconds: Double
    var userSeconds: Double
    var systemSeconds: Double
    /// Peak resident set size, bytes (`ru_maxrss`).
    var peakResidentBytes: Int

    /// (user + sys) / wall: 2.0 means both cores busy the whole time.
    var cpuUtilisation: Double { (userSeconds + systemSeconds) / wallSeconds }
}

/// Runs programs and measures them: CPU time from `wait4` (which includes the children the
/// program waited for), peak memory from `/usr/bin/time -f %M` when it is installed.
///
/// Why not `ru_maxrss` from `wait4`: posix_spawn shares the parent's memory until exec, and Linux
/// then records the parent's resident size as the child's peak, so a child spawned from a large
/// benchmark process would report the benchmark. `time` forks the program from its own small
/// process. Without it, `ru_maxrss` is used (an upper bound, exact while this process is small).
enum Subprocess {
    static let time = "/usr/bin/time"

    /// Runs `arguments[0]` (a path, or a name looked up in PATH) with the rest as arguments;
    /// standard output goes to `stdoutPath` (default /dev/null), standard error to `stderrPath`.
    static func run(_ arguments: [String], stdoutPath: String = "/dev/null", stderrPath: String? = nil) throws -> ChildUsage {
        guard access(time, X_OK) == 0 else { return try spawn(arguments, stdoutPath: stdoutPath, stderrPath: stderrPath) }
        var template = Array("/tmp/cchc-bench-time-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { return try spawn(arguments, stdoutPath: stdoutPath, stderrPath: stderrPath) }
        close(fd)
        let memoryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(memoryPath) }
        var usage = try spawn([time, "-f", "%M", "-o", memoryPath] + arguments, stdoutPath: stdoutPath, stderrPath: stderrPath)
        let text = (try? String(contentsOfFile: memoryPath, encoding: .utf8)) ?? ""
        // `time` writes "Command exited with non-zero status N" before the number when the program fails.
        if let kilobytes = text.split(separator: "\n").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            usage.peakResidentBytes = kilobytes * 1024
        }
        return usage
    }

    private static func spawn(_ arguments: [String], stdoutPath: String, stderrPath: String?) throws -> ChildUsage {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let stderrPath { posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = Measurement.now()
        let code = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
        guard code == 0 else {
            throw BenchmarkFailure(description: "cannot run \(arguments[0]): \(String(cString: strerror(code)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchmarkFailure(description: "wait4: \(String(cString: strerror(errno)))") }
        }
        let wall = Measurement.now() - start
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildUsage(status: exitCode, wallSeconds: wall, userSeconds: seconds(usage.ru_utime),
                          systemSeconds: seconds(usage.ru_stime), peakResidentBytes: usage.ru_maxrss * 1024)
    }
}

/// CPU time of this process so far (user + system), seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}
